package io.github.crossarb.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.pricing.KalshiFeeModel;
import io.github.crossarb.core.pricing.PolymarketFeeModel;
import io.github.crossarb.core.venue.TimeInForce;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExchangeTest {
  static final String K = "KXTEST-26-T1";
  static final String TOKEN = "1234";
  ManualClock clock;
  Exchange ex;
  List<ExchangeEvent> events;

  @BeforeEach
  void setUp() {
    clock = new ManualClock(Instant.parse("2026-11-27T00:00:00Z"));
    ex = new Exchange("test", clock, 7);
    ex.addMarket(new MarketSpec(K, PositionModel.NETTED_BINARY, TickGrid.fixed(Price.parse("0.01")), Quantity.of(1),
        Quantity.ZERO, KalshiFeeModel.of("quadratic", "1"), Instant.parse("2027-01-01T00:00:00Z")));
    ex.addMarket(new MarketSpec(TOKEN, PositionModel.TOKEN, TickGrid.fixed(Price.parse("0.01")),
        Quantity.parse("0.01"), Quantity.of(5), PolymarketFeeModel.of("0.03", "1"), null));
    ex.openAccount("mm", Money.ZERO, true);
    ex.openAccount("a", Money.parse("1000"), false);
    ex.openAccount("b", Money.parse("1000"), false);
    events = new ArrayList<>();
    ex.subscribe(events::add);
  }

  static NewOrder order(String account, String market, Side side, String price, long qty, TimeInForce tif) {
    return NewOrder.limit(account, market, side, Price.parse(price), Quantity.of(qty), tif);
  }

  @Test
  void matchesAtMakerPriceInPriceThenTimePriority() {
    String first = ex.submit(order("mm", K, Side.SELL, "0.55", 10, TimeInForce.GTC)).order().orderId();
    String second = ex.submit(order("b", K, Side.SELL, "0.55", 10, TimeInForce.GTC)).order().orderId();
    ex.submit(order("mm", K, Side.SELL, "0.54", 5, TimeInForce.GTC));

    SubmitOutcome out = ex.submit(order("a", K, Side.BUY, "0.56", 12, TimeInForce.GTC));

    assertThat(out.order().state()).isEqualTo(OrderState.FILLED);
    assertThat(out.fills()).extracting(f -> f.price().toString()).containsExactly("0.54", "0.55");
    assertThat(out.fills()).extracting(f -> f.quantity().toString()).containsExactly("5", "7");
    assertThat(ex.order(first).orElseThrow().remainingQuantity()).isEqualTo(Quantity.of(3));
    assertThat(ex.order(second).orElseThrow().remainingQuantity()).isEqualTo(Quantity.of(10));
    assertThat(ex.book(K).asks()).containsExactly(new LevelView(Price.parse("0.55"), Quantity.of(13)));
  }

  @Test
  void partialFillRestsTheRemainder() {
    ex.submit(order("mm", K, Side.SELL, "0.40", 4, TimeInForce.GTC));
    SubmitOutcome out = ex.submit(order("a", K, Side.BUY, "0.40", 10, TimeInForce.GTC));
    assertThat(out.order().state()).isEqualTo(OrderState.RESTING);
    assertThat(out.order().filledQuantity()).isEqualTo(Quantity.of(4));
    assertThat(ex.book(K).bestBid().orElseThrow()).isEqualTo(new LevelView(Price.parse("0.40"), Quantity.of(6)));
    assertThat(ex.book(K).asks()).isEmpty();
  }

  @Test
  void iocCancelsTheRemainderAndFokKillsWhatCannotFillWhole() {
    ex.submit(order("mm", K, Side.SELL, "0.40", 4, TimeInForce.GTC));
    SubmitOutcome fok = ex.submit(order("a", K, Side.BUY, "0.40", 5, TimeInForce.FOK));
    assertThat(fok.order().state()).isEqualTo(OrderState.CANCELED);
    assertThat(fok.fills()).isEmpty();
    assertThat(ex.book(K).bestAsk().orElseThrow().quantity()).isEqualTo(Quantity.of(4));

    SubmitOutcome ioc = ex.submit(order("a", K, Side.BUY, "0.40", 5, TimeInForce.IOC));
    assertThat(ioc.order().state()).isEqualTo(OrderState.CANCELED);
    assertThat(ioc.order().filledQuantity()).isEqualTo(Quantity.of(4));
    assertThat(ex.book(K).bids()).isEmpty();

    ex.submit(order("mm", K, Side.SELL, "0.41", 5, TimeInForce.GTC));
    SubmitOutcome fokOk = ex.submit(order("a", K, Side.BUY, "0.45", 5, TimeInForce.FOK));
    assertThat(fokOk.order().state()).isEqualTo(OrderState.FILLED);
  }

  @Test
  void kalshiBuyNoIsASellOfYesAtTheComplementAndNetsInPositions() {
    ex.submit(order("mm", K, Side.BUY, "0.55", 10, TimeInForce.GTC)); // a YES bid at 0.55 = NO ask at 0.45
    // "Buy NO at 0.45" goes to the book as a sell of YES at 0.55.
    SubmitOutcome out = ex.submit(order("a", K, Side.SELL, "0.55", 10, TimeInForce.IOC).withOutcome(Outcome.NO));
    assertThat(out.fills()).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.NO);
      assertThat(f.postPosition()).isEqualTo(-10_000_000L);
    });
    long fee = KalshiFeeModel.of("quadratic", "1").takerFeeMicros(550_000, 10_000_000);
    AccountView a = ex.account("a");
    // Paid 0.45 per NO contract plus the fee.
    assertThat(a.cash()).isEqualTo(Money.parse("1000").minus(Money.parse("4.5")).minus(Money.ofMicros(fee)));
    assertThat(a.positions()).singleElement().satisfies(p -> {
      assertThat(p.position()).isEqualTo(-10_000_000L);
      assertThat(p.exposure()).isEqualTo(Money.parse("4.5"));
    });
    // Buying YES back nets the NO away and returns the dollar per contract.
    ex.submit(order("mm", K, Side.SELL, "0.50", 10, TimeInForce.GTC));
    ex.submit(order("a", K, Side.BUY, "0.50", 10, TimeInForce.IOC));
    AccountView after = ex.account("a");
    assertThat(after.positions().get(0).position()).isZero();
    assertThat(after.positions().get(0).realizedPnl()).isEqualTo(Money.parse("0.5")); // sold NO at 0.50, bought at 0.45
  }

  @Test
  void takersPayTheFeeModelAndQuadraticMakersPayNothing() {
    ex.submit(order("b", K, Side.SELL, "0.50", 10, TimeInForce.GTC));
    SubmitOutcome out = ex.submit(order("a", K, Side.BUY, "0.50", 10, TimeInForce.GTC));
    assertThat(out.fills().get(0).fee()).isEqualTo(Money.parse("0.175")); // 0.07 × 10 × 0.25, rounded up to 1e-4
    assertThat(ex.fills("b")).singleElement().satisfies(f -> {
      assertThat(f.taker()).isFalse();
      assertThat(f.fee()).isEqualTo(Money.ZERO);
    });
  }

  @Test
  void selfTradePreventionCancelsTakerOrMaker() {
    String resting = ex.submit(order("a", K, Side.SELL, "0.50", 5, TimeInForce.GTC)).order().orderId();
    SubmitOutcome taker = ex.submit(order("a", K, Side.BUY, "0.50", 5, TimeInForce.GTC));
    assertThat(taker.order().state()).isEqualTo(OrderState.CANCELED);
    assertThat(ex.order(resting).orElseThrow().state()).isEqualTo(OrderState.RESTING);

    SubmitOutcome maker = ex.submit(order("a", K, Side.BUY, "0.50", 5, TimeInForce.GTC)
        .withSelfTrade(SelfTradePrevention.CANCEL_MAKER));
    assertThat(ex.order(resting).orElseThrow().state()).isEqualTo(OrderState.CANCELED);
    assertThat(maker.order().state()).isEqualTo(OrderState.RESTING);
  }

  @Test
  void refusesOffTickBadSizeDuplicatesAndMissingFunds() {
    assertReject(() -> ex.submit(order("a", K, Side.BUY, "0.505", 1, TimeInForce.GTC)), RejectReason.INVALID_PRICE);
    assertReject(() -> ex.submit(NewOrder.limit("a", K, Side.BUY, Price.parse("0.5"), Quantity.parse("1.5"),
        TimeInForce.GTC)), RejectReason.INVALID_QUANTITY);
    assertReject(() -> ex.submit(order("a", TOKEN, Side.BUY, "0.5", 4, TimeInForce.GTC)), RejectReason.BELOW_MIN_SIZE);
    assertReject(() -> ex.submit(order("a", K, Side.BUY, "0.5", 5000, TimeInForce.GTC)),
        RejectReason.INSUFFICIENT_BALANCE);
    assertReject(() -> ex.submit(order("a", TOKEN, Side.SELL, "0.5", 5, TimeInForce.GTC)),
        RejectReason.INSUFFICIENT_POSITION);
    ex.submit(order("a", K, Side.BUY, "0.10", 1, TimeInForce.GTC).withClientOrderId("c1"));
    assertReject(() -> ex.submit(order("a", K, Side.BUY, "0.10", 1, TimeInForce.GTC).withClientOrderId("c1")),
        RejectReason.DUPLICATE_CLIENT_ORDER_ID);
    assertReject(() -> ex.submit(order("zz", K, Side.BUY, "0.10", 1, TimeInForce.GTC)), RejectReason.UNKNOWN_ACCOUNT);
    assertReject(() -> ex.submit(order("a", "NOPE", Side.BUY, "0.10", 1, TimeInForce.GTC)),
        RejectReason.UNKNOWN_MARKET);
  }

  @Test
  void restingBuysHoldBackCash() {
    ex.submit(order("a", K, Side.BUY, "0.50", 1900, TimeInForce.GTC)); // holds 950
    assertThat(ex.account("a").reserved()).isEqualTo(Money.parse("950"));
    assertReject(() -> ex.submit(order("a", K, Side.BUY, "0.50", 200, TimeInForce.GTC)),
        RejectReason.INSUFFICIENT_BALANCE);
  }

  @Test
  void lookupByIdAndClientIdCancelDecreaseAmend() {
    String id = ex.submit(order("a", K, Side.BUY, "0.30", 10, TimeInForce.GTC).withClientOrderId("mine"))
        .order().orderId();
    assertThat(ex.orderByClientId("a", "mine").orElseThrow().orderId()).isEqualTo(id);
    assertThat(ex.orderByClientId("b", "mine")).isEmpty();

    ex.decreaseTo("a", id, Quantity.of(6));
    assertThat(ex.book(K).bestBid().orElseThrow().quantity()).isEqualTo(Quantity.of(6));

    ex.submit(order("mm", K, Side.SELL, "0.35", 2, TimeInForce.GTC));
    SubmitOutcome amended = ex.amend("a", id, Price.parse("0.35"), Quantity.of(8), "mine2",
        SelfTradePrevention.CANCEL_TAKER);
    assertThat(amended.fills()).hasSize(1);
    assertThat(amended.order().remainingQuantity()).isEqualTo(Quantity.of(6));
    assertThat(ex.orderByClientId("a", "mine2").orElseThrow().orderId()).isEqualTo(id);

    assertThatThrownBy(() -> ex.cancel("b", id)).isInstanceOf(ExchangeException.class);
    assertThat(ex.cancel("a", id).state()).isEqualTo(OrderState.CANCELED);
    assertReject(() -> ex.cancel("a", id), RejectReason.ORDER_NOT_RESTING);
    assertThat(ex.book(K).bids()).isEmpty();
  }

  @Test
  void gtdOrdersExpireAndClosedMarketsRefuse() {
    ex.submit(order("a", K, Side.BUY, "0.30", 1, TimeInForce.GTD).withExpiration(clock.instant().plusSeconds(60)));
    clock.advance(Duration.ofSeconds(61));
    assertThat(ex.expireDue()).isEqualTo(1);
    assertThat(ex.book(K).bids()).isEmpty();
    clock.set(Instant.parse("2027-01-01T00:00:00Z"));
    assertReject(() -> ex.submit(order("a", K, Side.BUY, "0.30", 1, TimeInForce.GTC)), RejectReason.MARKET_CLOSED);
  }

  @Test
  void publishesLevelChangesInOrder() {
    ex.submit(order("mm", K, Side.SELL, "0.60", 10, TimeInForce.GTC));
    ex.submit(order("a", K, Side.BUY, "0.60", 3, TimeInForce.IOC));
    List<ExchangeEvent.BookChanged> changes = events.stream()
        .filter(ExchangeEvent.BookChanged.class::isInstance).map(ExchangeEvent.BookChanged.class::cast).toList();
    assertThat(changes).extracting(ExchangeEvent.BookChanged::delta).containsExactly(10_000_000L, -3_000_000L);
    assertThat(changes.get(1).size()).isEqualTo(Quantity.of(7));
    assertThat(events).filteredOn(ExchangeEvent.Filled.class::isInstance).hasSize(2);
  }

  @Test
  void tickSizeChangeCancelsOffGridOrders() {
    ex.submit(order("a", K, Side.BUY, "0.31", 1, TimeInForce.GTC));
    ex.submit(order("a", K, Side.BUY, "0.30", 1, TimeInForce.GTC));
    ex.changeTicks(K, TickGrid.fixed(Price.parse("0.05")));
    assertThat(ex.book(K).bids()).extracting(l -> l.price().toString()).containsExactly("0.3");
    assertThat(events.get(events.size() - 1)).isInstanceOf(ExchangeEvent.TicksChanged.class);
  }

  @Test
  void idsAreReproducibleFromTheSeed() {
    Exchange other = new Exchange("test", clock, 7);
    other.addMarket(ex.market(K).orElseThrow());
    other.openAccount("mm", Money.ZERO, true);
    String a = ex.submit(order("mm", K, Side.SELL, "0.60", 1, TimeInForce.GTC)).order().orderId();
    String b = other.submit(order("mm", K, Side.SELL, "0.60", 1, TimeInForce.GTC)).order().orderId();
    assertThat(a).isEqualTo(b).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  private static void assertReject(Runnable call, RejectReason reason) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ExchangeException.class,
        e -> assertThat(e.reason()).isEqualTo(reason));
  }
  @Test
  void finishedMarketMakerOrdersAreForgottenButClientOrdersStay() {
    String mm = ex.submit(order("mm", K, Side.SELL, "0.60", 1, TimeInForce.GTC)).order().orderId();
    String mine = ex.submit(order("a", K, Side.BUY, "0.60", 1, TimeInForce.GTC)).order().orderId();
    assertThat(ex.order(mm)).isEmpty();
    assertThat(ex.order(mine).orElseThrow().state()).isEqualTo(OrderState.FILLED);
    assertThat(ex.fills("mm")).hasSize(1);
  }
  @Test
  void aVoidedTradeGivesBackExactlyWhatItMoved() {
    AccountView aBefore = ex.account("a");
    AccountView bBefore = ex.account("b");
    ex.submit(order("b", K, Side.SELL, "0.30", 10, TimeInForce.GTC));
    SubmitOutcome out = ex.submit(order("a", K, Side.BUY, "0.30", 10, TimeInForce.IOC));
    String tradeId = out.fills().get(0).tradeId();
    assertThat(ex.account("a").cash()).isNotEqualTo(aBefore.cash());

    TradeView voided = ex.voidTrade(tradeId);

    assertThat(voided.tradeId()).isEqualTo(tradeId);
    assertThat(ex.isVoided(tradeId)).isTrue();
    assertThat(ex.account("a").cash()).isEqualTo(aBefore.cash());
    assertThat(ex.account("b").cash()).isEqualTo(bBefore.cash());
    assertThat(ex.account("a").positions()).allSatisfy(p -> {
      assertThat(p.position()).isZero();
      assertThat(p.feesPaid()).isEqualTo(Money.ZERO);
    });
    assertThat(events).filteredOn(ExchangeEvent.TradeVoided.class::isInstance).hasSize(1);
    assertReject(() -> ex.voidTrade(tradeId), RejectReason.TRADE_NOT_FOUND);
  }
}
