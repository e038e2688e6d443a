package io.github.crossarb.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.venue.Table;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.venue.PositionReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code positions}: the venue's own view of our positions (not the controller's ledger). */
@Command(name = "positions", description = {
    "Print the positions a venue reports for the account (the venue's view, not the controller's ledger).",
    "Kalshi nets YES against NO within a market, so it shows one outcome per market."})
public final class PositionsCommand extends VenueCommand {
  @Override
  int run(VenueSession session, PrintWriter out) {
    List<PositionReport> positions = session.call(venue -> venue.execution().positions());
    if (options.json()) {
      ArrayNode array = VenueJson.MAPPER.createArrayNode();
      positions.forEach(position -> array.add(VenueJson.position(position)));
      printJson(out, array, true);
      return ExitCodes.OK;
    }
    if (positions.isEmpty()) {
      out.println("no positions at " + options.venue().label());
    } else {
      Table table = new Table("INSTRUMENT", "OUTCOME", "QUANTITY", "COST");
      for (PositionReport position : positions) {
        table.row(position.instrument(), position.outcome().name().toLowerCase(Locale.ROOT), position.quantity(),
            Table.dollars(position.cost()));
      }
      out.println(table);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
