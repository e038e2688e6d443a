package io.github.crossarb.cli.command.pairs;

import io.github.crossarb.cli.ExitCodes;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pairs suspend ID --reason TEXT}: the pair stops trading until re-approved. */
@Command(name = "suspend", description = {
    "Suspend a pair: it stops trading (at the engine's next start or registry reload) until re-approved with"
        + " 'pairs approve'. An already suspended pair gets the new reason."})
final class SuspendPairCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The pair id.")
  private String id;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in pairs.json).")
  private String reason;

  @Override
  public Integer call() {
    if (reason.isBlank()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--reason must not be blank");
    }
    Path dataDir = PairsSupport.dataDir(spec);
    try {
      PairsSupport.update(dataDir, registry -> {
        if (registry.find(id).isEmpty()) {
          throw new IllegalArgumentException("no pair '" + id + "' in the registry; 'controller pairs list' shows them");
        }
        return registry.suspend(id, reason);
      });
    } catch (IllegalArgumentException e) {
      return PairsSupport.fail(spec, e.getMessage());
    }
    spec.commandLine().getOut().println("suspended " + id + ": " + reason.strip());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
