package io.github.crossarb.link.trader;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
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
import io.github.crossarb.core.venue.VenueUnavailableException;
import io.github.crossarb.core.venue.WireRequest;
import io.github.crossarb.core.model.Money;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A venue's execution client for endpoint tests: counts submits per client order id, keeps the
 * GTC orders it accepted open until cancelled, and can hold submits (the test completes them),
 * answer them Unknown (a timeout), or fail calls.
 */
final class RecordingExecutionClient implements ExecutionClient {
  /** What a submit does. */
  enum Mode { ACCEPT, HOLD, TIME_OUT }

  final VenueId venue;
  final Map<String, AtomicInteger> submits = new ConcurrentHashMap<>();
  final LinkedBlockingQueue<Held> held = new LinkedBlockingQueue<>();
  final Map<String, OrderReport> open = new ConcurrentHashMap<>();
  final AtomicInteger cancelAllCalls = new AtomicInteger();
  final AtomicInteger cancelAllFailuresLeft = new AtomicInteger();
  volatile Mode mode = Mode.ACCEPT;
  volatile RuntimeException failReads;
  volatile ExecutionListener listener;

  /** A held submit. */
  record Held(OrderRequest request, Promise<SubmitResult> promise) {
    void accept() {
      promise.complete(accepted(request));
    }
  }

  RecordingExecutionClient(VenueId venue) {
    this.venue = venue;
  }

  int submitsOf(String clientOrderId) {
    AtomicInteger n = submits.get(clientOrderId);
    return n == null ? 0 : n.get();
  }

  int totalSubmits() {
    return submits.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  static SubmitResult.Accepted accepted(OrderRequest request) {
    return new SubmitResult.Accepted(request.clientOrderId(), new VenueOrderId("v-" + request.clientOrderId()),
        request.timeInForce() == TimeInForce.GTC ? OrderStatus.OPEN : OrderStatus.FILLED,
        request.timeInForce() == TimeInForce.GTC ? Quantity.ZERO : request.size());
  }

  @Override
  public Future<SubmitResult> submit(OrderRequest request) {
    submits.computeIfAbsent(request.clientOrderId().value(), k -> new AtomicInteger()).incrementAndGet();
    switch (mode) {
      case HOLD -> {
        Promise<SubmitResult> promise = Promise.promise();
        held.add(new Held(request, promise));
        return promise.future();
      }
      case TIME_OUT -> {
        return Future.succeededFuture(new SubmitResult.Unknown(request.clientOrderId(), "no answer within 10 s"));
      }
      default -> {
        SubmitResult.Accepted accepted = accepted(request);
        if (request.timeInForce() == TimeInForce.GTC) {
          open.put(accepted.venueOrderId().value(), new OrderReport(accepted.venueOrderId(), request.clientOrderId(),
              request.instrument(), request.outcome(), request.side(), request.price(), request.size(), Quantity.ZERO,
              OrderStatus.OPEN, null));
        }
        return Future.succeededFuture(accepted);
      }
    }
  }

  @Override
  public Future<WireRequest> prepare(OrderRequest request) {
    return read(new WireRequest("POST", "https://venue.test/orders", List.of(Map.entry("KEY", WireRequest.REDACTED)),
        "{}"));
  }

  @Override
  public Future<Optional<OrderReport>> findOrder(ClientOrderId clientOrderId) {
    return read(open.values().stream().filter(o -> clientOrderId.equals(o.clientOrderId())).findFirst());
  }

  @Override
  public Future<CancelResult> cancel(VenueOrderId venueOrderId) {
    return read(open.remove(venueOrderId.value()) != null ? CancelResult.CANCELLED : CancelResult.NOT_OPEN);
  }

  @Override
  public Future<List<VenueOrderId>> cancelAll() {
    cancelAllCalls.incrementAndGet();
    if (cancelAllFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return Future.failedFuture(new VenueUnavailableException(venue, "HTTP 503 from the venue"));
    }
    List<VenueOrderId> ids = new ArrayList<>();
    open.keySet().forEach(id -> ids.add(new VenueOrderId(id)));
    open.clear();
    return Future.succeededFuture(ids);
  }

  @Override
  public Future<List<OrderReport>> openOrders() {
    return read(List.copyOf(open.values()));
  }

  @Override
  public Future<List<Fill>> fills(Instant since) {
    return read(List.of());
  }

  @Override
  public Future<Balance> balance() {
    return read(new Balance(venue, Money.parse("100"), null));
  }

  @Override
  public Future<List<PositionReport>> positions() {
    return read(List.of());
  }

  @Override
  public Future<Void> listen(ExecutionListener listener) {
    this.listener = listener;
    return Future.succeededFuture();
  }

  private <T> Future<T> read(T value) {
    RuntimeException failure = failReads;
    return failure != null ? Future.failedFuture(failure) : Future.succeededFuture(value);
  }
}
