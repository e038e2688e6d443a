package io.github.crossarb.core.pricing;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;

/**
 * Polymarket's (CLOB V2) taker fee for one fill: {@code C × rate × (P × (1−P))^exponent}, floored
 * to $0.00001, with C shares at P dollars. Makers pay nothing (rebates are ignored: never count on
 * income). Rate and exponent are per market, from {@code /clob-markets} {@code fd.r} and
 * {@code fd.e}. The floor to 5 decimals is reported, not verified (reference §6).
 *
 * <p>{@link EdgeCalculator} relies on this fee being an exact linear function of the quantity at
 * each price, rounded once to {@code FEE_UNIT_MICROS}: it bounds its size search with that. A
 * formula that is not (a table, a minimum fee) must change the calculator's {@code roundingUnit}.
 */
public final class PolymarketFeeModel implements FeeModel {
  /** Fees are floored to $0.00001. */
  public static final long FEE_UNIT_MICROS = 10;
  /** Above this a curve is implausible; refusing it beats trusting a garbled field. */
  public static final int MAX_EXPONENT = 64;

  private final long rateMicros;
  private final int exponent;
  private final FeeFormula taker;

  private PolymarketFeeModel(long rateMicros, int exponent) {
    this.rateMicros = rateMicros;
    this.exponent = exponent;
    // C (1e-6) × rate (1e-6) × (P(1−P))^e (1e-12 each) in units of 1e-5 dollars.
    this.taker = new FeeFormula(rateMicros, exponent, 6 + 6 + 12 * exponent - 5, false, FEE_UNIT_MICROS);
  }

  /**
   * A model from the market's fee rate (a plain decimal such as {@code "0.03"}) and exponent (a
   * whole number such as {@code "1"}; {@code "1.0"} is accepted, {@code "1.5"} refused).
   *
   * @throws IllegalArgumentException if either is malformed or out of range
   */
  public static PolymarketFeeModel of(String feeRate, String exponent) {
    long rate;
    long exponentMicros;
    try {
      rate = Fixed.parse(feeRate);
      exponentMicros = Fixed.parse(exponent);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad Polymarket fee parameter: " + e.getMessage(), e);
    }
    if (exponentMicros % Fixed.SCALE != 0) {
      throw new IllegalArgumentException("Polymarket fee exponent must be a whole number: \"" + exponent + "\"");
    }
    long whole = exponentMicros / Fixed.SCALE;
    if (whole < 0 || whole > MAX_EXPONENT) {
      throw new IllegalArgumentException(
          "Polymarket fee exponent out of [0, " + MAX_EXPONENT + "]: \"" + exponent + "\"");
    }
    return of(rate, (int) whole);
  }

  /** As {@link #of(String, String)} with the rate in micros (0.03 = 30 000). */
  public static PolymarketFeeModel of(long rateMicros, int exponent) {
    // A rate above 1 would charge more than the notional: more likely a unit mix-up (bps, %)
    // than a real market, so it is refused rather than traded on.
    if (rateMicros < 0 || rateMicros > Fixed.SCALE) {
      throw new IllegalArgumentException("Polymarket fee rate out of [0, 1]: " + Fixed.format(rateMicros));
    }
    if (exponent < 0 || exponent > MAX_EXPONENT) {
      throw new IllegalArgumentException("Polymarket fee exponent out of [0, " + MAX_EXPONENT + "]: " + exponent);
    }
    return new PolymarketFeeModel(rateMicros, exponent);
  }

  public long rateMicros() {
    return rateMicros;
  }

  public int exponent() {
    return exponent;
  }

  @Override
  public long takerFeeMicros(long priceMicros, long quantityMicros) {
    return taker.micros(priceMicros, quantityMicros);
  }

  /** Zero: only takers pay on Polymarket. */
  @Override
  public Money makerFee(Price price, Quantity quantity) {
    return Money.ZERO;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolymarketFeeModel other && rateMicros == other.rateMicros && exponent == other.exponent;
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(rateMicros) + exponent;
  }

  @Override
  public String toString() {
    return "PolymarketFeeModel[rate=" + Fixed.format(rateMicros) + ", exponent=" + exponent
        + ", takersOnly, roundedDownTo=" + Fixed.format(FEE_UNIT_MICROS) + "]";
  }
}
