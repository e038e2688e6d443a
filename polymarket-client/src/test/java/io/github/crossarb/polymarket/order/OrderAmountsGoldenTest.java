package io.github.crossarb.polymarket.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.polymarket.Golden;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Maker/taker amounts against the official client's amount grid (off-tick prices included): the
 * exact amounts of main code inside the bound, and the test oracle (the client's own arithmetic)
 * everywhere.
 */
class OrderAmountsGoldenTest {

  private record Row(JsonNode json, TickSize tick, OrderSide side, BigDecimal price, boolean market,
      BigDecimal quantity, OrderAmounts golden) {
    static Row of(JsonNode json) {
      boolean market = json.get("kind").asText().equals("market");
      return new Row(json, TickSize.parse(json.get("tickSize").asText()).orElseThrow(),
          OrderSide.valueOf(json.get("side").asText()), new BigDecimal(json.get("price").asText()), market,
          new BigDecimal(json.get(market ? "amount" : "size").asText()),
          new OrderAmounts(json.get("makerAmount").asLong(), json.get("takerAmount").asLong()));
    }

    /** The amount the client cleans: a limit order's notional, a market order's taker amount. */
    BigDecimal cleaned() {
      return market ? exactMarket(this).taker
          : price.setScale(tick.priceDecimals(), RoundingMode.HALF_UP)
              .multiply(quantity.setScale(2, RoundingMode.FLOOR));
    }
  }

  private record Exact(BigDecimal maker, BigDecimal taker) {
    OrderAmounts units() {
      return new OrderAmounts(maker.movePointRight(6).longValueExact(), taker.movePointRight(6).longValueExact());
    }
  }

  /** The exact decimal model of the client's market-order amounts (price floored, quotient floored). */
  private static Exact exactMarket(Row r) {
    int d = r.tick().amountDecimals();
    BigDecimal p = r.price().setScale(r.tick().priceDecimals(), RoundingMode.FLOOR);
    BigDecimal maker = r.quantity().setScale(2, RoundingMode.FLOOR);
    BigDecimal taker = r.side() == OrderSide.BUY ? maker.divide(p, d, RoundingMode.FLOOR)
        : maker.multiply(p).setScale(d, RoundingMode.FLOOR);
    return new Exact(maker.setScale(6), taker.setScale(6));
  }

  private static List<Row> accepted() {
    List<Row> rows = new ArrayList<>();
    for (JsonNode json : Golden.vectors("amount_grid.json")) {
      if (!json.has("error")) {
        rows.add(Row.of(json));
      }
    }
    return rows;
  }

  @Test
  void exactLimitAmountsMatchTheSdkByteForByteInsideTheBoundAndAreRefusedOutside() {
    int inside = 0;
    int outside = 0;
    for (Row r : accepted()) {
      if (r.market()) {
        continue;
      }
      if (OrderAmounts.isSdkExact(r.cleaned(), r.tick())) {
        assertThat(OrderAmounts.limit(r.side(), r.price(), r.quantity(), r.tick())).as(r.json().toString())
            .isEqualTo(r.golden());
        inside++;
      } else {
        assertThatThrownBy(() -> OrderAmounts.limit(r.side(), r.price(), r.quantity(), r.tick()))
            .as(r.json().toString()).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("exceeds " + OrderAmounts.maxSdkExactAmount(r.tick()).toPlainString());
        outside++;
      }
    }
    assertThat(inside).isGreaterThan(1000);
    assertThat(outside).isZero(); // the grid's largest limit notional, 99999.99 × 0.9999, is inside
  }

  @Test
  void theReferenceLargeNotionalArtefactIsOutsideTheBoundAndRefused() {
    // polymarket.md §4.4: 1234567.89 × 0.5555, where the client's binary arithmetic lands a unit low.
    BigDecimal price = new BigDecimal("0.5555");
    BigDecimal size = new BigDecimal("1234567.89");
    assertThat(SdkOracle.limit(OrderSide.BUY, price, size, TickSize.T0_0001).makerAmount()).isEqualTo(685802462894L);
    assertThat(price.multiply(size).movePointRight(6).longValueExact()).isEqualTo(685802462895L);
    assertThat(OrderAmounts.isSdkExact(price.multiply(size), TickSize.T0_0001)).isFalse();
    assertThatThrownBy(() -> OrderAmounts.limit(OrderSide.BUY, price, size, TickSize.T0_0001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("notional 685802.462895 exceeds 112589.990684 at tick 0.0001, beyond which the official "
            + "client's amounts may differ from the exact ones");
  }

  @Test
  void theBoundInMoney() {
    assertThat(OrderAmounts.maxSdkExactAmount(TickSize.T0_0001)).isEqualByComparingTo("112589.990684");
    assertThat(OrderAmounts.maxSdkExactAmount(TickSize.T0_0025)).isEqualByComparingTo("112589.990684");
    assertThat(OrderAmounts.maxSdkExactAmount(TickSize.T0_001)).isEqualByComparingTo("1125899.90684");
    assertThat(OrderAmounts.maxSdkExactAmount(TickSize.T0_005)).isEqualByComparingTo("1125899.90684");
    assertThat(OrderAmounts.maxSdkExactAmount(TickSize.T0_01)).isEqualByComparingTo("11258999.0684");
    assertThat(OrderAmounts.maxSdkExactAmount(TickSize.T0_1)).isEqualByComparingTo("112589990.684");
    // Just inside and just outside at tick 0.01 (4 amount decimals): 2^50 / 10^8.
    assertThat(OrderAmounts.isSdkExact(new BigDecimal("11258999.0684"), TickSize.T0_01)).isTrue();
    assertThat(OrderAmounts.isSdkExact(new BigDecimal("11258999.0685"), TickSize.T0_01)).isFalse();
  }

  @Test
  void marketBuyQuotientsCanDifferWellInsideTheBoundSoMainCodeDoesNotUseThem() {
    // $2099.78 at 0.9999: the exact quotient 2099.98999899… floors to 2099.989998; the client's
    // ceiling step lands a unit high, because a 4-decimal divisor leaves only a 1e-4 unit gap below
    // the next multiple, and its error at ~2e13 scaled units is larger. Immediate orders therefore
    // use their own exact amounts (OrderAmounts.immediate), not the client's market-order ones.
    BigDecimal price = new BigDecimal("0.9999");
    BigDecimal maker = new BigDecimal("2099.78");
    OrderAmounts sdk = SdkOracle.market(OrderSide.BUY, price, maker, TickSize.T0_0001);
    long exact = maker.divide(price, 6, RoundingMode.FLOOR).movePointRight(6).longValueExact();
    assertThat(exact).isEqualTo(2099989998L);
    assertThat(sdk.takerAmount()).isEqualTo(exact + 1);
    assertThat(OrderAmounts.isSdkExact(maker.divide(price, 6, RoundingMode.FLOOR), TickSize.T0_0001)).isTrue();
  }

  @Test
  void theKnownDisagreementsAreAllOutsideTheBoundAndNothingInsideDisagrees() {
    List<String> disagreeing = new ArrayList<>();
    for (Row r : accepted()) {
      OrderAmounts exact = r.market() ? exactMarket(r).units()
          : new OrderAmounts(
              (r.side() == OrderSide.BUY ? r.cleaned() : r.quantity().setScale(2, RoundingMode.FLOOR)).movePointRight(6).longValueExact(),
              (r.side() == OrderSide.BUY ? r.quantity().setScale(2, RoundingMode.FLOOR) : r.cleaned()).movePointRight(6).longValueExact());
      if (!exact.equals(r.golden())) {
        disagreeing.add(r.json().toString());
        assertThat(OrderAmounts.isSdkExact(r.cleaned(), r.tick())).as(r.json().toString()).isFalse();
      }
    }
    // The reference's fourth example (1234567.89 × 0.5555) is not in this grid: see below.
    assertThat(disagreeing).hasSize(3);
  }

  @Test
  void sdkRejectsOnlyPricesOutsideTickToOneMinusTick() {
    for (JsonNode row : Golden.vectors("amount_grid.json")) {
      TickSize tick = TickSize.parse(row.get("tickSize").asText()).orElseThrow();
      BigDecimal price = new BigDecimal(row.get("price").asText());
      boolean inRange = price.compareTo(tick.value()) >= 0 && price.compareTo(BigDecimal.ONE.subtract(tick.value())) <= 0;
      assertThat(row.has("error")).as(row.toString()).isEqualTo(!inRange);
    }
  }
}
