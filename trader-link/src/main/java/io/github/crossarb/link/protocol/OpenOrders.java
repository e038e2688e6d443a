package io.github.crossarb.link.protocol;

import io.github.crossarb.core.venue.OrderReport;
import java.util.List;
import java.util.Objects;

/** Answer to {@link FetchOpenOrders}. */
public record OpenOrders(String commandId, List<OrderReport> orders) implements LinkMessage.Reply {
  public OpenOrders {
    Objects.requireNonNull(commandId, "commandId");
    orders = List.copyOf(orders);
  }
}
