package io.github.crossarb.core.execution;

import io.github.crossarb.core.book.BookLevels;
import io.github.crossarb.core.book.BookSide;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.execution.internal.PaperLiquidity;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.pricing.FeeModel;
import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.CancelResult;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.ExecutionListener;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.PositionReport;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.WireRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated venue account for paper trading: orders fill against the engine's live books
 * ({@link MarketView}) after a configurable latency, pay the venue's taker fee
 * ({@link MarketView#fees}), and move this account's own cash and positions. Nothing is sent
 * anywhere.
 *
 * <p>Matching: a BUY takes asks at or below its limit, a SELL bids at or above, best first, one
 * fill per level at the level's price, as the book is when the latency has passed. An untrusted
 * book offers nothing. Our own fills do not change the live book, so the liquidity a paper order
 * took at a price is remembered and not offered again until the venue changes that level. IOC
 * fills what it can; FOK fills everything or nothing (answered {@code Accepted} with status
 * CANCELLED and nothing filled). GTC/GTD orders take what crosses at once and rest for the
 * remainder, but a resting paper order never matches later (the engine only sends IOC/FOK); it
 * shows in {@link #openOrders} until cancelled.
 *
 * <p>Checks before filling: a BUY needs cash for its size at its limit plus the fee (else
 * {@code Rejected insufficient_balance}), a SELL needs the contracts held ({@code Rejected
 * insufficient_position}); a market without a fee model or book is rejected; a repeated client
 * order id is rejected; a post-only order that would take liquidity is rejected. Kalshi positions are reported net of YES against NO per market, as Kalshi
 * reports them; cash is not credited for netted pairs before settlement (a paper simplification).
 * Polymarket's FAK/FOK amount rounding is not simulated: a paper order fills whole levels; its
 * fills are confirmed ({@link ExecutionListener#onFillConfirmed}) right after they are reported,
 * since a paper trade cannot fail on chain.
 *
 * <p>Use it on the engine's context only (the books it reads live there); answers and listener
 * calls come on that context.
 */
public final class PaperExecutionClient implements ExecutionClient {
  private final Vertx vertx;
  private final VenueId venue;
  private final MarketView market;
  private final Duration latency;
  private final InstantSource clock;
  private final PaperLiquidity liquidity = new PaperLiquidity();
  private final Map<ClientOrderId, OrderReport> orders = new LinkedHashMap<>();
  private final Map<ClientOrderId, Boolean> inFlight = new LinkedHashMap<>();
  private final List<Fill> fills = new ArrayList<>();
  private final Map<InstrumentId, Map<Outcome, Quantity>> holdings = new LinkedHashMap<>();
  private Money cash;
  private ExecutionListener listener;
  private long orderCounter;
  private long fillCounter;

  /**
   * @param startingCash the account's cash at start
   * @param latency how long after a submit the order meets the book (and the answer comes)
   */
  public PaperExecutionClient(Vertx vertx, VenueId venue, MarketView market, Money startingCash, Duration latency,
      InstantSource clock) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.venue = Objects.requireNonNull(venue, "venue");
    this.market = Objects.requireNonNull(market, "market");
    this.cash = Objects.requireNonNull(startingCash, "startingCash");
    this.latency = Objects.requireNonNull(latency, "latency");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (latency.isNegative() || startingCash.isNegative()) {
      throw new IllegalArgumentException("paper latency and starting cash must not be negative");
    }
  }

  public VenueId venue() {
    return venue;
  }

  @Override
  public Future<SubmitResult> submit(OrderRequest request) {
    ClientOrderId id = request.clientOrderId();
    if (request.instrument().venue() != venue) {
      return Future.succeededFuture(new SubmitResult.Denied(id, "instrument " + request.instrument() + " is not on " + venue.label()));
    }
    if (orders.containsKey(id) || inFlight.containsKey(id)) {
      return Future.succeededFuture(new SubmitResult.Rejected(id, "duplicate_client_order_id", "client order id " + id + " already used"));
    }
    inFlight.put(id, Boolean.TRUE);
    Context context = vertx.getOrCreateContext();
    Promise<SubmitResult> answer = Promise.promise();
    Runnable arrive = () -> {
      inFlight.remove(id);
      answer.complete(arrive(request));
    };
    if (latency.isZero()) {
      context.runOnContext(v -> arrive.run());
    } else {
      context.runOnContext(v -> vertx.setTimer(Math.max(1, latency.toMillis()), t -> arrive.run()));
    }
    return answer.future();
  }

  /** The order reaches the simulated venue: checked, matched against the book, accounted. */
  private SubmitResult arrive(OrderRequest request) {
    ClientOrderId id = request.clientOrderId();
    InstrumentId instrument = request.instrument();
    FeeModel fees = market.fees(instrument);
    OrderBook book = market.book(instrument);
    if (fees == null || book == null) {
      return new SubmitResult.Rejected(id, "market_not_tradable", "paper venue does not follow " + instrument);
    }
    if (request.side() == Side.BUY) {
      Money required = Money.costOf(request.price(), request.size()).plus(fees.takerFee(request.price(), request.size()));
      if (required.compareTo(cash) > 0) {
        return new SubmitResult.Rejected(id, "insufficient_balance", "needs " + required + ", has " + cash);
      }
    } else if (held(instrument, request.outcome()).compareTo(request.size()) < 0) {
      return new SubmitResult.Rejected(id, "insufficient_position",
          "sells " + request.size() + ", holds " + held(instrument, request.outcome()));
    }
    Outcome viewed = venue == VenueId.POLYMARKET ? Outcome.YES : request.outcome();
    BookSide takes = request.side() == Side.BUY ? BookSide.ASK : BookSide.BID;
    BookLevels levels = book.isTrusted() ? book.levels(viewed, takes) : EMPTY;
    List<PaperLiquidity.Take> takes0 = liquidity.plan(instrument, viewed, takes, levels, request.price(), request.size());
    Quantity available = takes0.stream().map(PaperLiquidity.Take::quantity).reduce(Quantity.ZERO, Quantity::plus);
    if (request.postOnly() && !takes0.isEmpty()) {
      return new SubmitResult.Rejected(id, "post_only_cross", "post-only order at " + request.price() + " would take liquidity");
    }
    if (request.timeInForce() == TimeInForce.FOK && available.compareTo(request.size()) < 0) {
      takes0 = List.of();
    }
    VenueOrderId venueOrderId = new VenueOrderId("paper-" + venue.label() + "-" + (++orderCounter));
    Instant now = clock.instant();
    Quantity filled = Quantity.ZERO;
    List<Fill> newFills = new ArrayList<>();
    for (PaperLiquidity.Take take : takes0) {
      liquidity.consume(take);
      Money fee = fees.takerFee(take.price(), take.quantity());
      Fill fill = new Fill("paper-" + venue.label() + "-fill-" + (++fillCounter), instrument, request.outcome(),
          request.side(), take.price(), take.quantity(), fee, now, id, null);
      apply(fill);
      newFills.add(fill);
      filled = filled.plus(take.quantity());
    }
    boolean rests = request.timeInForce() == TimeInForce.GTC || request.timeInForce() == TimeInForce.GTD;
    OrderStatus status = filled.equals(request.size())
        ? OrderStatus.FILLED
        : rests ? OrderStatus.OPEN : OrderStatus.CANCELLED;
    OrderReport report = new OrderReport(venueOrderId, id, instrument, request.outcome(), request.side(), request.price(),
        request.size(), filled, status, now);
    orders.put(id, report);
    if (listener != null) {
      for (Fill fill : newFills) {
        listener.onFill(fill);
        if (venue == VenueId.POLYMARKET) {
          // a paper trade never fails on chain: confirmed at once, so the ledger does not wait for it
          listener.onFillConfirmed(venue, fill.fillId());
        }
      }
      listener.onOrderUpdate(report);
    }
    return new SubmitResult.Accepted(id, venueOrderId, status, filled);
  }

  private void apply(Fill fill) {
    Map<Outcome, Quantity> held = holdings.computeIfAbsent(fill.instrument(), k -> new LinkedHashMap<>());
    Quantity before = held.getOrDefault(fill.outcome(), Quantity.ZERO);
    if (fill.side() == Side.BUY) {
      held.put(fill.outcome(), before.plus(fill.quantity()));
      cash = cash.minus(fill.notional()).minus(fill.fee());
    } else {
      held.put(fill.outcome(), before.minus(fill.quantity()));
      cash = cash.plus(fill.notional()).minus(fill.fee());
    }
    fills.add(fill);
  }

  private Quantity held(InstrumentId instrument, Outcome outcome) {
    return holdings.getOrDefault(instrument, Map.of()).getOrDefault(outcome, Quantity.ZERO);
  }

  @Override
  public Future<WireRequest> prepare(OrderRequest request) {
    String body = "{\"paper\":true,\"client_order_id\":\"" + request.clientOrderId() + "\",\"instrument\":\""
        + request.instrument() + "\",\"outcome\":\"" + request.outcome() + "\",\"side\":\"" + request.side()
        + "\",\"price\":\"" + request.price() + "\",\"size\":\"" + request.size() + "\",\"time_in_force\":\""
        + request.timeInForce() + "\"}";
    return Future.succeededFuture(new WireRequest("POST", "paper://" + venue.label() + "/orders", List.of(), body));
  }

  @Override
  public Future<Optional<OrderReport>> findOrder(ClientOrderId clientOrderId) {
    return Future.succeededFuture(Optional.ofNullable(orders.get(clientOrderId)));
  }

  @Override
  public Future<CancelResult> cancel(VenueOrderId venueOrderId) {
    for (Map.Entry<ClientOrderId, OrderReport> e : orders.entrySet()) {
      OrderReport o = e.getValue();
      if (o.venueOrderId().equals(venueOrderId)) {
        if (o.status() != OrderStatus.OPEN && o.status() != OrderStatus.PENDING) {
          return Future.succeededFuture(CancelResult.NOT_OPEN);
        }
        OrderReport cancelled = new OrderReport(o.venueOrderId(), o.clientOrderId(), o.instrument(), o.outcome(), o.side(),
            o.price(), o.size(), o.filled(), OrderStatus.CANCELLED, o.createdAt());
        e.setValue(cancelled);
        if (listener != null) {
          listener.onOrderUpdate(cancelled);
        }
        return Future.succeededFuture(CancelResult.CANCELLED);
      }
    }
    return Future.succeededFuture(CancelResult.NOT_OPEN);
  }

  @Override
  public Future<List<VenueOrderId>> cancelAll() {
    List<VenueOrderId> cancelled = new ArrayList<>();
    for (OrderReport o : List.copyOf(orders.values())) {
      if (o.status() == OrderStatus.OPEN && cancel(o.venueOrderId()).result() == CancelResult.CANCELLED) {
        cancelled.add(o.venueOrderId());
      }
    }
    return Future.succeededFuture(cancelled);
  }

  @Override
  public Future<List<OrderReport>> openOrders() {
    return Future.succeededFuture(orders.values().stream().filter(o -> o.status() == OrderStatus.OPEN).toList());
  }

  @Override
  public Future<List<Fill>> fills(Instant since) {
    return Future.succeededFuture(fills.stream().filter(f -> !f.time().isBefore(since)).toList());
  }

  @Override
  public Future<Balance> balance() {
    return Future.succeededFuture(new Balance(venue, cash, null));
  }

  @Override
  public Future<List<PositionReport>> positions() {
    List<PositionReport> out = new ArrayList<>();
    for (Map.Entry<InstrumentId, Map<Outcome, Quantity>> e : holdings.entrySet()) {
      Quantity yes = e.getValue().getOrDefault(Outcome.YES, Quantity.ZERO);
      Quantity no = e.getValue().getOrDefault(Outcome.NO, Quantity.ZERO);
      if (venue == VenueId.KALSHI) {
        // Kalshi nets YES against NO within a market and reports the side left
        if (yes.compareTo(no) > 0) {
          out.add(new PositionReport(e.getKey(), Outcome.YES, yes.minus(no), null));
        } else if (no.compareTo(yes) > 0) {
          out.add(new PositionReport(e.getKey(), Outcome.NO, no.minus(yes), null));
        }
      } else {
        for (Map.Entry<Outcome, Quantity> h : e.getValue().entrySet()) {
          if (!h.getValue().isZero()) {
            out.add(new PositionReport(e.getKey(), h.getKey(), h.getValue(), null));
          }
        }
      }
    }
    return Future.succeededFuture(out);
  }

  @Override
  public Future<Void> listen(ExecutionListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return Future.succeededFuture();
  }

  @Override
  public String toString() {
    return "PaperExecutionClient[" + venue.label() + ", cash " + cash + ", latency " + latency.toMillis() + " ms]";
  }

  private static final BookLevels EMPTY = new BookLevels() {
    @Override
    public int depth() {
      return 0;
    }

    @Override
    public long priceMicros(int i) {
      throw new IndexOutOfBoundsException(i);
    }

    @Override
    public long sizeMicros(int i) {
      throw new IndexOutOfBoundsException(i);
    }
  };
}
