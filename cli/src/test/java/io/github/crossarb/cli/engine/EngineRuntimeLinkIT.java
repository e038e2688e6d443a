package io.github.crossarb.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.link.LinkServerFactory;
import io.github.crossarb.cli.link.LinkStatusFile;
import io.github.crossarb.cli.venue.StandardVenues;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.link.LinkChannel;
import io.github.crossarb.link.LinkHandler;
import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.LinkSecret;
import io.github.crossarb.link.controller.LinkStatus;
import io.github.crossarb.link.transport.LinkClient;
import io.github.crossarb.link.transport.LinkClientOptions;
import io.github.crossarb.link.transport.TraderDirectory;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.FetchFills;
import io.github.crossarb.link.protocol.FillsFetched;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.TraderLimits;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's link wiring against the simulator: a trader channel played by the test stands in
 * for the link server's (the full stack with a real trader is tested elsewhere).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EngineRuntimeLinkIT {
  @TempDir Path dataDir;

  private final BlockingQueue<EngineEvent> events = new LinkedBlockingQueue<>();

  @Test
  void liveOrdersOfARemoteVenueWaitForItsTraderAndTheLinkIsReported() throws Exception {
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-window.yaml")) {
      h.set("TRADER_LINK_LISTEN", "127.0.0.1:0");
      h.set("TRADER_LINK_SECRET", "0123456789abcdef0123456789abcdef-test");
      h.set("ARB_EXECUTE_REMOTE", "kalshi");
      Configuration config = h.configuration();
      FakeServer server = new FakeServer();
      try (EngineRuntime runtime = EngineRuntime.start(config, StandardVenues::open,
          EngineSettings.from(config, null, null), events::add, Clock.systemUTC(), server)) {
        assertThat(server.startedOn).isSameAs(server.channel.context);
        await(EngineEvent.Alert.class, a -> a.message().equals(
            "trader link listening on fake:9001; live orders for [KALSHI] go through the trader serving them"));

        // No trader: the window is found but not traded, and the reason says why.
        EngineEvent.Decision skipped = await(EngineEvent.Decision.class,
            d -> d.kind() == EngineEvent.DecisionKind.SKIPPED && d.pairId().equals(EngineHarness.FED));
        assertThat(skipped.reason()).startsWith(
            "execution unavailable: KALSHI executes on a remote trader; none has connected since ");
        LinkStatus written = awaitStatusFile(s -> s.remoteVenues().equals(List.of(VenueId.KALSHI)));
        assertThat(written.traders()).isEmpty();
        assertThat(ConsoleCommands.traders(runtime.linkStatus().orElseThrow()))
            .isEqualTo("\n  trader link: no trader connected yet (kalshi not traded)");
        assertThat(h.ourOrders(VenueId.KALSHI)).isEmpty();

        // The trader connects: announced, and the engine catches up through it.
        server.channel.connect(new LinkPeer("laptop", 1, Map.of(VenueId.KALSHI,
            new VenueCapabilities(EnumSet.of(TimeInForce.IOC), false, false, false, false)),
            new TraderLimits(Money.parse("50"), Money.parse("500"), List.of("*"))));
        await(EngineEvent.Alert.class, a -> a.severity() == EngineEvent.Severity.INFO
            && a.message().startsWith("trader laptop connected, executes for [KALSHI]"));
        FetchFills fetch = server.channel.next(FetchFills.class);
        assertThat(fetch.venue()).isEqualTo(VenueId.KALSHI);
        server.channel.reply(new FillsFetched(fetch.commandId(), List.of()));
        awaitStatusFile(s -> s.traders().size() == 1 && s.traders().get(0).connected());
        assertThat(ConsoleCommands.traders(runtime.linkStatus().orElseThrow()))
            .startsWith("\n  trader laptop: connected, venues kalshi, last heartbeat ");

        server.channel.disconnect(DisconnectReason.HEARTBEAT_TIMEOUT, "silent for 5000 ms");
        await(EngineEvent.Alert.class, a -> a.severity() == EngineEvent.Severity.WARNING
            && a.message().startsWith("trader laptop disconnected: HEARTBEAT_TIMEOUT: silent for 5000 ms"));
        awaitStatusFile(s -> s.traders().size() == 1 && !s.traders().get(0).connected());
      }
      assertThat(server.closed).isTrue();
    }
  }

  @Test
  void theStandardLinkServerListensAndATraderDialingInIsAskedForItsFills() throws Exception {
    String secret = "0123456789abcdef0123456789abcdef-test";
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-window.yaml")) {
      h.set("TRADER_LINK_LISTEN", "127.0.0.1:0");
      h.set("TRADER_LINK_SECRET", secret);
      h.set("ARB_EXECUTE_REMOTE", "kalshi");
      Configuration config = h.configuration();
      Vertx traderVertx = Vertx.vertx();
      try (EngineRuntime runtime = EngineRuntime.start(config, StandardVenues::open,
          EngineSettings.from(config, null, null), events::add, Clock.systemUTC())) {
        EngineEvent.Alert listening = await(EngineEvent.Alert.class,
            a -> a.message().startsWith("trader link listening on 127.0.0.1:"));
        String port = listening.message().replaceAll("^trader link listening on 127\\.0\\.0\\.1:(\\d+);.*$", "$1");

        // A trader dials in over loopback with the shared secret.
        BlockingQueue<LinkMessage> commands = new LinkedBlockingQueue<>();
        Context traderContext = traderVertx.getOrCreateContext();
        LinkChannel[] channel = new LinkChannel[1];
        traderContext.runOnContext(v -> {
          channel[0] = LinkClient.connect(traderVertx, LinkClientOptions.of("ws://127.0.0.1:" + port,
              LinkSecret.of(secret), "laptop", Map.of(VenueId.KALSHI,
                  new VenueCapabilities(EnumSet.of(TimeInForce.IOC), false, false, false, false)),
              new TraderLimits(Money.parse("50"), Money.parse("500"), List.of("*"))));
          channel[0].handler(new LinkHandler() {
            @Override
            public void onConnected(LinkPeer peer) {}

            @Override
            public void onMessage(LinkMessage message) {
              commands.add(message);
            }

            @Override
            public void onDisconnected(DisconnectReason reason, String detail) {}
          });
        });
        await(EngineEvent.Alert.class, a -> a.severity() == EngineEvent.Severity.INFO
            && a.message().startsWith("trader laptop connected, executes for [KALSHI]"));
        FetchFills fetch = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fetch == null) {
          LinkMessage m = commands.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          if (m == null) {
            throw new AssertionError("the trader was never asked for its fills");
          }
          fetch = m instanceof FetchFills f ? f : null;
        }
        FetchFills asked = fetch;
        traderContext.runOnContext(v -> channel[0].send(new FillsFetched(asked.commandId(), List.of())));
        LinkStatus status = awaitStatusFile(s -> s.traders().size() == 1 && s.traders().get(0).connected()
            && s.traders().get(0).lastHeard() != null);
        assertThat(status.traders().get(0).venues()).containsExactly(VenueId.KALSHI);

        // The trader stops: the engine is told why.
        traderContext.runOnContext(v -> channel[0].close());
        await(EngineEvent.Alert.class, a -> a.severity() == EngineEvent.Severity.WARNING
            && a.message().startsWith("trader laptop disconnected: SHUTDOWN"));
      } finally {
        traderVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private <T extends EngineEvent> T await(Class<T> type, Predicate<T> test) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    StringBuilder seen = new StringBuilder();
    while (true) {
      long left = deadline - System.nanoTime();
      EngineEvent e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no matching " + type.getSimpleName() + " within 30 s; saw " + seen);
      }
      seen.append('\n').append(e);
      if (type.isInstance(e) && test.test(type.cast(e))) {
        return type.cast(e);
      }
    }
  }

  /** Polls the status file (rewritten every second) until it matches, for at most 30 s. */
  private LinkStatus awaitStatusFile(Predicate<LinkStatus> test) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    BlockingQueue<Object> never = new LinkedBlockingQueue<>();
    while (true) {
      Optional<LinkStatus> status = LinkStatusFile.read(dataDir);
      if (status.isPresent() && test.test(status.get())) {
        return status.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("link-status.json never matched; last " + status);
      }
      never.poll(100, TimeUnit.MILLISECONDS); // a bounded wait between reads
    }
  }

  /** A link server with one trader channel the test drives. */
  private static final class FakeServer implements LinkServerFactory, LinkServerFactory.RunningLinkServer,
      TraderDirectory {
    volatile FakeChannel channel;
    volatile Context startedOn;
    volatile boolean closed;

    @Override
    public Future<RunningLinkServer> start(Vertx vertx, Configuration config, Consumer<String> refused) {
      startedOn = Vertx.currentContext();
      channel = new FakeChannel(startedOn);
      return Future.succeededFuture(this);
    }

    @Override
    public TraderDirectory directory() {
      return this;
    }

    @Override
    public String address() {
      return "fake:9001";
    }

    @Override
    public int port() {
      return 9001;
    }

    @Override
    public Future<Void> close() {
      closed = true;
      return Future.succeededFuture();
    }

    @Override
    public Optional<LinkChannel> channelFor(VenueId venue) {
      return Optional.of(channel);
    }

    @Override
    public List<LinkChannel> channels() {
      return List.of(channel);
    }

    @Override
    public void onChannel(Consumer<LinkChannel> listener) {}
  }

  /** The controller's side of one trader's channel; the test plays the trader. */
  private static final class FakeChannel implements LinkChannel {
    final Context context;
    final BlockingQueue<LinkMessage> sent = new LinkedBlockingQueue<>();
    volatile LinkHandler handler;
    volatile boolean connected;
    volatile LinkPeer peer;
    volatile Instant lastHeard;

    FakeChannel(Context context) {
      this.context = context;
    }

    void connect(LinkPeer announced) {
      context.runOnContext(v -> {
        peer = announced;
        connected = true;
        lastHeard = Instant.now();
        handler.onConnected(announced);
      });
    }

    void disconnect(DisconnectReason reason, String detail) {
      context.runOnContext(v -> {
        connected = false;
        handler.onDisconnected(reason, detail);
      });
    }

    void reply(LinkMessage message) {
      context.runOnContext(v -> {
        lastHeard = Instant.now();
        handler.onMessage(message);
      });
    }

    /** The next command of {@code type} sent to the trader (others are left unanswered). */
    <T extends LinkMessage> T next(Class<T> type) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (true) {
        long left = deadline - System.nanoTime();
        LinkMessage m = left <= 0 ? null : sent.poll(left, TimeUnit.NANOSECONDS);
        if (m == null) {
          throw new AssertionError("no " + type.getSimpleName() + " sent to the trader within 30 s");
        }
        if (type.isInstance(m)) {
          return type.cast(m);
        }
      }
    }

    @Override
    public void send(LinkMessage message) {
      if (Vertx.currentContext() != context) {
        throw new AssertionError("channel called off its context: " + message);
      }
      sent.add(message);
    }

    @Override
    public boolean connected() {
      return connected;
    }

    @Override
    public LinkPeer peer() {
      return peer;
    }

    @Override
    public Instant lastHeard() {
      return lastHeard;
    }

    @Override
    public void handler(LinkHandler handler) {
      this.handler = handler;
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }
}
