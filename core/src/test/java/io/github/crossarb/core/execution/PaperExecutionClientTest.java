package io.github.crossarb.core.execution;

import static io.github.crossarb.core.execution.ExecutionFixtures.KALSHI;
import static io.github.crossarb.core.execution.ExecutionFixtures.POLY_NO;
import static io.github.crossarb.core.execution.ExecutionFixtures.book;
import static io.github.crossarb.core.execution.ExecutionFixtures.levels;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.execution.ExecutionFixtures.RecordingContext;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.pricing.FeeModel;
import io.github.crossarb.core.pricing.KalshiFeeModel;
import io.github.crossarb.core.pricing.PolymarketFeeModel;
import io.github.crossarb.core.venue.CancelResult;
import io.github.crossarb.core.venue.ExecutionListener;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.PositionReport;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PaperExecutionClientTest {
  private static Vertx vertx;
  private final InstantSource clock = InstantSource.system();
  private final Map<InstrumentId, OrderBook> books = new HashMap<>();
  private final Map<InstrumentId, FeeModel> fees = new HashMap<>();
  private final MarketView market = new MarketView() {
    @Override
    public OrderBook book(InstrumentId instrument) {
      return books.get(instrument);
    }

    @Override
    public FeeModel fees(InstrumentId instrument) {
      return fees.get(instrument);
    }
  };
  private final List<Fill> pushed = new ArrayList<>();
  private final List<OrderReport> updates = new ArrayList<>();
  private final List<String> confirmed = new ArrayList<>();
  private Context context;
  private int ids;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void setUp() {
    context = vertx.getOrCreateContext();
    books.put(KALSHI, book(KALSHI, clock, levels("0.60@10", "0.58@20"), levels("0.62@5", "0.63@10", "0.70@100")));
    books.put(POLY_NO, book(POLY_NO, clock, levels("0.30@50"), levels("0.35@8", "0.36@100")));
    fees.put(KALSHI, KalshiFeeModel.of("quadratic", 1_000_000L));
    fees.put(POLY_NO, PolymarketFeeModel.of("0.03", "1"));
  }

  /** Runs {@code action} on the test's Vert.x context and waits for the future it returns. */
  private <T> T on(Callable<Future<T>> action) throws Exception {
    CompletableFuture<T> done = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        action.call().onComplete(ar -> {
          if (ar.succeeded()) {
            done.complete(ar.result());
          } else {
            done.completeExceptionally(ar.cause());
          }
        });
      } catch (Exception e) {
        done.completeExceptionally(e);
      }
    });
    return done.get(10, TimeUnit.SECONDS);
  }

  private PaperExecutionClient client(VenueId venue, String cash, Duration latency) throws Exception {
    PaperExecutionClient client = new PaperExecutionClient(vertx, venue, market, Money.parse(cash), latency, clock);
    on(() -> client.listen(new ExecutionListener() {
      @Override
      public void onFill(Fill fill) {
        pushed.add(fill);
      }

      @Override
      public void onOrderUpdate(OrderReport order) {
        updates.add(order);
      }

      @Override
      public void onFillConfirmed(VenueId venue, String fillId) {
        confirmed.add(venue + ":" + fillId);
      }
    }));
    return client;
  }

  private OrderRequest order(InstrumentId instrument, Outcome outcome, Side side, String price, String size, TimeInForce tif) {
    return new OrderRequest(new ClientOrderId("paper-t-" + (++ids)), instrument, outcome, side, Price.parse(price),
        Quantity.parse(size), tif, false, null);
  }

  @Test
  void iocBuyTakesAsksUpToItsLimitPayingTheTakerFeePerLevel() throws Exception {
    PaperExecutionClient kalshi = client(VenueId.KALSHI, "100", Duration.ZERO);
    SubmitResult result = on(() -> kalshi.submit(order(KALSHI, Outcome.YES, Side.BUY, "0.63", "20", TimeInForce.IOC)));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    SubmitResult.Accepted accepted = (SubmitResult.Accepted) result;
    assertThat(accepted.filled()).isEqualTo(Quantity.of(15));
    assertThat(accepted.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(pushed).extracting(Fill::price).containsExactly(Price.parse("0.62"), Price.parse("0.63"));
    assertThat(pushed).extracting(Fill::quantity).containsExactly(Quantity.of(5), Quantity.of(10));
    FeeModel f = fees.get(KALSHI);
    Money fee = f.takerFee(Price.parse("0.62"), Quantity.of(5)).plus(f.takerFee(Price.parse("0.63"), Quantity.of(10)));
    assertThat(pushed.get(0).fee().plus(pushed.get(1).fee())).isEqualTo(fee);
    Money cost = Money.parse("3.10").plus(Money.parse("6.30")).plus(fee);
    assertThat(on(kalshi::balance).available()).isEqualTo(Money.parse("100").minus(cost));
    assertThat(pushed.get(0).clientOrderId()).isEqualTo(new ClientOrderId("paper-t-1"));
    assertThat(updates).singleElement().satisfies(u -> assertThat(u.filled()).isEqualTo(Quantity.of(15)));
  }

  @Test
  void fokThatCannotFillEverythingFillsNothing() throws Exception {
    PaperExecutionClient kalshi = client(VenueId.KALSHI, "100", Duration.ZERO);
    SubmitResult result = on(() -> kalshi.submit(order(KALSHI, Outcome.YES, Side.BUY, "0.63", "20", TimeInForce.FOK)));

    assertThat(((SubmitResult.Accepted) result).filled()).isEqualTo(Quantity.ZERO);
    assertThat(((SubmitResult.Accepted) result).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(pushed).isEmpty();
    assertThat(on(kalshi::balance).available()).isEqualTo(Money.parse("100"));

    SubmitResult full = on(() -> kalshi.submit(order(KALSHI, Outcome.YES, Side.BUY, "0.63", "15", TimeInForce.FOK)));
    assertThat(((SubmitResult.Accepted) full).status()).isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void ordersMeetTheBookAsItIsAfterTheLatency() throws Exception {
    PaperExecutionClient poly = client(VenueId.POLYMARKET, "100", Duration.ofMillis(150));
    OrderRequest buy = order(POLY_NO, Outcome.NO, Side.BUY, "0.35", "10", TimeInForce.IOC);
    SubmitResult result = on(() -> {
      Future<SubmitResult> answer = poly.submit(buy);
      // the venue's book moves while the order travels; not there yet either
      books.get(POLY_NO).applySnapshot(new BookSnapshot(POLY_NO, levels("0.30@50"), levels("0.34@3", "0.35@100")));
      assertThat(poly.findOrder(buy.clientOrderId()).result()).isEmpty();
      return answer;
    });

    assertThat(((SubmitResult.Accepted) result).filled()).isEqualTo(Quantity.of(10));
    assertThat(pushed).extracting(Fill::price).containsExactly(Price.parse("0.34"), Price.parse("0.35"));
    assertThat(on(() -> poly.findOrder(buy.clientOrderId()))).get()
        .satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
  }

  @Test
  void polymarketPaperFillsAreConfirmedAtOnceKalshiFillsNeedNoConfirmation() throws Exception {
    PaperExecutionClient poly = client(VenueId.POLYMARKET, "100", Duration.ZERO);
    PaperExecutionClient kalshi = client(VenueId.KALSHI, "100", Duration.ZERO);
    on(() -> poly.submit(order(POLY_NO, Outcome.NO, Side.BUY, "0.36", "10", TimeInForce.IOC)));
    List<String> polyFills = pushed.stream().map(f -> "POLYMARKET:" + f.fillId()).toList();
    on(() -> kalshi.submit(order(KALSHI, Outcome.YES, Side.BUY, "0.62", "1", TimeInForce.IOC)));

    assertThat(polyFills).hasSize(2);
    assertThat(confirmed).isEqualTo(polyFills);
  }

  @Test
  void untrustedBookOffersNothing() throws Exception {
    PaperExecutionClient kalshi = client(VenueId.KALSHI, "100", Duration.ZERO);
    books.get(KALSHI).markUntrusted(UntrustedReason.DISCONNECTED);
    SubmitResult result = on(() -> kalshi.submit(order(KALSHI, Outcome.YES, Side.BUY, "0.70", "5", TimeInForce.IOC)));

    assertThat(((SubmitResult.Accepted) result).filled()).isEqualTo(Quantity.ZERO);
  }

  @Test
  void liquidityTakenIsNotOfferedAgainUntilTheLevelChanges() throws Exception {
    PaperExecutionClient poly = client(VenueId.POLYMARKET, "100", Duration.ZERO);
    on(() -> poly.submit(order(POLY_NO, Outcome.NO, Side.BUY, "0.35", "6", TimeInForce.IOC)));
    SubmitResult second = on(() -> poly.submit(order(POLY_NO, Outcome.NO, Side.BUY, "0.35", "6", TimeInForce.IOC)));
    assertThat(((SubmitResult.Accepted) second).filled()).isEqualTo(Quantity.of(2));

    books.get(POLY_NO).setLevel(io.github.crossarb.core.book.BookSide.ASK, Price.parse("0.35"), Quantity.of(7));
    SubmitResult third = on(() -> poly.submit(order(POLY_NO, Outcome.NO, Side.BUY, "0.35", "6", TimeInForce.IOC)));
    assertThat(((SubmitResult.Accepted) third).filled()).isEqualTo(Quantity.of(6));
  }

  @Test
  void kalshiNoIsBoughtFromTheMirroredYesBids() throws Exception {
    PaperExecutionClient kalshi = client(VenueId.KALSHI, "100", Duration.ZERO);
    // YES bids 0.60@10, 0.58@20 are NO asks 0.40@10, 0.42@20
    SubmitResult result = on(() -> kalshi.submit(order(KALSHI, Outcome.NO, Side.BUY, "0.41", "15", TimeInForce.IOC)));

    assertThat(((SubmitResult.Accepted) result).filled()).isEqualTo(Quantity.of(10));
    assertThat(pushed).singleElement().satisfies(f -> {
      assertThat(f.price()).isEqualTo(Price.parse("0.40"));
      assertThat(f.outcome()).isEqualTo(Outcome.NO);
    });
    assertThat(on(kalshi::positions)).containsExactly(new PositionReport(KALSHI, Outcome.NO, Quantity.of(10), null));
  }

  @Test
  void buyingMoreThanTheCashCoversIsRejected() throws Exception {
    PaperExecutionClient kalshi = client(VenueId.KALSHI, "3", Duration.ZERO);
    SubmitResult result = on(() -> kalshi.submit(order(KALSHI, Outcome.YES, Side.BUY, "0.63", "10", TimeInForce.IOC)));

    assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
    assertThat(((SubmitResult.Rejected) result).venueCode()).isEqualTo("insufficient_balance");
    assertThat(on(kalshi::balance).available()).isEqualTo(Money.parse("3"));
  }

  @Test
  void sellingNeedsTheContractsAndBringsTheBidLessTheFee() throws Exception {
    PaperExecutionClient poly = client(VenueId.POLYMARKET, "100", Duration.ZERO);
    SubmitResult naked = on(() -> poly.submit(order(POLY_NO, Outcome.NO, Side.SELL, "0.30", "5", TimeInForce.IOC)));
    assertThat(((SubmitResult.Rejected) naked).venueCode()).isEqualTo("insufficient_position");

    on(() -> poly.submit(order(POLY_NO, Outcome.NO, Side.BUY, "0.35", "8", TimeInForce.IOC)));
    Money afterBuy = on(poly::balance).available();
    SubmitResult sell = on(() -> poly.submit(order(POLY_NO, Outcome.NO, Side.SELL, "0.30", "5", TimeInForce.IOC)));

    assertThat(((SubmitResult.Accepted) sell).filled()).isEqualTo(Quantity.of(5));
    Money fee = fees.get(POLY_NO).takerFee(Price.parse("0.30"), Quantity.of(5));
    assertThat(on(poly::balance).available()).isEqualTo(afterBuy.plus(Money.parse("1.5")).minus(fee));
    assertThat(on(poly::positions)).containsExactly(new PositionReport(POLY_NO, Outcome.NO, Quantity.of(3), null));
  }

  @Test
  void repeatedClientOrderIdIsRejected() throws Exception {
    PaperExecutionClient kalshi = client(VenueId.KALSHI, "100", Duration.ZERO);
    OrderRequest buy = order(KALSHI, Outcome.YES, Side.BUY, "0.62", "1", TimeInForce.IOC);
    on(() -> kalshi.submit(buy));
    SubmitResult again = on(() -> kalshi.submit(buy));

    assertThat(((SubmitResult.Rejected) again).venueCode()).isEqualTo("duplicate_client_order_id");
    assertThat(pushed).hasSize(1);
  }

  @Test
  void marketWithoutFeeModelIsRejectedAndOtherVenuesAreDenied() throws Exception {
    PaperExecutionClient kalshi = client(VenueId.KALSHI, "100", Duration.ZERO);
    fees.remove(KALSHI);
    SubmitResult noFees = on(() -> kalshi.submit(order(KALSHI, Outcome.YES, Side.BUY, "0.62", "1", TimeInForce.IOC)));
    assertThat(((SubmitResult.Rejected) noFees).venueCode()).isEqualTo("market_not_tradable");

    SubmitResult other = on(() -> kalshi.submit(order(POLY_NO, Outcome.NO, Side.BUY, "0.35", "1", TimeInForce.IOC)));
    assertThat(other).isInstanceOf(SubmitResult.Denied.class);
  }

  @Test
  void gtcRemainderRestsUntilCancelled() throws Exception {
    PaperExecutionClient kalshi = client(VenueId.KALSHI, "100", Duration.ZERO);
    SubmitResult result = on(() -> kalshi.submit(order(KALSHI, Outcome.YES, Side.BUY, "0.62", "8", TimeInForce.GTC)));

    assertThat(((SubmitResult.Accepted) result).status()).isEqualTo(OrderStatus.OPEN);
    assertThat(((SubmitResult.Accepted) result).filled()).isEqualTo(Quantity.of(5));
    assertThat(on(kalshi::openOrders)).singleElement().satisfies(o -> assertThat(o.remaining()).isEqualTo(Quantity.of(3)));
    assertThat(on(kalshi::cancelAll)).containsExactly(((SubmitResult.Accepted) result).venueOrderId());
    assertThat(on(kalshi::openOrders)).isEmpty();
    assertThat(on(() -> kalshi.cancel(((SubmitResult.Accepted) result).venueOrderId()))).isEqualTo(CancelResult.NOT_OPEN);
  }

  @Test
  void postOnlyOrderThatWouldTakeIsRejectedOneThatWouldNotRests() throws Exception {
    PaperExecutionClient kalshi = client(VenueId.KALSHI, "100", Duration.ZERO);
    OrderRequest crossing = new OrderRequest(new ClientOrderId("po-1"), KALSHI, Outcome.YES, Side.BUY, Price.parse("0.62"),
        Quantity.of(1), TimeInForce.GTC, true, null);
    OrderRequest resting = new OrderRequest(new ClientOrderId("po-2"), KALSHI, Outcome.YES, Side.BUY, Price.parse("0.61"),
        Quantity.of(1), TimeInForce.GTC, true, null);

    assertThat(((SubmitResult.Rejected) on(() -> kalshi.submit(crossing))).venueCode()).isEqualTo("post_only_cross");
    assertThat(((SubmitResult.Accepted) on(() -> kalshi.submit(resting))).status()).isEqualTo(OrderStatus.OPEN);
    assertThat(pushed).isEmpty();
  }

  @Test
  void fillsAreListedSinceATime() throws Exception {
    PaperExecutionClient kalshi = client(VenueId.KALSHI, "100", Duration.ZERO);
    Instant before = clock.instant();
    on(() -> kalshi.submit(order(KALSHI, Outcome.YES, Side.BUY, "0.63", "7", TimeInForce.IOC)));

    assertThat(on(() -> kalshi.fills(before))).hasSize(2).isEqualTo(pushed);
    assertThat(on(() -> kalshi.fills(Instant.now().plusSeconds(60)))).isEmpty();
    assertThat(on(() -> kalshi.findOrder(new ClientOrderId("never-sent")))).isEqualTo(Optional.empty());
  }

  @Test
  void prepareDescribesThePaperOrderWithoutSendingIt() throws Exception {
    PaperExecutionClient kalshi = client(VenueId.KALSHI, "100", Duration.ZERO);
    var wire = on(() -> kalshi.prepare(order(KALSHI, Outcome.YES, Side.BUY, "0.63", "7", TimeInForce.IOC)));

    assertThat(wire.url()).isEqualTo("paper://kalshi/orders");
    assertThat(wire.body()).contains("\"price\":\"0.63\"").contains("\"size\":\"7\"");
    assertThat(pushed).isEmpty();
  }

  @Test
  void legExecutorTradesOnPaperVenuesAgainstTheLiveBooks() throws Exception {
    books.put(KALSHI, book(KALSHI, clock, levels("0.38@100"), levels("0.40@100")));
    books.put(POLY_NO, book(POLY_NO, clock, levels("0.53@100"), levels("0.55@4", "0.56@100")));
    fees.put(KALSHI, ExecutionFixtures.NO_FEES);
    fees.put(POLY_NO, ExecutionFixtures.NO_FEES);
    PaperExecutionClient kalshi = client(VenueId.KALSHI, "100", Duration.ofMillis(20));
    PaperExecutionClient poly = client(VenueId.POLYMARKET, "100", Duration.ofMillis(20));
    RecordingContext ctx = new RecordingContext(clock).withBook(books.get(KALSHI)).withBook(books.get(POLY_NO));
    LegExecutor executor = new LegExecutor(vertx, Map.of(VenueId.KALSHI, kalshi, VenueId.POLYMARKET, poly),
        ExecutionFixtures.defaultParams());

    // the plan wants 10 at 0.55 on Polymarket, where only 4 are: the FAK fills 4, the hedge buys 6 at 0.56
    ExecutionReport report = on(() -> executor.execute(
        ExecutionFixtures.request(ExecutionFixtures.opportunity("10", "0.40", "0.55"), ExecutionPolicy.PARALLEL), ctx));

    assertThat(report.outcome()).isEqualTo(ExecutionOutcome.HEDGED);
    assertThat(report.legsMismatched()).isTrue();
    assertThat(on(kalshi::positions)).containsExactly(new PositionReport(KALSHI, Outcome.YES, Quantity.of(10), null));
    assertThat(on(poly::positions)).containsExactly(new PositionReport(POLY_NO, Outcome.NO, Quantity.of(10), null));
    assertThat(on(poly::balance).available()).isEqualTo(Money.parse("100").minus(Money.parse("2.20")).minus(Money.parse("3.36")));
  }
}
