package io.github.crossarb.simulator.polymarket;

import static io.github.crossarb.simulator.polymarket.PolySimFixture.YES;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.simulator.RecordingProbe;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The end-to-end benchmark's hooks on the Polymarket server: order arrival and market frame timestamps. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PolymarketWireProbeIT {
  static final long M = 1_000_000L;
  PolySimFixture sim;

  @BeforeEach
  void start() throws Exception {
    sim = new PolySimFixture();
  }

  @AfterEach
  void stop() throws Exception {
    sim.close();
  }

  @Test
  void reportsTheMarketFrameAndTheOrderArrival() throws Exception {
    RecordingProbe probe = new RecordingProbe();
    sim.server.wireProbe(probe);
    PolySimFixture.Socket s = sim.socket("/ws/market");
    s.send("{\"assets_ids\":[\"" + YES + "\"],\"type\":\"market\"}");
    s.next("book");
    assertThat(probe.reports.poll(5, TimeUnit.SECONDS)).as("the book snapshot is not an update").isNull();

    long before = System.nanoTime();
    sim.house(YES, Side.SELL, "0.60", "10");
    s.next("price_change");
    RecordingProbe.Report frame = probe.reports.poll(5, TimeUnit.SECONDS);
    assertThat(frame).isNotNull();
    assertThat(frame.order()).isFalse();
    assertThat(frame.venue()).isEqualTo(VenueId.POLYMARKET);
    assertThat(frame.market()).isEqualTo(YES);
    assertThat(frame.nanos()).isBetween(before, System.nanoTime());

    long sent = System.nanoTime();
    PolySimFixture.Resp r = sim.post(sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M), "GTC");
    long answered = System.nanoTime();
    assertThat(r.status()).isEqualTo(200);
    RecordingProbe.Report arrival = probe.reports.poll(5, TimeUnit.SECONDS);
    assertThat(arrival).isNotNull();
    assertThat(arrival.order()).isTrue();
    assertThat(arrival.market()).isEqualTo(YES);
    assertThat(arrival.nanos()).isBetween(sent, answered);
    // the resting bid's frame comes after the arrival
    RecordingProbe.Report bid = probe.reports.poll(5, TimeUnit.SECONDS);
    assertThat(bid).isNotNull();
    assertThat(bid.order()).isFalse();
    assertThat(bid.nanos()).isGreaterThanOrEqualTo(arrival.nanos());

    sim.server.wireProbe(null);
    sim.house(YES, Side.SELL, "0.61", "10");
    s.next("price_change");
    assertThat(probe.reports).isEmpty();
  }
}
