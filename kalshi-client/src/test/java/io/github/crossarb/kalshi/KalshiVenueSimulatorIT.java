package io.github.crossarb.kalshi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.venue.BookListener;
import io.github.crossarb.core.venue.ExecutionListener;
import io.github.crossarb.core.venue.MarketQuery;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.kalshi.auth.KalshiCredentials;
import io.github.crossarb.simulator.Simulation;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.github.crossarb.simulator.fault.FaultRule;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
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
 * The client against the simulator: nothing shared but the wire protocol. Covers what only a
 * venue with state can show: an order the venue took while the answer was lost is found by its
 * client order id and never sent twice, a sequence gap resyncs the book, fills arrive on the
 * private stream and over REST.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KalshiVenueSimulatorIT {
  private static final String ORDERS = "POST /trade-api/v2/portfolio/events/orders";

  @TempDir static Path dataDir;

  private static Vertx vertx;
  private static Context context;
  private static Simulation simulation;
  private static KalshiVenue venue;
  private static String ticker;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    simulation = onContext(() -> Simulation.start(vertx, dataDir));
    KalshiConfig config = KalshiConfig.builder()
        .restBaseUrl(simulation.kalshi().apiUrl())
        .wsUrl(simulation.environment().get("KALSHI_WS_URL"))
        .credentials(KalshiCredentials.fromFile(simulation.kalshiKeyId(), simulation.kalshiKeyFile()))
        .requestTimeout(Duration.ofSeconds(2))
        .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
        .build();
    venue = onContext(() -> Future.succeededFuture(new KalshiVenue(vertx, config)));
    ticker = onContext(() -> venue.markets(new MarketQuery(null, true, 10))).get(0).marketId();
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
    simulation.faults(VenueId.KALSHI).add(FaultRule.once(FaultKinds.ACCEPT_THEN_DROP, ORDERS));
    // Far from the market, so it rests.
    OrderRequest order = new OrderRequest(new ClientOrderId("lost-answer-1"), InstrumentId.kalshi(ticker), Outcome.YES,
        Side.BUY, Price.parse("0.02"), Quantity.of(3), TimeInForce.GTC, false, null);

    SubmitResult result = onContext(() -> venue.execution().submit(order));

    assertThat(result).isInstanceOf(SubmitResult.Unknown.class);
    Optional<OrderReport> found = onContext(() -> venue.execution().findOrder(order.clientOrderId()));
    assertThat(found).isPresent();
    assertThat(found.get().outcome()).isEqualTo(Outcome.YES);
    assertThat(found.get().side()).isEqualTo(Side.BUY);
    assertThat(found.get().price()).isEqualTo(Price.parse("0.02"));
    assertThat(found.get().size()).isEqualTo(Quantity.of(3));
    List<OrderReport> open = onContext(() -> venue.execution().openOrders());
    assertThat(open).filteredOn(o -> order.clientOrderId().equals(o.clientOrderId())).hasSize(1);

    Optional<OrderReport> never = onContext(() -> venue.execution().findOrder(new ClientOrderId("never-sent")));
    assertThat(never).isEmpty();
  }

  @Test
  void aSequenceGapMakesTheBookUntrustedUntilItsResync() throws Exception {
    BlockingQueue<UntrustedReason> untrusted = new LinkedBlockingQueue<>();
    BlockingQueue<Boolean> updates = new LinkedBlockingQueue<>();
    OrderBook book = new OrderBook(InstrumentId.kalshi(ticker), InstantSource.system());
    BookListener listener = new BookListener() {
      @Override
      public void onBookUpdated(OrderBook updated) {
        updates.add(updated.isTrusted());
      }

      @Override
      public void onBookUntrusted(OrderBook updated, UntrustedReason reason) {
        untrusted.add(reason);
      }
    };
    onContext(() -> venue.marketData().subscribe(List.of(book), listener));
    assertThat(updates.poll(30, TimeUnit.SECONDS)).isTrue();

    simulation.faults(VenueId.KALSHI).add(FaultRule.once(FaultKinds.SEQ_GAP, ticker));

    assertThat(untrusted.poll(30, TimeUnit.SECONDS)).isEqualTo(UntrustedReason.SEQUENCE_GAP);
    updates.clear();
    while (true) {
      Boolean trusted = updates.poll(30, TimeUnit.SECONDS);
      assertThat(trusted).as("an update after the gap").isNotNull();
      if (trusted) {
        break;
      }
    }
    assertThat(onContext(() -> Future.succeededFuture(book.bestBid(Outcome.YES)))).isPresent();
  }

  @Test
  void aTakingOrderFillsOnThePrivateStreamAndOverRest() throws Exception {
    Instant before = Instant.now().minusSeconds(5);
    BlockingQueue<Fill> fills = new LinkedBlockingQueue<>();
    onContext(() -> venue.execution().listen(new ExecutionListener() {
      @Override
      public void onFill(Fill fill) {
        fills.add(fill);
      }
    }));
    OrderRequest take = new OrderRequest(new ClientOrderId("taker-1"), InstrumentId.kalshi(ticker), Outcome.NO,
        Side.BUY, Price.parse("0.99"), Quantity.of(2), TimeInForce.IOC, false, null);

    SubmitResult result = onContext(() -> venue.execution().submit(take));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(((SubmitResult.Accepted) result).filled()).isEqualTo(Quantity.of(2));
    Fill pushed = fills.poll(30, TimeUnit.SECONDS);
    assertThat(pushed).isNotNull();
    assertThat(pushed.instrument()).isEqualTo(InstrumentId.kalshi(ticker));
    assertThat(pushed.outcome()).isEqualTo(Outcome.NO);
    assertThat(pushed.side()).isEqualTo(Side.BUY);
    assertThat(pushed.fee().isPositive()).isTrue();
    List<Fill> listed = onContext(() -> venue.execution().fills(before));
    assertThat(listed).extracting(Fill::fillId).contains(pushed.fillId());
  }

  private static <T> T onContext(Supplier<Future<T>> action) throws Exception {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
