package io.github.crossarb.cli.trader;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.venue.StandardVenues;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.link.LinkChannel;
import io.github.crossarb.link.LinkHandler;
import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.LinkSecret;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.LegAck;
import io.github.crossarb.link.protocol.LegResult;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.PlaceLeg;
import io.github.crossarb.link.trader.TraderStatus;
import io.github.crossarb.link.transport.LinkServer;
import io.github.crossarb.link.transport.LinkServerOptions;
import io.github.crossarb.simulator.Simulation;
import io.github.crossarb.simulator.SimulationOptions;
import io.github.crossarb.simulator.exchange.Accounts;
import io.github.crossarb.simulator.exchange.OrderState;
import io.github.crossarb.simulator.exchange.OrderView;
import io.github.crossarb.simulator.scenario.Scenario;
import io.github.crossarb.simulator.scenario.ScenarioLoader;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trader as {@code trader run} wires it, dialling a real link server over loopback WebSockets
 * (the test plays the controller on it), executing on the simulator through the real clients.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TraderLinkIT {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String SECRET = "0123456789abcdef0123456789abcdef-link";
  static final String FED_TICKER = "KXFED-26DEC-T4.25";

  @TempDir Path dataDir;

  private Vertx vertx;
  private Simulation sim;
  private LinkServer server;
  private final LinkedBlockingQueue<LinkMessage> received = new LinkedBlockingQueue<>();
  private final List<LinkMessage> seen = new ArrayList<>();
  private final StringWriter log = new StringWriter();
  private volatile LinkChannel controller;
  private volatile Context serverContext;

  @BeforeEach
  void start() throws Exception {
    Scenario scenario = ScenarioLoader.load(Path.of(TraderLinkIT.class.getResource("/scenarios/engine-quiet.yaml")
        .toURI()));
    vertx = Vertx.vertx();
    sim = join(Simulation.start(vertx, scenario,
        SimulationOptions.defaults(dataDir.resolve("sim")).withClock(InstantSource.system(), false))
        .toCompletionStage().toCompletableFuture());
    server = join(LinkServer.start(vertx, LinkServerOptions.of("127.0.0.1", 0, LinkSecret.of(SECRET))
        .withTiming(Duration.ofMillis(200), Duration.ofMillis(1500))).toCompletionStage().toCompletableFuture());
    server.onChannel(channel -> {
      serverContext = Vertx.currentContext();
      channel.handler(new LinkHandler() {
        @Override
        public void onConnected(LinkPeer peer) {}

        @Override
        public void onMessage(LinkMessage message) {
          received.add(message);
        }

        @Override
        public void onDisconnected(DisconnectReason reason, String detail) {}
      });
      controller = channel;
    });
  }

  @AfterEach
  void stop() throws Exception {
    try {
      join(server.close().toCompletionStage().toCompletableFuture());
      join(sim.close().toCompletionStage().toCompletableFuture());
    } finally {
      join(vertx.close().toCompletionStage().toCompletableFuture());
    }
  }

  private TraderRuntime startTrader(String secret, String... settings) {
    Map<String, String> env = new HashMap<>(sim.environment());
    env.put("ARB_DATA_DIR", dataDir.toString());
    env.put("TRADER_LINK_URL", "ws://127.0.0.1:" + server.actualPort());
    env.put("TRADER_LINK_SECRET", secret);
    env.put("TRADER_LINK_HEARTBEAT_MS", "200");
    env.put("TRADER_LINK_TIMEOUT_MS", "1500");
    env.put("TRADER_ID", "laptop");
    env.put("TRADER_ALLOWED_MARKETS", "KALSHI:KXFED-*");
    for (int i = 0; i < settings.length; i += 2) {
      env.put(settings[i], settings[i + 1]);
    }
    Configuration config = Configuration.resolve(Map.of(), env);
    return TraderRuntime.start(config, TraderSettings.from(config, List.of(VenueId.KALSHI)), StandardVenues::open,
        new LinkClientDialer(), new PrintWriter(log, true), Clock.systemUTC());
  }

  private void send(LinkMessage.Command command) {
    serverContext.runOnContext(v -> controller.send(command));
  }

  private <T extends LinkMessage> T next(Class<T> type, Predicate<T> test) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      LinkMessage m = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT + "; seen " + seen + "; log:\n" + log);
      }
      seen.add(m);
      if (type.isInstance(m) && test.test(type.cast(m))) {
        return type.cast(m);
      }
    }
  }

  private void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " never happened within " + WAIT + "; log:\n" + log);
      }
      LinkMessage m = received.poll(50, TimeUnit.MILLISECONDS); // a bounded wait between checks
      if (m != null) {
        seen.add(m);
      }
    }
  }

  private static PlaceLeg leg(String id, String price, String size) {
    return new PlaceLeg(id, VenueId.KALSHI, new OrderRequest(new ClientOrderId(id), InstrumentId.kalshi(FED_TICKER),
        Outcome.YES, Side.BUY, Price.parse(price), Quantity.parse(size), TimeInForce.GTC, false, null),
        Instant.now().plusSeconds(30));
  }

  private List<OrderView> ourOrders() {
    return sim.exchange(VenueId.KALSHI).orders(Accounts.USER);
  }

  private static <T> T join(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Test
  void aLegSentTwiceOverTheLinkIsPlacedOnce() throws Exception {
    try (TraderRuntime trader = startTrader(SECRET)) {
      await("the trader's handshake", () -> controller != null && trader.status() != null
          && trader.status().connected());
      PlaceLeg leg = leg("k-1", "0.10", "2");
      send(leg);
      send(leg);
      next(LegAck.class, a -> a.commandId().equals("k-1"));
      SubmitResult first = next(LegResult.class, r -> r.commandId().equals("k-1")).result();
      assertThat(first).as("log:\n%s", log).isInstanceOf(SubmitResult.Accepted.class);
      send(leg);
      assertThat(next(LegResult.class, r -> r.commandId().equals("k-1")).result()).isEqualTo(first);
      assertThat(ourOrders()).hasSize(1);
      assertThat(log.toString()).contains("connected to the controller");
    }
  }

  @Test
  void aTraderWithTheWrongSecretNeverConnects() throws Exception {
    try (TraderRuntime trader = startTrader("a-different-secret-of-at-least-32-chars")) {
      await("a refused handshake", () -> log.toString().contains("disconnected from the controller (AUTH_FAILED"));
      assertThat(trader.status().connected()).isFalse();
      assertThat(server.channels()).isEmpty();
      assertThat(log.toString()).doesNotContain(SECRET).doesNotContain("a-different-secret");
    }
  }

  @Test
  void whenTheControllerGoesSilentTheDeadMansSwitchCancelsTheRestingOrder() throws Exception {
    try (TraderRuntime trader = startTrader(SECRET, "TRADER_DEADMAN_MS", "2000")) {
      await("the trader's handshake", () -> controller != null && trader.status() != null
          && trader.status().connected());
      send(leg("k-gtc", "0.10", "3"));
      assertThat(next(LegResult.class, r -> r.commandId().equals("k-gtc")).result())
          .isInstanceOf(SubmitResult.Accepted.class);
      // Heartbeats keep the switch armed past its timeout while the controller is there.
      Instant armedUntil = Instant.now().plusMillis(2500);
      await("time passing with the controller heard", () -> Instant.now().isAfter(armedUntil));
      assertThat(trader.status().deadman()).isEqualTo(TraderStatus.DeadmanState.ARMED);
      assertThat(ourOrders()).singleElement().satisfies(o -> assertThat(o.state()).isEqualTo(OrderState.RESTING));

      join(server.close().toCompletionStage().toCompletableFuture()); // the controller is gone
      await("the dead-man's switch", () -> trader.status().deadman() == TraderStatus.DeadmanState.TRIPPED);
      assertThat(ourOrders()).singleElement().satisfies(o -> assertThat(o.state()).isEqualTo(OrderState.CANCELED));
      assertThat(log.toString()).contains("DEAD-MAN'S SWITCH TRIPPED");
    }
  }
}
