package io.github.crossarb.link.trader;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.link.LinkChannel;
import io.github.crossarb.link.LinkHandler;
import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.PlaceLeg;
import io.github.crossarb.link.protocol.TraderLimits;
import io.github.crossarb.link.testing.InMemoryLink;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One trader endpoint on an in-memory link, with recording venue clients, a hand-moved clock and
 * a journal in a temporary directory; {@link #restart()} simulates a new trader process on the
 * same journal (the old one's in-flight submits are abandoned, as by a crash).
 */
final class EndpointHarness implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final String TICKER = "KXFED-26DEC-T4.25";
  static final TraderLimits LIMITS = new TraderLimits(Money.parse("50"), Money.parse("100"),
      List.of("KALSHI:KXFED-*", "POLYMARKET:123"));

  final Vertx vertx;
  final Context context;
  final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
  final Path traderDir;
  final Map<VenueId, RecordingExecutionClient> clients = new EnumMap<>(VenueId.class);
  final List<String> logs = new CopyOnWriteArrayList<>();
  final LinkedBlockingQueue<LinkMessage> received = new LinkedBlockingQueue<>();
  final List<LinkMessage> seen = new ArrayList<>();
  Duration deadman = Duration.ofSeconds(10);
  TraderLimits limits = LIMITS;
  InMemoryLink link;
  CommandJournal journal;
  TraderEndpoint endpoint;

  EndpointHarness(Path traderDir, VenueId... venues) {
    this.traderDir = traderDir;
    this.vertx = Vertx.vertx();
    this.context = vertx.getOrCreateContext();
    for (VenueId venue : venues.length == 0 ? new VenueId[] {VenueId.KALSHI} : venues) {
      clients.put(venue, new RecordingExecutionClient(venue));
    }
  }

  RecordingExecutionClient kalshi() {
    return clients.get(VenueId.KALSHI);
  }

  /** Opens the journal, builds and starts the endpoint, connects the link. */
  EndpointHarness start() throws Exception {
    journal = CommandJournal.open(traderDir);
    LinkPeer peer = new LinkPeer("laptop", 1, Map.of(VenueId.KALSHI,
        new VenueCapabilities(Set.of(TimeInForce.GTC, TimeInForce.IOC), false, false, false, false)), limits);
    link = new InMemoryLink(context, clock, peer);
    link.controllerSide().handler(new LinkHandler() {
      @Override
      public void onConnected(LinkPeer p) {}

      @Override
      public void onMessage(LinkMessage message) {
        received.add(message);
      }

      @Override
      public void onDisconnected(DisconnectReason reason, String detail) {}
    });
    Map<VenueId, ExecutionClient> venues = new EnumMap<>(VenueId.class);
    venues.putAll(clients);
    endpoint = new TraderEndpoint("laptop", context, link.traderSide(), venues, limits, journal, deadman, clock)
        .onLog(logs::add);
    join(endpoint.start().toCompletionStage().toCompletableFuture());
    link.connect();
    return this;
  }

  /** A new trader process on the same journal and venues; what the old one had in flight is abandoned. */
  void restart() throws Exception {
    InMemoryLink old = link;
    run(() -> old.disconnect(DisconnectReason.HEARTBEAT_TIMEOUT, "trader process gone"));
    barrier();
    journal.close();
    received.clear();
    seen.clear();
    start();
  }

  LinkChannel controller() {
    return link.controllerSide();
  }

  /** The controller sends {@code command}. */
  void send(LinkMessage.Command command) throws Exception {
    InMemoryLink current = link;
    run(() -> current.controllerSide().send(command));
  }

  void run(Runnable action) throws Exception {
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

  /** Waits until everything queued on the context so far (and what it queued in turn, a few hops deep) ran. */
  void barrier() throws Exception {
    for (int i = 0; i < 6; i++) {
      run(() -> { });
    }
  }

  /** The next message the controller receives of {@code type} matching {@code test} (skipping others, kept in {@link #seen}). */
  <T extends LinkMessage> T next(Class<T> type, Predicate<T> test) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      LinkMessage m = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT + "; seen " + seen + "; log " + logs);
      }
      seen.add(m);
      if (type.isInstance(m) && test.test(type.cast(m))) {
        return type.cast(m);
      }
    }
  }

  <T extends LinkMessage> T next(Class<T> type) throws InterruptedException {
    return next(type, m -> true);
  }

  /** Every message received so far (after a barrier: nothing more is on its way). */
  List<LinkMessage> drain() throws Exception {
    barrier();
    received.drainTo(seen);
    return List.copyOf(seen);
  }

  void awaitStatus(Predicate<TraderStatus> test) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (endpoint.status() == null || !test.test(endpoint.status())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("status never matched: " + endpoint.status() + "; log " + logs);
      }
      received.poll(20, TimeUnit.MILLISECONDS); // a bounded wait between checks (messages kept)
    }
  }

  static OrderRequest order(String clientOrderId, String price, String size, TimeInForce tif) {
    return new OrderRequest(new ClientOrderId(clientOrderId), InstrumentId.kalshi(TICKER), Outcome.YES, Side.BUY,
        Price.parse(price), Quantity.parse(size), tif, false, null);
  }

  PlaceLeg leg(String id, String price, String size) {
    return new PlaceLeg(id, VenueId.KALSHI, order(id, price, size, TimeInForce.IOC), clock.instant().plusSeconds(5));
  }

  static <T> T join(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws Exception {
    try {
      if (endpoint != null) {
        join(endpoint.stop(Duration.ofMillis(100)).toCompletionStage().toCompletableFuture());
      }
      if (journal != null) {
        journal.close();
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
