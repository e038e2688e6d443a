package io.github.crossarb.link.controller;

import io.github.crossarb.core.model.ClientOrderId;
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
import io.github.crossarb.link.protocol.AccountSnapshot;
import io.github.crossarb.link.protocol.CancelAll;
import io.github.crossarb.link.protocol.CancelAllResult;
import io.github.crossarb.link.protocol.CancelLeg;
import io.github.crossarb.link.protocol.CancelLegResult;
import io.github.crossarb.link.protocol.FetchAccount;
import io.github.crossarb.link.protocol.FetchFills;
import io.github.crossarb.link.protocol.FetchOpenOrders;
import io.github.crossarb.link.protocol.FillsFetched;
import io.github.crossarb.link.protocol.FindOrder;
import io.github.crossarb.link.protocol.LegPrepared;
import io.github.crossarb.link.protocol.OpenOrders;
import io.github.crossarb.link.protocol.OrderFound;
import io.github.crossarb.link.protocol.PrepareLeg;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One venue's orders and account, executed by the trader that serves the venue, over its link
 * channel; made by {@link RemoteVenues}. The engine uses it like a local client:
 * <ul>
 *   <li>{@link #submit} sends a {@code PlaceLeg} whose command id is the client order id, due by
 *       now plus the leg timeout; no trader connected: {@code Denied}; no result by the deadline
 *       plus {@link RemoteOptions#LEG_GRACE}: {@code Unknown} (resolved with {@link #findOrder},
 *       never resent); otherwise the trader's result as it is;</li>
 *   <li>every other call is a command that fails with the venue exception the trader reported, or
 *       {@code VenueUnavailableException} when no trader is connected or none answers in time;</li>
 *   <li>the trader's forwarded stream becomes {@link ExecutionListener} calls; a link disconnect is
 *       {@code onStreamLost}, the next handshake {@code onStreamRestored}.</li>
 * </ul>
 * Futures complete, and the listener is called, on the link's context.
 */
public final class RemoteExecutionClient implements ExecutionClient {
  private static final Logger LOG = Logger.getLogger(RemoteExecutionClient.class.getName());

  private final RemoteVenues hub;
  private final VenueId venue;
  private volatile String unavailable;
  /** Set and called on the hub's context. */
  ExecutionListener listener;
  private boolean streamLost;

  RemoteExecutionClient(RemoteVenues hub, VenueId venue, String initiallyUnavailable) {
    this.hub = hub;
    this.venue = venue;
    this.unavailable = initiallyUnavailable;
  }

  public VenueId venue() {
    return venue;
  }

  @Override
  public Future<SubmitResult> submit(OrderRequest request) {
    return hub.submit(venue, request);
  }

  @Override
  public Future<WireRequest> prepare(OrderRequest request) {
    return hub.query(venue, id -> new PrepareLeg(id, venue, request), LegPrepared.class, LegPrepared::request);
  }

  @Override
  public Future<Optional<OrderReport>> findOrder(ClientOrderId clientOrderId) {
    return hub.query(venue, id -> new FindOrder(id, venue, clientOrderId), OrderFound.class, OrderFound::order);
  }

  @Override
  public Future<CancelResult> cancel(VenueOrderId venueOrderId) {
    return hub.query(venue, id -> new CancelLeg(id, venue, venueOrderId), CancelLegResult.class,
        CancelLegResult::result);
  }

  @Override
  public Future<List<VenueOrderId>> cancelAll() {
    return hub.query(venue, id -> new CancelAll(id, venue), CancelAllResult.class, CancelAllResult::cancelled);
  }

  @Override
  public Future<List<OrderReport>> openOrders() {
    return hub.query(venue, id -> new FetchOpenOrders(id, venue), OpenOrders.class, OpenOrders::orders);
  }

  @Override
  public Future<List<Fill>> fills(Instant since) {
    return hub.query(venue, id -> new FetchFills(id, venue, since), FillsFetched.class, FillsFetched::fills);
  }

  @Override
  public Future<Balance> balance() {
    return hub.query(venue, id -> new FetchAccount(id, venue), AccountSnapshot.class, AccountSnapshot::balance);
  }

  @Override
  public Future<List<PositionReport>> positions() {
    return hub.query(venue, id -> new FetchAccount(id, venue), AccountSnapshot.class, AccountSnapshot::positions);
  }

  @Override
  public Future<Void> listen(ExecutionListener listener) {
    return hub.listen(this, listener);
  }

  /** Which trader should execute for this venue and since when it is away; empty while it is connected. */
  @Override
  public Optional<String> unavailableReason() {
    return Optional.ofNullable(unavailable);
  }

  @Override
  public String toString() {
    return "RemoteExecutionClient[" + venue + "]";
  }

  void publishUnavailable(String reason) {
    unavailable = reason;
  }

  /** Tells the listener once per loss; before {@link #listen} there is nobody to tell. */
  void streamLost(String reason) {
    if (listener != null && !streamLost) {
      streamLost = true;
      notify(l -> l.onStreamLost(reason));
    }
  }

  void streamRestored() {
    streamLost = false;
    notify(ExecutionListener::onStreamRestored);
  }

  void notify(Consumer<ExecutionListener> call) {
    ExecutionListener l = listener;
    if (l == null) {
      return;
    }
    try {
      call.accept(l);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, venue + " execution listener failed", e);
    }
  }
}
