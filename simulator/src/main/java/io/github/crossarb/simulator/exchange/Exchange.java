package io.github.crossarb.simulator.exchange;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.venue.TimeInForce;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A venue-neutral matching engine: limit orders on per-market books with price-time priority,
 * partial fills, GTC/GTD/IOC/FOK, self-trade prevention, and accounts (cash, positions, fills)
 * kept consistent with every fill and fee. All amounts are exact micros.
 *
 * <p>Thread-safe by one lock, the engine object itself: every public method is
 * {@code synchronized}, and listeners are called synchronously, in order, under that lock, after
 * the state changed. A listener that takes locks of its own must be entered with the engine's lock
 * taken first elsewhere too ({@code synchronized (exchange) {...}}), or the two can deadlock.
 *
 * <p>Ids (order, trade, fill) come from a seeded generator, so a run is reproducible from its
 * seed and its inputs.
 */
public final class Exchange {
  private final String name;
  private final InstantSource clock;
  private final SplittableRandom ids;
  private final Map<String, Market> markets = new LinkedHashMap<>();
  private final Map<String, AccountState> accounts = new LinkedHashMap<>();
  /** Every order still worth looking up; finished market-maker orders are dropped (see {@link #orderChanged}). */
  private final Map<String, WorkingOrder> orders = new LinkedHashMap<>();
  /** Resting orders per account, so balance checks and expiry never scan the history. */
  private final Map<String, java.util.LinkedHashSet<WorkingOrder>> resting = new java.util.HashMap<>();
  /**
   * The resting orders with an expiration (GTD), in the resting index too: {@link #expireDue()}
   * runs before every submit and Kalshi request, and scanning every resting order there made each
   * of them O(book depth × markets), the simulator's bottleneck with thousands of markets.
   */
  private final java.util.LinkedHashSet<WorkingOrder> expiring = new java.util.LinkedHashSet<>();
  private final Map<String, List<Settlement>> settlements = new java.util.HashMap<>();
  private final java.util.Set<String> voided = new java.util.HashSet<>();
  private final List<Consumer<ExchangeEvent>> listeners = new CopyOnWriteArrayList<>();
  private long sequence;

  private static final class Market {
    MarketSpec spec;
    boolean open = true;
    final PriceLadder bids = new PriceLadder(Side.BUY);
    final PriceLadder asks = new PriceLadder(Side.SELL);
    final List<TradeView> trades = new ArrayList<>();

    Market(MarketSpec spec) {
      this.spec = spec;
    }

    PriceLadder ladder(Side side) {
      return side == Side.BUY ? bids : asks;
    }
  }

  /**
   * @param name the venue's name, for messages
   * @param clock the time stamped on orders and fills and compared with expirations
   * @param seed seeds the id generator
   */
  public Exchange(String name, InstantSource clock, long seed) {
    this.name = Objects.requireNonNull(name, "name");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = new SplittableRandom(seed);
  }

  public String name() {
    return name;
  }

  public InstantSource clock() {
    return clock;
  }

  /** Registers a listener; the returned action removes it. */
  public Runnable subscribe(Consumer<ExchangeEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return () -> listeners.remove(listener);
  }

  // ---------------------------------------------------------------- markets and accounts

  public synchronized void addMarket(MarketSpec spec) {
    if (markets.containsKey(spec.id())) {
      throw new IllegalArgumentException("duplicate market " + spec.id());
    }
    markets.put(spec.id(), new Market(spec));
  }

  public synchronized Optional<MarketSpec> market(String id) {
    Market m = markets.get(id);
    return m == null ? Optional.empty() : Optional.of(m.spec);
  }

  public synchronized List<MarketSpec> markets() {
    List<MarketSpec> out = new ArrayList<>();
    markets.values().forEach(m -> out.add(m.spec));
    return out;
  }

  public synchronized boolean isOpen(String market) {
    Market m = requireMarket(market);
    return m.open && !closedByTime(m);
  }

  /** Opens an account with {@code cash}; {@code unlimited} accounts (market makers) skip balance checks. */
  public synchronized void openAccount(String account, Money cash, boolean unlimited) {
    if (accounts.containsKey(account)) {
      throw new IllegalArgumentException("duplicate account " + account);
    }
    accounts.put(account, new AccountState(account, cash.micros(), unlimited));
  }

