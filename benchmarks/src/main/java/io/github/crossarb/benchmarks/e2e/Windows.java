package io.github.crossarb.benchmarks.e2e;

import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.simulator.exchange.Accounts;
import io.github.crossarb.simulator.exchange.Exchange;
import io.github.crossarb.simulator.exchange.ExchangeEvent;
import io.github.crossarb.simulator.exchange.LevelView;
import io.github.crossarb.simulator.exchange.NewOrder;
import io.github.crossarb.simulator.exchange.OrderState;
import io.github.crossarb.simulator.exchange.OrderView;
import io.github.crossarb.simulator.exchange.SelfTradePrevention;
import io.github.crossarb.simulator.scenario.PairSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Arbitrage windows, one at a time. A window: the Polymarket NO token gets an ask {@link #GAP}
 * below {@code 1 − Kalshi YES ask} for {@link #SIZE} shares, so buying YES on Kalshi and NO on
 * Polymarket costs less than $1 after fees, for exactly {@link #SIZE} contracts on both legs (the
 * Kalshi best ask rests more). The liquidity sits on the token the engine buys: the NO token's own
 * book, which the simulator matches directly (no minting needed). Its bids are taken off first
 * (the market maker mirrors them from the YES asks, right at {@code 1 − Kalshi ask}), so the cheap
 * ask rests instead of trading with them.
 *
 * <p>Timing: the probe takes the moment the ask's {@code price_change} frame is written to the
 * engine's socket, and each leg's order request arriving. Then the engine's execution finishes
 * (its snapshot counts it, or, under load, both legs have filled), the window is closed (any
 * unfilled rest of the ask cancelled, the Kalshi ask refilled to its size) and the next pair gets
 * the next window.
 */
final class Windows {
  /** The window's edge per contract before fees (fees on these markets are about 2–3 cents). */
  static final long GAP = 100_000;
  /** Contracts per window (the Polymarket minimum is 5 shares). */
  static final long SIZE = 10;
  static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
  /**
   * At least this long from one window to the next: at most 200 windows (400 orders) a second, below
   * the Kalshi limiter's budget, and with 100 pairs in turn a pair's next window comes after its
   * cooldown.
   */
  static final long MIN_SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final Rig rig;
  private final Exchange kalshi;
  private final Exchange polymarket;
  private final List<PairSpec> pairs;
  private final Map<String, LongAdder> userFilled = new ConcurrentHashMap<>();
  private final Runnable unsubscribeK;
  private final Runnable unsubscribeP;
  private final EventTail events;
  private long expectedExecutions;
  private int next;

  /** What one window measured. */
  record Window(String pair, boolean seen, long send, long kalshiArrival, long polymarketArrival, long kalshiFilled,
      long polymarketFilled, int extraOrders) {
    long kalshiLeg() {
      return kalshiArrival - send;
    }

    long polymarketLeg() {
      return polymarketArrival - send;
    }

    long later() {
      return Math.max(kalshiArrival, polymarketArrival) - send;
    }

    boolean bothFilled() {
      return kalshiFilled == SIZE * 1_000_000 && polymarketFilled == SIZE * 1_000_000;
    }
  }

  Windows(Rig rig, List<PairSpec> pairs) throws InterruptedException {
    this.rig = rig;
    this.kalshi = rig.sim.exchange(VenueId.KALSHI);
    this.polymarket = rig.sim.exchange(VenueId.POLYMARKET);
    this.pairs = List.copyOf(pairs);
    this.unsubscribeK = kalshi.subscribe(this::onEvent);
    this.unsubscribeP = polymarket.subscribe(this::onEvent);
    for (PairSpec p : pairs) {
      String no = p.polymarket().noTokenId();
      for (OrderView o : polymarket.restingOrders(no)) {
        if (o.account().equals(Accounts.LIQUIDITY) && o.side() == Side.BUY) {
          polymarket.cancel(Accounts.LIQUIDITY, o.orderId());
        }
      }
    }
    this.events = new EventTail(rig.dataDir.resolve("events.jsonl"));
    try {
      expectedExecutions = events.finished();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void onEvent(ExchangeEvent e) {
    if (e instanceof ExchangeEvent.Filled f && f.fill().account().equals(Accounts.USER)) {
      userFilled.computeIfAbsent(f.fill().market(), m -> new LongAdder()).add(f.fill().quantity().micros());
    }
  }

  private long filled(String market) {
    LongAdder a = userFilled.get(market);
    return a == null ? 0 : a.sum();
  }

  /**
   * Opens the next window (pairs in turn), measures it and closes it.
   *
   * @param awaitEngine wait for the engine's event log to show the execution finished; under load,
   *     wait for the legs' fills instead
   */
  Window run(boolean awaitEngine) throws InterruptedException {
    PairSpec pair = pairs.get(next++ % pairs.size());
    String ticker = pair.kalshi().ticker();
    String no = pair.polymarket().noTokenId();
    LevelView ask = kalshi.book(ticker).bestAsk().orElseThrow(() -> new IllegalStateException("no Kalshi ask on "
        + ticker));
    long kalshiAsk = ask.price().micros();
    long kalshiAskSize = ask.quantity().micros();
    long price = (1_000_000 - kalshiAsk - GAP) / 10_000 * 10_000;
    long k0 = filled(ticker);
    long p0 = filled(no);
    WindowProbe probe = rig.probe;
    probe.arm(no, ticker, no);
    OrderView opened = polymarket.submit(new NewOrder(Accounts.LIQUIDITY, no, Side.SELL, Price.ofMicros(price),
        Quantity.of(SIZE), TimeInForce.GTC, null, null, Outcome.YES, false, false, SelfTradePrevention.CANCEL_MAKER,
        null)).order();
    long send = 0;
    long kArrival = 0;
    long pArrival = 0;
    long deadline = System.nanoTime() + WAIT_NANOS;
    boolean seen = false;
    while (kArrival == 0 || pArrival == 0 || send == 0) {
      long left = deadline - System.nanoTime();
      WindowProbe.Mark m = left <= 0 ? null : probe.marks().poll(left, TimeUnit.NANOSECONDS);
      if (m == null) {
        break;
      }
      if (!m.order()) {
        send = m.nanos();
      } else if (m.venue() == VenueId.KALSHI && kArrival == 0) {
        kArrival = m.nanos();
      } else if (m.venue() == VenueId.POLYMARKET && pArrival == 0) {
        pArrival = m.nanos();
      }
    }
    seen = send != 0 && kArrival != 0 && pArrival != 0;
    if (seen) {
      expectedExecutions++;
      awaitDone(awaitEngine, ticker, no, k0, p0);
    }
    int extra = 0;
    for (WindowProbe.Mark m : probe.marks()) {
      if (m.order()) {
        extra++; // a hedge or unwind order: the legs did not fill as planned
      }
    }
    probe.disarm();
    close(opened, ticker, kalshiAsk, kalshiAskSize);
    return new Window(pair.id(), seen, send, kArrival, pArrival, filled(ticker) - k0, filled(no) - p0, extra);
  }

  private void awaitDone(boolean awaitEngine, String ticker, String no, long k0, long p0)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_NANOS;
    if (awaitEngine) {
      try {
        while (System.nanoTime() < deadline) {
          long done = events.finished();
          if (done >= expectedExecutions) {
            expectedExecutions = done;
            return;
          }
          LockSupport.parkNanos(200_000);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return;
    }
    long want = SIZE * 1_000_000;
    long settle = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    while (System.nanoTime() < settle && (filled(ticker) - k0 < want || filled(no) - p0 < want)) {
      LockSupport.parkNanos(100_000);
    }
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // the engine reads both answers
  }

  /** Cancels what is left of the window's ask and refills the Kalshi best ask to its size. */
  private void close(OrderView opened, String ticker, long kalshiAsk, long kalshiAskSize) {
    Optional<OrderView> now = polymarket.order(opened.orderId());
    if (now.isPresent() && now.get().state() == OrderState.RESTING) {
      polymarket.cancel(Accounts.LIQUIDITY, opened.orderId());
    }
    long resting = 0;
    for (LevelView l : kalshi.book(ticker).asks()) {
      if (l.price().micros() == kalshiAsk) {
        resting = l.quantity().micros();
      }
    }
    if (resting < kalshiAskSize) {
      kalshi.submit(new NewOrder(Accounts.LIQUIDITY, ticker, Side.SELL, Price.ofMicros(kalshiAsk),
          Quantity.ofMicros(kalshiAskSize - resting), TimeInForce.GTC, null, null, Outcome.YES, false, false,
          SelfTradePrevention.CANCEL_MAKER, null));
    }
  }

  /** Windows until {@code count} are measured or {@code untilNanos} passes (0: no time limit). */
  List<Window> run(int count, long untilNanos, boolean awaitEngine, int maxMissesInRow) throws InterruptedException {
    List<Window> out = new ArrayList<>();
    int missesInRow = 0;
    long last = 0;
    while (out.size() < count && (untilNanos == 0 || System.nanoTime() < untilNanos)) {
      long wait = last + MIN_SPACING_NANOS - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      last = System.nanoTime();
      Window w = run(awaitEngine);
      out.add(w);
      missesInRow = w.seen() ? 0 : missesInRow + 1;
      if (missesInRow >= maxMissesInRow) {
        throw new IllegalStateException(maxMissesInRow + " windows in a row got no orders from the engine ("
            + diagnosis(w.pair()) + "); engine output:\n" + rig.engine.tail(30));
      }
    }
    return out;
  }

  /** What the engine's snapshot says about {@code pairId} and its balances, for an error message. */
  private String diagnosis(String pairId) {
    try {
      com.fasterxml.jackson.databind.JsonNode s = rig.engine.snapshot();
      if (s == null) {
        return "no snapshot";
      }
      String pair = "";
      for (com.fasterxml.jackson.databind.JsonNode p : s.path("pairs")) {
        if (p.path("pairId").asText().equals(pairId)) {
          pair = p.toString();
        }
      }
      return "trading " + s.path("trading").asText() + " " + s.path("tradingDetail").asText() + "; balances "
          + s.path("balances") + "; feeds " + s.path("feeds") + "; pair " + pair;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  void close() {
    unsubscribeK.run();
    unsubscribeP.run();
    try {
      events.close();
    } catch (java.io.IOException e) {
      // only a reader
    }
  }
}
