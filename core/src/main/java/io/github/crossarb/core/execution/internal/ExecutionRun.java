package io.github.crossarb.core.execution.internal;

import io.github.crossarb.core.book.BookLevels;
import io.github.crossarb.core.book.BookSide;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.OrderPurpose;
import io.github.crossarb.core.execution.ExecutionContext;
import io.github.crossarb.core.execution.ExecutionOutcome;
import io.github.crossarb.core.execution.ExecutionPolicy;
import io.github.crossarb.core.execution.ExecutionReport;
import io.github.crossarb.core.execution.ExecutionRequest;
import io.github.crossarb.core.execution.LegRiskParams;
import java.util.Locale;
import io.github.crossarb.core.pricing.LegPlan;
import io.github.crossarb.core.pricing.FeeModel;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.execution.ResidualRequest;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.risk.OrderIntent;
import io.github.crossarb.core.risk.RiskDecision;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One execution of one opportunity: the two legs, then hedges of a shortfall, then at most one
 * unwind of an excess (plus one retry at the loss-cap price). Runs on the context it was started
 * on (the engine's); every venue answer hops back there before it touches this state.
 *
 * <p>Rules, in the order they apply:
 *
 * <ul>
 *   <li>Risk is checked before every order; nothing is sent for a leg the check denies. Both legs
 *       are checked before the first is sent, so a denied hedge leg never leaves a naked first leg.
 *   <li>Every order gets a fresh client order id from the engine and is submitted exactly once: an
 *       Unknown answer is looked up with {@code findOrder} (backing off) until the unknown-resolve
 *       timeout; found means its reported fill counts, not found means it never arrived; anything
 *       else leaves it Unknown and the execution ends UNKNOWN without hedging or unwinding (the
 *       quantities are not known).
 *   <li>Hedge window: from the moment the first fill is learnt until {@code hedgeDeadline}. Hedges
 *       (and the sequential policy's second leg) go only on a trusted book, IOC, at the price of the
 *       worst ask level they need, never above the planned limit plus {@code maxHedgeSlippage}.
 *   <li>Unwind: what stays unhedged is sold back on the long leg, IOC at the best bid when that
 *       keeps the loss within {@code unwindLossCap}, then at most once more at the lowest price that
 *       does (the cap price); with the long leg's book untrusted, once at the cap price. Never more: a
 *       residual left is RESIDUAL_OPEN and alerted.
 *   <li>Sizes respect each venue's minimum and step; a difference below them cannot be traded and
 *       stays a residual.
 * </ul>
 */
public final class ExecutionRun {
  /** A submit whose future never completes is treated as Unknown after this (a client bug). */
  static final Duration SUBMIT_GUARD = Duration.ofSeconds(30);
  /** Bound on the final cancel-and-look-up of an order still open when its lookup gives up. */
  static final Duration LAST_LOOKUP_GUARD = Duration.ofSeconds(2);
  private static final int WHOLE_CENT_MAX_STEPS = 10_000;
  private static final long MAX_BACKOFF_MILLIS = 1_000;

  private final Vertx vertx;
  private final Context home;
  /** The policy the legs were sent under; null for a residual run. */
  private final ExecutionPolicy policy;
  private final Quantity planned;
  private boolean residualMode;
  private final ExecutionContext ctx;
  private final LegRiskParams params;
  private final Map<VenueId, ExecutionClient> clients;
  private final Map<VenueId, VenueCapabilities> capabilities;
  private final LegState kalshi;
  private final LegState polymarket;
  private final String pairId;
  private final String executionId;

  private final List<ClientOrderId> unknownOrders = new ArrayList<>();
  private final Set<ClientOrderId> usedIds = new HashSet<>();
  private final List<String> notes = new ArrayList<>();
  /** When the first fill became known (the time of the outcome event that reported it). */
  private Instant firstFillAt;
  private int hedgeOrders;
  /**
   * Timer time spent waiting for a hedge price. The deadlines are read on the engine's clock, but
   * the waits also stop once they add up to the window, so a clock that does not move (a test's,
   * a stalled one) cannot make them wait forever.
   */
  private long hedgeWaitedMillis;
  private int sentToVenue;
  private int deniedByVenue;
  private boolean legsMismatched;
  private Money realizedLoss = Money.ZERO;

  public ExecutionRun(
      Vertx vertx,
      Context home,
      ExecutionRequest request,
      ExecutionContext context,
      LegRiskParams params,
      Map<VenueId, ExecutionClient> clients,
      Map<VenueId, VenueCapabilities> capabilities) {
    this(vertx, home, request.pair().id(), request.executionId(), request.policy(), request.opportunity().size(),
        context, params, clients, capabilities,
        new LegState(request.opportunity().kalshi(), request.kalshiInstrument(), request.kalshiFees()),
        new LegState(request.opportunity().polymarket(), request.polymarketInstrument(), request.polymarketFees()));
  }

  private ExecutionRun(Vertx vertx, Context home, String pairId, String executionId, ExecutionPolicy policy,
      Quantity planned, ExecutionContext context, LegRiskParams params, Map<VenueId, ExecutionClient> clients,
      Map<VenueId, VenueCapabilities> capabilities, LegState kalshi, LegState polymarket) {
    this.vertx = vertx;
    this.home = home;
    this.pairId = pairId;
    this.executionId = executionId;
    this.policy = policy;
    this.planned = planned;
    this.ctx = context;
    this.params = params;
    this.clients = clients;
    this.capabilities = capabilities;
    this.kalshi = kalshi;
    this.polymarket = polymarket;
  }

  /**
   * A run that starts from a residual already held (no legs to send): the held leg is loaded as
   * bought, the other leg's plan is the price at which buying it completes the pair without a loss
   * (the hedge may not pay more: no slippage), then the usual hedge loop and single unwind.
   */
  public static ExecutionRun forResidual(Vertx vertx, Context home, ResidualRequest request, ExecutionContext context,
      LegRiskParams params, Map<VenueId, ExecutionClient> clients, Map<VenueId, VenueCapabilities> capabilities) {
    Quantity q = request.quantity();
    Instrument heldRules = rules(request, request.held());
    FeeModel heldFees = fees(request, request.held());
    Price avg = request.averagePrice();
    LegState held = new LegState(new LegPlan(request.held(), request.heldOutcome(), Side.BUY, avg, q,
        Money.costOf(avg, q), heldFees.takerFee(avg, q), 1), heldRules, heldFees);
    held.recordBuy(avg, q);
    Instrument hedgeRules = rules(request, request.hedge());
    FeeModel hedgeFees = fees(request, request.hedge());
    Price breakEven = breakEvenHedge(held.basisOf(q), q, hedgeFees, hedgeRules.tickGrid());
    LegState hedge = new LegState(new LegPlan(request.hedge(), request.hedgeOutcome(), Side.BUY, breakEven, q,
        Money.costOf(breakEven, q), hedgeFees.takerFee(breakEven, q), 1), hedgeRules, hedgeFees);
    boolean kalshiHeld = request.held().venue() == VenueId.KALSHI;
    LegRiskParams noSlippage = new LegRiskParams(Money.ZERO, params.hedgeDeadline(), params.maxHedgeAttempts(),
        params.unwindLossCap(), params.unknownResolveTimeout());
    ExecutionRun run = new ExecutionRun(vertx, home, request.pair().id(), request.executionId(), null, q, context,
        noSlippage, clients, capabilities, kalshiHeld ? held : hedge, kalshiHeld ? hedge : held);
    run.residualMode = true;
    run.firstFillAt = context.clock().instant();
    return run;
  }

  /**
   * The highest price on {@code grid} at which buying {@code quantity}, fee included, costs no more
   * than the $1 per contract the completed pair pays minus {@code basis} (what the held contracts
   * cost); zero when no price does.
   */
  static Price breakEvenHedge(Money basis, Quantity quantity, FeeModel fees, TickGrid grid) {
    Money room = Money.payoutOf(quantity).minus(basis);
    Optional<Price> p = grid.floor(Price.ofMicros(Fixed.SCALE - 1));
    while (p.isPresent() && p.get().micros() > 0) {
      Price price = p.get();
      if (Money.costOf(price, quantity).plus(fees.takerFee(price, quantity)).compareTo(room) <= 0) {
        return price;
      }
      p = grid.floor(Price.ofMicros(price.micros() - 1));
    }
    return Price.ofMicros(0);
  }

  private static Instrument rules(ResidualRequest r, InstrumentId id) {
    Instrument rules = id.venue() == VenueId.KALSHI ? r.kalshiInstrument() : r.polymarketInstrument();
    return new Instrument(id, rules.tickGrid(), rules.minSize(), rules.sizeStep());
  }

  private static FeeModel fees(ResidualRequest r, InstrumentId id) {
    return id.venue() == VenueId.KALSHI ? r.kalshiFees() : r.polymarketFees();
  }

  /** Runs the execution; the future always succeeds (an internal error is reported, never thrown). */
  public Future<ExecutionReport> run() {
    Future<ExecutionReport> result;
    try {
      result = start();
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result.recover(err -> Future.succeededFuture(afterBug(err)));
  }

  private Future<ExecutionReport> start() {
    if (residualMode) {
      return closeMismatch();
    }
    for (VenueId venue : List.of(VenueId.KALSHI, VenueId.POLYMARKET)) {
      if (clients.get(venue) == null) {
        return Future.succeededFuture(denied("no execution client for " + venue.label()));
      }
    }
    Quantity size = planned;
    if (polymarket.plan().side() == Side.BUY) {
      Quantity unit = BookMath.lcm(kalshi.instrument().sizeStep(), polymarket.instrument().sizeStep());
      Quantity min = max(kalshi.instrument().minSize(), polymarket.instrument().minSize());
      size = BookMath.wholeCentSize(planned, polymarket.plan().limitPrice(), unit, min, WHOLE_CENT_MAX_STEPS);
      if (!size.equals(planned)) {
        notes.add("size " + planned + " cut to " + size + " so the Polymarket amount is whole cents");
      }
    }
    return policy == ExecutionPolicy.PARALLEL ? parallel(size) : sequential(size);
  }

  // ---------------------------------------------------------------------------------------------
  // Policies

  private Future<ExecutionReport> parallel(Quantity size) {
    Optional<TimeInForce> tk = tif(VenueId.KALSHI, TimeInForce.IOC, TimeInForce.FOK);
    Optional<TimeInForce> tp = tif(VenueId.POLYMARKET, TimeInForce.IOC, TimeInForce.FOK);
    if (tk.isEmpty() || tp.isEmpty()) {
      return Future.succeededFuture(denied("a venue takes neither IOC nor FOK orders"));
    }
    // Either leg may end up naked if the other fails, but not both: the legs together add the
    // larger leg's cost as unhedged exposure (the second checked adds only what it exceeds the first by).
    Money coveredByFirst = Money.ZERO;
    for (LegState leg : List.of(kalshi, polymarket)) {
      Money notional = buyNotional(leg, leg.plan().limitPrice(), size);
      Money added = notional.compareTo(coveredByFirst) > 0 ? notional.minus(coveredByFirst) : Money.ZERO;
      RiskDecision decision = ctx.checkRisk(new OrderIntent(pairId, notional, added));
      if (decision instanceof RiskDecision.Denied d) {
        return Future.succeededFuture(denied("risk denied the " + leg.venue().label() + " leg: " + d.detail()));
      }
      coveredByFirst = notional;
    }
    Instant now = ctx.clock().instant();
    Future<Settled> fk = send(kalshi, OrderPurpose.LEG, Side.BUY, kalshi.plan().limitPrice(), size, tk.get(), now);
    Future<Settled> fp = send(polymarket, OrderPurpose.LEG, Side.BUY, polymarket.plan().limitPrice(), size, tp.get(), now);
    // join waits for both legs even if one failed (a bug), so the report sees every order sent
    return Future.join(fk, fp).compose(ignored -> {
      legsMismatched = !kalshi.net().equals(polymarket.net());
      return closeMismatch();
    });
  }

  private Future<ExecutionReport> sequential(Quantity size) {
    LegState first = firstLeg();
    LegState second = other(first);
    Optional<TimeInForce> tFirst = tif(first.venue(), TimeInForce.FOK, TimeInForce.IOC);
    Optional<TimeInForce> tSecond = tif(second.venue(), TimeInForce.IOC, TimeInForce.FOK);
    if (tFirst.isEmpty() || tSecond.isEmpty()) {
      return Future.succeededFuture(denied("a venue takes neither IOC nor FOK orders"));
    }
    RiskDecision d1 = check(first, Side.BUY, first.plan().limitPrice(), size, true);
    if (d1 instanceof RiskDecision.Denied d) {
      return Future.succeededFuture(denied("risk denied the " + first.venue().label() + " leg: " + d.detail()));
    }
    // Pre-flight of the hedge leg at its cap: if it would be refused, the first leg must not go.
    Price secondCap = BookMath.hedgeCap(second.plan().limitPrice(), params.maxHedgeSlippage(),
        second.instrument().tickGrid()).orElse(second.plan().limitPrice());
    RiskDecision d2 = check(second, Side.BUY, secondCap, size, false);
    if (d2 instanceof RiskDecision.Denied d) {
      return Future.succeededFuture(denied("risk would deny the " + second.venue().label() + " leg: " + d.detail()));
    }
    notes.add(first.venue().label() + " first");
    Instant now = ctx.clock().instant();
    return send(first, OrderPurpose.LEG, Side.BUY, first.plan().limitPrice(), size, tFirst.get(), now)
        .compose(s1 -> {
          if (!unknownOrders.isEmpty() || first.net().isZero()) {
            return Future.succeededFuture(report());
          }
          Quantity firstFill = first.net();
          return topUp(second, OrderPurpose.LEG).compose(sent -> {
            legsMismatched = !second.net().equals(firstFill);
            return closeMismatch();
          });
        });
  }

  /**
   * The sequential policy's first leg: the one more likely to fail, i.e. with less ask depth at its
   * limit price relative to the size (a leg whose book is missing or untrusted counts as no depth).
   * On a tie Polymarket goes first: its FAK/FOK amounts are rounded, it is usually the thinner book,
   * and its trades can still fail on chain.
   */
  private LegState firstLeg() {
    // Both legs carry the same size, so depth relative to size orders them as depth does.
    Quantity dk = depthAtLimit(kalshi);
    Quantity dp = depthAtLimit(polymarket);
    return dk.compareTo(dp) < 0 ? kalshi : polymarket;
  }

  private Quantity depthAtLimit(LegState leg) {
    OrderBook book = ctx.book(leg.instrumentId());
    if (book == null || !book.isTrusted()) {
      return Quantity.ZERO;
    }
    return BookMath.depthWithin(book.levels(leg.bookOutcome(), BookSide.ASK), leg.plan().limitPrice(), true);
  }

  // ---------------------------------------------------------------------------------------------
  // Leg risk: hedge the short leg, then unwind the long one

  private Future<ExecutionReport> closeMismatch() {
    return hedgeLoop().compose(v -> unwind()).map(v -> report());
  }

  private Future<Void> hedgeLoop() {
    if (!unknownOrders.isEmpty() || gap().isZero() || hedgeOrders >= params.maxHedgeAttempts() || pastDeadline(ctx.clock().instant())) {
      return Future.succeededFuture();
    }
    return topUp(shortLeg(), OrderPurpose.HEDGE).compose(sent -> sent ? hedgeLoop() : Future.succeededFuture());
  }

  /**
   * Buys the short leg's shortfall once, IOC, on a trusted book within the hedge cap, waiting for
   * such a book until the hedge deadline. Whether an order was sent.
   */
  private Future<Boolean> topUp(LegState leg, OrderPurpose purpose) {
    Quantity shortfall = other(leg).net().minus(leg.net());
    Quantity size = shortfall.floorTo(leg.instrument().sizeStep());
    if (size.isZero() || size.compareTo(leg.instrument().minSize()) < 0) {
      notes.add("shortfall " + shortfall + " on " + leg.venue().label() + " is below its minimum or step: not hedged");
      return Future.succeededFuture(false);
    }
    Optional<Price> cap = BookMath.hedgeCap(leg.plan().limitPrice(), params.maxHedgeSlippage(), leg.instrument().tickGrid());
    if (cap.isEmpty()) {
      notes.add("no hedge price on " + leg.venue().label() + "'s tick grid");
      return Future.succeededFuture(false);
    }
    return awaitBuyPrice(leg, size, cap.get(), initialBackoff(params.hedgeDeadline())).compose(price -> {
      Instant now = ctx.clock().instant();
      if (price.isEmpty() || pastDeadline(now)) {
        notes.add("no ask within " + cap.get() + " on a trusted " + leg.venue().label() + " book before the hedge deadline");
        return Future.succeededFuture(false);
      }
      Quantity send = wholeCents(leg, size, price.get());
      RiskDecision decision = check(leg, Side.BUY, price.get(), send, false);
      if (decision instanceof RiskDecision.Denied d) {
        notes.add("risk denied the " + purpose.name().toLowerCase() + " on " + leg.venue().label() + ": " + d.detail());
        return Future.succeededFuture(false);
      }
      Optional<TimeInForce> tif = tif(leg.venue(), TimeInForce.IOC, TimeInForce.FOK);
      if (tif.isEmpty()) {
        return Future.succeededFuture(false);
      }
      if (purpose == OrderPurpose.HEDGE) {
        hedgeOrders++;
      }
      return send(leg, purpose, Side.BUY, price.get(), send, tif.get(), now).map(s -> true);
    });
  }

  /**
   * The hedge's limit once a trusted book shows asks within the cap: the worst ask level needed for
   * the hedge plus what this leg already bought (in case the book has not caught up with our own
   * fills yet), capped; empty at the deadline.
   */
  private Future<Optional<Price>> awaitBuyPrice(LegState leg, Quantity size, Price cap, long backoffMillis) {
    OrderBook book = ctx.book(leg.instrumentId());
    if (book != null && book.isTrusted()) {
      BookLevels asks = book.levels(leg.bookOutcome(), BookSide.ASK);
      // The book may still show the asks our own fills just took: price as if they were there.
      Optional<Price> price = BookMath.buyLimit(asks, size.plus(leg.bought()), cap);
      if (price.isPresent()) {
        return Future.succeededFuture(price);
      }
    }
    Instant now = ctx.clock().instant();
    long window = params.hedgeDeadline().toMillis();
    if (firstFillAt == null || !now.isBefore(deadline()) || hedgeWaitedMillis >= window) {
      return Future.succeededFuture(Optional.empty());
    }
    long left = Math.min(Duration.between(now, deadline()).toMillis(), window - hedgeWaitedMillis);
    long wait = Math.min(backoffMillis, Math.max(1, left));
    hedgeWaitedMillis += wait;
    return delay(wait).compose(v -> awaitBuyPrice(leg, size, cap, Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS)));
  }

  /** Sells the long leg's excess back: best bid within the loss cap, then at most once at the cap price. */
  private Future<Void> unwind() {
    if (!unknownOrders.isEmpty() || gap().isZero()) {
      return Future.succeededFuture();
    }
    LegState leg = longLeg();
    Quantity residual = gap();
    return unwindAttempt(leg, false).compose(atCap -> {
      if (atCap || !unknownOrders.isEmpty() || gap().isZero()) {
        return Future.succeededFuture();
      }
      return unwindAttempt(leg, true).mapEmpty();
    }).andThen(ar -> {
      Quantity sold = leg.sold();
      String detail = gap().isZero()
          ? "sold back " + sold + " on " + leg.venue().label()
          : "sold " + sold + " of " + residual + " on " + leg.venue().label() + "; " + gap() + " left open";
      ctx.events().emit(new EngineEvent.Unwind(ctx.clock().instant(), pairId, executionId, leg.venue(), residual,
          sold, realizedLoss, params.unwindLossCap(), detail));
    }).mapEmpty();
  }

  /** One unwind order; whether it was (or had to be) the one at the cap price, ending the unwind. */
  private Future<Boolean> unwindAttempt(LegState leg, boolean retry) {
    Quantity excess = gap();
    Quantity size = excess.floorTo(leg.instrument().sizeStep());
    if (size.isZero() || size.compareTo(leg.instrument().minSize()) < 0) {
      notes.add("excess " + excess + " on " + leg.venue().label() + " is below its minimum or step: cannot be sold");
      return Future.succeededFuture(true);
    }
    Money budget = params.unwindLossCap().minus(realizedLoss);
    Optional<Price> floor = BookMath.unwindFloor(size, leg.basisOf(size), budget, leg.fees(), leg.instrument().tickGrid());
    if (floor.isEmpty()) {
      notes.add("no price sells " + size + " on " + leg.venue().label() + " within the loss cap " + params.unwindLossCap());
      return Future.succeededFuture(true);
    }
    Price price = floor.get();
    if (!retry) {
      OrderBook book = ctx.book(leg.instrumentId());
      if (book != null && book.isTrusted()) {
        Optional<Price> bid = book.bestBid(leg.bookOutcome());
        if (bid.isPresent() && bid.get().compareTo(price) >= 0) {
          price = bid.get();
        }
      }
    }
    boolean atCap = price.equals(floor.get());
    RiskDecision decision = ctx.checkRisk(OrderIntent.reducing(pairId, Money.proceedsOf(price, size)));
    if (decision instanceof RiskDecision.Denied d) {
      notes.add("risk denied the unwind on " + leg.venue().label() + ": " + d.detail());
      return Future.succeededFuture(true);
    }
    Optional<TimeInForce> tif = tif(leg.venue(), TimeInForce.IOC, TimeInForce.FOK);
    if (tif.isEmpty()) {
      return Future.succeededFuture(true);
    }
    return send(leg, OrderPurpose.UNWIND, Side.SELL, price, size, tif.get(), ctx.clock().instant()).map(s -> atCap);
  }

  // ---------------------------------------------------------------------------------------------
  // Sending and settling one order

  private Future<Settled> send(LegState leg, OrderPurpose purpose, Side side, Price price, Quantity size, TimeInForce tif,
      Instant sentAt) {
    ClientOrderId id = ctx.newClientOrderId();
    if (!usedIds.add(id)) {
      // Never send two orders under one id: the venue could take the second as the first.
      notes.add("the engine gave client order id " + id + " twice; order not sent");
      return Future.succeededFuture(
          new Settled(new SubmitResult.Denied(id, "duplicate client order id"), Quantity.ZERO, true, false, sentAt));
    }
    OrderRequest order = new OrderRequest(id, leg.instrumentId(), leg.plan().outcome(), side, price, size, tif, false, null);
    ctx.events().emit(new EngineEvent.OrderSent(sentAt, pairId, executionId, purpose, order));
    Future<SubmitResult> submitted;
    try {
      submitted = clients.get(leg.venue()).submit(order);
    } catch (RuntimeException e) {
      submitted = Future.succeededFuture(new SubmitResult.Unknown(id, "submit threw " + e));
    }
    return guard(home(submitted), SUBMIT_GUARD)
        .otherwise(err -> new SubmitResult.Unknown(id, "submit did not answer: " + err.getMessage()))
        .compose(result -> {
          Instant at = emitOutcome(result);
          if (firstFillAt == null && result instanceof SubmitResult.Accepted a && !a.filled().isZero()) {
            // The hedge window opens when a fill is learnt, not when its order settles: the other
            // leg's answer may settle first although it came later.
            firstFillAt = at;
          }
          ctx.orderFinished(result);
          return settle(leg, order, result, at);
        })
        .map(settled -> {
          account(leg, order, settled);
          return settled;
        });
  }

  private void account(LegState leg, OrderRequest order, Settled settled) {
    if (settled.sent()) {
      sentToVenue++;
    } else {
      deniedByVenue++;
    }
    if (!settled.known()) {
      unknownOrders.add(order.clientOrderId());
    }
    Quantity filled = settled.filled();
    if (filled.isZero()) {
      return;
    }
    if (order.side() == Side.BUY) {
      leg.recordBuy(order.price(), filled);
    } else {
      // Never more than we hold: a venue reporting more sold than asked is capped at what we had.
      Quantity capped = filled.min(leg.net());
      realizedLoss = realizedLoss.plus(leg.recordSell(order.price(), capped));
    }
    if (firstFillAt == null) {
      firstFillAt = settled.at();
    }
  }

  /** Emits the outcome event; its time is when what it reports became known. */
  private Instant emitOutcome(SubmitResult result) {
    Instant at = ctx.clock().instant();
    ctx.events().emit(new EngineEvent.OrderOutcome(at, pairId, executionId, result));
    return at;
  }

  private Future<Settled> settle(LegState leg, OrderRequest order, SubmitResult result, Instant at) {
    if (result instanceof SubmitResult.Accepted a) {
      if (isFinal(a.status())) {
        return Future.succeededFuture(new Settled(result, a.filled(), true, true, at));
      }
      return lookUp(leg, order, result, a.venueOrderId(), a.filled(), at);
    }
    if (result instanceof SubmitResult.Rejected) {
      return Future.succeededFuture(new Settled(result, Quantity.ZERO, true, true, at));
    }
    if (result instanceof SubmitResult.Denied) {
      return Future.succeededFuture(new Settled(result, Quantity.ZERO, true, false, at));
    }
    return lookUp(leg, order, result, null, Quantity.ZERO, at);
  }

  /** Looks the order up by its client order id until it is final or the unknown-resolve timeout. */
  private Future<Settled> lookUp(LegState leg, OrderRequest order, SubmitResult result, VenueOrderId venueOrderId,
      Quantity knownFilled, Instant at) {
    Instant until = ctx.clock().instant().plus(params.unknownResolveTimeout());
    // A fill the submit's answer already reported dates from that answer, not from the lookup.
    Instant filledSince = knownFilled.isZero() ? null : at;
    return poll(leg, order, result, venueOrderId, knownFilled, filledSince, until, 0, initialBackoff(params.unknownResolveTimeout()));
  }

  private Future<Settled> poll(LegState leg, OrderRequest order, SubmitResult result, VenueOrderId venueOrderId,
      Quantity knownFilled, Instant filledSince, Instant until, long waitedMillis, long backoffMillis) {
    // Both the clock and the time waited bound the lookups (see hedgeWaitedMillis).
    long remaining = Math.min(Duration.between(ctx.clock().instant(), until).toMillis(),
        params.unknownResolveTimeout().toMillis() - waitedMillis);
    if (remaining <= 0) {
      return lastLookUp(leg, order, result, venueOrderId, knownFilled, filledSince);
    }
    ClientOrderId id = order.clientOrderId();
    long wait = Math.min(backoffMillis, remaining);
    long waited = waitedMillis + wait;
    return delay(wait)
        .compose(v -> guard(home(findOrder(leg, id)), Duration.ofMillis(Math.max(1, remaining))))
        .transform(ar -> {
          long next = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
          if (ar.failed()) {
            return poll(leg, order, result, venueOrderId, knownFilled, filledSince, until, waited, next);
          }
          Optional<OrderReport> found = ar.result();
          if (found.isEmpty()) {
            if (result instanceof SubmitResult.Unknown) {
              SubmitResult resolved = new SubmitResult.Rejected(id, "not_found", "the venue has no such order: it never arrived");
              return Future.succeededFuture(new Settled(resolved, Quantity.ZERO, true, true, emitOutcome(resolved)));
            }
            // An order the venue acknowledged cannot vanish: keep looking.
            return poll(leg, order, result, venueOrderId, knownFilled, filledSince, until, waited, next);
          }
          OrderReport report = found.get();
          if (isFinal(report.status())) {
            return Future.succeededFuture(resolvedBy(report, id, filledSince));
          }
          return poll(leg, order, result, report.venueOrderId(), max(knownFilled, report.filled()), filledSince, until, waited,
              next);
        });
  }

  /**
   * The lookup gave up. An order the venue knows and still holds open (an IOC should not rest; a
   * Polymarket order can stay "delayed") is cancelled, then looked up once more.
   */
  private Future<Settled> lastLookUp(LegState leg, OrderRequest order, SubmitResult result, VenueOrderId venueOrderId,
      Quantity knownFilled, Instant filledSince) {
    ClientOrderId id = order.clientOrderId();
    Settled unknown = new Settled(result, knownFilled, false, true, filledSince != null ? filledSince : ctx.clock().instant());
    if (venueOrderId == null) {
      return Future.succeededFuture(unknown);
    }
    ExecutionClient client = clients.get(leg.venue());
    Future<Optional<OrderReport>> after;
    try {
      after = guard(home(client.cancel(venueOrderId)), LAST_LOOKUP_GUARD)
          .transform(ignored -> guard(home(findOrder(leg, id)), LAST_LOOKUP_GUARD));
    } catch (RuntimeException e) {
      return Future.succeededFuture(unknown);
    }
    return after.transform(ar -> {
      if (ar.succeeded() && ar.result().isPresent() && isFinal(ar.result().get().status())) {
        return Future.succeededFuture(resolvedBy(ar.result().get(), id, filledSince));
      }
      return Future.succeededFuture(unknown);
    });
  }

  private Settled resolvedBy(OrderReport report, ClientOrderId id, Instant filledSince) {
    SubmitResult resolved = new SubmitResult.Accepted(id, report.venueOrderId(), report.status(), report.filled());
    Instant at = emitOutcome(resolved);
    return new Settled(resolved, report.filled(), true, true, filledSince != null ? filledSince : at);
  }

  private Future<Optional<OrderReport>> findOrder(LegState leg, ClientOrderId id) {
    try {
      return clients.get(leg.venue()).findOrder(id);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static boolean isFinal(OrderStatus status) {
    return status == OrderStatus.FILLED || status == OrderStatus.CANCELLED;
  }

  // ---------------------------------------------------------------------------------------------
  // The report

  private ExecutionReport report() {
    Quantity k = kalshi.net();
    Quantity p = polymarket.net();
    Quantity hedged = k.min(p);
    Quantity residual = gap();
    VenueId residualVenue = residual.isZero() ? null : longLeg().venue();
    ExecutionOutcome outcome;
    if (!unknownOrders.isEmpty()) {
      outcome = ExecutionOutcome.UNKNOWN;
    } else if (!residual.isZero()) {
      outcome = ExecutionOutcome.RESIDUAL_OPEN;
    } else if (!kalshi.sold().isZero() || !polymarket.sold().isZero()) {
      outcome = ExecutionOutcome.UNWOUND;
    } else if (hedged.isZero()) {
      outcome = sentToVenue == 0 && deniedByVenue > 0 ? ExecutionOutcome.DENIED : ExecutionOutcome.NOTHING_FILLED;
    } else {
      outcome = ExecutionOutcome.HEDGED;
    }
    StringBuilder detail = new StringBuilder(residualMode ? "residual" : policy.name().toLowerCase(Locale.ROOT))
        .append(": ").append(kalshi).append(", ").append(polymarket);
    if (realizedLoss.isPositive()) {
      detail.append(", unwind loss at most ").append(realizedLoss);
    }
    for (String note : notes) {
      detail.append("; ").append(note);
    }
    if (outcome == ExecutionOutcome.RESIDUAL_OPEN) {
      ctx.events().emit(new EngineEvent.Alert(ctx.clock().instant(), EngineEvent.Severity.CRITICAL, pairId,
          "execution " + executionId + " left " + residual + " unhedged on " + residualVenue.label() + ": " + detail));
    }
    return new ExecutionReport(executionId, pairId, outcome, k, p, hedged,
        residual, residualVenue, legsMismatched, realizedLoss.isNegative() ? Money.ZERO : realizedLoss,
        unknownOrders, detail.toString());
  }

  private ExecutionReport denied(String reason) {
    return new ExecutionReport(executionId, pairId, ExecutionOutcome.DENIED, Quantity.ZERO, Quantity.ZERO, Quantity.ZERO,
        Quantity.ZERO, null, false, Money.ZERO, List.of(), reason);
  }

  /**
   * A bug interrupted the run. Orders already sent may have filled in ways this run no longer
   * tracks, so all of them are reported Unknown: reconciliation settles them, nothing is resent.
   */
  private ExecutionReport afterBug(Throwable err) {
    notes.add("internal error: " + err);
    if (usedIds.isEmpty()) {
      return denied("internal error before any order: " + err);
    }
    for (ClientOrderId id : usedIds) {
      if (!unknownOrders.contains(id)) {
        unknownOrders.add(id);
      }
    }
    try {
      return report();
    } catch (RuntimeException again) {
      return new ExecutionReport(executionId, pairId, ExecutionOutcome.UNKNOWN, kalshi.net(), polymarket.net(),
          kalshi.net().min(polymarket.net()), Quantity.ZERO, null, legsMismatched, Money.ZERO, unknownOrders,
          "internal error: " + err);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static Money buyNotional(LegState leg, Price price, Quantity size) {
    return Money.costOf(price, size).plus(leg.fees().takerFee(price, size));
  }

  private RiskDecision check(LegState leg, Side side, Price price, Quantity size, boolean addsUnhedged) {
    Money notional = side == Side.BUY ? buyNotional(leg, price, size) : Money.proceedsOf(price, size);
    return ctx.checkRisk(new OrderIntent(pairId, notional, addsUnhedged ? notional : Money.ZERO));
  }

  private Optional<TimeInForce> tif(VenueId venue, TimeInForce preferred, TimeInForce fallback) {
    VenueCapabilities caps = capabilities.get(venue);
    if (caps == null || caps.supports(preferred)) {
      return Optional.of(preferred);
    }
    return caps.supports(fallback) ? Optional.of(fallback) : Optional.empty();
  }

  /**
   * A Polymarket BUY cut to the largest size whose amount at {@code price} is whole cents (see
   * {@link BookMath#wholeCentSize}): slightly fewer shares than asked would leave a shortfall too
   * small to hedge, while a cut leaves one the unwind can sell back. Other venues: unchanged.
   */
  private Quantity wholeCents(LegState leg, Quantity size, Price price) {
    if (leg.venue() != VenueId.POLYMARKET) {
      return size;
    }
    return BookMath.wholeCentSize(size, price, leg.instrument().sizeStep(), leg.instrument().minSize(), WHOLE_CENT_MAX_STEPS);
  }

  private Quantity gap() {
    Quantity k = kalshi.net();
    Quantity p = polymarket.net();
    return k.compareTo(p) >= 0 ? k.minus(p) : p.minus(k);
  }

  private LegState longLeg() {
    return kalshi.net().compareTo(polymarket.net()) >= 0 ? kalshi : polymarket;
  }

  private LegState shortLeg() {
    return other(longLeg());
  }

  private LegState other(LegState leg) {
    return leg == kalshi ? polymarket : kalshi;
  }

  private Instant deadline() {
    return firstFillAt.plus(params.hedgeDeadline());
  }

  private boolean pastDeadline(Instant now) {
    return firstFillAt == null || now.isAfter(deadline()) || hedgeWaitedMillis > params.hedgeDeadline().toMillis();
  }

  private static long initialBackoff(Duration window) {
    return Math.max(1, Math.min(100, window.toMillis() / 10));
  }

  private static Quantity max(Quantity a, Quantity b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private Future<Void> delay(long millis) {
    Promise<Void> promise = Promise.promise();
    home.runOnContext(v -> vertx.setTimer(Math.max(1, millis), id -> promise.complete()));
    return promise.future();
  }

  /** Continues on the home context whatever context the venue completed {@code future} on. */
  private <T> Future<T> home(Future<T> future) {
    Promise<T> promise = Promise.promise();
    future.onComplete(ar -> {
      if (Vertx.currentContext() == home) {
        promise.handle(ar);
      } else {
        home.runOnContext(v -> promise.handle(ar));
      }
    });
    return promise.future();
  }

  /** Fails {@code future}'s copy after {@code limit} if it has not completed (Vert.x timer, no sleeping). */
  private <T> Future<T> guard(Future<T> future, Duration limit) {
    if (future.isComplete()) {
      return future;
    }
    Promise<T> promise = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, limit.toMillis()), id -> home.runOnContext(v ->
        promise.tryFail(new java.util.concurrent.TimeoutException("no answer within " + limit.toMillis() + " ms"))));
    future.onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        promise.tryComplete(ar.result());
      } else {
        promise.tryFail(ar.cause());
      }
    });
    return promise.future();
  }
}
