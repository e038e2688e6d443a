package io.github.crossarb.core.execution;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
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
import io.github.crossarb.core.venue.WireRequest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A venue whose answers follow a script, one {@link Reply} per submit (full fills once the script
 * runs out). It records every order and what really filled, so tests can compare the executor's
 * accounting with the venue's truth.
 */
final class ScriptedExecutionClient implements ExecutionClient {

  enum Kind {
    /** Accepted, final, filling {@code permille} of the size. */
    FILL,
    /** Accepted PENDING; findOrder reports it FILLED ({@code permille}) from the first lookup. */
    PENDING,
    /** Accepted OPEN (an IOC that should not rest): findOrder says OPEN until cancelled. */
    RESTING,
    /** The venue refused it. */
    REJECT,
    /** Refused before sending. */
    DENY,
    /** Unknown, but the venue took it: findOrder finds it ({@code permille} filled). */
    UNKNOWN_TAKEN,
    /** Unknown, and it never arrived: findOrder finds nothing. */
    UNKNOWN_LOST,
    /** Unknown, and findOrder fails every time. */
    UNKNOWN_SILENT
  }

  /**
   * @param permille how much of the size fills, in thousandths (rounded down to the venue's fill step)
   * @param delayMillis how long the answer takes
   * @param exactFilled when not null, the filled quantity regardless of {@code permille}
   */
  record Reply(Kind kind, int permille, long delayMillis, Quantity exactFilled) {
    static Reply fill(int permille) {
      return new Reply(Kind.FILL, permille, 0, null);
    }

    static Reply filled(Quantity exact) {
      return new Reply(Kind.FILL, 0, 0, exact);
    }

    static Reply of(Kind kind) {
      return new Reply(kind, 1000, 0, null);
    }

    static Reply of(Kind kind, int permille) {
      return new Reply(kind, permille, 0, null);
    }

    Reply withExact(Quantity exact) {
      return new Reply(kind, permille, delayMillis, exact);
    }

    Reply late(long millis) {
      return new Reply(kind, permille, millis, exactFilled);
    }
  }

  /** One submit as the venue saw it. */
  record Submitted(OrderRequest request, Instant at, Quantity trulyFilled) {}

  private final Vertx vertx;
  private final VenueId venue;
  private final Quantity fillStep;
  private final InstantSource clock;
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<Submitted> submitted = new ArrayList<>();
  private final Map<ClientOrderId, OrderReport> known = new HashMap<>();
  private final Map<ClientOrderId, Kind> kinds = new HashMap<>();
  private int lookups;
  private int cancels;
  private int counter;

  ScriptedExecutionClient(Vertx vertx, VenueId venue, Quantity fillStep, InstantSource clock) {
    this.vertx = vertx;
    this.venue = venue;
    this.fillStep = fillStep;
    this.clock = clock;
  }

