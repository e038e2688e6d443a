package io.github.crossarb.cli.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.venue.KalshiVenues;
import io.github.crossarb.cli.venue.PolymarketVenues;
import io.github.crossarb.core.execution.ReconciliationReport;
import io.github.crossarb.core.execution.VenueReconciler;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PolymarketMarket;
import io.github.crossarb.core.position.DurableLedger;
import io.github.crossarb.core.store.JsonLedgerStore;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.MarketQuery;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.simulator.Simulation;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.github.crossarb.simulator.fault.FaultRule;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciler with the real venue clients against the simulator, over loopback sockets: fills
 * the ledger missed (the engine was down) are added from both venues, the venues' positions then
 * agree with the ledger (Kalshi netted per market, Polymarket per token), an order whose answer was
 * lost is found by its client order id without a resend, and the order it left resting on a pair's
 * market is a drift until it is cancelled.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VenueReconcilerSimulatorIT {
  private static final String KALSHI_ORDERS = "POST /trade-api/v2/portfolio/events/orders";

  @TempDir static Path dataDir;

  private static Vertx vertx;
  private static Context context;
  private static Simulation simulation;
  private static Venue kalshi;
  private static Venue polymarket;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    simulation = onContext(() -> Simulation.start(vertx, dataDir.resolve("sim")));
    Map<String, String> env = new HashMap<>(CliRunner.environment(dataDir));
    env.putAll(simulation.environment());
    Configuration config = Configuration.resolve(Map.of(), env);
    kalshi = onContext(() -> Future.succeededFuture(KalshiVenues.open(vertx, config)));
    polymarket = onContext(() -> Future.succeededFuture(PolymarketVenues.open(vertx, config)));
  }

  @AfterAll
  static void stop() throws Exception {
    for (Venue venue : new Venue[] {kalshi, polymarket}) {
      if (venue != null) {
        onContext(venue::close);
      }
    }
    if (simulation != null) {
      onContext(simulation::close);
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void missedFillsAreAddedUnknownOrdersFoundAndPositionsAgree() throws Exception {
    MarketInfo k = onContext(() -> kalshi.markets(new MarketQuery(null, true, 10))).get(0);
    MarketInfo p = onContext(() -> polymarket.markets(new MarketQuery(null, true, 10))).get(0);
    MarketPair pair = MarketPair.approved("sim-pair", k.marketId(),
        new PolymarketMarket(p.marketId(), p.yes().symbol(), p.no().symbol()), PairRelation.SAME);
    ExecutionClient kx = kalshi.execution();
    ExecutionClient px = polymarket.execution();

    // Trades the ledger never heard of: Kalshi YES 3 then NO 1 (net YES 2), Polymarket NO token 5.
    assertThat(submit(kx, take("k-yes", k.yes(), Outcome.YES, 3))).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(submit(kx, take("k-no", k.yes(), Outcome.NO, 1))).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(submit(px, take("p-no", p.no(), Outcome.NO, 5))).isInstanceOf(SubmitResult.Accepted.class);
    // An order the venue took while its answer was lost; far from the market, so it rests.
    simulation.faults(VenueId.KALSHI).add(FaultRule.once(FaultKinds.ACCEPT_THEN_DROP, KALSHI_ORDERS));
    OrderRequest lost = new OrderRequest(new ClientOrderId("k-lost"), k.yes(), Outcome.YES, Side.BUY,
        Price.parse("0.02"), Quantity.of(3), TimeInForce.GTC, false, null);
    assertThat(submit(kx, lost)).isInstanceOf(SubmitResult.Unknown.class);
    ClientOrderId neverSent = new ClientOrderId("k-never-sent");

    try (DurableLedger ledger = JsonLedgerStore.recover(dataDir.resolve("ledger"), List.of(pair))) {
      VenueReconciler reconciler = new VenueReconciler(Map.of(VenueId.KALSHI, kx, VenueId.POLYMARKET, px), ledger,
          List.of(pair), VenueReconciler.Policy.defaults().withCallTimeout(Duration.ofSeconds(20)), InstantSource.system());

      ReconciliationReport first = onContext(() -> reconciler.reconcile(Set.of(lost.clientOrderId(), neverSent)));

      assertThat(first.fillsAdded()).as("every missed fill, from both venues").isGreaterThanOrEqualTo(3);
      var kalshiYes = ledger.snapshot().position(k.yes(), Outcome.YES);
      var kalshiNo = ledger.snapshot().position(k.yes(), Outcome.NO);
      assertThat(kalshiYes.netMicros() - kalshiNo.netMicros()).isEqualTo(Quantity.of(2).micros());
      assertThat(ledger.snapshot().position(p.no(), Outcome.NO).netMicros()).isEqualTo(Quantity.of(5).micros());
      Optional<OrderReport> found = first.resolved().get(lost.clientOrderId());
      assertThat(found).as("found by its client order id").isPresent();
      assertThat(found.get().price()).isEqualTo(Price.parse("0.02"));
      assertThat(first.resolved().get(neverSent)).as("no venue has it: it never arrived").isEmpty();
      assertThat(first.unresolved()).isEmpty();
      assertThat(first.drifts()).as("only the resting order: the positions agree")
          .singleElement().asString().contains("open order", "(k-lost)", "pair sim-pair");

      onContext(() -> kx.cancel(found.get().venueOrderId()));
      ReconciliationReport second = onContext(() -> reconciler.reconcile(Set.of()));

      assertThat(second.drifts()).isEmpty();
      assertThat(second.fillsAdded()).isZero();
      assertThat(second.passed()).isTrue();
    }
    List<OrderReport> open = onContext(kx::openOrders);
    assertThat(open).noneMatch(o -> lost.clientOrderId().equals(o.clientOrderId()));
  }

  private static OrderRequest take(String id, InstrumentId instrument, Outcome outcome, int size) {
    return new OrderRequest(new ClientOrderId(id), instrument, outcome, Side.BUY, Price.parse("0.99"), Quantity.of(size),
        TimeInForce.IOC, false, null);
  }

  private static SubmitResult submit(ExecutionClient client, OrderRequest request) throws Exception {
    return onContext(() -> client.submit(request));
  }

  private static <T> T onContext(Supplier<Future<T>> action) throws Exception {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
