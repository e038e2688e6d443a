package io.github.crossarb.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.venue.CancelResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code order cancel}: one order by the venue's id, or all of ours. */
@Command(name = "cancel", description = "Cancel one order by the venue's order id, or every open order with --all.")
public final class CancelOrderCommand extends VenueCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "ORDER_ID", description = "The venue's order id ('orders' lists them).")
  private String orderId;

  @Option(names = "--all", description = "Cancel every open order of the account at this venue.")
  private boolean all;

  @Override
  void validate() {
    if (all == (orderId != null)) {
      throw usage("give either ORDER_ID or --all");
    }
  }

  @Override
  int run(VenueSession session, PrintWriter out) {
    if (all) {
      List<VenueOrderId> cancelled = session.call(venue -> venue.execution().cancelAll());
      if (options.json()) {
        ArrayNode array = VenueJson.MAPPER.createArrayNode();
        cancelled.forEach(id -> array.add(id.value()));
        printJson(out, VenueJson.MAPPER.createObjectNode().set("cancelled", array), true);
      } else {
        out.println("cancelled " + cancelled.size() + " order(s) at " + options.venue().label());
        cancelled.forEach(id -> out.println("  " + id));
        out.flush();
      }
      return ExitCodes.OK;
    }
    VenueOrderId id = new VenueOrderId(orderId.trim());
    CancelResult result = session.call(venue -> venue.execution().cancel(id));
    if (options.json()) {
      printJson(out, VenueJson.MAPPER.createObjectNode().put("orderId", id.value())
          .put("result", result.name().toLowerCase(Locale.ROOT)), true);
    } else {
      out.println(result == CancelResult.CANCELLED
          ? "cancelled " + id
          : "order " + id + " was not open (already filled, cancelled or unknown to the venue)");
      out.flush();
    }
    return ExitCodes.OK;
  }
}
