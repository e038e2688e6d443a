package io.github.crossarb.kalshi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueProtocolException;
import io.github.crossarb.kalshi.dto.KalshiMarketData;
import io.github.crossarb.kalshi.dto.KalshiOrders;
import io.github.crossarb.kalshi.dto.KalshiPortfolio;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class KalshiMapperTest {
  private static OrderRequest request(Outcome outcome, Side side, String price, TimeInForce tif, Instant expiration) {
    return new OrderRequest(new ClientOrderId("c"), InstrumentId.kalshi("T"), outcome, side, Price.parse(price),
        Quantity.of(1), tif, false, expiration);
  }

  @Test
  void directionFollowsTheOrderDirectionTable() {
    assertThat(side(Outcome.YES, Side.BUY, "0.45")).containsExactly("bid", "0.4500");
    assertThat(side(Outcome.YES, Side.SELL, "0.45")).containsExactly("ask", "0.4500");
    assertThat(side(Outcome.NO, Side.BUY, "0.45")).containsExactly("ask", "0.5500");
    assertThat(side(Outcome.NO, Side.SELL, "0.40")).containsExactly("bid", "0.6000");
  }

  private static List<String> side(Outcome outcome, Side side, String price) {
    KalshiOrders.CreateOrderRequest body = KalshiMapper.createOrder(request(outcome, side, price, TimeInForce.GTC, null), null);
    return List.of(body.side(), body.price());
  }

  @Test
  void gtdIsGoodTillCanceledWithAnExpirationInSeconds() {
    KalshiOrders.CreateOrderRequest body = KalshiMapper.createOrder(
        request(Outcome.YES, Side.BUY, "0.5", TimeInForce.GTD, Instant.ofEpochMilli(1_795_000_000_999L)), 3);

    assertThat(body.timeInForce()).isEqualTo("good_till_canceled");
    assertThat(body.expirationTime()).isEqualTo(1_795_000_000L);
    assertThat(body.exchangeIndex()).isEqualTo(3);
    assertThat(KalshiMapper.createOrder(request(Outcome.YES, Side.BUY, "0.5", TimeInForce.FOK, null), null).timeInForce())
        .isEqualTo("fill_or_kill");
  }

  /** Any order mapped to the wire and reported back reads as the same exposure at the same price. */
  @Property
  void wireDirectionRoundTrips(@ForAll Outcome outcome, @ForAll Side side, @ForAll @IntRange(min = 1, max = 9999) int tenThousandths) {
    String price = Price.ofMicros(tenThousandths * 100L).toString();
    OrderRequest order = request(outcome, side, price, TimeInForce.GTC, null);
    KalshiOrders.CreateOrderRequest body = KalshiMapper.createOrder(order, null);
    KalshiPortfolio.Order echoed = new KalshiPortfolio.Order("o", "c", "T", null, body.side(), "resting", body.price(), null,
        "0.00", "1.00", "1.00", null, null);

    var known = KalshiMapper.orderReport(echoed, new KalshiMapper.Intent(outcome, side));
    var unknown = KalshiMapper.orderReport(echoed, null);

    assertThat(known.outcome()).isEqualTo(outcome);
    assertThat(known.side()).isEqualTo(side);
    assertThat(known.price()).isEqualTo(order.price());
    // Without the intent: the same exposure (buy YES ≡ sell NO), read as a buy.
    assertThat(unknown.side()).isEqualTo(Side.BUY);
    assertThat((unknown.outcome() == Outcome.YES)).isEqualTo((outcome == Outcome.YES) == (side == Side.BUY));
  }

  @Test
  void statusesAreStrict() {
    assertThat(KalshiMapper.orderStatus("resting")).isEqualTo(OrderStatus.OPEN);
    assertThat(KalshiMapper.orderStatus("canceled")).isEqualTo(OrderStatus.CANCELLED);
    assertThat(KalshiMapper.orderStatus("executed")).isEqualTo(OrderStatus.FILLED);
    assertThatThrownBy(() -> KalshiMapper.orderStatus("zombie")).isInstanceOf(VenueProtocolException.class);
  }

  @Test
  void marketsWithoutOrWithBrokenPriceRangesAreProtocolErrors() {
    assertThatThrownBy(() -> KalshiMapper.tickGrid(market(null))).isInstanceOf(VenueProtocolException.class);
    assertThatThrownBy(() -> KalshiMapper.tickGrid(market(List.of(new KalshiMarketData.PriceRange("0.5", "0.4", "0.01")))))
        .isInstanceOf(VenueProtocolException.class);
    assertThatThrownBy(() -> KalshiMapper.tickGrid(market(List.of(new KalshiMarketData.PriceRange("0", "1", "abc")))))
        .isInstanceOf(VenueProtocolException.class);
  }

  @Test
  void malformedRestLevelsArePotocolErrors() {
    KalshiMarketData.OrderbookFp bad = new KalshiMarketData.OrderbookFp(List.of(List.of("0.5")), List.of());
    KalshiMarketData.OrderbookFp impossible = new KalshiMarketData.OrderbookFp(List.of(List.of("1.5", "1")), List.of());

    assertThatThrownBy(() -> KalshiMapper.bookSnapshot(InstrumentId.kalshi("T"), bad)).isInstanceOf(VenueProtocolException.class);
    assertThatThrownBy(() -> KalshiMapper.bookSnapshot(InstrumentId.kalshi("T"), impossible))
        .isInstanceOf(VenueProtocolException.class);
  }

  @Test
  void malformedReportsAreProtocolErrors() {
    KalshiPortfolio.Order noPrice = new KalshiPortfolio.Order("o", null, "T", "yes", "bid", "resting", "x", null,
        "0", "1", "1", null, null);
    KalshiPortfolio.Fill noDirection = new KalshiPortfolio.Fill("f", "t", "o", "T", null, null, null, "1.00", "0.5", "0.5",
        true, "0", "2026-01-01T00:00:00Z", null, null);
    KalshiPortfolio.MarketPosition badPosition = new KalshiPortfolio.MarketPosition("T", 0, "lots", null, null, null);

    assertThatThrownBy(() -> KalshiMapper.orderReport(noPrice, null)).isInstanceOf(VenueProtocolException.class);
    assertThatThrownBy(() -> KalshiMapper.fill(noDirection, null)).isInstanceOf(VenueProtocolException.class);
    assertThatThrownBy(() -> KalshiMapper.position(badPosition)).isInstanceOf(VenueProtocolException.class);
    assertThatThrownBy(() -> KalshiMapper.balance(new KalshiPortfolio.Balance(null, null, null, null)))
        .isInstanceOf(VenueProtocolException.class);
  }

  private static KalshiMarketData.Market market(List<KalshiMarketData.PriceRange> ranges) {
    return new KalshiMarketData.Market("T", "E", "t", null, null, "active", null, null, null, null, null, null, null, null,
        null, null, ranges, null, null, null);
  }
}
