package io.github.crossarb.cli.command;

import io.github.crossarb.cli.Cli;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.daemon.ControlException;
import io.github.crossarb.cli.daemon.Daemons;
import io.github.crossarb.cli.daemon.EngineLock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stop}: asks the data directory's daemon to stop gracefully and waits until it has. */
@Command(name = "stop", description = {
    "Stop the daemon of $ARB_DATA_DIR gracefully: the engine stops as on Ctrl-C (open orders cancelled, positions"
        + " and the event log persisted), then the daemon removes control.json/control.token and releases"
        + " engine.lock. Waits for that, at most --timeout.",
    "Exit 0 once it stopped; 1 when no daemon runs there (or an engine without a control endpoint, such as"
        + " 'run' in another terminal), or it did not stop in time."})
public final class StopCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "90",
      description = "How long to wait for the daemon to stop (default 90).")
  private long timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    Path dataDir = RootCommand.of(spec).configuration().require(Settings.ARB_DATA_DIR);
    PrintWriter out = spec.commandLine().getOut();
    if (!EngineLock.isHeld(dataDir)) {
      Cli.printError(spec.commandLine(), "no daemon is running on " + dataDir.toAbsolutePath().normalize());
      return ExitCodes.FAILURE;
    }
    Optional<Daemons.Running> daemon = Daemons.find(dataDir);
    if (daemon.isEmpty()) {
      OptionalLong pid = EngineLock.holderPid(dataDir);
      Cli.printError(spec.commandLine(), "the engine on " + dataDir.toAbsolutePath().normalize()
          + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "")
          + " has no control endpoint that answers (not a daemon?); stop it where it runs (q or Ctrl-C)");
      return ExitCodes.FAILURE;
    }
    long pid = daemon.get().info().pid();
    try {
      daemon.get().client().stop();
    } catch (ControlException e) {
      Cli.printError(spec.commandLine(), "the daemon (pid " + pid + ") refused to stop: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    out.println("stop: asked the daemon (pid " + pid + ") to stop; waiting for it");
    out.flush();
    if (!EngineLock.awaitRelease(dataDir, Duration.ofSeconds(Math.max(1, timeoutSeconds)))) {
      Cli.printError(spec.commandLine(), "the daemon (pid " + pid + ") did not stop within " + timeoutSeconds + " s");
      return ExitCodes.FAILURE;
    }
    out.println("stop: the daemon stopped");
    out.flush();
    return ExitCodes.OK;
  }
}
