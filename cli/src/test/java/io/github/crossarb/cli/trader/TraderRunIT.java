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
import io.github.crossarb.link.LinkHandler;
import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.LegAck;
import io.github.crossarb.link.protocol.LegResult;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.PlaceLeg;
import io.github.crossarb.link.testing.InMemoryLink;
import io.github.crossarb.link.trader.TraderStatus;
import io.github.crossarb.link.trader.TraderStatusFile;
import io.github.crossarb.simulator.Simulation;
import io.github.crossarb.simulator.SimulationOptions;
import io.github.crossarb.simulator.exchange.Accounts;
import io.github.crossarb.simulator.exchange.OrderState;
import io.github.crossarb.simulator.exchange.OrderView;
import io.github.crossarb.simulator.scenario.Scenario;
import io.github.crossarb.simulator.scenario.ScenarioLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trader end to end against the simulator over loopback, through the real Kalshi and
 * Polymarket clients: {@link TraderRuntime} as {@code trader run} builds it, with the link to the
 * controller replaced by an in-memory pair (the test plays the controller).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TraderRunIT {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String FED_TICKER = "KXFED-26DEC-T4.25";
  static final String FED_NO_TOKEN = "33736403799821505776599832563788919057704101252200213463924504857578941821741";

  @TempDir Path dataDir;

  private Vertx simVertx;
  private Simulation sim;
  private InMemoryLink link;
  private final LinkedBlockingQueue<LinkMessage> received = new LinkedBlockingQueue<>();
  private final List<LinkMessage> seen = new ArrayList<>();
  private final StringWriter log = new StringWriter();

  @BeforeEach
  void startSimulator() throws Exception {
    Scenario scenario = ScenarioLoader.load(Path.of(TraderRunIT.class.getResource("/scenarios/engine-quiet.yaml")
        .toURI()));
    simVertx = Vertx.vertx();
    sim = Simulation.start(simVertx, scenario,
            SimulationOptions.defaults(dataDir.resolve("sim")).withClock(InstantSource.system(), false))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stopSimulator() throws Exception {
    try {
      sim.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      simVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private TraderRuntime startTrader(String... settings) {
    Map<String, String> env = new HashMap<>(sim.environment());
    env.put("ARB_DATA_DIR", dataDir.toString());
    env.put("TRADER_LINK_URL", "ws://127.0.0.1:9");
    env.put("TRADER_LINK_SECRET", "0123456789abcdef0123456789abcdef-secret");
    env.put("TRADER_ID", "laptop");
    env.put("TRADER_ALLOWED_MARKETS", "KALSHI:KXFED-*,POLYMARKET:" + FED_NO_TOKEN);
    for (int i = 0; i < settings.length; i += 2) {
      env.put(settings[i], settings[i + 1]);
    }
    Configuration config = Configuration.resolve(Map.of(), env);
    TraderSettings traderSettings = TraderSettings.from(config, List.of(VenueId.KALSHI, VenueId.POLYMARKET));
    TraderDialer dialer = (vertx, s, venues) -> {
      link = new InMemoryLink(vertx.getOrCreateContext(), Clock.systemUTC(),
          new LinkPeer(s.traderId(), 1, venues, s.limits()));
      link.controllerSide().handler(new LinkHandler() {
        @Override
        public void onConnected(LinkPeer peer) {}

        @Override
        public void onMessage(LinkMessage message) {
          received.add(message);
        }

        @Override
        public void onDisconnected(DisconnectReason reason, String detail) {}
      });
      link.connect();
      return Future.succeededFuture(link.traderSide());
    };
    return TraderRuntime.start(config, traderSettings, StandardVenues::open, dialer, new PrintWriter(log, true),
        Clock.systemUTC());
  }

  /** The controller sends {@code command} (on the link's context). */
  private void send(LinkMessage.Command command) {
    link.context().runOnContext(v -> link.controllerSide().send(command));
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

  private static PlaceLeg leg(String id, InstrumentId instrument, Outcome outcome, String price, String size) {
    return new PlaceLeg(id, instrument.venue(), new OrderRequest(new ClientOrderId(id), instrument, outcome, Side.BUY,
        Price.parse(price), Quantity.parse(size), TimeInForce.GTC, false, null),
        java.time.Instant.now().plusSeconds(30));
  }

  private List<OrderView> ourOrders(VenueId venue) {
    return sim.exchange(venue).orders(Accounts.USER);
  }

  private void awaitStatus(TraderRuntime trader, Predicate<TraderStatus> test) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (trader.status() == null || !test.test(trader.status())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("status never matched: " + trader.status() + "; log:\n" + log);
      }
      LinkMessage m = received.poll(50, TimeUnit.MILLISECONDS); // a bounded wait between checks
      if (m != null) {
        seen.add(m);
      }
    }
  }

  @Test
  void aLegDeliveredTwiceReachesTheVenueOnceOnBothVenues() throws Exception {
    try (TraderRuntime trader = startTrader()) {
      PlaceLeg kalshi = leg("k-1", InstrumentId.kalshi(FED_TICKER), Outcome.YES, "0.10", "2");
      send(kalshi);
      send(kalshi);
      assertThat(next(LegAck.class, a -> a.commandId().equals("k-1"))).isNotNull();
      LegResult result = next(LegResult.class, r -> r.commandId().equals("k-1"));
      assertThat(result.result()).as("log:\n%s", log).isInstanceOf(SubmitResult.Accepted.class);
      // Once more, after it is done: the same answer, from the journal.
      send(kalshi);
      assertThat(next(LegResult.class, r -> r.commandId().equals("k-1")).result()).isEqualTo(result.result());
      assertThat(ourOrders(VenueId.KALSHI)).filteredOn(o -> "k-1".equals(o.clientOrderId())).hasSize(1);
      assertThat(ourOrders(VenueId.KALSHI)).hasSize(1);

      PlaceLeg poly = leg("p-1", InstrumentId.polymarket(FED_NO_TOKEN), Outcome.NO, "0.10", "5");
      send(poly);
      send(poly);
      assertThat(next(LegResult.class, r -> r.commandId().equals("p-1")).result())
          .as("log:\n%s", log).isInstanceOf(SubmitResult.Accepted.class);
      awaitStatus(trader, s -> s.legsDone() == 2);
      assertThat(ourOrders(VenueId.POLYMARKET)).hasSize(1);

      TraderStatus onDisk = TraderStatusFile.read(dataDir.resolve("trader")).orElseThrow();
      assertThat(onDisk.traderId()).isEqualTo("laptop");
      assertThat(onDisk.venues()).containsExactly(VenueId.KALSHI, VenueId.POLYMARKET);
      assertThat(log.toString()).contains("kalshi: credentials work").contains("leg k-1 sending")
          .contains("leg k-1 delivered again");
    }
    // The graceful stop cancelled the resting orders.
    assertThat(ourOrders(VenueId.KALSHI)).allSatisfy(o -> assertThat(o.state()).isEqualTo(OrderState.CANCELED));
    assertThat(ourOrders(VenueId.POLYMARKET)).allSatisfy(o -> assertThat(o.state()).isEqualTo(OrderState.CANCELED));
  }

  @Test
  void theDeadMansSwitchCancelsARestingOrderAtTheVenue() throws Exception {
    try (TraderRuntime trader = startTrader("TRADER_DEADMAN_MS", "1500")) {
      send(leg("k-gtc", InstrumentId.kalshi(FED_TICKER), Outcome.YES, "0.10", "3"));
      assertThat(next(LegResult.class, r -> r.commandId().equals("k-gtc")).result())
          .as("log:\n%s", log).isInstanceOf(SubmitResult.Accepted.class);
      assertThat(ourOrders(VenueId.KALSHI)).singleElement()
          .satisfies(o -> assertThat(o.state()).isEqualTo(OrderState.RESTING));

      // The controller says nothing more.
      awaitStatus(trader, s -> s.deadman() == TraderStatus.DeadmanState.TRIPPED);
      assertThat(ourOrders(VenueId.KALSHI)).singleElement()
          .satisfies(o -> assertThat(o.state()).isEqualTo(OrderState.CANCELED));
      assertThat(log.toString()).contains("DEAD-MAN'S SWITCH TRIPPED");

      send(leg("k-2", InstrumentId.kalshi(FED_TICKER), Outcome.YES, "0.10", "1"));
      assertThat(next(LegResult.class, r -> r.commandId().equals("k-2")).result())
          .isInstanceOf(SubmitResult.Denied.class);
      assertThat(ourOrders(VenueId.KALSHI)).hasSize(1);
    }
  }

  @Test
  void aLegAboveTheTradersLimitSendsNothing() throws Exception {
    try (TraderRuntime trader = startTrader("TRADER_MAX_ORDER_NOTIONAL", "5")) {
      send(leg("k-big", InstrumentId.kalshi(FED_TICKER), Outcome.YES, "0.40", "20")); // 8 > 5
      SubmitResult result = next(LegResult.class, r -> r.commandId().equals("k-big")).result();
      assertThat(result).isInstanceOf(SubmitResult.Denied.class);
      assertThat(((SubmitResult.Denied) result).reason()).contains("max order notional 5");
      send(leg("k-other", InstrumentId.kalshi("KXBTCY-26DEC31-T100000"), Outcome.YES, "0.10", "1"));
      assertThat(next(LegResult.class, r -> r.commandId().equals("k-other")).result())
          .isInstanceOf(SubmitResult.Denied.class);
      assertThat(seen).noneMatch(LegAck.class::isInstance);
      assertThat(ourOrders(VenueId.KALSHI)).isEmpty();
      assertThat(log.toString()).contains("leg k-big denied: order notional 8 exceeds");
    }
  }
}
