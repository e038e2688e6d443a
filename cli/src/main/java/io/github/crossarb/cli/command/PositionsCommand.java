package io.github.crossarb.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.venue.Table;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.PositionReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code positions}: the controller's ledger ({@code $ARB_DATA_DIR/positions.json}, checked
 * against the journal, no engine needed), or with {@code --venue} the venue's own view.
 */
@Command(name = "positions", description = {
    "Print the controller's ledger from $ARB_DATA_DIR/positions.json (checked against fills.jsonl; read-only, no"
        + " engine needed): per pair its legs, hedged quantity, residual, cost, fees and P&L.",
    "With --venue, print the positions that venue reports for the account instead (the venue's view; Kalshi nets"
        + " YES against NO within a market, so it shows one outcome per market)."})
public final class PositionsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--venue", paramLabel = "VENUE", converter = VenueConverter.class,
      description = "kalshi or polymarket: show that venue's view instead of the ledger.")
  private VenueId venue;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RootCommand root = RootCommand.of(spec);
    if (venue == null) {
      return ledger(root.configuration().require(Settings.ARB_DATA_DIR), out);
    }
    try (VenueSession session = VenueSession.open(root.venueFactory(), venue, root.configuration())) {
      return venueView(session, out);
    }
  }

  private int ledger(Path dataDir, PrintWriter out) {
    LedgerView view = LedgerView.read(dataDir);
    if (json) {
      VenueCommand.printJson(out, view.json(), true);
    } else {
      out.println(view.table());
      out.flush();
    }
    return ExitCodes.OK;
  }

  private int venueView(VenueSession session, PrintWriter out) {
    List<PositionReport> positions = session.call(v -> v.execution().positions());
    if (json) {
      ArrayNode array = VenueJson.MAPPER.createArrayNode();
      positions.forEach(position -> array.add(VenueJson.position(position)));
      VenueCommand.printJson(out, array, true);
      return ExitCodes.OK;
    }
    if (positions.isEmpty()) {
      out.println("no positions at " + venue.label());
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

  static final class VenueConverter implements ITypeConverter<VenueId> {
    @Override
    public VenueId convert(String value) {
      return VenueId.parse(value);
    }
  }
}
