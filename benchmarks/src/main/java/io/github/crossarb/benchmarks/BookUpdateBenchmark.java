package io.github.crossarb.benchmarks;

import io.github.crossarb.core.book.BookSide;
import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * Applying one venue update to a 10-level-a-side book: a Kalshi signed delta on a bid side and a
 * Polymarket absolute level. Updates cycle through a precomputed list that keeps the book valid.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class BookUpdateBenchmark {
  private static final int UPDATES = 1024;
  private OrderBook kalshi;
  private OrderBook polymarket;
  private Price[] prices;
  private long[] deltas;
  private Quantity[] sizes;
  private int next;

  @Setup(org.openjdk.jmh.annotations.Level.Trial)
  public void setUp() {
    InstrumentId kalshiId = InstrumentId.kalshi("BENCH");
    InstrumentId polyId = InstrumentId.polymarket("1");
    kalshi = new OrderBook(kalshiId, Clock.systemUTC());
    polymarket = new OrderBook(polyId, Clock.systemUTC());
    List<Level> bids = new ArrayList<>();
    List<Level> asks = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      bids.add(new Level(Price.ofMicros(400_000 - i * 10_000L), Quantity.of(100)));
      asks.add(new Level(Price.ofMicros(600_000 + i * 10_000L), Quantity.of(100)));
    }
    kalshi.applySnapshot(new BookSnapshot(kalshiId, bids, asks));
    polymarket.applySnapshot(new BookSnapshot(polyId, bids, asks));
    SplittableRandom random = new SplittableRandom(42);
    prices = new Price[UPDATES];
    deltas = new long[UPDATES];
    sizes = new Quantity[UPDATES];
    for (int i = 0; i < UPDATES; i++) {
      prices[i] = Price.ofMicros(310_000 + random.nextInt(10) * 10_000L); // YES bid band 0.31..0.40
      // +k then -k on alternate updates of the same level keeps sizes positive forever.
      deltas[i] = (i % 2 == 0 ? 1 : -1) * 1_000_000L;
      if (i % 2 == 1) {
        prices[i] = prices[i - 1];
      }
      sizes[i] = Quantity.of(1 + random.nextInt(200));
    }
  }

  @Benchmark
  public boolean kalshiSignedDelta() {
    int i = next++ & (UPDATES - 1);
    return kalshi.applyBidDelta(Outcome.YES, prices[i], deltas[i]);
  }

  @Benchmark
  public boolean polymarketAbsoluteLevel() {
    int i = next++ & (UPDATES - 1);
    return polymarket.setLevel(BookSide.BID, prices[i], sizes[i]);
  }
}
