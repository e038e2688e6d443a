package io.github.crossarb.cli.command;

import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.config.Configuration;
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
    "Live mode sends real orders: it needs ARB_ALLOW_LIVE=true, readable balances and a passing reconciliation."})
public final class RunCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private HeadlessOptions options;

  @Option(names = "--mode", paramLabel = "MODE",
      description = "dry-run (default: no order is sent), paper or live; overrides ARB_MODE.")
  private String mode;

  @Override
  public Integer call() throws Exception {
    if (!options.headless() && !options.dashboard()) {
      spec.commandLine().getErr().println("run: stdin/stdout is not a terminal that can draw the dashboard (or TERM=dumb); running headless");
      spec.commandLine().getErr().flush();
    }
    Configuration config = RootCommand.of(spec).configuration();
    EngineSettings settings = EngineSettings.from(config, mode, options.approval());
    options.runEngine(config, RootCommand.of(spec).venueFactory(), settings, spec.commandLine().getOut(), null,
        runtime -> { });
    return ExitCodes.OK;
  }
}
