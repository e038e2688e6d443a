package io.github.crossarb.polymarket.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of IOC/FOK amounts over all ticks, prices and sizes. */
class ImmediateAmountsProperties {
  private static final long CENT_UNITS = 10_000; // 2 decimals in 1e-6 units
  private static final long FOUR_DECIMAL_UNITS = 100; // 4 decimals in 1e-6 units

  @Property(tries = 5000)
  void precisionNeverMoreThanRequestedAndImpliedPriceWithinATickOnOurSide(@ForAll TickSize tick,
      @ForAll OrderSide side, @ForAll @IntRange(min = 1, max = 9999) int priceTicks,
      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long sizeMicros) {
    BigDecimal price = OrderAmountsProperties.price(tick, priceTicks);
    if (price == null) {
      return;
    }
    BigDecimal size = BigDecimal.valueOf(sizeMicros, 6);
    OrderAmounts a;
    try {
      a = OrderAmounts.immediate(side, price, size, tick);
    } catch (IllegalArgumentException refused) {
      assertRefusalIsJustified(side, price, size, tick);
      return;
    }
    BigDecimal maker = BigDecimal.valueOf(a.makerAmount(), 6);
    BigDecimal taker = BigDecimal.valueOf(a.takerAmount(), 6);
    BigDecimal sizeCents = size.setScale(2, RoundingMode.FLOOR);
    BigDecimal notional = sizeCents.multiply(price);
    // The CLOB's precision for market orders: maker 2 decimals, taker 4, whichever the side.
    assertThat(a.makerAmount() % CENT_UNITS).isZero();
    assertThat(a.takerAmount() % FOUR_DECIMAL_UNITS).isZero();
    assertThat(a.makerAmount()).isPositive();
    assertThat(a.takerAmount()).isPositive();
    BigDecimal shares = side == OrderSide.BUY ? taker : maker;
    BigDecimal pusd = side == OrderSide.BUY ? maker : taker;
    // Never more than asked for: shares ≤ size, pUSD ≤ size × price.
    assertThat(shares).isLessThanOrEqualTo(size);
    assertThat(pusd).isLessThanOrEqualTo(notional);
    // Implied price = pusd / shares, compared multiplied out.
    if (side == OrderSide.BUY) {
      assertThat(pusd).isGreaterThanOrEqualTo(shares.multiply(price)); // still matches asks at the limit
      assertThat(pusd).isLessThan(shares.multiply(price.add(tick.value()))); // no ask above the limit
      // Nothing lost beyond the roundings: a cent of pUSD, then 1e-4 of shares.
      assertThat(notional.subtract(pusd)).isLessThan(new BigDecimal("0.01"));
      assertThat(pusd.divide(price, 10, RoundingMode.FLOOR).subtract(shares)).isLessThan(new BigDecimal("0.0001"));
    } else {
      assertThat(pusd).isLessThanOrEqualTo(shares.multiply(price)); // still matches bids at the limit
      assertThat(pusd).isGreaterThan(shares.multiply(price.subtract(tick.value()))); // no bid below it
      assertThat(shares).isEqualByComparingTo(sizeCents);
      assertThat(notional.subtract(pusd)).isLessThan(new BigDecimal("0.0001"));
    }
  }

  /** Refused only if an amount would be zero or the implied price would leave the limit's tick. */
  private static void assertRefusalIsJustified(OrderSide side, BigDecimal price, BigDecimal size, TickSize tick) {
    BigDecimal s = size.setScale(2, RoundingMode.FLOOR);
    BigDecimal maker;
    BigDecimal taker;
    if (side == OrderSide.BUY) {
      maker = s.multiply(price).setScale(2, RoundingMode.FLOOR);
      taker = maker.divide(price, 4, RoundingMode.FLOOR);
    } else {
      maker = s;
      taker = s.multiply(price).setScale(4, RoundingMode.FLOOR);
    }
    boolean zero = maker.signum() == 0 || taker.signum() == 0;
    BigDecimal shares = side == OrderSide.BUY ? taker : maker;
    BigDecimal pusd = side == OrderSide.BUY ? maker : taker;
    boolean tickAway = !zero && (side == OrderSide.BUY
        ? pusd.compareTo(shares.multiply(price.add(tick.value()))) >= 0
        : pusd.compareTo(shares.multiply(price.subtract(tick.value()))) <= 0);
    assertThat(zero || tickAway).as("refused %s %s × %s at %s", side, size, price, tick).isTrue();
    // A tick away needs a tiny order: under 1 share at the finest tick (the roundings lose < 1e-4 share or pUSD).
    if (tickAway) {
      assertThat(shares).isLessThan(BigDecimal.ONE);
    }
  }
}
