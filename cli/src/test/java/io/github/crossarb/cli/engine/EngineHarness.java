package io.github.crossarb.cli.engine;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.venue.StandardVenues;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EventSink;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.store.PairsFile;
import io.github.crossarb.simulator.Simulation;
import io.github.crossarb.simulator.SimulationOptions;
import io.github.crossarb.simulator.exchange.Accounts;
import io.github.crossarb.simulator.exchange.Exchange;
import io.github.crossarb.simulator.exchange.NewOrder;
import io.github.crossarb.simulator.exchange.OrderView;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.simulator.scenario.Scenario;
import io.github.crossarb.simulator.scenario.ScenarioLoader;
import io.vertx.core.Vertx;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The engine end to end: the simulator on loopback (the price process stepped only by hand), the
 * real venue clients, the registry approved from the venues' descriptions, and the engine built by
 * the same wiring as {@code run} and {@code demo}. Every event is recorded for the test to wait on.
 */
final class EngineHarness implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String FED = "fed";
  static final String FED_TICKER = "KXFED-26DEC-T4.25";
  static final String FED_YES_TOKEN = "86040142143695478383590136799317857010984878851341592660083866924024189018151";
  static final String FED_NO_TOKEN = "33736403799821505776599832563788919057704101252200213463924504857578941821741";
  static final String TAKER = "test-taker";

  final Path dataDir;
  final Vertx simVertx;
  final Simulation sim;
  final Scenario scenario;
  private final LinkedBlockingQueue<EngineEvent> queue = new LinkedBlockingQueue<>();
  private final List<EngineEvent> seen = new ArrayList<>();
  private final Map<String, String> settings = new HashMap<>();
  EngineRuntime runtime;

  private EngineHarness(Path dataDir, Vertx simVertx, Simulation sim, Scenario scenario) {
    this.dataDir = dataDir;
    this.simVertx = simVertx;
    this.sim = sim;
    this.scenario = scenario;
    // Stepped by hand, the books do not age out; the pair cools down briefly between executions.
    settings.put("ARB_MAX_BOOK_AGE_MS", "3600000");
    settings.put("ARB_COOLDOWN_MS", "200");
    settings.put("ARB_MODE", "live");
    settings.put("ARB_ALLOW_LIVE", "true");
    settings.put("ARB_MIN_EDGE", "0.01");
    settings.put("ARB_MIN_EDGE_REL", "0");
  }

  /** Starts the simulator with a scenario from the test resources and approves its pairs. */
  static EngineHarness start(Path dataDir, String scenarioResource) throws Exception {
    Scenario scenario = ScenarioLoader.load(resource(scenarioResource));
    Vertx vertx = Vertx.vertx();
    Simulation sim = Simulation.start(vertx, scenario,
            SimulationOptions.defaults(dataDir.resolve("sim")).withClock(java.time.InstantSource.system(), false))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    EngineHarness harness = new EngineHarness(dataDir, vertx, sim, scenario);
    Configuration config = harness.configuration();
    try (VenueSession kalshi = VenueSession.open(StandardVenues::open, VenueId.KALSHI, config);
        VenueSession polymarket = VenueSession.open(StandardVenues::open, VenueId.POLYMARKET, config)) {
      PairRegistry registry = DemoPairs.approveAll(scenario, kalshi, polymarket, Clock.systemUTC());
      PairsFile.write(dataDir, registry);
    }
    return harness;
  }

  EngineHarness set(String key, String value) {
    settings.put(key, value);
    return this;
  }

  Configuration configuration() {
    Map<String, String> env = new HashMap<>(sim.environment());
    env.put("ARB_DATA_DIR", dataDir.toString());
    env.put("ARB_WEB_LISTEN", "127.0.0.1:0"); // never the default 8080: tests run side by side
    env.putAll(settings);
    return Configuration.resolve(Map.of(), env);
  }

  /** Builds and starts the engine with the current settings. */
  EngineRuntime startEngine() throws Exception {
    Configuration config = configuration();
    EventSink recorder = queue::add;
    runtime = EngineRuntime.start(config, StandardVenues::open, EngineSettings.from(config, null, null), recorder,
        Clock.systemUTC());
    return runtime;
  }

  void stopEngine() {
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }

  /** The first event (already seen or still to come) of {@code type} matching {@code test}. */
  <T extends EngineEvent> T await(Class<T> type, Predicate<T> test) throws InterruptedException {
    for (EngineEvent e : seen) {
      if (type.isInstance(e) && test.test(type.cast(e))) {
        return type.cast(e);
      }
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      EngineEvent e = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no " + type.getSimpleName() + " matching within " + WAIT + "; events: " + seen);
      }
      seen.add(e);
      if (type.isInstance(e) && test.test(type.cast(e))) {
        return type.cast(e);
      }
    }
  }

  /** Waits until the engine's snapshot satisfies {@code test} (checked between events, bounded). */
  void awaitSnapshot(Predicate<EngineSnapshot> test) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!test.test(runtime.engine().snapshot())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the engine's snapshot never matched within " + WAIT + ": "
            + runtime.engine().snapshot());
      }
      EngineEvent e = queue.poll(50, TimeUnit.MILLISECONDS); // a bounded wait between checks
      if (e != null) {
        seen.add(e);
      }
    }
  }

  /** Waits until {@code condition} holds (checked between the engine's events, bounded). */
  void awaitState(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " never happened within " + WAIT + "; events: " + events());
      }
      EngineEvent e = queue.poll(20, TimeUnit.MILLISECONDS); // a bounded wait between checks
      if (e != null) {
        seen.add(e);
      }
    }
  }

  /** Every event recorded so far (draining what has arrived). */
  List<EngineEvent> events() {
    queue.drainTo(seen);
    return List.copyOf(seen);
  }

  <T extends EngineEvent> List<T> events(Class<T> type) {
    return events().stream().filter(type::isInstance).map(type::cast).toList();
  }

  Exchange exchange(VenueId venue) {
    return sim.exchange(venue);
  }

  /** Our (the user account's) orders at {@code venue}, as the simulated venue recorded them. */
  List<OrderView> ourOrders(VenueId venue) {
    return exchange(venue).orders(Accounts.USER);
  }

  /** Another trader takes {@code size} at {@code price} from a book (changes what the engine will find). */
  void takeLiquidity(VenueId venue, String market, Side side, String price, String size) {
    Exchange exchange = exchange(venue);
    if (!exchange.hasAccount(TAKER)) {
      exchange.openAccount(TAKER, io.github.crossarb.core.model.Money.ZERO, true);
    }
    exchange.submit(NewOrder.limit(TAKER, market, side, Price.parse(price), Quantity.parse(size), TimeInForce.IOC));
  }

  /** The market maker rests {@code size} at {@code price}. */
  void addLiquidity(VenueId venue, String market, Side side, String price, String size) {
    exchange(venue).submit(NewOrder.limit(Accounts.LIQUIDITY, market, side, Price.parse(price), Quantity.parse(size),
        TimeInForce.GTC));
  }

  /** A GTC buy of ours, sent through the venue client like an operator's order. */
  void placeResting(VenueId venue, String market, Outcome outcome, String price, String size) {
    try (VenueSession session = VenueSession.open(StandardVenues::open, venue, configuration())) {
      OrderRequest request = new OrderRequest(new ClientOrderId("resting-" + venue.name().toLowerCase(Locale.ROOT)),
          new InstrumentId(venue, market), outcome, Side.BUY, Price.parse(price), Quantity.parse(size),
          TimeInForce.GTC, false, null);
      SubmitResult result = session.call(v -> v.execution().submit(request));
      if (!(result instanceof SubmitResult.Accepted)) {
        throw new AssertionError("resting order not accepted: " + result);
      }
    }
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(EngineHarness.class.getResource("/scenarios/" + name).toURI());
  }

  @Override
  public void close() throws Exception {
    stopEngine();
    try {
      sim.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      simVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
