package io.github.crossarb.link.controller;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.ExecutionListener;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.link.LinkChannel;
import io.github.crossarb.link.LinkHandler;
import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.TraderLimits;
import io.github.crossarb.link.testing.InMemoryLink;
import io.github.crossarb.link.transport.TraderDirectory;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A controller hub joined in memory to traders the test plays: the test reads the commands each
 * trader receives and answers them. Everything runs on one Vert.x context.
 */
final class LinkFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  static final Duration LEG_TIMEOUT = Duration.ofMillis(300);
  static final Duration QUERY_TIMEOUT = Duration.ofMillis(300);
  static final VenueCapabilities CAPABILITIES =
      new VenueCapabilities(EnumSet.of(TimeInForce.GTC, TimeInForce.IOC), true, false, false, false);
  static final TraderLimits LIMITS = new TraderLimits(Money.parse("50"), Money.parse("500"), List.of("*"));

  final Vertx vertx = Vertx.vertx();
  final Context context = vertx.getOrCreateContext();
  /** Where the hub lives: the link's context unless a test moves it. */
  Context hubContext = context;
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final Directory directory = new Directory();
  final List<LinkEvent> events = new CopyOnWriteArrayList<>();
  RemoteVenues hub;

  /** A trader the test plays, on one in-memory link. */
  final class TraderEnd {
    final InMemoryLink link;
    final BlockingQueue<LinkMessage> received = new LinkedBlockingQueue<>();

    TraderEnd(String id, Set<VenueId> venues) {
      Map<VenueId, VenueCapabilities> caps = new java.util.EnumMap<>(VenueId.class);
      venues.forEach(v -> caps.put(v, CAPABILITIES));
      link = new InMemoryLink(context, clock, new LinkPeer(id, 1, caps, LIMITS));
      link.traderSide().handler(new LinkHandler() {
        @Override
        public void onConnected(LinkPeer peer) {}

        @Override
        public void onMessage(LinkMessage message) {
          received.add(message);
        }

        @Override
        public void onDisconnected(DisconnectReason reason, String detail) {}
      });
    }

    void connect() {
      link.connect();
      sync();
    }

    void disconnect(DisconnectReason reason, String detail) {
      link.disconnect(reason, detail);
      sync();
    }

    /** Sends from the trader, on the link's context, and waits until it was handled. */
    void send(LinkMessage message) {
      onContext(() -> link.traderSide().send(message));
      sync();
    }

    @SuppressWarnings("unchecked")
    <T extends LinkMessage> T next(Class<T> type) {
      try {
        LinkMessage m = received.poll(5, TimeUnit.SECONDS);
        if (m == null) {
          throw new AssertionError("the trader received nothing within 5 s");
        }
        if (!type.isInstance(m)) {
          throw new AssertionError("the trader received " + m + ", expected a " + type.getSimpleName());
        }
        return (T) m;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The link server's directory, as far as the hub uses it. */
  static final class Directory implements TraderDirectory {
    final List<LinkChannel> channels = new CopyOnWriteArrayList<>();
    final List<Consumer<LinkChannel>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Optional<LinkChannel> channelFor(VenueId venue) {
      return channels.stream().filter(c -> c.peer() != null && c.peer().venues().containsKey(venue)).findFirst();
    }

    @Override
    public List<LinkChannel> channels() {
      return List.copyOf(channels);
    }

    @Override
    public void onChannel(Consumer<LinkChannel> listener) {
      listeners.add(listener);
    }

    void add(LinkChannel channel) {
      channels.add(channel);
      listeners.forEach(l -> l.accept(channel));
    }
  }

  /** Starts the hub for both venues, with {@code traders} already known to the directory. */
  void start(TraderEnd... traders) {
    for (TraderEnd t : traders) {
      directory.channels.add(t.link.controllerSide());
    }
    // Built and listened to on its own context, as the runtime does: the hub attaches the known
    // channels in a later task there, so the listener is in place before the first event.
    onContext(hubContext, () -> {
      hub = new RemoteVenues(hubContext, directory, EnumSet.allOf(VenueId.class),
          new RemoteOptions(LEG_TIMEOUT, QUERY_TIMEOUT), clock);
      hub.onEvent(events::add);
    });
    sync();
  }

  TraderEnd trader(String id, VenueId... venues) {
    return new TraderEnd(id, EnumSet.copyOf(List.of(venues)));
  }

  RemoteExecutionClient client(VenueId venue) {
    return hub.client(venue);
  }

  /** Waits until everything queued on the contexts so far has run (a hop may queue one more). */
  void sync() {
    for (int i = 0; i < 3; i++) {
      onContext(() -> { });
      onContext(hubContext, () -> { });
    }
  }

  void onContext(Runnable action) {
    onContext(context, action);
  }

  static void onContext(Context context, Runnable action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        action.run();
        done.complete(null);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    join(done);
  }

  static <T> T await(Future<T> future) {
    return join(future.toCompletionStage().toCompletableFuture());
  }

  static Throwable awaitFailure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("no failure within 5 s: " + e, e);
    }
    throw new AssertionError("the future succeeded, expected a failure");
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("failed: " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new AssertionError("not done within 5 s: " + e, e);
    }
  }

  static OrderRequest order(String clientOrderId) {
    return new OrderRequest(new ClientOrderId(clientOrderId), InstrumentId.kalshi("KXFED-26DEC-T4.25"), Outcome.YES,
        Side.BUY, Price.parse("0.40"), Quantity.of(10), TimeInForce.IOC, false, null);
  }

  static Fill fill(String id, InstrumentId instrument) {
    return new Fill(id, instrument, Outcome.YES, Side.BUY, Price.parse("0.40"), Quantity.of(10), Money.parse("0.07"),
        NOW, new ClientOrderId("arb-1-k"), null);
  }

  static FillVoid fillVoid(String id) {
    return new FillVoid(VenueId.POLYMARKET, id, NOW);
  }

  static OrderReport report(String clientOrderId, String venueOrderId) {
    return new OrderReport(new io.github.crossarb.core.model.VenueOrderId(venueOrderId),
        new ClientOrderId(clientOrderId), InstrumentId.kalshi("KXFED-26DEC-T4.25"), Outcome.YES, Side.BUY,
        Price.parse("0.40"), Quantity.of(10), Quantity.of(4), io.github.crossarb.core.venue.OrderStatus.OPEN, NOW);
  }

  /** Every listener call, in order, as text. */
  static final class RecordingListener implements ExecutionListener {
    final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
    final List<Object> received = new ArrayList<>();

    @Override
    public void onFill(Fill fill) {
      received.add(fill);
      calls.add("fill " + fill.fillId());
    }

    @Override
    public void onFillConfirmed(VenueId venue, String fillId) {
      calls.add("confirmed " + venue + " " + fillId);
    }

    @Override
    public void onFillVoid(FillVoid fillVoid) {
      received.add(fillVoid);
      calls.add("void " + fillVoid.fillId());
    }

    @Override
    public void onOrderUpdate(OrderReport order) {
      received.add(order);
      calls.add("order " + order.venueOrderId());
    }

    @Override
    public void onStreamLost(String reason) {
      calls.add("lost " + reason);
    }

    @Override
    public void onStreamRestored() {
      calls.add("restored");
    }

    String next() {
      try {
        String c = calls.poll(5, TimeUnit.SECONDS);
        if (c == null) {
          throw new AssertionError("no listener call within 5 s");
        }
        return c;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    if (hub != null) {
      hub.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join();
  }
}
