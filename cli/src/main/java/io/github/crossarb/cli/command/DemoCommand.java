package io.github.crossarb.cli.command;

import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.daemon.DaemonSession;
import io.github.crossarb.cli.daemon.EngineLock;
import io.github.crossarb.cli.engine.DemoDataDir;
import io.github.crossarb.cli.engine.DemoPairs;
import io.github.crossarb.cli.engine.DemoTraderFile;
import io.github.crossarb.cli.engine.EngineSettings;
import io.github.crossarb.cli.engine.HeadlessOptions;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.store.PairsFile;
import io.github.crossarb.simulator.Simulation;
import io.github.crossarb.simulator.SimulationOptions;
import io.github.crossarb.simulator.scenario.Scenario;
import io.github.crossarb.simulator.scenario.ScenarioException;
import io.github.crossarb.simulator.scenario.ScenarioLoader;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the whole system with no keys. The simulator runs in-process with a scenario, its
 * pairs are approved into the data directory's registry, and the engine trades them in live mode
 * against the simulated venues, through the real clients over loopback sockets.
 */
@Command(name = "demo", description = {
    "Run the engine in live mode against the in-process venue simulator (no keys, nothing leaves 127.0.0.1),"
        + " with the scenario's pairs approved, for --duration or until Ctrl-C.",
    "State goes to $ARB_DATA_DIR like a real run (pairs.json, positions.json, fills.jsonl, events.jsonl), so"
        + " 'controller positions' reads it back; a data directory holding a real controller's state is refused."})
public final class DemoCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private HeadlessOptions options;

  @Option(names = "--duration", paramLabel = "DURATION",
      description = "How long to run: e.g. 60s, 5m, 1h (default 60s; with --daemon, until 'controller stop').")
  private String duration;

  @Option(names = "--daemon", description = "Run as a daemon (see 'controller daemon'): headless, with the control"
      + " endpoint, until 'controller stop' (or --duration); 'controller run' attaches the dashboard.")
  private boolean daemon;

  @Option(names = "--scenario", paramLabel = "FILE",
      description = "Scenario file (JSON or YAML); default: the built-in five-pair scenario.")
  private Path scenarioFile;

  @Override
  public Integer call() throws Exception {
    Duration runFor = duration == null ? (daemon ? null : Duration.ofSeconds(60)) : parseDuration(duration);
    RootCommand root = RootCommand.of(spec);
    Path dataDir = root.configuration().require(Settings.ARB_DATA_DIR);
    // Before the directory is cleared: a demo must not wipe the state of an engine running on it.
    try (EngineLock lock = EngineLock.acquire(dataDir)) {
      return demo(root, dataDir, runFor);
    }
  }

  private int demo(RootCommand root, Path dataDir, Duration runFor) throws Exception {
    Scenario scenario;
    try {
      scenario = scenarioFile == null ? ScenarioLoader.defaultScenario() : ScenarioLoader.load(scenarioFile);
    } catch (ScenarioException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    DemoDataDir.prepare(dataDir);
    PrintWriter out = spec.commandLine().getOut();
    Clock clock = Clock.systemUTC();
    Vertx simVertx = Vertx.vertx();
    try {
      Simulation sim = Simulation.start(simVertx, scenario, SimulationOptions.defaults(dataDir.resolve("sim")))
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      Map<String, String> pinned = new LinkedHashMap<>(sim.environment());
      pinned.put(Settings.ARB_DATA_DIR.key(), dataDir.toString());
      pinned.put(Settings.ARB_MODE.key(), "live");
      pinned.put(Settings.ARB_ALLOW_LIVE.key(), "true");
      Configuration config = root.configurationWith(pinned);
      PairRegistry registry;
      try (VenueSession kalshi = VenueSession.open(root.venueFactory(), VenueId.KALSHI, config);
          VenueSession polymarket = VenueSession.open(root.venueFactory(), VenueId.POLYMARKET, config)) {
        registry = DemoPairs.approveAll(scenario, kalshi, polymarket, clock);
      }
      PairsFile.write(dataDir, registry);
      EngineSettings settings = EngineSettings.from(config, "live", options.approval());
      out.println("demo: scenario '" + scenario.name() + "' on 127.0.0.1, " + registry.approved().size()
          + " approved pairs, against the simulated venues " + (runFor == null ? "until stopped" : "for "
          + format(runFor)) + "; state in " + dataDir);
      out.flush();
      if (daemon) {
        DaemonSession.run(config, root.venueFactory(), settings, out, options.verbose(), runFor,
            runtime -> DemoTraderFile.writeIfRemote(runtime, config, settings, sim.environment(), registry, dataDir, out),
            runtime -> printSummary(out, runtime.snapshot(), dataDir));
      } else {
        options.runEngine(config, root.venueFactory(), settings, out, runFor,
          runtime -> DemoTraderFile.writeIfRemote(runtime, config, settings, sim.environment(), registry, dataDir, out),
          runtime -> printSummary(out, runtime.snapshot(), dataDir));
      }
      sim.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      simVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    return ExitCodes.OK;
  }

  private static void printSummary(PrintWriter out, EngineSnapshot snapshot, Path dataDir) {
    LedgerSnapshot ledger = snapshot.ledger();
    out.println();
    out.println("demo summary: " + snapshot.opportunities() + " opportunities, " + snapshot.executions()
        + " executions, trading " + snapshot.trading());
    for (LedgerSnapshot.PairPosition pair : ledger.pairs()) {
      out.println("  " + pair.pairId() + ": hedged " + pair.hedged() + ", residual " + pair.residual()
          + ", locked-in profit $" + pair.lockedProfit() + ", fees $" + pair.feesPaid());
    }
    out.println("  realised P&L today $" + snapshot.realizedPnlToday());
    out.println("read it back: ./controller --data-dir " + dataDir + " positions");
    out.flush();
  }

  private Duration parseDuration(String text) {
    try {
      String t = text.strip().toLowerCase(java.util.Locale.ROOT);
      Duration d;
      if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("h")) {
        d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
      } else {
        d = Duration.parse(text);
      }
      if (d.isNegative() || d.isZero()) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(),
          "--duration must be a positive duration such as 60s, 5m or 1h, was '" + text + "'");
    }
  }

  private static String format(Duration d) {
    return d.toSeconds() + " s";
  }
}
