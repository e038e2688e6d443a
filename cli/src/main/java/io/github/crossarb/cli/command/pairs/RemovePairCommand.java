package io.github.crossarb.cli.command.pairs;

import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.core.pair.PairEntry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pairs remove ID}: deletes the pair from the registry. */
@Command(name = "remove", description = {
    "Remove a pair from the registry. Positions already held in its markets stay in the ledger; prefer"
        + " 'pairs suspend' while any are open."})
final class RemovePairCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The pair id.")
  private String id;

  @Override
  public Integer call() {
    Path dataDir = PairsSupport.dataDir(spec);
    PairEntry[] removed = new PairEntry[1];
    try {
      PairsSupport.update(dataDir, registry -> {
        removed[0] = registry.find(id).orElseThrow(() -> new IllegalArgumentException(
            "no pair '" + id + "' in the registry; 'controller pairs list' shows them"));
        return registry.remove(id);
      });
    } catch (IllegalArgumentException e) {
      return PairsSupport.fail(spec, e.getMessage());
    }
    PairEntry entry = removed[0];
    spec.commandLine().getOut().println("removed " + id + " (" + entry.kalshiTicker() + " / "
        + entry.polymarket().conditionId() + ")");
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
