package io.github.crossarb.cli.engine;

import static io.github.crossarb.cli.engine.EngineHarness.FED;
import static io.github.crossarb.cli.engine.EngineHarness.FED_NO_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.trader.LinkClientDialer;
import io.github.crossarb.cli.trader.TraderRuntime;
import io.github.crossarb.cli.trader.TraderSettings;
import io.github.crossarb.cli.venue.StandardVenues;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.event.EngineEvent.Alert;
import io.github.crossarb.core.event.EngineEvent.Decision;
import io.github.crossarb.core.event.EngineEvent.DecisionKind;
import io.github.crossarb.core.event.EngineEvent.ExecutionFinished;
import io.github.crossarb.core.event.EngineEvent.FillRecorded;
import io.github.crossarb.core.event.EngineEvent.OrderSent;
import io.github.crossarb.core.event.EngineEvent.Reconciled;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.venue.PositionReport;
import io.github.crossarb.link.controller.LinkStatus;
import io.github.crossarb.link.testing.CuttableProxy;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.github.crossarb.simulator.fault.FaultRule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller's engine with its Polymarket orders executed by a trader over the link
 * ({@code ARB_EXECUTE_REMOTE=polymarket}), against the simulator: the trader as a {@link
 * TraderRuntime} in this JVM, or as a {@code ./trader run} process that the test kills. The
 * {@code engine-window.yaml} window on pair {@code fed} is open from the start.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RemoteExecutionIT {
  static final String SECRET = "remote-execution-it-secret-0123456789";
  static final Duration WAIT = EngineHarness.WAIT;

  @TempDir Path dataDir;
  @TempDir Path traderHome;

  private static EngineHarness controller(Path dataDir) throws Exception {
    EngineHarness h = EngineHarness.start(dataDir, "engine-window.yaml");
    h.set("TRADER_LINK_LISTEN", "127.0.0.1:0")
        .set("TRADER_LINK_SECRET", SECRET)
        .set("ARB_EXECUTE_REMOTE", "polymarket")
        .set("TRADER_LINK_HEARTBEAT_MS", "200")
        .set("TRADER_LINK_TIMEOUT_MS", "2000");
    return h;
  }

  private static int linkPort(EngineHarness h) {
    return h.runtime.linkPort().orElseThrow();
  }

  /** The trader's settings: the simulator's Polymarket account, the controller's link, the fed pair only. */
  private Map<String, String> traderEnvironment(EngineHarness h, int port) {
    Map<String, String> env = new HashMap<>(h.sim.environment());
    env.put("ARB_DATA_DIR", traderHome.toString());
    env.put("TRADER_LINK_URL", "ws://127.0.0.1:" + port);
    env.put("TRADER_LINK_SECRET", SECRET);
    env.put("TRADER_LINK_HEARTBEAT_MS", "200");
    env.put("TRADER_LINK_TIMEOUT_MS", "2000");
    env.put("TRADER_ID", "laptop");
    env.put("TRADER_ALLOWED_MARKETS", "POLYMARKET:" + FED_NO_TOKEN + ",POLYMARKET:" + EngineHarness.FED_YES_TOKEN);
    env.put("TRADER_MAX_ORDER_NOTIONAL", "100");
    return env;
  }

  private TraderRuntime startTrader(EngineHarness h, int port, StringWriter log) {
    return startTrader(traderEnvironment(h, port), log);
  }

  private static TraderRuntime startTrader(Map<String, String> env, StringWriter log) {
    Configuration config = Configuration.resolve(Map.of(), env);
    return TraderRuntime.start(config, TraderSettings.from(config, List.of(VenueId.POLYMARKET)), StandardVenues::open,
        new LinkClientDialer(), new PrintWriter(log, true), Clock.systemUTC());
  }

  @Test
  void thePolymarketLegGoesThroughTheTraderAndNothingTradesBeforeItConnects() throws Exception {
    StringWriter traderLog = new StringWriter();
    try (EngineHarness h = controller(dataDir)) {
      h.startEngine();

      // The window is there, but Polymarket executes on a trader that has not dialled in yet.
      Decision skipped = h.await(Decision.class, d -> FED.equals(d.pairId()) && d.kind() == DecisionKind.SKIPPED
          && d.reason().contains("execution unavailable"));
      assertThat(skipped.reason()).contains("POLYMARKET executes on a remote trader");
      h.awaitSnapshot(s -> s.pair(FED).state().contains("execution unavailable"));
      assertThat(h.ourOrders(VenueId.POLYMARKET)).isEmpty();
      assertThat(h.ourOrders(VenueId.KALSHI)).isEmpty();

      // A trader without the secret is turned away, and the operator is told.
      Map<String, String> impostor = traderEnvironment(h, linkPort(h));
      impostor.put("TRADER_LINK_SECRET", "not-the-secret-but-long-enough-0123456789");
      impostor.put("ARB_DATA_DIR", traderHome.resolve("impostor").toString());
      try (TraderRuntime wrong = startTrader(impostor, new StringWriter())) {
        Alert refused = h.await(Alert.class, a -> a.message().startsWith("trader link refused a connection"));
        assertThat(refused.message()).contains("AUTH_FAILED");
      }
      assertThat(h.ourOrders(VenueId.POLYMARKET)).isEmpty();

      try (TraderRuntime trader = startTrader(h, linkPort(h), traderLog)) {
        ExecutionFinished done = h.await(ExecutionFinished.class, e -> e.pairId().equals(FED));
        assertThat(done.outcome()).as("trader log:\n%s", traderLog).isEqualTo("HEDGED");
        assertThat(done.polymarketFilled()).isEqualTo(Quantity.of(20));
        h.await(FillRecorded.class, e -> e.fill().venue() == VenueId.POLYMARKET);
        h.awaitSnapshot(s -> s.ledger() != null && s.ledger().pair(FED) != null
            && s.ledger().pair(FED).hedged().equals(Quantity.of(20)));
        assertThat(h.ourOrders(VenueId.POLYMARKET)).hasSize(1);
        assertThat(trader.status().legsDone()).isEqualTo(1L);

        LinkStatus link = h.runtime.linkStatus().orElseThrow();
        assertThat(link.traders()).singleElement().satisfies(t -> {
          assertThat(t.traderId()).isEqualTo("laptop");
          assertThat(t.connected()).isTrue();
          assertThat(t.venues()).containsExactly(VenueId.POLYMARKET);
        });
      }
      // The trader gone, the controller says so.
      h.await(Alert.class, a -> a.message().contains("laptop") && a.message().contains("disconnected"));
    }
  }

  @Test
  void aLinkCutWhileTheLegIsAtTheVenuePlacesOneOrderAndItsResultArrivesAfterTheRedial() throws Exception {
    StringWriter traderLog = new StringWriter();
    try (EngineHarness h = controller(dataDir)) {
      h.set("ARB_REMOTE_LEG_TIMEOUT_MS", "8000");
      // The venue takes the order at once but answers late: the link drops meanwhile.
      h.sim.faults(VenueId.POLYMARKET).add(FaultRule.once(FaultKinds.ACCEPT_THEN_DELAY, "POST /order*").withMillis(1_500));
      h.startEngine();
      CuttableProxy proxy = CuttableProxy.start(h.simVertx, linkPort(h));
      try (TraderRuntime trader = startTrader(h, proxy.port(), traderLog)) {
        h.await(OrderSent.class, e -> e.request().instrument().venue() == VenueId.POLYMARKET);
        h.awaitState("our order at the simulated Polymarket", () -> !h.ourOrders(VenueId.POLYMARKET).isEmpty());
        proxy.cut(false); // a network drop; the trader may dial again at once
        h.await(Alert.class, a -> a.message().contains("laptop") && a.message().contains("disconnected"));

        ExecutionFinished done = h.await(ExecutionFinished.class, e -> e.pairId().equals(FED));
        assertThat(done.outcome()).as("trader log:\n%s", traderLog).isEqualTo("HEDGED");
        assertThat(h.ourOrders(VenueId.POLYMARKET)).as("one order, whatever was resent").hasSize(1);
        assertThat(trader.status().legsDone()).isEqualTo(1L);
      }
    }
  }

  @Test
  void killingTheTraderMidLegLeavesNothingUnaccountedForAndTheEngineReconcilesWhenItReturns() throws Exception {
    try (EngineHarness h = controller(dataDir)) {
      h.set("ARB_REMOTE_LEG_TIMEOUT_MS", "2000").set("ARB_UNKNOWN_TIMEOUT_MS", "1000");
      h.sim.faults(VenueId.POLYMARKET).add(FaultRule.once(FaultKinds.ACCEPT_THEN_DELAY, "POST /order*").withMillis(4_000));
      h.startEngine();
      int port = linkPort(h);

      Process first = launchTrader(h, port, "first");
      try {
        h.await(OrderSent.class, e -> e.request().instrument().venue() == VenueId.POLYMARKET);
        h.awaitState("our order at the simulated Polymarket", () -> !h.ourOrders(VenueId.POLYMARKET).isEmpty());
        first.destroyForcibly(); // SIGKILL: no bye, no cancel, the journal left as it was
        assertThat(first.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      } finally {
        first.destroyForcibly();
      }

      // The leg's result never came: the execution ends with an order of unknown outcome, and the
      // pair waits for a reconciliation that cannot reach Polymarket while the trader is away.
      ExecutionFinished done = h.await(ExecutionFinished.class, e -> e.pairId().equals(FED));
      assertThat(done.outcome()).isEqualTo("UNKNOWN");
      assertThat(done.unknownOrders()).hasSize(1);
      h.awaitSnapshot(s -> !s.pair(FED).unknownOrders().isEmpty());

      Process second = launchTrader(h, port, "second");
      try {
        Reconciled settled = h.await(Reconciled.class, r -> r.passed() && r.unknownsResolved() > 0);
        assertThat(settled.drifts()).isEmpty();
        h.await(FillRecorded.class, e -> e.fill().venue() == VenueId.POLYMARKET);
        h.awaitSnapshot(s -> s.pair(FED).unknownOrders().isEmpty() && s.ledger().pair(FED) != null
            && s.ledger().pair(FED).residual().isZero());

        // Nothing unaccounted for: the ledger holds both legs hedged, as the venues do, and the
        // resent leg was answered from the trader's journal, never placed twice.
        LedgerSnapshot.PairPosition pair = h.runtime.ledger().snapshot().pair(FED);
        assertThat(pair.hedged()).isEqualTo(Quantity.of(20));
        assertThat(h.ourOrders(VenueId.POLYMARKET)).hasSize(1);
        assertThat(h.ourOrders(VenueId.KALSHI)).hasSize(1);
        try (VenueSession polymarket = VenueSession.open(StandardVenues::open, VenueId.POLYMARKET,
            h.configuration())) {
          List<PositionReport> held = polymarket.call(v -> v.execution().positions());
          assertThat(held).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(Quantity.of(20)));
        }
      } finally {
        second.destroy();
        assertThat(second.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  private Process launchTrader(EngineHarness h, int port, String name) throws Exception {
    Path root = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().getParent();
    assertThat(root.resolve("cli/target/crossarb.jar")).as("jar built by package").isRegularFile();
    List<String> command = new ArrayList<>(List.of(root.resolve("trader").toString(), "run", "--venues",
        "polymarket"));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(traderHome.toFile())
        .redirectOutput(traderHome.resolve(name + ".out").toFile())
        .redirectError(traderHome.resolve(name + ".err").toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("ARB_") || key.startsWith("KALSHI_") || key.startsWith("POLY_")
        || key.startsWith("TRADER_") || key.equals("JAVA_OPTS"));
    env.putAll(traderEnvironment(h, port));
    return builder.start();
  }

}
