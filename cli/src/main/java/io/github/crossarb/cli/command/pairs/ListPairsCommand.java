package io.github.crossarb.cli.command.pairs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.venue.Table;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pairs list}: the registry, one line per pair. Reads the file only; no venue is contacted. */
@Command(name = "list", description = "List the registered pairs ($ARB_DATA_DIR/pairs.json); no venue is contacted.")
final class ListPairsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  @Override
  public Integer call() {
    PairRegistry registry = PairsSupport.read(PairsSupport.dataDir(spec));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode array = VenueJson.MAPPER.createArrayNode();
      registry.entries().forEach(entry -> array.add(PairsSupport.entry(entry)));
      PairsSupport.printJson(out, array);
      return ExitCodes.OK;
    }
    if (registry.isEmpty()) {
      out.println("no pairs registered; 'controller pairs suggest' proposes candidates");
      out.flush();
      return ExitCodes.OK;
    }
    Table table = new Table("ID", "STATUS", "RELATION", "KALSHI", "POLYMARKET", "APPROVED BY", "APPROVED AT",
        "FINGERPRINT", "REASON");
    for (PairEntry entry : registry.entries()) {
      table.row(entry.id(), PairsSupport.lower(entry.status()), PairsSupport.lower(entry.relation()),
          entry.kalshiTicker(), entry.polymarket().conditionId(), entry.approvedBy(), entry.approvedAt(),
          PairsSupport.shortHash(entry.fingerprint()), entry.statusReason());
    }
    out.println(table);
    out.println(registry.approved().size() + " of " + registry.size() + " approved");
    out.flush();
    return ExitCodes.OK;
  }
}
