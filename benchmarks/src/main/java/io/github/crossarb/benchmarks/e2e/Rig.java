package io.github.crossarb.benchmarks.e2e;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.command.pairs.PairApproval;
import io.github.crossarb.cli.venue.StandardVenues;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.simulator.scenario.PairSpec;
import io.github.crossarb.core.store.PairsFile;
import io.github.crossarb.simulator.Simulation;
import io.github.crossarb.simulator.SimulationOptions;
import io.github.crossarb.simulator.scenario.Scenario;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One measured setup: the simulator in this JVM with {@code n} pairs (no timer: the books move only
 * when the harness moves them), the pairs approved into a fresh data directory, and the engine as
 * a separate process in live mode against it.
 */
final class Rig implements AutoCloseable {
  /**
   * The engine's settings: live, automatic approval, both legs at once; cooldown, risk limits and
   * book-age checks set so that thousands of windows in a row can trade (the books are quiet between
   * windows, and every window adds a hedged position).
   */
  static final Map<String, String> ENGINE_SETTINGS = Map.ofEntries(
      Map.entry("ARB_MODE", "live"),
      Map.entry("ARB_ALLOW_LIVE", "true"),
      Map.entry("ARB_APPROVAL", "auto"),
      Map.entry("ARB_POLICY", "parallel"),
      // Long enough that the engine's books have caught up with the last window's fills before the
      // pair may trade again (otherwise it can chase a stale ask: a second execution, an unwind).
      Map.entry("ARB_COOLDOWN_MS", "250"),
      // The client's own Kalshi write limiter at the top tier (800 orders/s): the windows are paced
      // below it, so no leg waits for a token and the measurement is of the engine, not the limiter.
      Map.entry("KALSHI_RATE_TIER", "prestige"),
      Map.entry("ARB_MAX_BOOK_AGE_MS", "86400000"),
      Map.entry("ARB_SILENCE_MS", "86400000"),
      Map.entry("ARB_MIN_EDGE", "0.01"),
      Map.entry("ARB_MIN_EDGE_REL", "0"),
      Map.entry("ARB_MAX_SIZE", "100"),
      Map.entry("ARB_MAX_NOTIONAL_PER_PAIR", "100000000"),
      Map.entry("ARB_MAX_NOTIONAL_TOTAL", "1000000000"),
      Map.entry("ARB_MAX_UNHEDGED", "100000000"),
      Map.entry("ARB_DAILY_LOSS_LIMIT", "100000000"),
      Map.entry("ARB_MAX_CONSECUTIVE_ERRORS", "1000"));

  final int pairs;
  final Scenario scenario;
  final Vertx vertx;
  final Simulation sim;
  final WindowProbe probe = new WindowProbe();
  final EngineProcess engine;
  final Path dataDir;
  final Path gcLog;
  final long approveMillis;
  final long engineStartMillis;

  private Rig(int pairs, Scenario scenario, Vertx vertx, Simulation sim, EngineProcess engine, Path dataDir,
      Path gcLog, long approveMillis, long engineStartMillis) {
    this.pairs = pairs;
    this.scenario = scenario;
    this.vertx = vertx;
    this.sim = sim;
    this.engine = engine;
    this.dataDir = dataDir;
    this.gcLog = gcLog;
    this.approveMillis = approveMillis;
    this.engineStartMillis = engineStartMillis;
  }

  static Rig start(int pairs, Path workDir, Path jar, List<String> jvmFlags, Duration startTimeout) throws Exception {
    Path dataDir = workDir.resolve("pairs-" + pairs);
    deleteTree(dataDir);
    Files.createDirectories(dataDir);
    Scenario scenario = BenchScenario.of(pairs);
    Vertx vertx = Vertx.vertx();
    Simulation sim = null;
    EngineProcess engine = null;
    try {
      sim = Simulation.start(vertx, scenario, SimulationOptions.defaults(dataDir.resolve("sim"))
              .withClock(InstantSource.system(), false))
          .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
      Map<String, String> env = new LinkedHashMap<>(sim.environment());
      env.put("ARB_DATA_DIR", dataDir.toString());
      env.putAll(ENGINE_SETTINGS);
      long t0 = System.nanoTime();
      Configuration config = Configuration.resolve(Map.of(), env);
      try (VenueSession kalshi = VenueSession.open(StandardVenues::open, VenueId.KALSHI, config);
          VenueSession polymarket = VenueSession.open(StandardVenues::open, VenueId.POLYMARKET, config)) {
        PairsFile.write(dataDir, approveAll(scenario, kalshi, polymarket));
      }
      long approve = (System.nanoTime() - t0) / 1_000_000;
      Path gcLog = dataDir.resolve("engine-gc.log");
      List<String> flags = new java.util.ArrayList<>(jvmFlags);
      flags.add("-Xlog:gc*:file=" + gcLog + ":uptime,timenanos,level,tags");
      long t1 = System.nanoTime();
      engine = EngineProcess.start(jar, flags, dataDir, env);
      engine.awaitTrading(startTimeout);
      engine.awaitPairsLoaded(pairs, startTimeout);
      long started = (System.nanoTime() - t1) / 1_000_000;
      Rig rig = new Rig(pairs, scenario, vertx, sim, engine, dataDir, gcLog, approve, started);
      sim.wireProbe(rig.probe);
      return rig;
    } catch (Exception | Error e) {
      if (engine != null) {
        engine.close();
      }
      if (sim != null) {
        sim.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      throw e;
    }
  }

  @Override
  public void close() throws Exception {
    try {
      engine.close();
    } finally {
      sim.wireProbe(null);
      try {
        sim.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * The scenario's pairs approved the way {@code pairs approve} (and the demo) does: both markets
   * fetched from the venues and fingerprinted. One registry built at the end: approving into it
   * one by one re-checks every entry each time, quadratic in the pairs (minutes at 5,000).
   */
  static PairRegistry approveAll(Scenario scenario, VenueSession kalshi, VenueSession polymarket) {
    List<PairEntry> entries = new java.util.ArrayList<>();
    java.time.Instant now = Clock.systemUTC().instant();
    for (PairSpec pair : scenario.pairs()) {
      MarketInfo k = kalshi.call(v -> PairApproval.kalshiMarket(v, pair.kalshi().ticker()));
      MarketInfo p = polymarket.call(v -> PairApproval.polymarketMarket(v, pair.polymarket().conditionId()));
      entries.add(PairApproval.entry(pair.id(), k, p, PairRelation.SAME, "benchmark", now));
    }
    return PairRegistry.of(entries);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
