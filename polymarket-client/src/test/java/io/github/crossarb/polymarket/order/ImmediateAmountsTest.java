package io.github.crossarb.polymarket.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IOC (FAK) and FOK amounts: pUSD in cents and shares to 4 decimals for a BUY, shares in cents and
 * pUSD to 4 decimals for a SELL, never a worse price than the limit.
 */
class ImmediateAmountsTest {

  @ParameterizedTest(name = "{0} {2} × {1} at tick {3} → maker {4}, taker {5}")
  @CsvSource({
      // side, price, size, tick, maker (1e-6), taker (1e-6)
      // 1.74 × 0.58 = 1.0092 → $1.00; 1.00 / 0.58 = 1.72413… → 1.7241 shares (implied 0.580013…)
      "BUY,  0.58,  1.74,   0.01,   1000000,  1724100",
      "SELL, 0.58,  1.74,   0.01,   1740000,  1009200",
      // tick 0.001: 7.77 × 0.985 = 7.65345 → $7.65; 7.65 / 0.985 = 7.76649… → 7.7664 (implied 0.985010…)
      "BUY,  0.985, 7.77,   0.001,  7650000,  7766400",
      "SELL, 0.985, 7.77,   0.001,  7770000,  7653400",
      // exact products keep the full size at exactly the limit
      "BUY,  0.985, 10,     0.001,  9850000,  10000000",
      "BUY,  0.45,  10,     0.01,   4500000,  10000000",
      "SELL, 0.45,  10,     0.01,   10000000, 4500000",
      // tick 0.0001: 5.55 × 0.1234 = 0.68487 → $0.68; 0.68 / 0.1234 = 5.51053… → 5.5105
      "BUY,  0.1234, 5.55,  0.0001, 680000,   5510500",
      "SELL, 0.1234, 5.55,  0.0001, 5550000,  684800",
      // tick 0.005: 5 × 0.585 = 2.925 → $2.92; 2.92 / 0.585 = 4.99145… → 4.9914, under a 5-share minimum
      "BUY,  0.585, 5,      0.005,  2920000,  4991400",
      // sizes with more than 2 decimals are floored first
      "SELL, 0.5,   3.999,  0.1,    3990000,  1995000",
  })
  void table(OrderSide side, String price, String size, String tick, long maker, long taker) {
    TickSize t = TickSize.parse(tick).orElseThrow();
    OrderAmounts amounts = OrderAmounts.immediate(side, new BigDecimal(price), new BigDecimal(size), t);
    assertThat(amounts).isEqualTo(new OrderAmounts(maker, taker));
    assertThat(amounts.shares(side)).isEqualTo(side == OrderSide.BUY ? taker : maker);
  }

  @ParameterizedTest(name = "{0} {2} × {1} at tick {3}: {4}")
  @CsvSource({
      // 0.01 × 0.5 = $0.005 → $0.00
      "BUY,  0.5,    0.01,  0.01,   zero amount",
      "BUY,  0.01,   0.99,  0.01,   zero amount",
      // 0.01 × 0.001 = 0.00001 pUSD → 0 at 4 decimals
      "SELL, 0.001,  0.01,  0.001,  zero amount",
      "SELL, 0.5,    0.001, 0.01,   zero amount",
      // $0.49 / 0.9999 = 0.4900 shares: implied 1.0, a full tick above the limit
      "BUY,  0.9999, 0.5,   0.0001, a tick or more away",
      // 0.5 × 0.0003 = 0.00015 → 0.0001 pUSD: implied 0.0002, a full tick below the limit
      "SELL, 0.0003, 0.5,   0.0001, a tick or more away",
      // off the tick grid
      "BUY,  0.555,  10,    0.01,   not a positive multiple",
  })
  void refusals(OrderSide side, String price, String size, String tick, String reason) {
    TickSize t = TickSize.parse(tick).orElseThrow();
    assertThatThrownBy(() -> OrderAmounts.immediate(side, new BigDecimal(price), new BigDecimal(size), t))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason.equals("zero amount") ? "rounds to a zero amount" : reason)
        .hasMessageNotContaining("\n");
  }
}
