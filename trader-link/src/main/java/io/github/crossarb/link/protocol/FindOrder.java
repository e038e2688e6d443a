package io.github.crossarb.link.protocol;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/** Look up the order sent as {@code clientOrderId} (resolves an unknown outcome); answered by {@link OrderFound} or {@link CommandFailed}. */
public record FindOrder(String commandId, VenueId venue, ClientOrderId clientOrderId) implements LinkMessage.Command {
  public FindOrder {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(clientOrderId, "clientOrderId");
  }
}
