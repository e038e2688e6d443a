package io.github.crossarb.simulator.process;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.simulator.exchange.Accounts;
import io.github.crossarb.simulator.exchange.Exchange;
import io.github.crossarb.simulator.exchange.ExchangeException;
import io.github.crossarb.simulator.exchange.MarketSpec;
import io.github.crossarb.simulator.exchange.NewOrder;
import io.github.crossarb.simulator.exchange.OrderView;
import io.github.crossarb.simulator.exchange.SelfTradePrevention;
import io.github.crossarb.simulator.scenario.BookSpec;
import io.github.crossarb.simulator.scenario.PairSpec;
import io.github.crossarb.simulator.scenario.ProcessSpec;
import io.github.crossarb.simulator.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * The market maker: a seeded process that moves each pair's fair price and requotes the
 * {@link Accounts#LIQUIDITY} account's depth on both venues around it. Now and then (per
 * {@link ProcessSpec#windowChancePermille()}) the two venues' mids move apart by
 * {@link ProcessSpec#windowSize()} for {@link ProcessSpec#windowSteps()} steps, which opens an
 * arbitrage window (Kalshi YES ask + Polymarket NO ask, or the reverse, below $1 after fees) that
 * closes again.
 *
 * <p>Everything is integer micros and one {@link SplittableRandom} seeded from the scenario, so
 * the same scenario and the same sequence of client orders give the same books. {@link #step()}
 * is called by {@link ProcessTimer} in a real run and by hand in tests.
 */
public final class PriceProcess {
  private final Scenario scenario;
  private final ProcessSpec spec;
  private final Exchange kalshi;
  private final Exchange polymarket;
  private final SplittableRandom random;
  private final Map<String, MutablePair> pairs = new LinkedHashMap<>();
  private final List<LongConsumer> stepListeners = new CopyOnWriteArrayList<>();
  private final List<LongConsumer> beforeListeners = new CopyOnWriteArrayList<>();
  private final long volatility;
  private final long halfSpread;
  private final long windowSize;
  private final Quantity baseSize;
  private long steps;

  private static final class MutablePair {
    final PairSpec spec;
    final long anchor;
    long fair;
    long dislocation;
    int windowLeft;
    /** Explicit starting books stay until the first step. */
    boolean explicitBooks;

    MutablePair(PairSpec spec) {
      this.spec = spec;
      this.anchor = Price.parse(spec.fairYes()).micros();
      this.fair = anchor;
    }

    PairState view() {
      return new PairState(spec.id(), Price.ofMicros(fair), dislocation, windowLeft);
    }
  }

  /**
   * @param kalshi the Kalshi engine built by {@code ScenarioExchanges.kalshi}
   * @param polymarket the Polymarket engine built by {@code ScenarioExchanges.polymarket}
   */
  public PriceProcess(Scenario scenario, Exchange kalshi, Exchange polymarket) {
    this.scenario = Objects.requireNonNull(scenario, "scenario");
    this.spec = scenario.process();
    this.kalshi = Objects.requireNonNull(kalshi, "kalshi");
    this.polymarket = Objects.requireNonNull(polymarket, "polymarket");
    this.random = new SplittableRandom(scenario.seed());
    this.volatility = Price.parse(spec.volatility()).micros();
    this.halfSpread = Price.parse(spec.halfSpread()).micros();
    this.windowSize = Price.parse(spec.windowSize()).micros();
    this.baseSize = Quantity.parse(spec.baseSize());
    for (PairSpec pair : scenario.pairs()) {
      pairs.put(pair.id(), new MutablePair(pair));
    }
  }

  /** Called after every step (moved and requoted) with the step's number. */
  public void onStep(LongConsumer listener) {
    stepListeners.add(listener);
  }

  /**
   * Called at the start of every step with the coming step's number, before the market maker
   * requotes: scheduled venue changes (a tick size change) hook in here, so the step's quotes
   * already follow them.
   */
  public void beforeStep(LongConsumer listener) {
    beforeListeners.add(listener);
  }

  /** Rests the starting books: the scenario's explicit levels, or quotes around the fair price. */
  public synchronized void start() {
    for (MutablePair pair : pairs.values()) {
      if (pair.spec.initialBooks() != null) {
        pair.explicitBooks = true;
        placeExplicit(kalshi, pair.spec.kalshi().ticker(), pair.spec.initialBooks().kalshi());
        placeExplicit(polymarket, pair.spec.polymarket().yesTokenId(), pair.spec.initialBooks().polymarketYes());
        placeExplicit(polymarket, pair.spec.polymarket().noTokenId(), pair.spec.initialBooks().polymarketNo());
      }
      quote(pair, !pair.explicitBooks);
    }
  }

  /** Moves every pair one step and requotes; returns the new step number. */
  public long step() {
    long coming;
    synchronized (this) {
      coming = steps + 1;
    }
    for (LongConsumer listener : beforeListeners) {
      listener.accept(coming);
    }
    long n;
    synchronized (this) {
      n = ++steps;
      kalshi.expireDue();
      polymarket.expireDue();
      for (MutablePair pair : pairs.values()) {
        move(pair);
        pair.explicitBooks = false;
        quote(pair, true);
      }
    }
    for (LongConsumer listener : stepListeners) {
      listener.accept(n);
    }
    return n;
  }

  public synchronized long steps() {
    return steps;
  }

  public synchronized List<PairState> state() {
    List<PairState> out = new ArrayList<>();
    pairs.values().forEach(p -> out.add(p.view()));
    return out;
  }

  public synchronized PairState state(String pairId) {
    MutablePair p = pairs.get(pairId);
    if (p == null) {
      throw new IllegalArgumentException("unknown pair " + pairId);
    }
    return p.view();
  }

  public Scenario scenario() {
    return scenario;
  }

  // ---------------------------------------------------------------- the process

  private void move(MutablePair p) {
    long shock = volatility == 0 ? 0 : random.nextLong(-volatility, volatility + 1);
    long pull = (p.anchor - p.fair) * spec.meanReversionPermille() / 1000;
    p.fair = clamp(p.fair + shock + pull, 30_000, 970_000);
    if (p.windowLeft > 0) {
      if (--p.windowLeft == 0) {
        p.dislocation = 0;
      }
    } else if (random.nextInt(1000) < spec.windowChancePermille()) {
      p.dislocation = random.nextBoolean() ? windowSize : -windowSize;
      p.windowLeft = spec.windowSteps();
    }
  }

  /** The market maker's target: per side, best first, price and size. */
  private record Quote(Side side, long price, long size) {}

  private void quote(MutablePair p, boolean requote) {
    PairState s = p.view();
    List<Quote> k = ladder(kalshi, p.spec.kalshi().ticker(), s.kalshiMid());
    List<Quote> yes = ladder(polymarket, p.spec.polymarket().yesTokenId(), s.polymarketMid());
    if (!requote) {
      return; // the draws above still happen, so explicit books do not shift the random stream
    }
    requote(kalshi, p.spec.kalshi().ticker(), k);
    requote(polymarket, p.spec.polymarket().yesTokenId(), yes);
    // The NO token mirrors the YES book: NO bid = 1 − YES ask, NO ask = 1 − YES bid.
    List<Quote> no = new ArrayList<>();
    for (Quote q : yes) {
      no.add(new Quote(q.side.opposite(), Fixed.SCALE - q.price, q.size));
    }
    requote(polymarket, p.spec.polymarket().noTokenId(), no);
  }

  private List<Quote> ladder(Exchange exchange, String market, long mid) {
    MarketSpec m = exchange.market(market).orElseThrow();
    TickGrid ticks = m.ticks();
    long lot = m.lotSize().micros();
    long minTick = ticks.ceil(Price.ofMicros(1)).map(Price::micros).orElse(Fixed.SCALE);
    long maxTick = ticks.floor(Price.ofMicros(Fixed.SCALE - 1)).map(Price::micros).orElse(0L);
    long bid = ticks.floor(Price.ofMicros(clamp(mid - halfSpread, 0, Fixed.SCALE))).map(Price::micros).orElse(0L);
    long ask = ticks.ceil(Price.ofMicros(clamp(mid + halfSpread, 0, Fixed.SCALE))).map(Price::micros)
        .orElse(Fixed.SCALE);
    bid = Math.max(bid, minTick);
    ask = Math.min(ask, maxTick);
    if (bid >= ask) {
      ask = nextUp(ticks, bid);
      if (ask >= Fixed.SCALE) {
        ask = bid;
        bid = nextDown(ticks, ask);
      }
    }
    List<Quote> out = new ArrayList<>();
    long minSize = Math.max(m.minSize().micros(), lot);
    for (int i = 0; i < spec.levels(); i++) {
      long size = sizeAt(i, lot, minSize);
      if (bid > 0) {
        out.add(new Quote(Side.BUY, bid, size));
      }
      for (int t = 0; t < spec.levelSpacingTicks(); t++) {
        bid = bid > 0 ? nextDown(ticks, bid) : 0;
      }
    }
    for (int i = 0; i < spec.levels(); i++) {
      long size = sizeAt(i, lot, minSize);
      if (ask < Fixed.SCALE) {
        out.add(new Quote(Side.SELL, ask, size));
      }
      for (int t = 0; t < spec.levelSpacingTicks(); t++) {
        ask = ask < Fixed.SCALE ? nextUp(ticks, ask) : Fixed.SCALE;
      }
    }
    return out;
  }

  private long sizeAt(int level, long lot, long minSize) {
    long jitter = spec.sizeJitterLots() == 0 ? 0 : random.nextInt(spec.sizeJitterLots() + 1);
    long size = Math.addExact(Math.multiplyExact(baseSize.micros(), level + 1L), Math.multiplyExact(jitter, lot));
    size = Fixed.floorTo(size, lot);
    return Math.max(size, Fixed.ceilTo(minSize, lot));
  }

  private static long nextDown(TickGrid ticks, long price) {
    return price <= 1 ? 0 : ticks.floor(Price.ofMicros(price - 1)).map(Price::micros).orElse(0L);
  }

  private static long nextUp(TickGrid ticks, long price) {
    return price >= Fixed.SCALE - 1 ? Fixed.SCALE
        : ticks.ceil(Price.ofMicros(price + 1)).map(Price::micros).orElse(Fixed.SCALE);
  }

  /**
   * Moves the market maker's resting orders to {@code targets}: identical orders stay (keeping
   * their priority), the others are cancelled, missing ones placed. A new quote that crosses a
   * client's resting order trades with it, as a real market maker's would.
   */
  private static void requote(Exchange exchange, String market, List<Quote> targets) {
    if (!exchange.isOpen(market)) {
      return;
    }
    Map<String, Quote> wanted = new LinkedHashMap<>();
    for (Quote q : targets) {
      if (q.price > 0 && q.price < Fixed.SCALE) {
        wanted.put(q.side + "@" + q.price, q);
      }
    }
    TickGrid ticks = exchange.market(market).orElseThrow().ticks();
    for (OrderView o : exchange.restingOrders(market)) {
      if (!o.account().equals(Accounts.LIQUIDITY)) {
        continue;
      }
      String key = o.side() + "@" + o.price().micros();
      Quote q = wanted.get(key);
      if (q != null && q.size == o.remainingQuantity().micros()) {
        wanted.remove(key);
      } else {
        exchange.cancel(Accounts.LIQUIDITY, o.orderId());
      }
    }
    for (Quote q : wanted.values()) {
      if (!ticks.isOnTick(Price.ofMicros(q.price))) {
        continue;
      }
      place(exchange, market, q.side, q.price, q.size);
    }
  }

  private static void placeExplicit(Exchange exchange, String market, BookSpec book) {
    if (book == null) {
      return;
    }
    for (List<String> level : book.bids()) {
      place(exchange, market, Side.BUY, Price.parse(level.get(0)).micros(), Quantity.parse(level.get(1)).micros());
    }
    for (List<String> level : book.asks()) {
      place(exchange, market, Side.SELL, Price.parse(level.get(0)).micros(), Quantity.parse(level.get(1)).micros());
    }
  }

  private static void place(Exchange exchange, String market, Side side, long price, long size) {
    NewOrder order = new NewOrder(Accounts.LIQUIDITY, market, side, Price.ofMicros(price), Quantity.ofMicros(size),
        TimeInForce.GTC, null, null, Outcome.YES, false, false, SelfTradePrevention.CANCEL_MAKER, null);
    try {
      exchange.submit(order);
    } catch (ExchangeException e) {
      // A halted market or a tick change between pricing and placing: skip this quote.
    }
  }

  private static long clamp(long value, long low, long high) {
    return Math.max(low, Math.min(high, value));
  }
}
