package io.github.crossarb.core.pricing;

import io.github.crossarb.core.model.Fixed;
import java.math.BigInteger;

/**
 * The shape both venues' fees share: {@code K × C × (P(1−P))^e / 10^E}, rounded to a whole fee
 * unit and returned in micros, with C and P in micros. {@code K} carries the rate (and Kalshi's multiplier) as an integer;
 * {@code E} folds in every scale factor and the fee unit. Exact: 128-bit arithmetic when
 * {@code K·(P(1−P))^e} fits a long, BigInteger otherwise; nothing is rounded before the end.
 */
final class FeeFormula {
  private final long k;
  private final int exponent;
  private final int pow10;
  private final boolean roundUp;
  private final long unitMicros;

  /**
   * @param coefficient K, non-negative
   * @param exponent e, non-negative
   * @param pow10 E, non-negative
   * @param roundUp round the unit count up (Kalshi) or down (Polymarket)
   * @param unitMicros the fee unit the count is in, in micros ($0.0001 = 100)
   */
  FeeFormula(long coefficient, int exponent, int pow10, boolean roundUp, long unitMicros) {
    if (coefficient < 0 || exponent < 0 || pow10 < 0) {
      throw new IllegalArgumentException("fee formula terms must be non-negative");
    }
    // Strip factors of ten from K against E: same value, smaller products, more fast paths.
    while (coefficient != 0 && pow10 > 0 && coefficient % 10 == 0) {
      coefficient /= 10;
      pow10--;
    }
    this.k = coefficient;
    this.exponent = exponent;
    this.pow10 = pow10;
    this.roundUp = roundUp;
    this.unitMicros = unitMicros;
  }

  /** The fee, in micros, for {@code quantityMicros} at {@code priceMicros}; overflow throws. */
  long micros(long priceMicros, long quantityMicros) {
    return Math.multiplyExact(units(priceMicros, quantityMicros), unitMicros);
  }

  /** The fee in whole fee units for {@code quantityMicros} at {@code priceMicros}. */
  private long units(long priceMicros, long quantityMicros) {
    if (priceMicros < 0 || priceMicros > Fixed.SCALE) {
      throw new IllegalArgumentException("price out of [0, 1]: " + Fixed.format(priceMicros));
    }
    if (quantityMicros < 0) {
      throw new IllegalArgumentException("negative quantity: " + Fixed.format(quantityMicros));
    }
    if (k == 0 || quantityMicros == 0) {
      return 0;
    }
    long x = priceMicros * (Fixed.SCALE - priceMicros); // at most 2.5e11
    long a = k;
    for (int i = 0; i < exponent; i++) {
      // a * x > Long.MAX_VALUE, tested without a division: a, x >= 0.
      long high = Math.multiplyHigh(a, x);
      long low = a * x;
      if (high != 0 || low < 0) {
        return unitsBig(x, quantityMicros);
      }
      a = low;
    }
    return WideArith.mulDivPow10(a, quantityMicros, pow10, roundUp);
  }

  private long unitsBig(long x, long quantityMicros) {
    BigInteger n = BigInteger.valueOf(k)
        .multiply(BigInteger.valueOf(x).pow(exponent))
        .multiply(BigInteger.valueOf(quantityMicros));
    BigInteger[] qr = n.divideAndRemainder(BigInteger.TEN.pow(pow10));
    BigInteger q = roundUp && qr[1].signum() != 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    return q.longValueExact(); // a fee beyond a long throws, never wraps
  }
}
