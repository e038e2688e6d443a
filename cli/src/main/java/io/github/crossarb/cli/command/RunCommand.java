package io.github.crossarb.cli.command;

import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.engine.ConsoleCommands;
import io.github.crossarb.cli.engine.ConsoleEvents;
import io.github.crossarb.cli.engine.EngineRuntime;
import io.github.crossarb.cli.engine.EngineSettings;
import io.github.crossarb.cli.engine.RunLoop;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  @Option(names = "--headless", description = "Run without the terminal UI, logging events to stdout.")
  private boolean headless;

  @Option(names = "--mode", paramLabel = "MODE",
      description = "dry-run (default: no order is sent), paper or live; overrides ARB_MODE.")
  private String mode;

  @Option(names = "--approval", paramLabel = "MODE", description = "auto or manual; overrides ARB_APPROVAL.")
  private String approval;

  @Option(names = "--verbose", description = "Also log skipped opportunities and fill confirmations.")
  private boolean verbose;

  @Override
  public Integer call() throws Exception {
    if (!headless) {
      spec.commandLine().getErr().println("run: the terminal UI is not available yet; running headless");
      spec.commandLine().getErr().flush();
    }
    Configuration config = RootCommand.of(spec).configuration();
    EngineSettings settings = EngineSettings.from(config, mode, approval);
    PrintWriter out = spec.commandLine().getOut();
    try (RunLoop loop = RunLoop.install();
        EngineRuntime runtime = EngineRuntime.start(config, RootCommand.of(spec).venueFactory(), settings,
            new ConsoleEvents(out, verbose), Clock.systemUTC())) {
      out.println("engine running in " + settings.modeName() + " mode, approval " + settings.approvalName()
          + "; events in " + runtime.eventsFile() + "; Ctrl-C stops it");
      out.flush();
      ConsoleCommands.start(System.in, out, runtime.engine());
      loop.await(null);
    }
    return ExitCodes.OK;
  }
}