  public synchronized boolean hasAccount(String account) {
    return accounts.containsKey(account);
  }

  public synchronized AccountView account(String account) {
    AccountState a = requireAccount(account);
    List<PositionView> positions = new ArrayList<>();
    a.positions.forEach((market, p) -> positions.add(new PositionView(market, p.position,
        Money.ofMicros(p.exposure), Money.ofMicros(p.realized), Money.ofMicros(p.fees), p.traded)));
    return new AccountView(account, Money.ofMicros(a.cash), Money.ofMicros(reserved(a, null)), positions);
  }

  /** Adds (or with a negative amount removes) cash, e.g. a deposit scripted by a test. */
  public synchronized void adjustCash(String account, Money amount) {
    AccountState a = requireAccount(account);
    a.cash = Math.addExact(a.cash, amount.micros());
  }

  /**
   * Adds (or with a negative delta removes) contracts outside trading, e.g. a venue undoing a
   * trade whose settlement failed. Removing part of a long releases that part of its cost basis.
   */
  public synchronized void adjustPosition(String account, String market, long deltaMicros) {
    requireMarket(market);
    AccountState.MarketPosition p = requireAccount(account).position(market);
    if (deltaMicros < 0 && p.position > 0) {
      long removed = Math.min(-deltaMicros, p.position);
      p.exposure -= Math.floorDiv(Math.multiplyExact(p.exposure, removed), p.position);
    }
    p.position = Math.addExact(p.position, deltaMicros);
  }

  /** Halts or reopens a market; a halted market refuses every order operation. */
  public synchronized void setTradingOpen(String market, boolean open) {
    Market m = requireMarket(market);
    m.open = open;
    publish(new ExchangeEvent.TradingStatusChanged(market, open, clock.instant()));
  }

  /**
   * Changes a market's tick grid (a venue tick size change). Resting orders off the new grid are
   * cancelled first, with the usual events.
   */
  public synchronized void changeTicks(String market, TickGrid ticks) {
    Market m = requireMarket(market);
    m.spec = m.spec.withTicks(ticks);
    for (PriceLadder ladder : List.of(m.bids, m.asks)) {
      for (Iterator<WorkingOrder> it = ladder.inPriority(); it.hasNext(); ) {
        WorkingOrder o = it.next();
        if (!ticks.isOnTick(Price.ofMicros(o.price))) {
          cancelResting(m, o);
        }
      }
    }
    publish(new ExchangeEvent.TicksChanged(market, ticks, clock.instant()));
  }

  // ---------------------------------------------------------------- queries

  public synchronized BookView book(String market) {
    Market m = requireMarket(market);
    return new BookView(market, m.bids.view(), m.asks.view());
  }

  public synchronized Optional<OrderView> order(String orderId) {
    WorkingOrder o = orders.get(orderId);
    return o == null ? Optional.empty() : Optional.of(o.view());
  }

  public synchronized Optional<OrderView> orderByClientId(String account, String clientOrderId) {
    AccountState a = accounts.get(account);
    if (a == null || clientOrderId == null) {
      return Optional.empty();
    }
    String id = a.clientOrderIds.get(clientOrderId);
    return id == null ? Optional.empty() : order(id);
  }

  /** The account's orders, oldest first. */
  public synchronized List<OrderView> orders(String account) {
    List<OrderView> out = new ArrayList<>();
    for (WorkingOrder o : orders.values()) {
      if (o.account.equals(account)) {
        out.add(o.view());
      }
    }
    return out;
  }

  /** The account's fills, oldest first. */
  public synchronized List<FillView> fills(String account) {
    return List.copyOf(requireAccount(account).fills);
  }

  /** The market's trades, oldest first. */
  public synchronized List<TradeView> trades(String market) {
    return List.copyOf(requireMarket(market).trades);
  }

  // ---------------------------------------------------------------- order entry

