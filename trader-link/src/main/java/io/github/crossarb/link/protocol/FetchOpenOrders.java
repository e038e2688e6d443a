package io.github.crossarb.link.protocol;

import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/** Our open orders at {@code venue}; answered by {@link OpenOrders} or {@link CommandFailed}. */
public record FetchOpenOrders(String commandId, VenueId venue) implements LinkMessage.Command {
  public FetchOpenOrders {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(venue, "venue");
  }
}
