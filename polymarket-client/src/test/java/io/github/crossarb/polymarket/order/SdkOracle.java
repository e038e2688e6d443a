package io.github.crossarb.polymarket.order;

import java.math.BigDecimal;

/**
 * TEST ORACLE: the maker/taker amounts exactly as the official client computes them, in its own
 * binary floating-point arithmetic ({@link SdkArithmetic}), including its one-unit artefacts on
 * large notionals. Main code computes exactly ({@link OrderAmounts}) and refuses the region where
 * the two could differ; the tests compare both inside that region.
 */
final class SdkOracle {
  private SdkOracle() {}

  /** {@code createOrder}'s amounts: price half-up, size floored, product cleaned. */
  static OrderAmounts limit(OrderSide side, BigDecimal price, BigDecimal size, TickSize tick) {
    double p = SdkArithmetic.roundNormal(price.doubleValue(), tick.priceDecimals());
    double s = SdkArithmetic.roundDown(size.doubleValue(), tick.sizeDecimals());
    double notional = SdkArithmetic.clean(s * p, tick.amountDecimals());
    return side == OrderSide.BUY ? of(notional, s) : of(s, notional);
  }

  /** {@code createMarketOrder}'s amounts: price floored; {@code amount} is pUSD for a BUY, shares for a SELL. */
  static OrderAmounts market(OrderSide side, BigDecimal price, BigDecimal amount, TickSize tick) {
    double p = SdkArithmetic.roundDown(price.doubleValue(), tick.priceDecimals());
    if (p <= 0) {
      throw new IllegalArgumentException("market order price floors to zero at tick " + tick);
    }
    double maker = SdkArithmetic.roundDown(amount.doubleValue(), tick.sizeDecimals());
    double taker = side == OrderSide.BUY ? maker / p : maker * p;
    return of(maker, SdkArithmetic.clean(taker, tick.amountDecimals()));
  }

  private static OrderAmounts of(double maker, double taker) {
    return new OrderAmounts(SdkArithmetic.units(maker), SdkArithmetic.units(taker));
  }
}