  /**
   * Validates, matches and (for GTC/GTD) rests an order.
   *
   * @throws ExchangeException if refused; nothing changed then
   */
  public synchronized SubmitOutcome submit(NewOrder order) {
    expireDue();
    Market m = requireOpenMarket(order.market());
    AccountState a = requireAccount(order.account());
    validate(m, order);
    if (order.clientOrderId() != null && a.clientOrderIds.containsKey(order.clientOrderId())) {
      throw new ExchangeException(RejectReason.DUPLICATE_CLIENT_ORDER_ID,
          "client order id already used: " + order.clientOrderId());
    }
    if (order.orderId() != null && orders.containsKey(order.orderId())) {
      throw new ExchangeException(RejectReason.DUPLICATE_CLIENT_ORDER_ID, "order id already used: " + order.orderId());
    }
    PriceLadder opposite = m.ladder(order.side().opposite());
    long price = order.price().micros();
    if (order.postOnly() && crossesAny(opposite, price)) {
      throw new ExchangeException(RejectReason.POST_ONLY_CROSS, "post-only order would take liquidity");
    }
    checkReduceOnly(a, order);
    checkFunds(m, a, order.side(), price, order.quantity().micros(), null);
    Instant now = clock.instant();
    String id = order.orderId() != null ? order.orderId() : newId();
    WorkingOrder o = new WorkingOrder(id, order, ++sequence, now);
    orders.put(id, o);
    if (o.clientOrderId != null) {
      a.clientOrderIds.put(o.clientOrderId, id);
    }
    List<FillView> fills = new ArrayList<>();
    if (order.timeInForce() == TimeInForce.FOK
        && fillable(opposite, o, order.selfTrade()) < o.remaining) {
      o.state = OrderState.CANCELED;
      o.remaining = 0;
      orderChanged(o);
      return new SubmitOutcome(o.view(), fills);
    }
    match(m, o, order.selfTrade(), fills);
    finishIncoming(m, o);
    return new SubmitOutcome(o.view(), fills);
  }

  /** Cancels a resting order of {@code account}. */
  public synchronized OrderView cancel(String account, String orderId) {
    WorkingOrder o = requireOwnOrder(account, orderId);
    Market m = requireOpenMarket(o.market);
    requireResting(o);
    cancelResting(m, o);
    return o.view();
  }

  /** Cancels every resting order of {@code account} that {@code filter} accepts; returns them. */
  public synchronized List<OrderView> cancelAll(String account, Predicate<OrderView> filter) {
    requireAccount(account);
    List<OrderView> out = new ArrayList<>();
    for (WorkingOrder o : restingOf(account)) {
      if (filter.test(o.view())) {
        Market m = markets.get(o.market);
        if (m.open && !closedByTime(m)) {
          cancelResting(m, o);
          out.add(o.view());
        }
      }
    }
    return out;
  }

  /**
   * Reduces the resting quantity to {@code remainingTarget}, keeping time priority; zero cancels.
   */
  public synchronized OrderView decreaseTo(String account, String orderId, Quantity remainingTarget) {
    WorkingOrder o = requireOwnOrder(account, orderId);
    Market m = requireOpenMarket(o.market);
    requireResting(o);
    long target = remainingTarget.micros();
    if (target >= o.remaining) {
      throw new ExchangeException(RejectReason.INVALID_QUANTITY,
          "decrease must leave less than the resting " + Fixed.format(o.remaining));
    }
    if (target % m.spec.lotSize().micros() != 0) {
      throw new ExchangeException(RejectReason.INVALID_QUANTITY, "quantity not a multiple of the lot size");
    }
    if (target == 0) {
      cancelResting(m, o);
      return o.view();
    }
    long by = o.remaining - target;
    o.remaining = target;
    o.initial -= by;
    o.updated = clock.instant();
    PriceLadder ladder = m.ladder(o.side);
    ladder.reduce(o, by);
    publishLevel(m, ladder, o.price, -by, o);
    orderChanged(o);
    return o.view();
  }

