package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Orders and the account at one venue. */
public interface ExecutionClient {
  /**
   * Sends {@code request} once. The future always succeeds, with one of the four outcomes:
   * checks that fail before sending give {@code Denied}; a venue refusal {@code Rejected}; a
   * timeout, 5xx or lost connection {@code Unknown}. A rate-limited create is retried only when
   * the venue provably did not take it.
   */
  Future<SubmitResult> submit(OrderRequest request);

  /**
   * The exact request {@link #submit} would send for {@code request} (signed, with secret headers
   * redacted), without sending it. May read from the venue (version, tick size); never writes.
   */
  Future<WireRequest> prepare(OrderRequest request);

  /**
   * The order we submitted as {@code clientOrderId}, looked up at the venue; empty when the venue
   * has no such order (it never arrived). This is how an {@code Unknown} submit is resolved.
   */
  Future<Optional<OrderReport>> findOrder(ClientOrderId clientOrderId);

  /** Cancels one order by the venue's id. */
  Future<CancelResult> cancel(VenueOrderId venueOrderId);

  /** Cancels every open order of ours; the venue's ids of those it cancelled. */
  Future<List<VenueOrderId>> cancelAll();

  Future<List<OrderReport>> openOrders();

  /** Our fills since {@code since}, oldest first (paginated internally). */
  Future<List<Fill>> fills(Instant since);

  Future<Balance> balance();

  /** The venue's own view of our positions (for reconciliation against the ledger). */
  Future<List<PositionReport>> positions();

  /**
   * Starts the private stream (fills, order updates) and delivers it to {@code listener} on the
   * venue's context. Reconnects like the market data stream; fills missed while disconnected are
   * for the caller to fetch with {@link #fills}, told through {@link ExecutionListener#onStreamRestored}.
   */
  Future<Void> listen(ExecutionListener listener);

  /**
   * Why orders cannot be sent through this client now (e.g. its venue executes on a remote trader
   * that is not connected), or empty when they can. The engine does not trade pairs that need an
   * unavailable client, and shows this reason. A client that talks to its venue directly is always
   * available: a venue outage surfaces as failed calls instead. The text should stay the same while
   * the cause lasts (say since when, not for how long), so a refusal is logged once.
   */
  default Optional<String> unavailableReason() {
    return Optional.empty();
  }
}
