package io.github.crossarb.polymarket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.pricing.PolymarketFeeModel;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.polymarket.MarketRules;
import io.github.crossarb.polymarket.order.OrderAmounts;
import io.github.crossarb.polymarket.order.TickSize;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which amounts an order is signed with, and the denials that come from them. */
class OrderAmountsForTest {
  private static MarketRules rules(TickSize tick, String min) {
    return new MarketRules("1111", "0xc", tick, false, PolymarketFeeModel.of(0, 1), Quantity.parse(min),
        List.of("1111", "2222"), List.of("Yes", "No"));
  }

  private static OrderRequest order(Side side, String price, String size, TimeInForce tif) {
    return new OrderRequest(new ClientOrderId("x"), InstrumentId.polymarket("1111"), Outcome.YES, side,
        Price.parse(price), Quantity.parse(size), tif, false, tif == TimeInForce.GTD ? Instant.ofEpochSecond(2_000_000_000L) : null);
  }

  @Test
  void restingOrdersGetLimitAmountsAndImmediateOnesMarketPrecision() {
    MarketRules r = rules(TickSize.T0_01, "1");
    assertThat(PolymarketExecution.amountsFor(order(Side.BUY, "0.58", "1.74", TimeInForce.GTC), r))
        .isEqualTo(new OrderAmounts(1_009_200, 1_740_000));
    assertThat(PolymarketExecution.amountsFor(order(Side.BUY, "0.58", "1.74", TimeInForce.GTD), r))
        .isEqualTo(new OrderAmounts(1_009_200, 1_740_000));
    assertThat(PolymarketExecution.amountsFor(order(Side.BUY, "0.58", "1.74", TimeInForce.IOC), r))
        .isEqualTo(new OrderAmounts(1_000_000, 1_724_100));
    assertThat(PolymarketExecution.amountsFor(order(Side.BUY, "0.58", "1.74", TimeInForce.FOK), r))
        .isEqualTo(new OrderAmounts(1_000_000, 1_724_100));
    assertThat(PolymarketExecution.amountsFor(order(Side.SELL, "0.58", "1.74", TimeInForce.IOC), r))
        .isEqualTo(new OrderAmounts(1_740_000, 1_009_200));
  }

  @Test
  void deniesImmediateOrdersWhoseSignedSharesFallBelowTheMinimum() {
    // 5 × 0.585 = 2.925 → $2.92 → 4.9914 shares < 5, although 5 were asked for.
    assertThatThrownBy(() -> PolymarketExecution.amountsFor(order(Side.BUY, "0.585", "5", TimeInForce.IOC),
        rules(TickSize.T0_005, "5")))
        .hasMessage("size 5 at 0.585 signs only 4.9914 shares as IOC, below the market minimum 5");
    // The same order resting signs all 5 shares.
    assertThat(PolymarketExecution.amountsFor(order(Side.BUY, "0.585", "5", TimeInForce.GTC),
        rules(TickSize.T0_005, "5")).takerAmount()).isEqualTo(5_000_000);
    // A SELL signs the requested shares (2 decimals), so the minimum holds as requested.
    assertThat(PolymarketExecution.amountsFor(order(Side.SELL, "0.585", "5", TimeInForce.FOK),
        rules(TickSize.T0_005, "5")).makerAmount()).isEqualTo(5_000_000);
  }

  @Test
  void deniesZeroAmountsAndLimitNotionalsBeyondTheBoundWithOneLineReasons() {
    assertThatThrownBy(() -> PolymarketExecution.amountsFor(order(Side.BUY, "0.5", "0.01", TimeInForce.IOC),
        rules(TickSize.T0_01, "0.01")))
        .hasMessage("size 0.01 at 0.5 rounds to a zero amount for an immediate order (pUSD to cents, shares to 4 decimals)");
    assertThatThrownBy(() -> PolymarketExecution.amountsFor(order(Side.BUY, "0.5555", "1234567.89", TimeInForce.GTC),
        rules(TickSize.T0_0001, "5")))
        .hasMessage("notional 685802.462895 exceeds 112589.990684 at tick 0.0001, beyond which the official "
            + "client's amounts may differ from the exact ones");
  }
}
