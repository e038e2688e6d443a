package io.github.crossarb.cli.command;

import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.daemon.Daemons;
import io.github.crossarb.cli.daemon.EngineLock;
import io.github.crossarb.cli.daemon.RemoteDashboard;
import io.github.crossarb.cli.engine.RunLoop;
import java.nio.file.Path;
import java.util.Optional;
import io.github.crossarb.cli.engine.EngineSettings;
import io.github.crossarb.cli.engine.HeadlessOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code run}: the engine on the approved pairs, until interrupted. */
@Command(name = "run", description = {
    "Run the arbitrage engine on the approved pairs of $ARB_DATA_DIR/pairs.json until interrupted (Ctrl-C).",
    "Every event is appended to $ARB_DATA_DIR/events.jsonl; positions go to positions.json.",
    "Live mode sends real orders: it needs ARB_ALLOW_LIVE=true, readable balances and a passing reconciliation.",
    "On a terminal, when a daemon ('controller daemon') runs on the data directory, the dashboard attaches to it"
        + " instead; quitting it (q) leaves the daemon running.",
    "One engine per data directory (engine.lock): when another engine holds it, exits with code 3."})
public final class RunCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private HeadlessOptions options;

  @Option(names = "--mode", paramLabel = "MODE",
      description = "dry-run (default: no order is sent), paper or live; overrides ARB_MODE.")
  private String mode;

  @Override
  public Integer call() throws Exception {
    Configuration config = RootCommand.of(spec).configuration();
    Path dataDir = config.require(Settings.ARB_DATA_DIR);
    if (options.dashboard()) {
      Optional<Daemons.Running> daemon = Daemons.find(dataDir);
      if (daemon.isPresent()) {
        try (RunLoop loop = RunLoop.install()) {
          RemoteDashboard.attach(daemon.get(), loop::stopRequested, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
      }
    }
    if (!options.headless() && !options.dashboard()) {
      spec.commandLine().getErr().println("run: stdin/stdout is not a terminal that can draw the dashboard (or TERM=dumb); running headless");
      spec.commandLine().getErr().flush();
    }
    EngineSettings settings = EngineSettings.from(config, mode, options.approval());
    try (EngineLock lock = EngineLock.acquire(dataDir)) {
      options.runEngine(config, RootCommand.of(spec).venueFactory(), settings, spec.commandLine().getOut(), null,
          runtime -> { });
    }
    return ExitCodes.OK;
  }
}
