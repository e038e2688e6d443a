package io.github.crossarb.benchmarks;

import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PolymarketMarket;
import io.github.crossarb.core.pricing.EdgeCalculator;
import io.github.crossarb.core.pricing.EdgeInputs;
import io.github.crossarb.core.pricing.EdgeParams;
import io.github.crossarb.core.pricing.EdgeResult;
import io.github.crossarb.core.pricing.KalshiFeeModel;
import io.github.crossarb.core.pricing.Opportunity;
import io.github.crossarb.core.pricing.PolymarketFeeModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recomputing the edge of one pair (both directions) with {@code levels} levels (1, 10, 50) on
 * every side of its three books, as the engine does after each book update. {@code arb}: the books
 * cross by a few cents over several levels, so the search walks depth and sizes an opportunity;
 * {@code none}: no edge at the top of book, the common case, where the calculator should stop
 * early.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EdgeRecomputeBenchmark {
  @Param({"arb", "none"})
  public String scenario;

  /** Levels on every side of each of the three books. */
  @Param({"1", "10", "50"})
  public int levels;

  private EdgeCalculator calculator;
  private EdgeInputs inputs;
  private EdgeParams params;

  @Setup
  public void setUp() {
    Clock clock = Clock.systemUTC();
    PolymarketMarket poly = new PolymarketMarket("0xbench", "1001", "1002");
    MarketPair pair = MarketPair.approved("bench", "KXBENCH", poly, PairRelation.SAME);
    boolean arb = scenario.equals("arb");
    // Kalshi YES asks from 0.40 (via NO bids), Kalshi YES bids from 0.38.
    OrderBook kalshi = new OrderBook(pair.kalshiInstrument(), clock);
    kalshi.applySnapshot(book(pair.kalshiInstrument(), 380_000, 400_000, levels));
    // Polymarket NO token asks from 0.55 (arb: 0.40 + 0.55 < 1 after fees) or 0.61 (none).
    long polyNoAsk = arb ? 550_000 : 610_000;
    OrderBook polyNo = new OrderBook(poly.token(Outcome.NO), clock);
    polyNo.applySnapshot(book(poly.token(Outcome.NO), polyNoAsk - 20_000, polyNoAsk, levels));
    OrderBook polyYes = new OrderBook(poly.token(Outcome.YES), clock);
    polyYes.applySnapshot(book(poly.token(Outcome.YES), 1_000_000 - polyNoAsk, 1_000_000 - polyNoAsk + 20_000,
        levels));
    TickGrid cent = TickGrid.fixed(Price.parse("0.01"));
    inputs = new EdgeInputs(pair, kalshi, polyYes, polyNo,
        new Instrument(pair.kalshiInstrument(), cent, Quantity.of(1), Quantity.of(1)),
        new Instrument(poly.token(Outcome.YES), cent, Quantity.of(5), Quantity.parse("0.01")),
        KalshiFeeModel.of("quadratic", "1"),
        PolymarketFeeModel.of("0.03", "1"));
    params = new EdgeParams(Quantity.of(1_000), Money.parse("0.02"), 5_000, Duration.ofMinutes(10));
    calculator = new EdgeCalculator(clock);
    // A benchmark of the wrong case measures nothing: check the scenario does what it says.
    EdgeResult result = calculator.evaluate(inputs, params);
    if (arb != (result instanceof Opportunity)) {
      throw new IllegalStateException("scenario " + scenario + " evaluated to " + result);
    }
  }

  /**
   * {@code depth} levels a side, 50 contracts each, one cent apart for the first ten and a tenth of
   * a cent apart after that (50 one-cent levels would not fit between 0 and 1 on both sides).
   */
  private static BookSnapshot book(InstrumentId id, long bestBid, long bestAsk, int depth) {
    List<Level> bids = new ArrayList<>();
    List<Level> asks = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      long offset = i < 10 ? i * 10_000L : 90_000L + (i - 9) * 1_000L;
      bids.add(new Level(Price.ofMicros(bestBid - offset), Quantity.of(50)));
      asks.add(new Level(Price.ofMicros(bestAsk + offset), Quantity.of(50)));
    }
    return new BookSnapshot(id, bids, asks);
  }

  @Benchmark
  public EdgeResult evaluateBothDirections() {
    return calculator.evaluate(inputs, params);
  }
}
