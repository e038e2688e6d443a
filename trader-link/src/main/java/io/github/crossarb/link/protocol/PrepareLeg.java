package io.github.crossarb.link.protocol;

import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/** The exact request the trader would send for {@code order}, without sending it (dry runs); answered by {@link LegPrepared} or {@link CommandFailed}. */
public record PrepareLeg(String commandId, VenueId venue, OrderRequest order) implements LinkMessage.Command {
  public PrepareLeg {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(order, "order");
  }
}
