package io.github.crossarb.polymarket.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Exact limit amounts against the official client's arithmetic (the test oracle): equal inside the
 * bound, refused outside it.
 */
class OrderAmountsProperties {

  /** A price on the tick grid inside [tick, 1 − tick], or null. */
  static BigDecimal price(TickSize tick, int priceTicks) {
    BigDecimal price = tick.value().multiply(BigDecimal.valueOf(priceTicks));
    return price.compareTo(BigDecimal.ONE.subtract(tick.value())) > 0 ? null : price;
  }

  @Property(tries = 3000)
  void insideTheBoundExactLimitAmountsEqualTheSdkOracle(@ForAll TickSize tick, @ForAll OrderSide side,
      @ForAll @IntRange(min = 1, max = 9999) int priceTicks,
      @ForAll @LongRange(min = 1, max = 99_999_999L) long mantissa, @ForAll @IntRange(min = 0, max = 5) int exponent) {
    BigDecimal price = price(tick, priceTicks);
    if (price == null) {
      return;
    }
    // Sizes from 0.01 to about 10^11 shares, spread over magnitudes so that both sides of the bound are hit.
    BigDecimal size = BigDecimal.valueOf(mantissa, 2).movePointRight(exponent);
    BigDecimal notional = size.multiply(price);
    boolean inside = OrderAmounts.isSdkExact(notional, tick);
    // Both regions must really be exercised.
    Statistics.label("region").collect(inside ? "inside" : "outside");
    Statistics.label("region").coverage(c -> {
      c.check("inside").percentage(pct -> pct > 20);
      c.check("outside").percentage(pct -> pct > 5);
    });
    if (inside) {
      OrderAmounts exact = OrderAmounts.limit(side, price, size, tick);
      assertThat(exact).isEqualTo(SdkOracle.limit(side, price, size, tick));
      long shares = size.movePointRight(6).longValueExact();
      long micros = notional.movePointRight(6).longValueExact();
      assertThat(exact).isEqualTo(side == OrderSide.BUY ? new OrderAmounts(micros, shares) : new OrderAmounts(shares, micros));
    } else {
      assertThatThrownBy(() -> OrderAmounts.limit(side, price, size, tick)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("notional ");
    }
  }

  @Property(tries = 2000)
  void justBelowTheBoundExactLimitAmountsEqualTheSdkOracle(@ForAll TickSize tick, @ForAll OrderSide side,
      @ForAll @IntRange(min = 1, max = 9999) int priceTicks, @ForAll @IntRange(min = 0, max = 100_000) int below) {
    BigDecimal price = price(tick, priceTicks);
    if (price == null) {
      return;
    }
    // The largest 2-decimal size whose notional is inside the bound, minus a few cents.
    BigDecimal size = OrderAmounts.maxSdkExactAmount(tick).divide(price, 2, RoundingMode.FLOOR)
        .subtract(BigDecimal.valueOf(below, 2));
    if (size.signum() <= 0) {
      return;
    }
    assertThat(OrderAmounts.isSdkExact(size.multiply(price), tick)).isTrue();
    assertThat(OrderAmounts.limit(side, price, size, tick)).isEqualTo(SdkOracle.limit(side, price, size, tick));
  }
}
