package io.github.crossarb.core.execution;

import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EventSink;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PolymarketMarket;
import io.github.crossarb.core.pricing.Direction;
import io.github.crossarb.core.pricing.FeeModel;
import io.github.crossarb.core.pricing.LegPlan;
import io.github.crossarb.core.pricing.Opportunity;
import io.github.crossarb.core.risk.DenialReason;
import io.github.crossarb.core.risk.OrderIntent;
import io.github.crossarb.core.risk.RiskDecision;
import io.github.crossarb.core.venue.SubmitResult;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Pairs, instruments, books and a recording engine context for executor tests. */
final class ExecutionFixtures {
  static final String PAIR_ID = "fed-dec";
  static final String TICKER = "KXFED-26DEC-T4.25";
  static final MarketPair PAIR =
      MarketPair.approved(PAIR_ID, TICKER, new PolymarketMarket("0xc0ffee", "7001", "7002"), PairRelation.SAME);
  static final InstrumentId KALSHI = InstrumentId.kalshi(TICKER);
  /** BUY_KALSHI_YES on a SAME pair buys the Polymarket NO token. */
  static final InstrumentId POLY_NO = InstrumentId.polymarket("7002");

  static final Instrument KALSHI_INSTRUMENT =
      new Instrument(KALSHI, TickGrid.fixed(Price.parse("0.01")), Quantity.of(1), Quantity.of(1));
  static final Instrument POLY_INSTRUMENT =
      new Instrument(POLY_NO, TickGrid.fixed(Price.parse("0.01")), Quantity.of(5), Quantity.parse("0.01"));

  static final FeeModel NO_FEES = new FeeModel() {
    @Override
    public long takerFeeMicros(long priceMicros, long quantityMicros) {
      return 0;
    }

    @Override
    public Money makerFee(Price price, Quantity quantity) {
      return Money.ZERO;
    }
  };

  private ExecutionFixtures() {}

  static LegRiskParams params(Duration hedgeDeadline, int attempts, String lossCap, Duration unknownTimeout) {
    return new LegRiskParams(Money.parse("0.02"), hedgeDeadline, attempts, Money.parse(lossCap), unknownTimeout);
  }

  static LegRiskParams defaultParams() {
    return params(Duration.ofMillis(300), 2, "1.00", Duration.ofMillis(200));
  }

  /** Buy {@code size} Kalshi YES at {@code kalshiLimit} and Polymarket NO at {@code polyLimit}, no fees. */
  static Opportunity opportunity(String size, String kalshiLimit, String polyLimit) {
    Quantity q = Quantity.parse(size);
    Price k = Price.parse(kalshiLimit);
    Price p = Price.parse(polyLimit);
    LegPlan kl = new LegPlan(KALSHI, Outcome.YES, Side.BUY, k, q, Money.costOf(k, q), Money.ZERO, 1);
    LegPlan pl = new LegPlan(POLY_NO, Outcome.NO, Side.BUY, p, q, Money.costOf(p, q), Money.ZERO, 1);
    Money total = kl.cost().plus(pl.cost());
    Money payout = Money.payoutOf(q);
    return new Opportunity(PAIR_ID, Direction.BUY_KALSHI_YES, kl, pl, q, total, Money.ZERO, payout, payout.minus(total),
        Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  static ExecutionRequest request(Opportunity opportunity, ExecutionPolicy policy) {
    return request(opportunity, policy, KALSHI_INSTRUMENT, POLY_INSTRUMENT, NO_FEES);
  }

  static ExecutionRequest request(Opportunity opportunity, ExecutionPolicy policy, Instrument kalshi, Instrument poly,
      FeeModel fees) {
    return new ExecutionRequest("ex-1", PAIR, opportunity, policy, kalshi, poly, fees, fees);
  }

  /** Levels written {@code "price@size"}. */
  static List<Level> levels(String... specs) {
    List<Level> out = new ArrayList<>();
    for (String spec : specs) {
      String[] parts = spec.split("@");
      out.add(Level.of(parts[0], parts[1]));
    }
    return out;
  }

  static OrderBook book(InstrumentId instrument, InstantSource clock, List<Level> bids, List<Level> asks) {
    OrderBook book = new OrderBook(instrument, clock);
    book.applySnapshot(new BookSnapshot(instrument, bids, asks));
    return book;
  }

  /** One risk check and what it decided. */
  record Checked(OrderIntent intent, RiskDecision decision) {}

  /** What the engine lends the executor, recording everything it is asked. */
  static final class RecordingContext implements ExecutionContext {
    final Map<InstrumentId, OrderBook> books = new HashMap<>();
    final List<OrderIntent> intents = Collections.synchronizedList(new ArrayList<>());
    final List<SubmitResult> finished = Collections.synchronizedList(new ArrayList<>());
    final List<EngineEvent> events = Collections.synchronizedList(new ArrayList<>());
    final List<ClientOrderId> ids = new ArrayList<>();
    /** Risk checks (with their decision) and events, in the order they happened. */
    final List<Object> timeline = Collections.synchronizedList(new ArrayList<>());
    final InstantSource clock;
    Function<OrderIntent, RiskDecision> risk = intent -> RiskDecision.ALLOWED;
    private int counter;

    RecordingContext(InstantSource clock) {
      this.clock = clock;
    }

    RecordingContext withBook(OrderBook book) {
      books.put(book.instrument(), book);
      return this;
    }

    /** Denies the {@code n}-th risk check (1-based) and allows the others. */
    RecordingContext denyCheck(int n) {
      risk = intent -> intents.size() == n
          ? new RiskDecision.Denied(DenialReason.PAIR_NOTIONAL_LIMIT, "check " + n + " denied")
          : RiskDecision.ALLOWED;
      return this;
    }

    /** Denies the risk checks with these 1-based numbers and allows the others. */
    RecordingContext denyChecks(Integer... numbers) {
      java.util.Set<Integer> denied = java.util.Set.of(numbers);
      risk = intent -> denied.contains(intents.size())
          ? new RiskDecision.Denied(DenialReason.PAIR_NOTIONAL_LIMIT, "check " + intents.size() + " denied")
          : RiskDecision.ALLOWED;
      return this;
    }

    @Override
    public OrderBook book(InstrumentId instrument) {
      return books.get(instrument);
    }

    @Override
    public RiskDecision checkRisk(OrderIntent intent) {
      intents.add(intent);
      RiskDecision decision = risk.apply(intent);
      timeline.add(new Checked(intent, decision));
      return decision;
    }

    @Override
    public void orderFinished(SubmitResult result) {
      finished.add(result);
    }

    @Override
    public ClientOrderId newClientOrderId() {
      ClientOrderId id = new ClientOrderId("arb-t-" + (++counter));
      ids.add(id);
      return id;
    }

    @Override
    public EventSink events() {
      return event -> {
        events.add(event);
        timeline.add(event);
      };
    }

    @Override
    public InstantSource clock() {
      return clock;
    }

    <T extends EngineEvent> List<T> eventsOf(Class<T> type) {
      synchronized (events) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
      }
    }
  }
}