  /**
   * Changes price and total quantity ({@code newTotal} = filled + what should rest). Keeps time
   * priority when only the quantity goes down; otherwise the order goes to the back of its new
   * level and may trade at once if the new price crosses.
   *
   * @param newClientOrderId replaces the client order id when not null
   */
  public synchronized SubmitOutcome amend(String account, String orderId, Price newPrice, Quantity newTotal,
      String newClientOrderId, SelfTradePrevention selfTrade) {
    WorkingOrder o = requireOwnOrder(account, orderId);
    Market m = requireOpenMarket(o.market);
    AccountState a = requireAccount(account);
    requireResting(o);
    if (!m.spec.ticks().isOnTick(newPrice)) {
      throw new ExchangeException(RejectReason.INVALID_PRICE, "price " + newPrice + " is not on the tick grid");
    }
    if (newTotal.micros() <= o.filled) {
      throw new ExchangeException(RejectReason.INVALID_QUANTITY,
          "amended count must exceed the filled " + Fixed.format(o.filled));
    }
    if (newTotal.micros() % m.spec.lotSize().micros() != 0) {
      throw new ExchangeException(RejectReason.INVALID_QUANTITY, "quantity not a multiple of the lot size");
    }
    if (newClientOrderId != null && !newClientOrderId.equals(o.clientOrderId)
        && a.clientOrderIds.containsKey(newClientOrderId)) {
      throw new ExchangeException(RejectReason.DUPLICATE_CLIENT_ORDER_ID,
          "client order id already used: " + newClientOrderId);
    }
    long newRemaining = newTotal.micros() - o.filled;
    long newPriceMicros = newPrice.micros();
    boolean keepsPriority = newPriceMicros == o.price && newRemaining <= o.remaining;
    if (!keepsPriority) {
      checkFunds(m, a, o.side, newPriceMicros, newRemaining, o);
    }
    if (newClientOrderId != null && !newClientOrderId.equals(o.clientOrderId)) {
      a.clientOrderIds.put(newClientOrderId, o.orderId);
      o.clientOrderId = newClientOrderId;
    }
    PriceLadder ladder = m.ladder(o.side);
    o.updated = clock.instant();
    List<FillView> fills = new ArrayList<>();
    if (keepsPriority) {
      long by = o.remaining - newRemaining;
      if (by > 0) {
        o.remaining = newRemaining;
        o.initial = newTotal.micros();
        ladder.reduce(o, by);
        publishLevel(m, ladder, o.price, -by, o);
      }
      orderChanged(o);
      return new SubmitOutcome(o.view(), fills);
    }
    long oldRemaining = o.remaining;
    ladder.remove(o);
    publishLevel(m, ladder, o.price, -oldRemaining, o);
    o.price = newPriceMicros;
    o.remaining = newRemaining;
    o.initial = newTotal.micros();
    o.sequence = ++sequence;
    match(m, o, selfTrade, fills);
    finishIncoming(m, o);
    return new SubmitOutcome(o.view(), fills);
  }

