package io.github.crossarb.cli.command;

import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.daemon.DaemonSession;
import io.github.crossarb.cli.daemon.EngineLock;
import io.github.crossarb.cli.engine.EngineSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code daemon}: the engine headless, with a local control endpoint, until {@code stop}. */
@Command(name = "daemon", description = {
    "Run the engine headless in the background of a session that may end (SSH): events go to stdout and"
        + " events.jsonl, and a control endpoint on 127.0.0.1 (control.json, owner-only control.token in"
        + " $ARB_DATA_DIR) serves snapshots and takes commands.",
    "'controller run' (or bare 'controller') on a terminal attaches the dashboard to it; quitting the dashboard"
        + " leaves it running. 'controller status' reads it; 'controller stop' stops it (open orders cancelled,"
        + " state persisted).",
    "One engine per data directory (engine.lock): a second daemon, run or demo exits with code 3."})
public final class DaemonCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--mode", paramLabel = "MODE",
      description = "dry-run (default: no order is sent), paper or live; overrides ARB_MODE.")
  private String mode;

  @Option(names = "--approval", paramLabel = "MODE", description = "auto or manual; overrides ARB_APPROVAL.")
  private String approval;

  @Option(names = "--verbose", description = "Also log skipped opportunities and fill confirmations.")
  private boolean verbose;

  @Override
  public Integer call() throws Exception {
    RootCommand root = RootCommand.of(spec);
    Configuration config = root.configuration();
    EngineSettings settings = EngineSettings.from(config, mode, approval);
    try (EngineLock lock = EngineLock.acquire(config.require(Settings.ARB_DATA_DIR))) {
      DaemonSession.run(config, root.venueFactory(), settings, spec.commandLine().getOut(), verbose, null,
          runtime -> { }, runtime -> { });
    }
    return ExitCodes.OK;
  }
}
