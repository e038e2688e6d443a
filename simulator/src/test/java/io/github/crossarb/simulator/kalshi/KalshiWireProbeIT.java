package io.github.crossarb.simulator.kalshi;

import static io.github.crossarb.simulator.testing.KalshiHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.simulator.RecordingProbe;
import io.github.crossarb.simulator.testing.KalshiHarness;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The end-to-end benchmark's hooks on the Kalshi server: order arrival and book frame timestamps. */
@Timeout(60)
class KalshiWireProbeIT {
  static final String FED = "KXFED-26DEC-T4.25";

  @TempDir
  Path dir;
  KalshiHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new KalshiHarness(KalshiRestIT.scenario(), dir, Duration.ofSeconds(10));
  }

  @AfterEach
  void tearDown() throws Exception {
    h.close();
  }

  @Test
  void reportsTheOrderArrivalBeforeMatchingAndTheDeltaFrame() throws Exception {
    RecordingProbe probe = new RecordingProbe();
    h.sim.wireProbe(probe);
    KalshiHarness.Stream s = h.connect();
    s.send("subscribe", new JsonObject().put("channels", new JsonArray().add("orderbook_delta"))
        .put("market_tickers", new JsonArray().add(FED)));
    s.next("orderbook_snapshot");

    long before = System.nanoTime();
    h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "7", "0.39", "good_till_canceled"));
    long after = System.nanoTime();

    RecordingProbe.Report arrival = probe.reports.poll(10, TimeUnit.SECONDS);
    assertThat(arrival).isNotNull();
    assertThat(arrival.order()).isTrue();
    assertThat(arrival.venue()).isEqualTo(VenueId.KALSHI);
    assertThat(arrival.market()).isEqualTo(FED);
    assertThat(arrival.nanos()).isBetween(before, after);
    RecordingProbe.Report frame = probe.reports.poll(10, TimeUnit.SECONDS);
    assertThat(frame).isNotNull();
    assertThat(frame.order()).isFalse();
    assertThat(frame.market()).isEqualTo(FED);
    assertThat(frame.nanos()).isGreaterThanOrEqualTo(arrival.nanos()).isLessThanOrEqualTo(after);
    assertThat(s.next("orderbook_delta").getJsonObject("msg").getString("market_ticker")).isEqualTo(FED);

    // Removed: nothing more is reported.
    h.sim.wireProbe(null);
    h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "3", "0.38", "good_till_canceled"));
    assertThat(s.next("orderbook_delta")).isNotNull();
    assertThat(probe.reports).isEmpty();
  }

  @Test
  void everyOrderOfABatchIsReported() throws Exception {
    RecordingProbe probe = new RecordingProbe();
    h.sim.wireProbe(probe);
    h.send(HttpMethod.POST, "/portfolio/events/orders/batched", new JsonObject().put("orders", new JsonArray()
        .add(order(FED, "bid", "1", "0.30", "good_till_canceled"))
        .add(order(FED, "bid", "1", "0.31", "good_till_canceled"))));
    long orders = probe.reports.stream().filter(RecordingProbe.Report::order).count();
    assertThat(orders).isEqualTo(2);
  }
}
