package io.github.crossarb.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.venue.Table;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.venue.OrderReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code orders}: our open orders at a venue. */
@Command(name = "orders", description = "Print the account's open orders at a venue.")
public final class OrdersCommand extends VenueCommand {
  @Override
  int run(VenueSession session, PrintWriter out) {
    List<OrderReport> orders = session.call(venue -> venue.execution().openOrders());
    if (options.json()) {
      ArrayNode array = VenueJson.MAPPER.createArrayNode();
      orders.forEach(order -> array.add(VenueJson.order(order)));
      printJson(out, array, true);
      return ExitCodes.OK;
    }
    if (orders.isEmpty()) {
      out.println("no open orders at " + options.venue().label());
    } else {
      out.println(table(orders));
    }
    out.flush();
    return ExitCodes.OK;
  }

  static Table table(List<OrderReport> orders) {
    Table table = new Table("ORDER", "CLIENT ORDER", "INSTRUMENT", "OUTCOME", "SIDE", "PRICE", "SIZE", "FILLED",
        "STATUS", "CREATED");
    for (OrderReport order : orders) {
      table.row(order.venueOrderId(), order.clientOrderId(), order.instrument(), lower(order.outcome()),
          lower(order.side()), Table.price(order.price()), order.size(), order.filled(), lower(order.status()), order.createdAt());
    }
    return table;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
