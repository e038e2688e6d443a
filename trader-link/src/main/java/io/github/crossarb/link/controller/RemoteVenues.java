package io.github.crossarb.link.controller;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.ExecutionListener;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.VenueAuthException;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.core.venue.VenueProtocolException;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.github.crossarb.core.venue.VenueUnavailableException;
import io.github.crossarb.link.LinkChannel;
import io.github.crossarb.link.LinkHandler;
import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.protocol.CommandFailed;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.FillConfirmedReport;
import io.github.crossarb.link.protocol.FillReport;
import io.github.crossarb.link.protocol.FillVoidReport;
import io.github.crossarb.link.protocol.LegAck;
import io.github.crossarb.link.protocol.LegResult;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.OrderUpdateReport;
import io.github.crossarb.link.protocol.PlaceLeg;
import io.github.crossarb.link.protocol.VenueStreamState;
import io.github.crossarb.link.transport.TraderDirectory;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The controller's end of every trader channel: owns each channel's handler, sends the commands of
 * its {@link RemoteExecutionClient}s (one per venue, through the channel of the trader serving that
 * venue; one trader may serve both) and routes the answers back by command id and the pushed
 * venue events by venue.
 *
 * <p>All state lives on one context (given at construction; best the channels' own); calls from
 * other threads and channel callbacks hop onto it, and futures complete and listeners are called
 * there. Each channel is called on the context its callbacks come from. What other threads read
 * ({@link RemoteExecutionClient#unavailableReason}) is published through volatile fields.
 */
public final class RemoteVenues {
  private static final Logger LOG = Logger.getLogger(RemoteVenues.class.getName());

  private final Context context;
  private final Vertx vertx;
  private final RemoteOptions options;
  private final InstantSource clock;
  private final Instant startedAt;
  private final Map<VenueId, RemoteExecutionClient> clients = new EnumMap<>(VenueId.class);
  private final Map<LinkChannel, Trader> traders = new IdentityHashMap<>();
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private final List<Consumer<LinkEvent>> eventListeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
  private boolean closed;

  /**
   * @param context where this hub's state lives; best the context of the directory's channels (then
   *     nothing hops)
   * @param remoteVenues the venues whose orders go through a trader (a client is made for each)
   */
  public RemoteVenues(Context context, TraderDirectory directory, Set<VenueId> remoteVenues, RemoteOptions options,
      InstantSource clock) {
    this.context = Objects.requireNonNull(context, "context");
    this.vertx = context.owner();
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.startedAt = clock.instant();
    for (VenueId venue : remoteVenues) {
      clients.put(venue, new RemoteExecutionClient(this, venue,
          venue + " executes on a remote trader; none has connected since " + startedAt));
    }
    // Later, not now: listeners registered in the same task as the construction (on the hub's
    // context, as the runtime does) hear about the first channels.
    context.runOnContext(v -> {
      for (LinkChannel channel : directory.channels()) {
        attach(channel, context);
      }
      directory.onChannel(channel -> {
        Context current = Vertx.currentContext();
        onContext(() -> attach(channel, current));
      });
    });
  }

  /** The remote client of {@code venue}. */
  public RemoteExecutionClient client(VenueId venue) {
    RemoteExecutionClient client = clients.get(venue);
    if (client == null) {
      throw new IllegalArgumentException(venue + " is not executed remotely here");
    }
    return client;
  }

  /** The remote clients, by venue. */
  public Map<VenueId, RemoteExecutionClient> clients() {
    return Map.copyOf(clients);
  }

  /** Calls {@code listener} (on the hub's context) with each link event from now on. */
  public void onEvent(Consumer<LinkEvent> listener) {
    eventListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Calls {@code listener} (on the hub's context) whenever {@link #status()} would change, heartbeats aside. */
  public void onChange(Runnable listener) {
    changeListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Every trader and its in-flight legs, now (taken on the hub's context). */
  public Future<LinkStatus> status() {
    Promise<LinkStatus> promise = Promise.promise();
    onContext(() -> promise.complete(snapshot()));
    return promise.future();
  }

  /**
   * Stops: legs still waiting end {@code Unknown}, other commands fail as unavailable, new ones are
   * refused. The channels belong to the link server, which closes them.
   */
  public Future<Void> close() {
    Promise<Void> promise = Promise.promise();
    onContext(() -> {
      closed = true;
      for (Pending p : List.copyOf(pending.values())) {
        p.abandon("the controller's link is closing");
      }
      for (RemoteExecutionClient client : clients.values()) {
        client.publishUnavailable(client.venue() + " executes on a remote trader; the link is closed");
      }
      promise.complete();
    });
    return promise.future();
  }

  // ===========================================================================================
  // Commands (on the context)

  Future<SubmitResult> submit(VenueId venue, OrderRequest request) {
    Promise<SubmitResult> promise = Promise.promise();
    onContext(() -> {
      String id = request.clientOrderId().value();
      Trader trader = serving(venue);
      if (closed || trader == null) {
        promise.complete(new SubmitResult.Denied(request.clientOrderId(), "no trader connected for " + venue));
        return;
      }
      if (pending.containsKey(id)) {
        promise.complete(new SubmitResult.Denied(request.clientOrderId(),
            "order " + id + " is already in flight on trader " + trader.id + "; not sent again"));
        return;
      }
      Instant now = clock.instant();
      Leg leg = new Leg(id, venue, request, trader, now, promise);
      pending.put(id, leg); // before sending: an answer may come back at once
      try {
        send(trader, new PlaceLeg(id, venue, request, now.plus(options.legTimeout())));
      } catch (RuntimeException e) {
        pending.remove(id);
        promise.complete(new SubmitResult.Denied(request.clientOrderId(),
            "the link to trader " + trader.id + " refused the leg: " + oneLine(e)));
        return;
      }
      Duration wait = options.legTimeout().plus(RemoteOptions.LEG_GRACE);
      leg.timer = vertx.setTimer(wait.toMillis(), t -> leg.finish(new SubmitResult.Unknown(request.clientOrderId(),
          "no result from trader " + trader.id + " within " + wait.toMillis() + " ms; look it up by client order id")));
      changed();
    });
    return promise.future();
  }

  /**
   * Sends a query (any command but a leg) and maps its answer; fails with the venue exception of a
   * {@link CommandFailed}, or {@link VenueUnavailableException} when no trader serves the venue, the
   * trader disconnects before answering, or no answer comes in time.
   */
  <T, R extends LinkMessage.Reply> Future<T> query(VenueId venue, Function<String, LinkMessage.Command> command,
      Class<R> answerType, Function<R, T> map) {
    Promise<T> promise = Promise.promise();
    onContext(() -> {
      Trader trader = serving(venue);
      if (closed || trader == null) {
        promise.fail(new VenueUnavailableException(venue, "no trader connected for " + venue));
        return;
      }
      String id = "q-" + UUID.randomUUID();
      LinkMessage.Command message = command.apply(id);
      Query<T, R> query = new Query<>(id, venue, trader, message.getClass().getSimpleName(), answerType, map, promise);
      pending.put(id, query);
      try {
        send(trader, message);
      } catch (RuntimeException e) {
        pending.remove(id);
        promise.fail(new VenueUnavailableException(venue, "the link to trader " + trader.id + " refused "
            + query.what + ": " + oneLine(e), null, e));
        return;
      }
      query.timer = vertx.setTimer(options.queryTimeout().toMillis(), t -> query.abandon(
          "no answer from trader " + trader.id + " to " + query.what + " within " + options.queryTimeout().toMillis()
              + " ms"));
    });
    return promise.future();
  }

  /** Registers the venue's listener; when no trader serves it now, tells it the stream is down. */
  Future<Void> listen(RemoteExecutionClient client, ExecutionListener listener) {
    Promise<Void> promise = Promise.promise();
    onContext(() -> {
      client.listener = listener;
      promise.complete();
      Trader trader = serving(client.venue());
      if (trader == null) {
        client.streamLost(client.venue() + " executes on a remote trader, none connected");
      }
    });
    return promise.future();
  }

  // ===========================================================================================
  // Channels

  /** @param channelContext the context the directory announced it on (null: unknown, assume ours) */
  private void attach(LinkChannel channel, Context channelContext) {
    if (traders.containsKey(channel)) {
      return;
    }
    Trader trader = new Trader(channel, clock.instant());
    if (channelContext != null) {
      trader.channelContext = channelContext;
    }
    traders.put(channel, trader);
    channel.handler(new LinkHandler() {
      @Override
      public void onConnected(LinkPeer peer) {
        fromChannel(trader, "onConnected", () -> connected(trader, peer));
      }

      @Override
      public void onMessage(LinkMessage message) {
        fromChannel(trader, "onMessage", () -> received(trader, message));
      }

      @Override
      public void onDisconnected(DisconnectReason reason, String detail) {
        fromChannel(trader, "onDisconnected", () -> disconnected(trader, reason, detail));
      }
    });
    if (channel.connected() && channel.peer() != null) {
      connected(trader, channel.peer()); // the handshake happened before we were handed the channel
    } else {
      refreshAvailability();
      changed();
    }
  }

  private void connected(Trader trader, LinkPeer peer) {
    trader.id = peer.traderId();
    trader.venues = List.copyOf(peer.venues().keySet().stream().sorted().toList());
    trader.connected = true;
    trader.since = clock.instant();
    refreshAvailability();
    event(LinkEvent.Kind.CONNECTED, trader.id, "trader " + trader.id + " connected, executes for "
        + trader.venues + (trader.lastDisconnect == null ? "" : " (was disconnected: " + trader.lastDisconnect + ")"));
    for (VenueId venue : trader.venues) {
      RemoteExecutionClient client = clients.get(venue);
      if (client != null && serving(venue) == trader) {
        client.streamRestored();
      }
    }
    changed();
  }

  private void disconnected(Trader trader, DisconnectReason reason, String detail) {
    if (!trader.connected) {
      return;
    }
    trader.connected = false;
    trader.since = clock.instant();
    trader.lastDisconnect = reason + (detail == null || detail.isBlank() ? "" : ": " + detail);
    refreshAvailability();
    String why = "trader " + trader.id + " disconnected: " + trader.lastDisconnect;
    for (Pending p : List.copyOf(pending.values())) {
      if (p.trader == trader && p instanceof Query<?, ?> q) {
        q.abandon(why + " before answering " + q.what); // reads are asked again; legs wait for their result
      }
    }
    event(LinkEvent.Kind.DISCONNECTED, trader.id, why + "; its legs in flight: " + legsOf(trader));
    for (VenueId venue : trader.venues) {
      RemoteExecutionClient client = clients.get(venue);
      if (client != null && serving(venue) == null) {
        client.streamLost(why);
      }
    }
    changed();
  }

  private void received(Trader trader, LinkMessage message) {
    if (message instanceof LinkMessage.Reply reply) {
      Pending p = pending.get(reply.commandId());
      if (p == null) {
        if (reply instanceof LegResult result) {
          event(LinkEvent.Kind.LATE_RESULT, trader.id, "leg " + result.commandId() + " from trader " + trader.id
              + " ended " + describe(result.result()) + " after its submit was given up as unknown; "
              + "reconciliation settles it by client order id");
        } else {
          LOG.fine(() -> "answer to a command no longer waited for: " + reply.getClass().getSimpleName());
        }
        return;
      }
      if (p.trader != trader) {
        LOG.warning(() -> "trader " + trader.id + " answered command " + reply.commandId() + " sent to trader "
            + p.trader.id + "; ignored");
        return;
      }
      p.answer(reply);
    } else if (message instanceof LinkMessage.VenueEvent event) {
      RemoteExecutionClient client = clients.get(event.venue());
      if (client == null || !trader.venues.contains(event.venue())) {
        LOG.warning(() -> "trader " + trader.id + " sent a " + event.venue() + " event it does not serve here; ignored");
        return;
      }
      deliver(trader, client, event);
    }
    // heartbeats and byes are the session's business
  }

  private void deliver(Trader trader, RemoteExecutionClient client, LinkMessage.VenueEvent event) {
    if (event instanceof FillReport f) {
      client.notify(l -> l.onFill(f.fill()));
    } else if (event instanceof FillConfirmedReport c) {
      client.notify(l -> l.onFillConfirmed(c.venue(), c.fillId()));
    } else if (event instanceof FillVoidReport v) {
      client.notify(l -> l.onFillVoid(v.fillVoid()));
    } else if (event instanceof OrderUpdateReport u) {
      client.notify(l -> l.onOrderUpdate(u.order()));
    } else if (event instanceof VenueStreamState s) {
      if (s.up()) {
        client.streamRestored();
      } else {
        client.streamLost("trader " + trader.id + ": " + s.venue() + " stream down: " + s.reason());
      }
    }
  }

  /** The connected trader serving {@code venue}, or null. */
  private Trader serving(VenueId venue) {
    for (Trader t : traders.values()) {
      if (t.connected && t.venues.contains(venue)) {
        return t;
      }
    }
    return null;
  }

  private void refreshAvailability() {
    for (RemoteExecutionClient client : clients.values()) {
      VenueId venue = client.venue();
      if (closed) {
        continue;
      }
      if (serving(venue) != null) {
        client.publishUnavailable(null);
        continue;
      }
      Trader last = traders.values().stream().filter(t -> t.venues.contains(venue))
          .max(Comparator.comparing(t -> t.since)).orElse(null);
      client.publishUnavailable(last == null
          ? venue + " executes on a remote trader; none has connected since " + startedAt
          : venue + " executes on trader " + last.id + ", not connected since " + last.since
              + (last.lastDisconnect == null ? "" : " (" + last.lastDisconnect + ")"));
    }
  }

  private LinkStatus snapshot() {
    Instant now = clock.instant();
    List<LinkStatus.Trader> list = new ArrayList<>();
    for (Trader t : traders.values()) {
      if (t.venues.isEmpty() && !t.connected && t.lastDisconnect == null) {
        continue; // no handshake yet: nothing known about it
      }
      List<LinkStatus.Leg> legs = new ArrayList<>();
      for (Pending p : pending.values()) {
        if (p.trader == t && p instanceof Leg leg) {
          legs.add(new LinkStatus.Leg(leg.id, leg.venue, leg.request.instrument(), leg.sentAt,
              Duration.between(leg.sentAt, now), leg.acked));
        }
      }
      list.add(new LinkStatus.Trader(t.id, t.connected, t.venues, t.channel.lastHeard(), t.since, t.lastDisconnect,
          legs));
    }
    list.sort(Comparator.comparing(LinkStatus.Trader::traderId));
    return new LinkStatus(now, clients.keySet().stream().sorted().toList(), list);
  }

  private List<String> legsOf(Trader trader) {
    List<String> ids = new ArrayList<>();
    for (Pending p : pending.values()) {
      if (p.trader == trader && p instanceof Leg) {
        ids.add(p.id);
      }
    }
    return ids;
  }

  // ===========================================================================================
  // Helpers

  private void event(LinkEvent.Kind kind, String traderId, String message) {
    LinkEvent event = new LinkEvent(clock.instant(), kind, traderId, message);
    for (Consumer<LinkEvent> l : eventListeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a link event listener failed", e);
      }
    }
  }

  private void changed() {
    for (Runnable l : changeListeners) {
      try {
        l.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a link status listener failed", e);
      }
    }
  }

  private void onContext(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  /**
   * A channel callback, on the channel's context (remembered for sending to it), handled on the
   * hub's. Channel handlers must not throw: a bug here is logged, and the link goes on.
   */
  private void fromChannel(Trader trader, String what, Runnable action) {
    Context current = Vertx.currentContext();
    if (current != null) {
      trader.channelContext = current;
    }
    onContext(() -> {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "link handler " + what + " failed", e);
      }
    });
  }

  /**
   * Sends on the channel's context. When that is the hub's (the usual wiring) a refusal throws
   * here; otherwise it is logged and the command times out like an unanswered one.
   */
  private void send(Trader trader, LinkMessage message) {
    Context target = trader.channelContext;
    if (target == context) {
      trader.channel.send(message);
      return;
    }
    target.runOnContext(v -> {
      try {
        trader.channel.send(message);
      } catch (RuntimeException e) {
        LOG.warning(() -> "the link to trader " + trader.id + " refused a " + message.getClass().getSimpleName()
            + ": " + oneLine(e));
      }
    });
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  static String describe(SubmitResult result) {
    if (result instanceof SubmitResult.Accepted a) {
      return "Accepted (" + a.venueOrderId().value() + ", " + a.status() + ", filled " + a.filled() + ")";
    }
    if (result instanceof SubmitResult.Rejected r) {
      return "Rejected (" + r.venueCode() + ": " + r.message() + ")";
    }
    if (result instanceof SubmitResult.Denied d) {
      return "Denied (" + d.reason() + ")";
    }
    return "Unknown (" + ((SubmitResult.Unknown) result).reason() + ")";
  }

  /** The venue exception a local client would raise for the trader's failure. */
  static VenueException toException(VenueId venue, String traderId, CommandFailed failed) {
    String message = failed.message() + " (via trader " + traderId + ")";
    switch (failed.kind()) {
      case REJECTED:
        return new VenueRejectedException(venue, 0,
            failed.venueCode() == null ? "venue_rejected" : failed.venueCode(), message);
      case REFUSED:
        return new VenueRejectedException(venue, 0, "trader_refused", message);
      case AUTH:
        return new VenueAuthException(venue, message);
      case PROTOCOL:
        return new VenueProtocolException(venue, message);
      case CONFIG:
        return new VenueConfigException(venue, message);
      case UNAVAILABLE:
      default:
        return new VenueUnavailableException(venue, message);
    }
  }

  private final class Trader {
    final LinkChannel channel;
    /** Where the channel's callbacks run, and so where it is called; the hub's until seen otherwise. */
    Context channelContext = context;
    String id = "?";
    List<VenueId> venues = List.of();
    boolean connected;
    Instant since;
    String lastDisconnect;

    Trader(LinkChannel channel, Instant attachedAt) {
      this.channel = channel;
      this.since = attachedAt;
    }
  }

  /** A command waiting for its answer. */
  private abstract class Pending {
    final String id;
    final VenueId venue;
    final Trader trader;
    long timer = -1;

    Pending(String id, VenueId venue, Trader trader) {
      this.id = id;
      this.venue = venue;
      this.trader = trader;
    }

    /** Its answer arrived. */
    abstract void answer(LinkMessage.Reply reply);

    /** No answer will be waited for any more. */
    abstract void abandon(String why);

    void done() {
      pending.remove(id);
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
    }
  }

  private final class Leg extends Pending {
    final OrderRequest request;
    final Instant sentAt;
    final Promise<SubmitResult> promise;
    boolean acked;

    Leg(String id, VenueId venue, OrderRequest request, Trader trader, Instant sentAt, Promise<SubmitResult> promise) {
      super(id, venue, trader);
      this.request = request;
      this.sentAt = sentAt;
      this.promise = promise;
    }

    @Override
    void answer(LinkMessage.Reply reply) {
      if (reply instanceof LegAck) {
        acked = true;
        changed();
      } else if (reply instanceof LegResult result) {
        finish(result.result());
      } else if (reply instanceof CommandFailed failed) {
        // A leg is answered by a LegResult, refusals included; a failure says nothing of the venue.
        finish(new SubmitResult.Unknown(request.clientOrderId(), "trader " + trader.id + " failed the leg: "
            + failed.kind() + ": " + failed.message() + "; look it up by client order id"));
      } else {
        finish(new SubmitResult.Unknown(request.clientOrderId(), "trader " + trader.id + " answered the leg with a "
            + reply.getClass().getSimpleName() + "; look it up by client order id"));
      }
    }

    @Override
    void abandon(String why) {
      finish(new SubmitResult.Unknown(request.clientOrderId(), why + "; look it up by client order id"));
    }

    void finish(SubmitResult result) {
      done();
      promise.tryComplete(result);
      changed();
    }
  }

  private final class Query<T, R extends LinkMessage.Reply> extends Pending {
    final String what;
    final Class<R> answerType;
    final Function<R, T> map;
    final Promise<T> promise;

    Query(String id, VenueId venue, Trader trader, String what, Class<R> answerType, Function<R, T> map,
        Promise<T> promise) {
      super(id, venue, trader);
      this.what = what;
      this.answerType = answerType;
      this.map = map;
      this.promise = promise;
    }

    @Override
    void answer(LinkMessage.Reply reply) {
      done();
      if (reply instanceof CommandFailed failed) {
        promise.tryFail(toException(venue, trader.id, failed));
      } else if (answerType.isInstance(reply)) {
        T value;
        try {
          value = map.apply(answerType.cast(reply));
        } catch (RuntimeException e) {
          promise.tryFail(new VenueProtocolException(venue, "trader " + trader.id + " answered " + what
              + " with something unreadable: " + oneLine(e), e));
          return;
        }
        promise.tryComplete(value);
      } else {
        promise.tryFail(new VenueProtocolException(venue, "trader " + trader.id + " answered " + what + " with a "
            + reply.getClass().getSimpleName()));
      }
    }

    @Override
    void abandon(String why) {
      done();
      promise.tryFail(new VenueUnavailableException(venue, why));
    }
  }
}
