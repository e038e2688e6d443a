package io.github.crossarb.core.engine;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.CancelResult;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.ExecutionListener;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.PositionReport;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.WireRequest;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The account side of a fake venue: the engine only listens, reads balances and fills, and cancels
 * all. Orders are the executor's business (the executor is faked too), so submit is refused.
 */
final class FakeExecutionClient implements ExecutionClient {
  final VenueId venue;
  volatile Money available = Money.parse("1000");
  volatile boolean balanceFails;
  volatile ExecutionListener listener;
  /** What {@link #unavailableReason} says; null: available. */
  volatile String unavailable;
  final AtomicInteger cancelAllCalls = new AtomicInteger();
  final List<Fill> venueFills = new CopyOnWriteArrayList<>();
  final List<Instant> fillsQueries = new CopyOnWriteArrayList<>();

  FakeExecutionClient(VenueId venue) {
    this.venue = venue;
  }

  @Override
  public Future<SubmitResult> submit(OrderRequest request) {
    return Future.failedFuture(new AssertionError("the engine never submits itself: " + request));
  }

  @Override
  public Future<WireRequest> prepare(OrderRequest request) {
    return Future.failedFuture("not used");
  }

  @Override
  public Future<Optional<OrderReport>> findOrder(ClientOrderId clientOrderId) {
    return Future.failedFuture("not used");
  }

  @Override
  public Future<CancelResult> cancel(VenueOrderId venueOrderId) {
    return Future.failedFuture("not used");
  }

  @Override
  public Future<List<VenueOrderId>> cancelAll() {
    cancelAllCalls.incrementAndGet();
    return Future.succeededFuture(List.of());
  }

  @Override
  public Future<List<OrderReport>> openOrders() {
    return Future.succeededFuture(List.of());
  }

  @Override
  public Future<List<Fill>> fills(Instant since) {
    fillsQueries.add(since);
    return Future.succeededFuture(List.copyOf(venueFills));
  }

  @Override
  public Future<Balance> balance() {
    return balanceFails ? Future.failedFuture("balance endpoint down")
        : Future.succeededFuture(new Balance(venue, available, null));
  }

  @Override
  public Future<List<PositionReport>> positions() {
    return Future.succeededFuture(List.of());
  }

  @Override
  public Optional<String> unavailableReason() {
    return Optional.ofNullable(unavailable);
  }

  @Override
  public Future<Void> listen(ExecutionListener listener) {
    this.listener = listener;
    return Future.succeededFuture();
  }
}
