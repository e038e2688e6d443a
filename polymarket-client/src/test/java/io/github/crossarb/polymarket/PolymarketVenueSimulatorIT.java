package io.github.crossarb.polymarket;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.venue.ExecutionListener;
import io.github.crossarb.core.venue.MarketQuery;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.polymarket.auth.ApiCredentials;
import io.github.crossarb.simulator.Simulation;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.github.crossarb.simulator.fault.FaultRule;
import io.github.crossarb.simulator.fault.PolymarketFaultKinds;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the simulator: nothing shared but the wire protocol. An order the venue took
 * while its answer was lost is found by its client order id; a trade that ends FAILED after
 * MATCHED voids the fill it produced.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PolymarketVenueSimulatorIT {
  @TempDir static Path dataDir;

  private static Vertx vertx;
  private static Context context;
  private static Simulation simulation;
  private static PolymarketVenue venue;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    simulation = onContext(() -> Simulation.start(vertx, dataDir.resolve("sim")));
    Map<String, String> env = simulation.environment();
    PolymarketConfig config = PolymarketConfig.builder()
        .clobUrl(env.get("POLY_CLOB_URL"))
        .wsUrl(env.get("POLY_WS_URL"))
        .gammaUrl(env.get("POLY_GAMMA_URL"))
        .dataUrl(env.get("POLY_DATA_URL"))
        .geoblockUrl(env.get("POLY_GEOBLOCK_URL"))
        .privateKey(env.get("POLY_PRIVATE_KEY"))
        .credentials(new ApiCredentials(env.get("POLY_API_KEY"), env.get("POLY_API_SECRET"),
            env.get("POLY_API_PASSPHRASE")))
        .credentialCacheDir(dataDir)
        .requestTimeout(Duration.ofSeconds(2))
        .build();
    venue = onContext(() -> Future.succeededFuture(PolymarketVenue.create(vertx, config)));
    token = onContext(() -> venue.markets(new MarketQuery(null, true, 10))).get(0).yes().symbol();
  }

  @AfterAll
  static void stop() throws Exception {
    if (venue != null) {
      onContext(venue::close);
    }
    if (simulation != null) {
      onContext(simulation::close);
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void anOrderAcceptedWhileTheAnswerWasLostIsFoundByItsClientIdAndNotResent() throws Exception {
    simulation.faults(VenueId.POLYMARKET).add(FaultRule.once(FaultKinds.ACCEPT_THEN_DROP, "POST /order"));
    OrderRequest order = new OrderRequest(new ClientOrderId("lost-answer-1"), InstrumentId.polymarket(token),
        Outcome.YES, Side.BUY, Price.parse("0.02"), Quantity.of(10), TimeInForce.GTC, false, null);

    SubmitResult result = onContext(() -> venue.execution().submit(order));

    assertThat(result).isInstanceOf(SubmitResult.Unknown.class);
    Optional<OrderReport> found = onContext(() -> venue.execution().findOrder(order.clientOrderId()));
    assertThat(found).isPresent();
    assertThat(found.get().price()).isEqualTo(Price.parse("0.02"));
    assertThat(found.get().size()).isEqualTo(Quantity.of(10));
    List<OrderReport> open = onContext(() -> venue.execution().openOrders());
    assertThat(open).filteredOn(o -> o.venueOrderId().equals(found.get().venueOrderId())).hasSize(1);
    assertThat(open).filteredOn(o -> o.instrument().equals(order.instrument())
        && o.price().equals(order.price())).hasSize(1);
  }

  @Test
  void aTradeThatFailsAfterMatchingVoidsItsFill() throws Exception {
    BlockingQueue<Fill> fills = new LinkedBlockingQueue<>();
    BlockingQueue<FillVoid> voids = new LinkedBlockingQueue<>();
    onContext(() -> venue.execution().listen(new ExecutionListener() {
      @Override
      public void onFill(Fill fill) {
        fills.add(fill);
      }

      @Override
      public void onFillVoid(FillVoid fillVoid) {
        voids.add(fillVoid);
      }
    }));
    simulation.faults(VenueId.POLYMARKET).add(FaultRule.once(PolymarketFaultKinds.TRADE_FAILED, token));
    OrderRequest take = new OrderRequest(new ClientOrderId("taker-1"), InstrumentId.polymarket(token), Outcome.YES,
        Side.BUY, Price.parse("0.99"), Quantity.of(5), TimeInForce.IOC, false, null);

    SubmitResult result = onContext(() -> venue.execution().submit(take));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    Fill fill = fills.poll(30, TimeUnit.SECONDS);
    assertThat(fill).as("the provisional fill").isNotNull();
    assertThat(fill.instrument()).isEqualTo(InstrumentId.polymarket(token));
    FillVoid voided = voids.poll(30, TimeUnit.SECONDS);
    assertThat(voided).as("the void once the trade FAILED").isNotNull();
    assertThat(voided.fillId()).isEqualTo(fill.fillId());
  }

  @Test
  void aTradeThatSettlesIsReportedAsAFillAndThenConfirmed() throws Exception {
    BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    onContext(() -> venue.execution().listen(new ExecutionListener() {
      @Override
      public void onFill(Fill fill) {
        events.add(fill);
      }

      @Override
      public void onFillConfirmed(VenueId venueId, String fillId) {
        events.add("confirmed " + venueId.label() + " " + fillId);
      }

      @Override
      public void onFillVoid(FillVoid fillVoid) {
        events.add(fillVoid);
      }
    }));
    OrderRequest take = new OrderRequest(new ClientOrderId("taker-confirmed-1"), InstrumentId.polymarket(token),
        Outcome.YES, Side.BUY, Price.parse("0.99"), Quantity.of(5), TimeInForce.IOC, false, null);

    SubmitResult result = onContext(() -> venue.execution().submit(take));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    Object first = events.poll(30, TimeUnit.SECONDS);
    assertThat(first).as("the provisional fill").isInstanceOf(Fill.class);
    Fill fill = (Fill) first;
    assertThat(fill.clientOrderId()).isEqualTo(take.clientOrderId());
    assertThat(events.poll(30, TimeUnit.SECONDS)).as("the confirmation once the trade is CONFIRMED")
        .isEqualTo("confirmed polymarket " + fill.fillId());
  }

  private static <T> T onContext(Supplier<Future<T>> action) throws Exception {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
