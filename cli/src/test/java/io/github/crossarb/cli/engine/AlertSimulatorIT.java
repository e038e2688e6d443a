package io.github.crossarb.cli.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.crossarb.cli.engine.EngineHarness.FED;
import static io.github.crossarb.cli.engine.EngineHarness.FED_NO_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.crossarb.cli.metrics.PrometheusText;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.ExecutionFinished;
import io.github.crossarb.core.event.EngineEvent.OrderSent;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.github.crossarb.simulator.fault.FaultRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's acceptance: a leg mismatch in the simulator produces exactly one alert at the webhook.
 * A Kalshi ask opens a {@code fed} window in the simulator; the Polymarket leg is held up by
 * a latency fault while someone else takes the whole NO level, so it finds nothing to match: the
 * Kalshi leg filled alone, cannot be hedged within the slippage and is unwound. A loopback Slack
 * receiver must get exactly one leg alert for that execution, and no second one after it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AlertSimulatorIT {
  private static final String HOOK = "/services/T0/B0/acceptance";

  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path dataDir;

  private List<LoggedRequest> legAlerts() {
    return slack.findAll(postRequestedFor(urlEqualTo(HOOK))).stream()
        .filter(r -> r.getBodyAsString().contains("Leg mismatch")).toList();
  }

  @Test
  void aLegMismatchInTheSimulatorGivesExactlyOneAlert() throws Exception {
    slack.stubFor(post(HOOK).willReturn(ok("ok")));
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-quiet.yaml")) {
      h.set("ARB_ALERT_SLACK_URL", "http://127.0.0.1:" + slack.getPort() + HOOK);
      h.sim.faults(VenueId.POLYMARKET).add(FaultRule.once(FaultKinds.LATENCY, "POST /order").withMillis(1_000));
      h.startEngine();
      h.await(EngineEvent.ModeChanged.class, e -> e.to().equals("TRADING"));
      // A book update opens the window (Kalshi YES asks 0.40), as in the market: tick-to-order is measured.
      h.addLiquidity(VenueId.KALSHI, EngineHarness.FED_TICKER, Side.SELL, "0.40", "20");

      h.await(OrderSent.class, e -> e.request().instrument().venue() == VenueId.POLYMARKET);
      // Someone else takes all 20 NO shares at 0.52 while our order is on its way.
      h.takeLiquidity(VenueId.POLYMARKET, FED_NO_TOKEN, Side.BUY, "0.52", "20");

      ExecutionFinished done = h.await(ExecutionFinished.class, e -> e.pairId().equals(FED));
      assertThat(done.outcome()).as("events %s", h.events()).isEqualTo("UNWOUND");
      h.await(EngineEvent.Unwind.class, e -> e.pairId().equals(FED));

      poll(() -> legAlerts().size() >= 1, Duration.ofSeconds(30), "the leg alert");
      // A grace period, polled: no second alert for the execution (its Unwind, its end, its orders).
      long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (System.nanoTime() < end) {
        assertThat(legAlerts()).hasSize(1);
        new LinkedBlockingQueue<>().poll(50, TimeUnit.MILLISECONDS);
      }
      String body = legAlerts().get(0).getBodyAsString();
      assertThat(body).startsWith("{\"text\":\"[WARNING] Leg mismatch (fed): execution " + done.executionId()
          + " ended UNWOUND: unwound with a loss of $");
      assertThat(body).contains("kalshi bought 20 sold 20, polymarket bought 0");

      // The same execution in the metrics.
      PrometheusText metrics = PrometheusText.parse(h.runtime.metrics().scrape());
      assertThat(metrics.value("arb_leg_mismatches_total")).contains(1.0);
      assertThat(metrics.value("arb_unwinds_total")).contains(1.0);
      assertThat(metrics.value("arb_executions_total", "outcome", "unwound")).contains(1.0);
      assertThat(metrics.value("arb_tick_to_order_seconds_count").orElseThrow()).isGreaterThanOrEqualTo(1.0);
      assertThat(metrics.value("arb_book_updates_total", "venue", "kalshi").orElseThrow()).isPositive();
      assertThat(metrics.value("arb_orders_total", "venue", "kalshi", "purpose", "unwind", "outcome", "accepted"))
          .contains(1.0);
      assertThat(h.runtime.alerts()).isPresent();
    }
  }

  private static void poll(java.util.function.BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      new LinkedBlockingQueue<>().poll(50, TimeUnit.MILLISECONDS);
    }
  }
}
