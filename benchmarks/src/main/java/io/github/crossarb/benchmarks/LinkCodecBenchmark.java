package io.github.crossarb.benchmarks;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.link.codec.LinkCodec;
import io.github.crossarb.link.codec.LinkCodecException;
import io.github.crossarb.link.protocol.FillReport;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.PlaceLeg;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The controller ↔ trader link's JSON codec on its two busiest messages: {@code place_leg} (an
 * order to send) and {@code fill_report} (a fill coming back). The messages are trader-link's
 * golden samples ({@code SampleMessages}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class LinkCodecBenchmark {
  private static final Instant T = Instant.parse("2026-11-27T09:30:00.123Z");

  private LinkCodec codec;
  private PlaceLeg placeLeg;
  private FillReport fillReport;
  private String placeLegText;
  private String fillReportText;

  @Setup
  public void setUp() throws LinkCodecException {
    codec = new LinkCodec();
    OrderRequest order = new OrderRequest(new ClientOrderId("arb-42-k"), InstrumentId.kalshi("KXBTC-25DEC31-T100000"),
        Outcome.YES, Side.BUY, Price.parse("0.42"), Quantity.of(10), TimeInForce.IOC, false, null);
    placeLeg = new PlaceLeg("arb-42-k", VenueId.KALSHI, order, T.plusSeconds(5));
    InstrumentId token = InstrumentId.polymarket(SigningOrders.TOKEN);
    fillReport = new FillReport(VenueId.POLYMARKET, new Fill("fill-1", token, Outcome.NO, Side.SELL,
        Price.parse("0.575"), Quantity.parse("12.345678"), Money.parse("0.07"), T, new ClientOrderId("arb-42-p"),
        "pair-9"));
    placeLegText = codec.encode(placeLeg);
    fillReportText = codec.encode(fillReport);
    // A codec that does not round-trip measures nothing worth having.
    if (!codec.decode(placeLegText).equals(placeLeg) || !codec.decode(fillReportText).equals(fillReport)) {
      throw new IllegalStateException("the link codec does not round-trip the benchmark messages");
    }
  }

  @Benchmark
  public String encodePlaceLeg() {
    return codec.encode(placeLeg);
  }

  @Benchmark
  public LinkMessage decodePlaceLeg() throws LinkCodecException {
    return codec.decode(placeLegText);
  }

  @Benchmark
  public String encodeFillReport() {
    return codec.encode(fillReport);
  }

  @Benchmark
  public LinkMessage decodeFillReport() throws LinkCodecException {
    return codec.decode(fillReportText);
  }
}
