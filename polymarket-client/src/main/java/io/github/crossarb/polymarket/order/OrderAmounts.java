package io.github.crossarb.polymarket.order;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Maker and taker amounts in 6-decimal base units (pUSD and shares both have 6 decimals), computed
 * exactly as the official client computes them.
 *
 * <p>Limit orders: price rounded half-up to the tick's price decimals, size floored to 2
 * decimals; BUY gives {@code maker = size·price, taker = size}, SELL {@code maker = size, taker =
 * size·price}. Market orders floor the price; a market BUY's amount is pUSD ({@code maker =
 * floor(amount, 2), taker = maker/price}), a SELL's is shares.
 *
 * <p>The SDK works in doubles and cleans each product with "round up at amount+4 decimals, then
 * down at amount decimals". {@link SdkArithmetic} ports that arithmetic, so the amounts (and hence
 * the order hash) agree with the SDK bit for bit, including the rare large notionals (above about
 * $1M) where its doubles land one base unit below the exact product.
 *
 * @param makerAmount what the maker gives, in 1e-6 units
 * @param takerAmount what the maker receives, in 1e-6 units
 */
public record OrderAmounts(long makerAmount, long takerAmount) {
  public OrderAmounts {
    if (makerAmount < 0 || takerAmount < 0) {
      throw new IllegalArgumentException("amounts must not be negative");
    }
  }

  /** A limit order's amounts. */
  public static OrderAmounts limit(OrderSide side, BigDecimal price, BigDecimal size, TickSize tick) {
    Objects.requireNonNull(side, "side");
    double p = SdkArithmetic.roundNormal(price.doubleValue(), tick.priceDecimals());
    double s = SdkArithmetic.roundDown(size.doubleValue(), tick.sizeDecimals());
    double notional = SdkArithmetic.clean(s * p, tick.amountDecimals());
    return side == OrderSide.BUY ? of(notional, s) : of(s, notional);
  }

  /**
   * A market order's amounts.
   *
   * @param amount pUSD to spend for a BUY, shares to sell for a SELL
   */
  public static OrderAmounts market(OrderSide side, BigDecimal price, BigDecimal amount, TickSize tick) {
    Objects.requireNonNull(side, "side");
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
