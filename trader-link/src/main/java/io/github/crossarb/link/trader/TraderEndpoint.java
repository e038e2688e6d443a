package io.github.crossarb.link.trader;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.ExecutionListener;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.link.LinkChannel;
import io.github.crossarb.link.LinkHandler;
import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.protocol.AccountSnapshot;
import io.github.crossarb.link.protocol.Bye;
import io.github.crossarb.link.protocol.CancelAll;
import io.github.crossarb.link.protocol.CancelAllResult;
import io.github.crossarb.link.protocol.CancelLeg;
import io.github.crossarb.link.protocol.CancelLegResult;
import io.github.crossarb.link.protocol.CommandFailed;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.FailureKind;
import io.github.crossarb.link.protocol.FetchAccount;
import io.github.crossarb.link.protocol.FetchFills;
import io.github.crossarb.link.protocol.FetchOpenOrders;
import io.github.crossarb.link.protocol.FillConfirmedReport;
import io.github.crossarb.link.protocol.FillReport;
import io.github.crossarb.link.protocol.FillVoidReport;
import io.github.crossarb.link.protocol.FillsFetched;
import io.github.crossarb.link.protocol.FindOrder;
import io.github.crossarb.link.protocol.LegAck;
import io.github.crossarb.link.protocol.LegPrepared;
import io.github.crossarb.link.protocol.LegResult;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.OpenOrders;
import io.github.crossarb.link.protocol.OrderFound;
import io.github.crossarb.link.protocol.OrderUpdateReport;
import io.github.crossarb.link.protocol.PlaceLeg;
import io.github.crossarb.link.protocol.PrepareLeg;
import io.github.crossarb.link.protocol.TraderLimits;
import io.github.crossarb.link.protocol.VenueStreamState;
import io.github.crossarb.link.trader.TraderStatus.DeadmanState;
import io.github.crossarb.link.trader.internal.Failures;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The trader's side of the link: carries out the controller's {@link LinkMessage.Command}s on the
 * venues this trader serves and forwards their private streams.
 *
 * <ul>
 *   <li>Every command gets exactly one final {@link LinkMessage.Reply} with its id ({@link LegAck}
 *       first for a leg that will be sent); a venue failure is {@link CommandFailed} with the
 *       {@link FailureKind} of the venue exception.</li>
 *   <li>{@link PlaceLeg} is sent at most once per command id, ever: it is recorded SENDING in the
 *       {@link CommandJournal} (forced to disk) before the venue sees it, and DONE with the result
 *       after. A resend of a DONE leg gets the recorded {@link LegResult}; a leg left SENDING by a
 *       previous process gets {@code Unknown} (reconcile by client order id); a leg delivered
 *       again while in flight here is not sent again, its one result follows.</li>
 *   <li>Refusals (stopping, dead-man's switch tripped, a command id that is not the order's client
 *       order id, deadline passed by this trader's clock, venue not served, market not allowed, order or daily notional above the limits) are
 *       {@code LegResult(Denied)}, recorded too; nothing is sent.</li>
 *   <li>Dead-man's switch: when the controller has been silent for the timeout, every venue's
 *       open orders are cancelled (retried with backoff until it succeeds) and legs are refused
 *       until the cancels are done and a new handshake happened.</li>
 * </ul>
 *
 * <p>Threading: all state lives on {@code context}, the context of the channel and of the venue
 * clients; every callback hops onto it. {@link #start}, {@link #stop} and {@link #status} may be
 * called from any thread. Journal appends (one fsync each) run on the context, before the submit
 * they guard.
 */
public final class TraderEndpoint implements LinkHandler {
  /** The reason a leg left SENDING by an earlier process is answered with. */
  public static final String RESTARTED_WHILE_SENDING = "trader restarted while sending; reconcile by client order id";

  private static final Duration STATUS_INTERVAL = Duration.ofSeconds(1);
  private static final Duration FIRST_RETRY = Duration.ofMillis(250);
  private static final Duration MAX_RETRY = Duration.ofSeconds(5);

  private final String traderId;
  private final Context context;
  private final Vertx vertx;
  private final LinkChannel channel;
  private final Map<VenueId, ExecutionClient> venues;
  private final TraderLimits limits;
  private final CommandJournal journal;
  private final Duration deadmanTimeout;
  private final InstantSource clock;

  private Consumer<String> log = line -> { };
  private Consumer<TraderStatus> statusListener = status -> { };

  // State below: on the context only.
  private final Map<String, PlaceLeg> inFlight = new LinkedHashMap<>();
  private final List<Long> timers = new ArrayList<>();
  private Instant startedAt;
  private boolean connected;
  private Instant connectedAt;
  private String lastDisconnect;
  private DeadmanState deadman = DeadmanState.ARMED;
  private String deadmanDetail;
  private boolean handshakeSinceTrip;
  private int cancelsPending;
  private long legsDone;
  private long legsDenied;
  private boolean stopping;
  private boolean closed;
  private Promise<Void> drained;
  private Future<Void> stopped;
  private TraderStatus published;
  private volatile TraderStatus latest;

  /**
   * @param traderId this trader's name, for messages and the status
   * @param context where the channel and the venue clients live
   * @param venues the venues this trader executes for
   * @param journal the open command journal (the endpoint does not close it)
   * @param deadmanTimeout controller silence after which every open order is cancelled
   * @param clock the trader's clock (deadlines, the UTC day, silence)
   */
  public TraderEndpoint(String traderId, Context context, LinkChannel channel, Map<VenueId, ExecutionClient> venues,
      TraderLimits limits, CommandJournal journal, Duration deadmanTimeout, InstantSource clock) {
    this.traderId = Objects.requireNonNull(traderId, "traderId");
    this.context = Objects.requireNonNull(context, "context");
    this.vertx = context.owner();
    this.channel = Objects.requireNonNull(channel, "channel");
    this.venues = new EnumMap<>(VenueId.class);
    this.venues.putAll(venues);
    this.limits = Objects.requireNonNull(limits, "limits");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.deadmanTimeout = Objects.requireNonNull(deadmanTimeout, "deadmanTimeout");
    if (deadmanTimeout.isNegative() || deadmanTimeout.isZero()) {
      throw new IllegalArgumentException("the dead-man timeout must be positive");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    if (this.venues.isEmpty()) {
      throw new IllegalArgumentException("a trader serves at least one venue");
    }
  }

  /** Where one-line log messages go (connects, disconnects, legs, denials, the dead-man's switch). Before {@link #start}. */
  public TraderEndpoint onLog(Consumer<String> log) {
    this.log = Objects.requireNonNull(log, "log");
    return this;
  }

  /** Told every status on change and every second, on the context. Before {@link #start}. */
  public TraderEndpoint onStatus(Consumer<TraderStatus> listener) {
    this.statusListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Takes the channel's messages, starts each venue's private stream (forwarded as venue events),
   * the dead-man's switch and the status ticks. Fails if a venue's stream cannot be started.
   */
  public Future<Void> start() {
    Promise<Void> started = Promise.promise();
    context.runOnContext(v -> {
      startedAt = clock.instant();
      channel.handler(this);
      if (channel.connected()) {
        // The channel finished a handshake before it had a handler: that was the connect.
        connected = true;
        connectedAt = startedAt;
        log("connected to the controller");
      }
      if (journal.tornTailBytes() > 0) {
        log("command journal " + journal.file() + ": ignored a torn last line (" + journal.tornTailBytes()
            + " bytes) left by a crash; it was never acted on");
      }
      long check = Math.max(10, Math.min(1000, deadmanTimeout.toMillis() / 10));
      timers.add(vertx.setPeriodic(check, id -> onContext(this::checkDeadman)));
      timers.add(vertx.setPeriodic(STATUS_INTERVAL.toMillis(), id -> onContext(() -> publish(true))));
      List<Future<Void>> listens = new ArrayList<>();
      venues.forEach((venue, client) -> {
        Future<Void> listening;
        try {
          listening = client.listen(new Forwarder(venue));
        } catch (RuntimeException e) {
          listening = Future.failedFuture(e);
        }
        listens.add(listening);
      });
      publish(true);
      Future.all(listens).<Void>mapEmpty().onComplete(started);
    });
    return started.future();
  }

  /** The last status taken (null before {@link #start}). */
  public TraderStatus status() {
    return latest;
  }

  /**
   * Stops gracefully: refuses new legs, waits up to {@code grace} for legs in flight, cancels every
   * open order on each venue (once; failures are logged), closes the channel (a {@code Bye}).
   * Completes when done; never fails.
   */
  public Future<Void> stop(Duration grace) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      if (stopped == null) {
        stopped = doStop(grace);
      }
      stopped.onComplete(ar -> done.complete());
    });
    return done.future();
  }

  private Future<Void> doStop(Duration grace) {
    stopping = true;
    log("stopping: refusing new legs" + (inFlight.isEmpty() ? "" : ", waiting for " + inFlight.size()
        + " leg(s) in flight"));
    publish(false);
    drained = Promise.promise();
    if (inFlight.isEmpty()) {
      drained.tryComplete();
    } else {
      long timer = vertx.setTimer(grace.toMillis(), id -> onContext(() -> {
        if (drained.tryComplete()) {
          log("stopping: " + inFlight.size() + " leg(s) still in flight after " + grace.toMillis()
              + " ms; their outcome is for the controller to reconcile");
        }
      }));
      timers.add(timer);
    }
    return drained.future()
        .compose(v -> cancelAllOnce("stopping"))
        .compose(v -> {
          closed = true;
          timers.forEach(vertx::cancelTimer);
          timers.clear();
          publish(false);
          return channel.close().otherwiseEmpty();
        })
        .otherwiseEmpty();
  }

  private Future<Void> cancelAllOnce(String why) {
    List<Future<Void>> cancels = new ArrayList<>();
    venues.forEach((venue, client) -> cancels.add(callVenue(client::cancelAll).transform(ar -> {
      if (ar.succeeded()) {
        log(why + ": cancelled " + ar.result().size() + " open order(s) on " + venue.label());
      } else {
        log(why + ": cancelling open orders on " + venue.label() + " failed: " + Failures.messageOf(ar.cause()));
      }
      return Future.<Void>succeededFuture();
    })));
    return Future.join(cancels).<Void>mapEmpty().otherwiseEmpty();
  }

  // ------------------------------------------------------------------------------- link

  @Override
  public void onConnected(LinkPeer peer) {
    onContext(() -> {
      connected = true;
      connectedAt = clock.instant();
      log("connected to the controller");
      if (deadman == DeadmanState.TRIPPED) {
        deadman = DeadmanState.ARMED;
        deadmanDetail = null;
        log("dead-man's switch cleared by a new handshake: legs are taken again");
      } else if (deadman == DeadmanState.CANCELLING) {
        handshakeSinceTrip = true;
      }
      publish(false);
    });
  }

  @Override
  public void onDisconnected(DisconnectReason reason, String detail) {
    onContext(() -> {
      connected = false;
      lastDisconnect = reason + (detail == null || detail.isBlank() ? "" : ": " + Failures.oneLine(detail));
      log("disconnected from the controller (" + lastDisconnect + ")");
      publish(false);
    });
  }

  @Override
  public void onMessage(LinkMessage message) {
    onContext(() -> {
      if (message instanceof PlaceLeg leg) {
        placeLeg(leg);
      } else if (message instanceof LinkMessage.Command command) {
        otherCommand(command);
      } else if (message instanceof Bye bye) {
        log("the controller said bye (" + bye.reason() + ": " + Failures.oneLine(bye.detail()) + ")");
      }
      // Heartbeats only refresh lastHeard (the channel does it); reports never come this way.
    });
  }

  // ------------------------------------------------------------------------------- legs

  private void placeLeg(PlaceLeg leg) {
    String id = leg.commandId();
    Optional<CommandJournal.Entry> known = journal.find(id);
    if (known.isPresent()) {
      CommandJournal.Entry entry = known.get();
      if (entry.state() == CommandJournal.State.DONE) {
        log("leg " + id + " delivered again: answered with its recorded result (" + describe(entry.result()) + ")");
        send(new LegResult(id, entry.result()));
      } else if (inFlight.containsKey(id)) {
        log("leg " + id + " delivered again while in flight: not sent again, its result follows");
      } else {
        SubmitResult unknown = new SubmitResult.Unknown(leg.order().clientOrderId(), RESTARTED_WHILE_SENDING);
        record(leg, unknown);
        log("leg " + id + " was being sent when the trader last stopped: answered Unknown (" + RESTARTED_WHILE_SENDING
            + ")");
        send(new LegResult(id, unknown));
      }
      return;
    }
    Instant now = clock.instant();
    Money notional;
    try {
      notional = notionalOf(leg.order());
    } catch (ArithmeticException e) {
      deny(leg, "order notional overflows");
      return;
    }
    String refusal = refusal(leg, notional, now);
    if (refusal != null) {
      deny(leg, refusal);
      return;
    }
    try {
      journal.recordSending(id, leg.venue(), leg.order().instrument(), notional, now);
    } catch (IOException | RuntimeException e) {
      // Not recorded, so not sent: a leg we could not remember might be sent twice.
      String reason = "trader cannot record the leg (" + Failures.oneLine(e.getMessage()) + "); not sent";
      legsDenied++;
      log("leg " + id + " denied: " + reason);
      send(new LegResult(id, new SubmitResult.Denied(leg.order().clientOrderId(), reason)));
      publish(false);
      return;
    }
    inFlight.put(id, leg);
    send(new LegAck(id));
    log("leg " + id + " sending: " + describe(leg.order()) + " (notional " + notional + ")");
    publish(false);
    ExecutionClient client = venues.get(leg.venue());
    Future<SubmitResult> submitted;
    try {
      submitted = client.submit(leg.order());
    } catch (RuntimeException e) {
      submitted = Future.failedFuture(e);
    }
    submitted.onComplete(ar -> onContext(() -> finishLeg(leg, ar)));
  }

  private void finishLeg(PlaceLeg leg, AsyncResult<SubmitResult> ar) {
    String id = leg.commandId();
    SubmitResult result = ar.succeeded() && ar.result() != null
        ? ar.result()
        // The SPI says submit never fails; if it does, the order may be at the venue.
        : new SubmitResult.Unknown(leg.order().clientOrderId(), "venue client failed: "
            + (ar.failed() ? Failures.messageOf(ar.cause()) : "no result"));
    inFlight.remove(id);
    record(leg, result);
    legsDone++;
    log("leg " + id + " " + describe(result));
    send(new LegResult(id, result));
    publish(false);
    if (drained != null && inFlight.isEmpty()) {
      drained.tryComplete();
    }
  }

  private void deny(PlaceLeg leg, String reason) {
    SubmitResult denied = new SubmitResult.Denied(leg.order().clientOrderId(), reason);
    record(leg, denied);
    legsDenied++;
    log("leg " + leg.commandId() + " denied: " + reason);
    send(new LegResult(leg.commandId(), denied));
    publish(false);
  }

  private void record(PlaceLeg leg, SubmitResult result) {
    try {
      journal.recordDone(leg.commandId(), leg.venue(), leg.order().instrument(), result, clock.instant());
    } catch (IOException | RuntimeException e) {
      // The answer still goes out; a resend would then be answered Unknown (the SENDING record
      // stands), never sent twice.
      log("CRITICAL: cannot record the result of leg " + leg.commandId() + " in " + journal.file() + ": "
          + Failures.oneLine(e.getMessage()));
    }
  }

  /** Why the leg is refused, or null when it may be sent. */
  private String refusal(PlaceLeg leg, Money notional, Instant now) {
    if (stopping) {
      return "trader " + traderId + " is stopping";
    }
    if (deadman != DeadmanState.ARMED) {
      return "dead-man's switch tripped (" + deadmanDetail + "); legs refused until the open orders are cancelled"
          + " and a new handshake";
    }
    if (!leg.commandId().equals(leg.order().clientOrderId().value())) {
      // The client order id is what the venue and a later FindOrder know the leg by: one per command.
      return "command id " + leg.commandId() + " is not the order's client order id " + leg.order().clientOrderId();
    }
    if (now.isAfter(leg.deadline())) {
      return "deadline passed " + leg.deadline() + " (trader clock " + now + ", late by "
          + Duration.between(leg.deadline(), now).toMillis() + " ms)";
    }
    if (!venues.containsKey(leg.venue())) {
      return "venue " + leg.venue().label() + " is not served by trader " + traderId;
    }
    InstrumentId instrument = leg.order().instrument();
    if (instrument.venue() != leg.venue()) {
      return "instrument " + instrument + " is not on venue " + leg.venue().label();
    }
    if (!allows(limits.allowedMarkets(), instrument)) {
      return "market " + instrument + " is not in the trader's allowed markets";
    }
    if (notional.compareTo(limits.maxOrderNotional()) > 0) {
      return "order notional " + notional + " exceeds the trader's max order notional " + limits.maxOrderNotional();
    }
    Money today = journal.sentOn(CommandJournal.day(now));
    Money after = today.plus(notional);
    if (after.compareTo(limits.maxDailyNotional()) > 0) {
      return "daily notional would be " + after + " (sent today " + today + "), above the trader's max daily notional "
          + limits.maxDailyNotional();
    }
    return null;
  }

  /** Limit price times size, rounded up, for buys and sells alike. */
  static Money notionalOf(OrderRequest order) {
    return Money.costOf(order.price(), order.size());
  }

  /** Whether {@code instrument} matches one of the patterns: an id, a prefix ending in {@code *}, or {@code *}. */
  static boolean allows(List<String> patterns, InstrumentId instrument) {
    String id = instrument.toString();
    for (String pattern : patterns) {
      if (pattern.equals("*") || pattern.equals(id)
          || (pattern.endsWith("*") && id.startsWith(pattern.substring(0, pattern.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------- other commands

  private void otherCommand(LinkMessage.Command command) {
    String id = command.commandId();
    ExecutionClient client = venues.get(command.venue());
    if (client == null) {
      send(new CommandFailed(id, FailureKind.CONFIG, "venue " + command.venue().label() + " is not served by trader "
          + traderId));
      return;
    }
    Future<? extends LinkMessage.Reply> reply;
    if (command instanceof CancelLeg c) {
      reply = callVenue(() -> client.cancel(c.venueOrderId())).map(r -> new CancelLegResult(id, r));
    } else if (command instanceof CancelAll) {
      reply = callVenue(client::cancelAll).map(ids -> new CancelAllResult(id, ids));
    } else if (command instanceof FindOrder f) {
      reply = callVenue(() -> client.findOrder(f.clientOrderId())).map(o -> new OrderFound(id, o));
    } else if (command instanceof FetchOpenOrders) {
      reply = callVenue(client::openOrders).map(orders -> new OpenOrders(id, orders));
    } else if (command instanceof FetchFills f) {
      reply = callVenue(() -> client.fills(f.since())).map(fills -> new FillsFetched(id, fills));
    } else if (command instanceof FetchAccount) {
      reply = callVenue(client::balance).compose(balance -> callVenue(client::positions)
          .map(positions -> new AccountSnapshot(id, balance, positions)));
    } else if (command instanceof PrepareLeg p) {
      reply = callVenue(() -> client.prepare(p.order())).map(request -> new LegPrepared(id, request));
    } else {
      reply = Future.failedFuture(new IllegalStateException("unexpected command " + command.getClass().getSimpleName()));
    }
    reply.onComplete(ar -> onContext(() -> send(ar.succeeded() ? ar.result() : Failures.commandFailed(id, ar.cause()))));
  }

  private interface VenueCall<T> {
    Future<T> call();
  }

  private static <T> Future<T> callVenue(VenueCall<T> call) {
    try {
      Future<T> future = call.call();
      return future == null ? Future.failedFuture(new IllegalStateException("venue client returned no future")) : future;
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  // ------------------------------------------------------------------------------- dead-man

  private void checkDeadman() {
    if (closed || deadman != DeadmanState.ARMED) {
      return;
    }
    Instant now = clock.instant();
    Instant heard = latestOf(latestOf(startedAt, connectedAt), channel.lastHeard());
    Duration silent = Duration.between(heard, now);
    if (silent.compareTo(deadmanTimeout) <= 0) {
      return;
    }
    deadman = DeadmanState.CANCELLING;
    handshakeSinceTrip = false;
    deadmanDetail = "controller silent for " + silent.toMillis() + " ms, limit " + deadmanTimeout.toMillis() + " ms";
    log("DEAD-MAN'S SWITCH TRIPPED: " + deadmanDetail + "; cancelling all open orders on "
        + String.join(", ", venues.keySet().stream().map(VenueId::label).toList()) + " and refusing legs");
    cancelsPending = venues.size();
    venues.forEach((venue, client) -> cancelUntilDone(venue, client, 0));
    publish(false);
  }

  private void cancelUntilDone(VenueId venue, ExecutionClient client, int attempt) {
    if (closed) {
      return;
    }
    callVenue(client::cancelAll).onComplete(ar -> onContext(() -> {
      if (ar.succeeded()) {
        log("dead-man's switch: cancelled " + ar.result().size() + " open order(s) on " + venue.label());
        if (--cancelsPending == 0) {
          if (handshakeSinceTrip) {
            deadman = DeadmanState.ARMED;
            deadmanDetail = null;
            log("dead-man's switch cleared: orders cancelled and the controller is back; legs are taken again");
          } else {
            deadman = DeadmanState.TRIPPED;
            deadmanDetail = deadmanDetail + "; open orders cancelled";
          }
        }
        publish(false);
        return;
      }
      long delay = Math.min(MAX_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempt, 10));
      log("dead-man's switch: cancelling open orders on " + venue.label() + " failed ("
          + Failures.messageOf(ar.cause()) + "); retrying in " + delay + " ms");
      vertx.setTimer(delay, id -> onContext(() -> cancelUntilDone(venue, client, attempt + 1)));
    }));
  }

  private static Instant latestOf(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  // ------------------------------------------------------------------------------- plumbing

  private void send(LinkMessage message) {
    if (closed) {
      log("not sent (channel closed): " + message.getClass().getSimpleName());
      return;
    }
    try {
      channel.send(message);
    } catch (RuntimeException e) {
      log("cannot send " + message.getClass().getSimpleName() + ": " + Failures.oneLine(e.getMessage()));
    }
  }

  private void publish(boolean tick) {
    Instant now = clock.instant();
    TraderStatus status = new TraderStatus(traderId, now, startedAt == null ? now : startedAt, connected && !closed,
        channel.lastHeard(), List.copyOf(venues.keySet()), deadman, deadmanDetail, legsDone, legsDenied,
        inFlight.size(), journal.sentOn(CommandJournal.day(now)), limits.maxDailyNotional(), lastDisconnect, stopping);
    latest = status;
    if (tick || !status.sameAs(published)) {
      published = status;
      try {
        statusListener.accept(status);
      } catch (RuntimeException e) {
        log("status listener failed: " + Failures.oneLine(e.getMessage()));
      }
    }
  }

  private void log(String line) {
    try {
      log.accept(Failures.oneLine(line));
    } catch (RuntimeException e) {
      // A log sink must not break trading.
    }
  }

  private void onContext(Runnable action) {
    context.runOnContext(v -> {
      try {
        action.run();
      } catch (RuntimeException e) {
        log("internal error " + e.getClass().getSimpleName() + ": " + Failures.oneLine(e.getMessage()));
      }
    });
  }

  private static String describe(OrderRequest order) {
    return order.side() + " " + order.size() + " " + order.outcome() + " @ " + order.price() + " " + order.instrument()
        + " " + order.timeInForce() + " (client order id " + order.clientOrderId() + ")";
  }

  private static String describe(SubmitResult result) {
    if (result instanceof SubmitResult.Accepted a) {
      return "accepted as " + a.venueOrderId() + ", " + a.status() + ", filled " + a.filled();
    }
    if (result instanceof SubmitResult.Rejected r) {
      return "rejected by the venue: " + r.venueCode() + ": " + r.message();
    }
    if (result instanceof SubmitResult.Denied d) {
      return "denied: " + d.reason();
    }
    SubmitResult.Unknown u = (SubmitResult.Unknown) result;
    return "outcome unknown: " + u.reason();
  }

  /** Forwards one venue's private stream as venue events. */
  private final class Forwarder implements ExecutionListener {
    private final VenueId venue;

    Forwarder(VenueId venue) {
      this.venue = venue;
    }

    @Override
    public void onFill(Fill fill) {
      forward(new FillReport(venue, fill));
    }

    @Override
    public void onFillConfirmed(VenueId venueId, String fillId) {
      forward(new FillConfirmedReport(venue, fillId));
    }

    @Override
    public void onFillVoid(FillVoid fillVoid) {
      forward(new FillVoidReport(venue, fillVoid));
    }

    @Override
    public void onOrderUpdate(OrderReport order) {
      forward(new OrderUpdateReport(venue, order));
    }

    @Override
    public void onStreamLost(String reason) {
      onContext(() -> log(venue.label() + " private stream lost: " + Failures.oneLine(reason)));
      forward(new VenueStreamState(venue, false, Failures.oneLine(reason)));
    }

    @Override
    public void onStreamRestored() {
      onContext(() -> log(venue.label() + " private stream restored"));
      forward(new VenueStreamState(venue, true, "restored"));
    }

    private void forward(LinkMessage.VenueEvent event) {
      onContext(() -> {
        if (!closed) {
          send(event);
        }
      });
    }
  }
}
