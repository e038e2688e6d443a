package io.github.crossarb.simulator.polymarket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Side;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Signed amounts → price and size, for every V2 tick size, as the SDK builds limit and market orders. */
class PolyOrdersProperties {
  static final long[] TICKS = {100_000, 10_000, 5_000, 2_500, 1_000, 100};

  @Provide
  Arbitrary<Long> ticks() {
    return Arbitraries.of(TICKS[0], TICKS[1], TICKS[2], TICKS[3], TICKS[4], TICKS[5]);
  }

  static PolyOrders.Posted posted(Side side, long maker, long taker) {
    var o = new PolySignatures.OrderV2(BigInteger.ONE, "0x" + "11".repeat(20), "0x" + "11".repeat(20), BigInteger.TEN,
        BigInteger.valueOf(maker), BigInteger.valueOf(taker), side == Side.BUY ? 0 : 1, 0, BigInteger.ONE,
        new byte[32], new byte[32]);
    return new PolyOrders.Posted(o, side, "0x", 0);
  }

  @Property
  void limitOrderAmountsDecodeToTheirPriceAndSize(@ForAll("ticks") long tick, @ForAll @IntRange(min = 1) int k,
      @ForAll @LongRange(min = 1, max = 10_000_000) long hundredths, @ForAll boolean buy) {
    long steps = 1_000_000 / tick - 1;
    long price = (1 + (k % steps)) * tick; // in [tick, 1 − tick]
    long size = hundredths * 10_000;
    long notional = Math.multiplyExact(price, size) / 1_000_000; // exact: ≤ 4 + 2 decimals
    assertThat(Math.multiplyExact(price, size) % 1_000_000).isZero();
    PolyOrders.Posted p = buy ? posted(Side.BUY, notional, size) : posted(Side.SELL, size, notional);
    BigDecimal implied = PolyOrders.impliedPrice(p);
    assertThat(PolyOrders.onTick(implied, tick)).isTrue();
    assertThat(implied.movePointRight(6).setScale(0, RoundingMode.UNNECESSARY).longValueExact()).isEqualTo(price);
    assertThat(PolyOrders.sizeMicros(p)).isEqualTo(size);
  }

  @Property
  void offTickPricesAreSeen(@ForAll("ticks") long tick, @ForAll @IntRange(min = 1) int k) {
    long steps = 1_000_000 / tick - 1;
    long price = (1 + (k % steps)) * tick + 1; // one micro off the grid
    long size = 100 * 1_000_000L;
    PolyOrders.Posted p = posted(Side.BUY, Math.multiplyExact(price, size) / 1_000_000, size);
    assertThat(PolyOrders.onTick(PolyOrders.impliedPrice(p), tick)).isFalse();
  }

  @Property
  void marketBuyAmountsRoundBackToTheirTick(@ForAll("ticks") long tick, @ForAll @IntRange(min = 1) int k,
      @ForAll @LongRange(min = 100, max = 10_000_000) long cents) {
    long steps = 1_000_000 / tick - 1;
    long price = (1 + (k % steps)) * tick;
    long maker = cents * 10_000; // pUSD floored to 2 decimals
    // taker = maker / p, floored to the SDK's amount decimals for the tick (ROUNDING_CONFIG), in micros
    int amountDecimals = tick == 100_000 ? 3 : tick == 10_000 ? 4 : tick == 5_000 || tick == 1_000 ? 5 : 6;
    long unit = BigInteger.TEN.pow(6 - amountDecimals).longValueExact();
    long taker = BigDecimal.valueOf(maker).divide(BigDecimal.valueOf(price).movePointLeft(6), 0, RoundingMode.FLOOR)
        .longValueExact() / unit * unit;
    if (taker == 0) {
      return;
    }
    assertThat(PolyOrders.roundToTick(PolyOrders.impliedPrice(posted(Side.BUY, maker, taker)), tick))
        .isEqualTo(price);
  }
}