  /** Cancels GTD orders whose expiration has passed; returns how many. */
  public synchronized int expireDue() {
    if (expiring.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    int n = 0;
    for (WorkingOrder o : new ArrayList<>(expiring)) {
      if (o.state == OrderState.RESTING && !o.expiration.isAfter(now)) {
        cancelResting(markets.get(o.market), o);
        n++;
      }
    }
    return n;
  }

  // ---------------------------------------------------------------- matching

  private void match(Market m, WorkingOrder taker, SelfTradePrevention selfTrade, List<FillView> fills) {
    PriceLadder opposite = m.ladder(taker.side.opposite());
    while (taker.remaining > 0) {
      Map.Entry<Long, ArrayDeque<WorkingOrder>> best = opposite.best();
      if (best == null || !opposite.crossedBy(taker.price, best.getKey())) {
        return;
      }
      WorkingOrder maker = best.getValue().peekFirst();
      if (maker.account.equals(taker.account)) {
        if (selfTrade == SelfTradePrevention.CANCEL_MAKER) {
          cancelResting(m, maker);
          continue;
        }
        return; // CANCEL_TAKER: the remainder is cancelled by finishIncoming
      }
      long q = Math.min(taker.remaining, maker.remaining);
      execute(m, taker, maker, q, fills);
    }
  }

  /** What an incoming order could take now, honouring self-trade prevention. */
  private static long fillable(PriceLadder opposite, WorkingOrder taker, SelfTradePrevention selfTrade) {
    long total = 0;
    for (Iterator<WorkingOrder> it = opposite.inPriority(); it.hasNext() && total < taker.remaining; ) {
      WorkingOrder maker = it.next();
      if (!opposite.crossedBy(taker.price, maker.price)) {
        break;
      }
      if (maker.account.equals(taker.account)) {
        if (selfTrade == SelfTradePrevention.CANCEL_TAKER) {
          break;
        }
        continue;
      }
      total += maker.remaining;
    }
    return total;
  }

  private static boolean crossesAny(PriceLadder opposite, long price) {
    Map.Entry<Long, ArrayDeque<WorkingOrder>> best = opposite.best();
    return best != null && opposite.crossedBy(price, best.getKey());
  }

  /** After matching: fills end the order, IOC/FOK/self-trade remainders die, the rest rests. */
  private void finishIncoming(Market m, WorkingOrder o) {
    if (o.remaining == 0) {
      o.state = OrderState.FILLED;
    } else if (o.timeInForce == TimeInForce.IOC || o.timeInForce == TimeInForce.FOK
        || crossesAny(m.ladder(o.side.opposite()), o.price)) {
      // Whatever still crosses here is the account's own order that self-trade prevention kept.
      o.remaining = 0;
      o.state = OrderState.CANCELED;
    } else {
      PriceLadder ladder = m.ladder(o.side);
      ladder.add(o);
      resting.computeIfAbsent(o.account, k -> new java.util.LinkedHashSet<>()).add(o);
      if (o.expiration != null) {
        expiring.add(o);
      }
      publishLevel(m, ladder, o.price, o.remaining, o);
    }
    orderChanged(o);
  }

  private void execute(Market m, WorkingOrder taker, WorkingOrder maker, long q, List<FillView> takerFills) {
    Instant now = clock.instant();
    long price = maker.price;
    long notional = Fixed.mulCeil(price, q);
    String tradeId = newId();
    PriceLadder makerLadder = m.ladder(maker.side);
    maker.remaining -= q;
    maker.filled += q;
    maker.filledNotional += notional;
    maker.updated = now;
    makerLadder.reduce(maker, q);
    taker.remaining -= q;
    taker.filled += q;
    taker.filledNotional += notional;
    taker.updated = now;

    TradeFees fees = new TradeFees(
        m.spec.fees().takerFeeMicros(price, q),
        m.spec.fees().makerFee(Price.ofMicros(price), Quantity.ofMicros(q)).micros());
    taker.fees += fees.taker;
    maker.fees += fees.maker;
    FillView takerFill = settle(m, taker, tradeId, price, q, notional, true, fees.taker, now);
    FillView makerFill = settle(m, maker, tradeId, price, q, notional, false, fees.maker, now);
    takerFills.add(takerFill);
    TradeView trade = new TradeView(tradeId, m.spec.id(), Price.ofMicros(price), Quantity.ofMicros(q), taker.side,
        taker.orderId, maker.orderId, now);
    m.trades.add(trade);
    if (maker.remaining == 0) {
      maker.state = OrderState.FILLED;
    }
    publishLevel(m, makerLadder, price, -q, maker);
    publish(new ExchangeEvent.Traded(trade));
    publish(new ExchangeEvent.Filled(makerFill));
    publish(new ExchangeEvent.Filled(takerFill));
    orderChanged(maker);
  }

  private record TradeFees(long taker, long maker) {}

  /** Moves cash and contracts for one side of a trade and records the fill. */
  private FillView settle(Market m, WorkingOrder o, String tradeId, long price, long q, long notional,
      boolean taker, long fee, Instant now) {
    AccountState a = accounts.get(o.account);
    AccountState.MarketPosition p = a.position(m.spec.id());
    Settlement before = new Settlement(a.id, m.spec.id(), a.cash, p.position, p.exposure, p.realized, p.fees, p.traded);
    boolean netted = m.spec.positionModel() == PositionModel.NETTED_BINARY;
    long signed = o.side == Side.BUY ? q : -q;
    if (o.side == Side.BUY) {
      a.cash -= notional;
    } else {
      a.cash += notional;
    }
    // The part of the trade that closes an existing position, and the part that opens one.
    long closing = p.position == 0 || Long.signum(p.position) == Long.signum(signed)
        ? 0 : Math.min(q, Math.abs(p.position));
    long opening = q - closing;
    if (closing > 0 && (netted || p.position > 0)) {
      long released = Math.floorDiv(Math.multiplyExact(p.exposure, closing), Math.abs(p.position));
      // Closing a long sells it at p; closing a (netted) short sells NO at 1 - p.
      long proceeds = p.position > 0 ? Fixed.mulFloor(price, closing) : Fixed.mulFloor(Fixed.SCALE - price, closing);
      p.realized += proceeds - released;
      p.exposure -= released;
      if (netted && p.position < 0) {
        a.cash += closing; // the NO collateral comes back
      }
    }
    if (opening > 0) {
      if (signed > 0) {
        p.exposure += Fixed.mulCeil(price, opening);
      } else if (netted) {
        a.cash -= opening; // opening NO locks $1 per contract; the sale proceeds were credited above
        p.exposure += Fixed.mulCeil(Fixed.SCALE - price, opening);
      }
      // A token short (market maker only) carries no exposure basis.
    }
    p.position += signed;
    p.fees += fee;
    p.traded += q;
    a.cash -= fee;
    settlements.computeIfAbsent(tradeId, t -> new ArrayList<>()).add(new Settlement(a.id, m.spec.id(),
        a.cash - before.cash, p.position - before.position, p.exposure - before.exposure,
        p.realized - before.realized, p.fees - before.fees, p.traded - before.traded));
    FillView fill = new FillView(newId(), tradeId, o.orderId, o.clientOrderId, o.account, o.market, o.side,
        o.outcome, Price.ofMicros(price), Quantity.ofMicros(q), taker, Money.ofMicros(fee), p.position, now);
    a.fills.add(fill);
    return fill;
  }

  /** What one fill changed on one account (or, before it, the values), to undo a voided trade. */
  private record Settlement(String account, String market, long cash, long position, long exposure, long realized,
      long fees, long traded) {}

  /**
   * Voids a trade after the fact (Polymarket: a MATCHED trade that ends FAILED on chain): both
   * accounts' cash, positions, fees and P&L go back by exactly what the trade's fills changed.
   * The orders keep their filled quantities and states (the venue server reports the failure its
   * own way); the fills stay in the history and {@link #isVoided} tells them apart. Publishes
   * {@link ExchangeEvent.TradeVoided}.
   *
   * @throws ExchangeException {@code TRADE_NOT_FOUND} for an unknown or already voided trade
   */
  public synchronized TradeView voidTrade(String tradeId) {
    List<Settlement> changes = settlements.get(tradeId);
    if (changes == null || voided.contains(tradeId)) {
      throw new ExchangeException(RejectReason.TRADE_NOT_FOUND, "trade not found or already voided: " + tradeId);
    }
    TradeView trade = null;
    for (Settlement c : changes) {
      AccountState a = accounts.get(c.account);
      AccountState.MarketPosition p = a.position(c.market);
      a.cash -= c.cash;
      p.position -= c.position;
      p.exposure -= c.exposure;
      p.realized -= c.realized;
      p.fees -= c.fees;
      p.traded -= c.traded;
      if (trade == null) {
        trade = markets.get(c.market).trades.stream().filter(t -> t.tradeId().equals(tradeId)).findFirst()
            .orElseThrow();
      }
    }
    voided.add(tradeId);
    publish(new ExchangeEvent.TradeVoided(trade));
    return trade;
  }

  /** Whether {@link #voidTrade} undid this trade. */
  public synchronized boolean isVoided(String tradeId) {
    return voided.contains(tradeId);
  }

  private void cancelResting(Market m, WorkingOrder o) {
    PriceLadder ladder = m.ladder(o.side);
    long was = o.remaining;
    ladder.remove(o);
    o.remaining = 0;
    o.state = OrderState.CANCELED;
    o.updated = clock.instant();
    publishLevel(m, ladder, o.price, -was, o);
    orderChanged(o);
  }

  // ---------------------------------------------------------------- checks

  private void validate(Market m, NewOrder order) {
    MarketSpec spec = m.spec;
    if (order.price().micros() <= 0 || order.price().micros() >= Fixed.SCALE) {
      throw new ExchangeException(RejectReason.INVALID_PRICE, "price must be strictly between 0 and 1");
    }
    if (!spec.ticks().isOnTick(order.price())) {
      throw new ExchangeException(RejectReason.INVALID_PRICE, "price " + order.price() + " is not on the tick grid");
    }
    if (order.quantity().isZero() || !order.quantity().isMultipleOf(spec.lotSize())) {
      throw new ExchangeException(RejectReason.INVALID_QUANTITY,
          "quantity " + order.quantity() + " must be a positive multiple of " + spec.lotSize());
    }
    if (order.quantity().compareTo(spec.minSize()) < 0) {
      throw new ExchangeException(RejectReason.BELOW_MIN_SIZE,
          "quantity " + order.quantity() + " is below the minimum " + spec.minSize());
    }
    if (order.timeInForce() == TimeInForce.GTD) {
      if (order.expiration() == null || !order.expiration().isAfter(clock.instant())) {
        throw new ExchangeException(RejectReason.INVALID_EXPIRATION, "GTD order needs a future expiration");
      }
    } else if (order.expiration() != null) {
      throw new ExchangeException(RejectReason.INVALID_EXPIRATION, "only GTD orders take an expiration");
    }
  }

  private void checkReduceOnly(AccountState a, NewOrder order) {
    if (!order.reduceOnly()) {
      return;
    }
    AccountState.MarketPosition p = a.positions.get(order.market());
    long position = p == null ? 0 : p.position;
    long signed = order.side() == Side.BUY ? order.quantity().micros() : -order.quantity().micros();
    if (position == 0 || Long.signum(position) == Long.signum(signed) || Math.abs(signed) > Math.abs(position)) {
      throw new ExchangeException(RejectReason.REDUCE_ONLY_VIOLATION, "reduce-only order would grow the position");
    }
  }

  /**
   * Ordinary accounts need the cash for the worst case of the new order (its notional at the
   * limit plus the taker fee there) on top of what their resting orders hold back; token sells
   * need the shares.
   */
  private void checkFunds(Market m, AccountState a, Side side, long price, long quantity, WorkingOrder replacing) {
    if (a.unlimited) {
      return;
    }
    long position = a.positions.containsKey(m.spec.id()) ? a.positions.get(m.spec.id()).position : 0;
    if (m.spec.positionModel() == PositionModel.TOKEN && side == Side.SELL) {
      long committed = quantity;
      for (WorkingOrder o : restingOf(a.id)) {
        if (o != replacing && o.market.equals(m.spec.id()) && o.side == Side.SELL) {
          committed += o.remaining;
        }
      }
      if (committed > position) {
        throw new ExchangeException(RejectReason.INSUFFICIENT_POSITION,
            "selling " + Fixed.format(quantity) + " needs shares the account does not hold");
      }
      return;
    }
    long need = Math.addExact(reserve(m.spec, side, price, quantity, position),
        m.spec.fees().takerFeeMicros(price, quantity));
    long available = a.cash - reserved(a, replacing);
    if (need > available) {
      throw new ExchangeException(RejectReason.INSUFFICIENT_BALANCE,
          "order needs " + Fixed.format(need) + " but " + Fixed.format(Math.max(0, available)) + " is available");
    }
  }

  /** Cash a resting order of this shape holds back (Kalshi: the side that opens a position). */
  private static long reserve(MarketSpec spec, Side side, long price, long quantity, long position) {
    if (spec.positionModel() == PositionModel.TOKEN) {
      return side == Side.BUY ? Fixed.mulCeil(price, quantity) : 0;
    }
    if (side == Side.BUY) {
      long opening = Math.max(0, quantity - Math.max(0, -position));
      return Fixed.mulCeil(price, opening);
    }
    long opening = Math.max(0, quantity - Math.max(0, position));
    return Fixed.mulCeil(Fixed.SCALE - price, opening);
  }

  private long reserved(AccountState a, WorkingOrder except) {
    if (a.unlimited) {
      return 0;
    }
    long total = 0;
    for (WorkingOrder o : restingOf(a.id)) {
      if (o != except) {
        Market m = markets.get(o.market);
        AccountState.MarketPosition p = a.positions.get(o.market);
        total += reserve(m.spec, o.side, o.price, o.remaining, p == null ? 0 : p.position);
      }
    }
    return total;
  }

  private Market requireMarket(String market) {
    Market m = markets.get(market);
    if (m == null) {
      throw new ExchangeException(RejectReason.UNKNOWN_MARKET, "unknown market " + market);
    }
    return m;
  }

  private Market requireOpenMarket(String market) {
    Market m = requireMarket(market);
    if (!m.open || closedByTime(m)) {
      throw new ExchangeException(RejectReason.MARKET_CLOSED, "market " + market + " is not open for trading");
    }
    return m;
  }

  private boolean closedByTime(Market m) {
    return m.spec.closeTime() != null && !clock.instant().isBefore(m.spec.closeTime());
  }

  private AccountState requireAccount(String account) {
    AccountState a = accounts.get(account);
    if (a == null) {
      throw new ExchangeException(RejectReason.UNKNOWN_ACCOUNT, "unknown account " + account);
    }
    return a;
  }

  private WorkingOrder requireOwnOrder(String account, String orderId) {
    WorkingOrder o = orders.get(orderId);
    if (o == null || !o.account.equals(account)) {
      throw new ExchangeException(RejectReason.ORDER_NOT_FOUND, "order not found: " + orderId);
    }
    return o;
  }

  private static void requireResting(WorkingOrder o) {
    if (o.state != OrderState.RESTING) {
      throw new ExchangeException(RejectReason.ORDER_NOT_RESTING,
          "order " + o.orderId + " is " + o.state.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  // ---------------------------------------------------------------- events and ids

  /**
   * Publishes an order's new state. Finished orders leave the resting index; a finished order of
   * an unlimited (market-maker) account is also forgotten, so a long run does not accumulate the
   * maker's requotes.
   */
  private void orderChanged(WorkingOrder o) {
    if (o.state != OrderState.RESTING) {
      java.util.LinkedHashSet<WorkingOrder> set = resting.get(o.account);
      if (set != null) {
        set.remove(o);
      }
      expiring.remove(o);
      AccountState a = accounts.get(o.account);
      if (a != null && a.unlimited) {
        orders.remove(o.orderId);
        if (o.clientOrderId != null) {
          a.clientOrderIds.remove(o.clientOrderId);
        }
      }
    }
    publish(new ExchangeEvent.OrderChanged(o.view()));
  }

  private List<WorkingOrder> restingOf(String account) {
    java.util.LinkedHashSet<WorkingOrder> set = resting.get(account);
    return set == null ? List.of() : new ArrayList<>(set);
  }

  private void publishLevel(Market m, PriceLadder ladder, long price, long delta, WorkingOrder cause) {
    if (delta == 0) {
      return;
    }
    publish(new ExchangeEvent.BookChanged(m.spec.id(), ladder.side, Price.ofMicros(price),
        Quantity.ofMicros(ladder.totalAt(price)), delta, cause.account, cause.clientOrderId, clock.instant()));
  }

  private void publish(ExchangeEvent event) {
    for (Consumer<ExchangeEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        // A broken subscriber must not corrupt the engine's state machine; it only loses events.
        System.getLogger(Exchange.class.getName()).log(System.Logger.Level.WARNING,
            name + ": event listener failed: " + e);
      }
    }
  }

  /** A reproducible UUID-shaped id (version 4 bits set). */
  private String newId() {
    long hi = (ids.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lo = (ids.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }

  /** Resting orders of every account, for invariant checks and the market maker. */
  public synchronized List<OrderView> restingOrders(String market) {
    Market m = requireMarket(market);
    List<OrderView> out = new ArrayList<>();
    for (PriceLadder ladder : List.of(m.bids, m.asks)) {
      for (Iterator<WorkingOrder> it = ladder.inPriority(); it.hasNext(); ) {
        out.add(it.next().view());
      }
    }
    return out;
  }

  /** Every account id, in opening order. */
  public synchronized Collection<String> accountIds() {
    return List.copyOf(accounts.keySet());
  }
}
