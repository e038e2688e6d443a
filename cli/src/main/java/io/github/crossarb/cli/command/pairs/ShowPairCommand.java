package io.github.crossarb.cli.command.pairs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairFingerprint;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.venue.MarketInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pairs show ID}: one pair in full; with {@code --check}, compared with what the venues say now. */
@Command(name = "show", description = {
    "Show one pair in full, with its approval fingerprint.",
    "--check fetches both markets now and reports any change from what was approved (exit 1 if changed)."})
final class ShowPairCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The pair id.")
  private String id;

  @Option(names = "--check", description = "Fetch both markets now and compare them with the fingerprint.")
  private boolean check;

  @Option(names = "--json", description = "Print JSON instead of text.")
  private boolean json;

  @Override
  public Integer call() {
    PairRegistry registry = PairsSupport.read(PairsSupport.dataDir(spec));
    PairEntry entry = registry.find(id).orElse(null);
    if (entry == null) {
      return PairsSupport.fail(spec, "no pair '" + id + "' in the registry; 'controller pairs list' shows them");
    }
    List<String> changes = null;
    MarketInfo kalshi = null;
    MarketInfo polymarket = null;
    if (check) {
      try (PairVenues venues = PairVenues.open(spec)) {
        kalshi = venues.kalshiMarket(entry.kalshiTicker());
        polymarket = venues.polymarketMarket(entry.polymarket().conditionId());
      }
      changes = entry.fingerprint().changesTo(PairFingerprint.of(kalshi, polymarket));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = PairsSupport.entry(entry);
      if (changes != null) {
        ArrayNode array = o.putArray("changes");
        changes.forEach(array::add);
      }
      PairsSupport.printJson(out, o);
    } else {
      out.println("pair        " + entry.id());
      out.println("status      " + PairsSupport.lower(entry.status())
          + (entry.statusReason() == null ? "" : " (" + entry.statusReason() + ")"));
      out.println("relation    " + PairsSupport.lower(entry.relation())
          + (entry.relation() == io.github.crossarb.core.pair.PairRelation.SAME
              ? " (Kalshi YES pays when Polymarket YES pays)" : " (Kalshi YES pays when Polymarket NO pays)"));
      out.println("kalshi      " + entry.kalshiTicker());
      out.println("polymarket  " + entry.polymarket().conditionId());
      out.println("  yes token " + entry.polymarket().yesTokenId());
      out.println("  no token  " + entry.polymarket().noTokenId());
      out.println("approved    by " + entry.approvedBy() + " at " + entry.approvedAt());
      PairFingerprint f = entry.fingerprint();
      out.println("fingerprint " + f.hash());
      out.println("  Kalshi rules sha256      " + f.kalshiRulesSha256() + ", close " + orNone(f.kalshiCloseTime()));
      out.println("  Polymarket rules sha256  " + f.polymarketRulesSha256() + ", close " + orNone(f.polymarketCloseTime()));
      if (changes != null) {
        out.println(changes.isEmpty() ? "check       both markets unchanged since approval"
            : "check       CHANGED since approval: " + String.join("; ", changes));
        if (!changes.isEmpty()) {
          for (String line : PairsSupport.sideBySide("KALSHI RULES NOW", kalshi.rules(), "POLYMARKET RULES NOW",
              polymarket.rules(), 58)) {
            out.println("    " + line);
          }
        }
      }
      out.flush();
    }
    return changes == null || changes.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private static String orNone(Object value) {
    return value == null ? "none given" : value.toString();
  }
}
