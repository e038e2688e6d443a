package io.github.crossarb.cli.command.pairs;

import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.core.pair.PairRegistry;
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
    PairRegistry registry = PairsSupport.read(dataDir);
    if (registry.find(id).isEmpty()) {
      return PairsSupport.fail(spec, "no pair '" + id + "' in the registry; 'controller pairs list' shows them");
    }
    PairsSupport.write(dataDir, registry.suspend(id, reason));
    spec.commandLine().getOut().println("suspended " + id + ": " + reason.strip());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
