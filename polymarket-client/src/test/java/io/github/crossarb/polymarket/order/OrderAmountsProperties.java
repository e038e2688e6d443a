package io.github.crossarb.polymarket.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The SDK-exact (double) amounts never stray from the exact decimal product by more than one unit. */
class OrderAmountsProperties {
  @Property(tries = 2000)
  void limitAmountsAreTheExactProductWithinOneUnit(@ForAll TickSize tick, @ForAll OrderSide side,
      @ForAll @IntRange(min = 1, max = 9999) int priceTicks, @ForAll @LongRange(min = 1, max = 10_000_000L) long cents) {
    BigDecimal price = tick.value().multiply(BigDecimal.valueOf(priceTicks));
    if (price.compareTo(BigDecimal.ONE.subtract(tick.value())) > 0) {
      return;
    }
    BigDecimal size = BigDecimal.valueOf(cents, 2);
    OrderAmounts sdk = OrderAmounts.limit(side, price, size, tick);
    long notional = size.multiply(price).setScale(6, RoundingMode.FLOOR).movePointRight(6).longValueExact();
    long shares = size.movePointRight(6).longValueExact();
    long sdkNotional = side == OrderSide.BUY ? sdk.makerAmount() : sdk.takerAmount();
    long sdkShares = side == OrderSide.BUY ? sdk.takerAmount() : sdk.makerAmount();
    assertThat(sdkShares).isEqualTo(shares);
    assertThat(Math.abs(sdkNotional - notional)).isLessThanOrEqualTo(1);
    if (notional < 1_000_000_000_000L) {
      assertThat(sdkNotional).isEqualTo(notional); // below $1M the doubles are exact
    }
  }
}
