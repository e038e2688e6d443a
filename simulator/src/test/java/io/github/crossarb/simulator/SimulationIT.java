package io.github.crossarb.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.simulator.exchange.Accounts;
import io.github.crossarb.simulator.scenario.ScenarioLoader;
import io.github.crossarb.simulator.testing.KalshiHarness;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SimulationIT {
  @TempDir
  Path dir;
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void tearDown() throws Exception {
    KalshiHarness.await(vertx.close());
  }

  /** A stand-in for the Polymarket server: records what it was given and that it was closed. */
  static final class FakeVenue implements VenueSimulatorProvider, VenueSimulator {
    SimulationContext context;
    int port = -1;
    final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public VenueId venue() {
      return VenueId.POLYMARKET;
    }

    @Override
    public Future<VenueSimulator> start(SimulationContext context, int port) {
      this.context = context;
      this.port = port;
      return Future.succeededFuture(this);
    }

    @Override
    public Map<String, String> environment() {
      return Map.of("POLY_CLOB_URL", "http://127.0.0.1:" + port);
    }

    @Override
    public Future<Void> close() {
      closed.set(true);
      return Future.succeededFuture();
    }
  }

  @Test
  void venueProvidersGetTheSharedContextAndAddTheirEnvironment() throws Exception {
    FakeVenue poly = new FakeVenue();
    SimulationOptions options = SimulationOptions.defaults(dir).withPorts(0, 0).withProvider(poly);
    Simulation sim = KalshiHarness.await(Simulation.start(vertx, ScenarioLoader.defaultScenario(), options));
    try {
      assertThat(poly.context.exchange(VenueId.POLYMARKET)).isSameAs(sim.exchange(VenueId.POLYMARKET));
      assertThat(poly.context.exchange(VenueId.POLYMARKET).markets()).hasSize(10);
      assertThat(poly.context.exchange(VenueId.POLYMARKET).hasAccount(Accounts.USER)).isTrue();
      assertThat(sim.environment()).containsKeys("KALSHI_API_URL", "KALSHI_WS_URL", "KALSHI_API_KEY_ID",
          "KALSHI_KEY_FILE", "POLY_CLOB_URL");
      assertThat(sim.environment().keySet()).first().isEqualTo("KALSHI_API_URL");
      assertThat(sim.toString()).doesNotContain("PRIVATE");
    } finally {
      KalshiHarness.await(sim.close());
    }
    assertThat(poly.closed).isTrue();
  }

  @Test
  void theTimerStepsTheProcess() throws Exception {
    var scenario = ScenarioLoader.defaultScenario();
    scenario = scenario.withProcess(new io.github.crossarb.simulator.scenario.ProcessSpec(20,
        scenario.process().volatility(), 50, "0.01", 3, 1, "10", 0, 0, "0.06", 5));
    Simulation sim = KalshiHarness.await(Simulation.start(vertx, scenario, SimulationOptions.defaults(dir)
        .withPingInterval(Duration.ofSeconds(10))));
    BlockingQueue<Long> steps = new ArrayBlockingQueue<>(1000);
    sim.process().onStep(steps::offer);
    try {
      assertThat(steps.poll(10, TimeUnit.SECONDS)).isNotNull();
      assertThat(steps.poll(10, TimeUnit.SECONDS)).isNotNull();
    } finally {
      KalshiHarness.await(sim.close());
    }
  }

  @Test
  void aBusyPortFailsTheStartAndStopsWhatStarted() throws Exception {
    try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      FakeVenue poly = new FakeVenue();
      var options = SimulationOptions.defaults(dir).withPorts(taken.getLocalPort(), 0).withProvider(poly);
      assertThatThrownBy(() -> KalshiHarness.await(Simulation.start(vertx, ScenarioLoader.defaultScenario(), options)))
          .isInstanceOf(ExecutionException.class);
    }
  }
}
