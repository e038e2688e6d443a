package io.github.crossarb.link.protocol;

import io.github.crossarb.core.venue.OrderReport;
import java.util.Optional;
import java.util.Objects;

/** Answer to {@link FindOrder}: the order as the venue reports it, or empty when the venue never got it. */
public record OrderFound(String commandId, Optional<OrderReport> order) implements LinkMessage.Reply {
  public OrderFound {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(order, "order");
  }
}