  ScriptedExecutionClient then(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  List<Submitted> submitted() {
    return submitted;
  }

  List<OrderRequest> orders() {
    return submitted.stream().map(Submitted::request).toList();
  }

  int lookups() {
    return lookups;
  }

  int cancels() {
    return cancels;
  }

  /** What really filled, net of sells: the venue's truth. */
  Quantity netFilled() {
    long net = 0;
    for (Submitted s : submitted) {
      long q = s.trulyFilled().micros();
      net += s.request().side() == Side.BUY ? q : -q;
    }
    return Quantity.ofMicros(net);
  }

  @Override
  public Future<SubmitResult> submit(OrderRequest request) {
    Reply reply = script.isEmpty() ? Reply.fill(1000) : script.poll();
    ClientOrderId id = request.clientOrderId();
    Quantity filled = reply.exactFilled() != null
        ? reply.exactFilled()
        : Quantity.ofMicros(request.size().micros() * reply.permille() / 1000).floorTo(fillStep);
    boolean taken = reply.kind() == Kind.FILL || reply.kind() == Kind.PENDING || reply.kind() == Kind.UNKNOWN_TAKEN
        || reply.kind() == Kind.UNKNOWN_SILENT || reply.kind() == Kind.RESTING;
    Quantity truly = taken && reply.kind() != Kind.UNKNOWN_SILENT ? filled : Quantity.ZERO;
    if (reply.kind() == Kind.UNKNOWN_SILENT) {
      truly = filled; // it did fill; nobody can tell
    }
    submitted.add(new Submitted(request, clock.instant(), truly));
    kinds.put(id, reply.kind());
    VenueOrderId venueId = new VenueOrderId(venue.label() + "-" + (++counter));
    if (taken) {
      OrderStatus status = truly.equals(request.size())
          ? OrderStatus.FILLED
          : reply.kind() == Kind.RESTING ? OrderStatus.OPEN : OrderStatus.CANCELLED;
      known.put(id, new OrderReport(venueId, id, request.instrument(), request.outcome(), request.side(),
          request.price(), request.size(), truly, status, clock.instant()));
    }
    SubmitResult result = switch (reply.kind()) {
      case FILL -> new SubmitResult.Accepted(id, venueId,
          filled.equals(request.size()) ? OrderStatus.FILLED : OrderStatus.CANCELLED, filled);
      case PENDING -> new SubmitResult.Accepted(id, venueId, OrderStatus.PENDING, Quantity.ZERO);
      case RESTING -> new SubmitResult.Accepted(id, venueId, OrderStatus.OPEN, filled);
      case REJECT -> new SubmitResult.Rejected(id, "insufficient_balance", "not enough cash");
      case DENY -> new SubmitResult.Denied(id, "size below minimum");
      default -> new SubmitResult.Unknown(id, "timeout after 5000 ms");
    };
    if (reply.delayMillis() <= 0) {
      return Future.succeededFuture(result);
    }
    Promise<SubmitResult> promise = Promise.promise();
    vertx.setTimer(reply.delayMillis(), t -> promise.complete(result));
    return promise.future();
  }

  @Override
  public Future<Optional<OrderReport>> findOrder(ClientOrderId clientOrderId) {
    lookups++;
    Kind kind = kinds.get(clientOrderId);
    if (kind == Kind.UNKNOWN_SILENT) {
      return Future.failedFuture(new io.github.crossarb.core.venue.VenueUnavailableException(venue, "venue down"));
    }
    return Future.succeededFuture(Optional.ofNullable(known.get(clientOrderId)));
  }

  @Override
  public Future<CancelResult> cancel(VenueOrderId venueOrderId) {
    cancels++;
    for (Map.Entry<ClientOrderId, OrderReport> e : known.entrySet()) {
      OrderReport o = e.getValue();
      if (o.venueOrderId().equals(venueOrderId) && o.status() == OrderStatus.OPEN) {
        e.setValue(new OrderReport(o.venueOrderId(), o.clientOrderId(), o.instrument(), o.outcome(), o.side(), o.price(),
            o.size(), o.filled(), OrderStatus.CANCELLED, o.createdAt()));
        return Future.succeededFuture(CancelResult.CANCELLED);
      }
    }
    return Future.succeededFuture(CancelResult.NOT_OPEN);
  }

  @Override
  public Future<WireRequest> prepare(OrderRequest request) {
    return Future.failedFuture(new UnsupportedOperationException("not used"));
  }

  @Override
  public Future<List<VenueOrderId>> cancelAll() {
    return Future.succeededFuture(List.of());
  }

  @Override
  public Future<List<OrderReport>> openOrders() {
    return Future.succeededFuture(List.of());
  }

  @Override
  public Future<List<Fill>> fills(Instant since) {
    return Future.succeededFuture(List.of());
  }

  @Override
  public Future<Balance> balance() {
    return Future.succeededFuture(new Balance(venue, io.github.crossarb.core.model.Money.ofMicros(1000 * Fixed.SCALE), null));
  }

  @Override
  public Future<List<PositionReport>> positions() {
    return Future.succeededFuture(List.of());
  }

  @Override
  public Future<Void> listen(ExecutionListener listener) {
    return Future.succeededFuture();
  }
}
