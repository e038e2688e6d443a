package io.github.crossarb.core.pricing;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import java.util.Objects;

/**
 * Kalshi's trading fee for one fill: {@code roundup(rate × multiplier × C × P × (1−P))} to
 * $0.0001, with C contracts at P dollars. Takers pay rate 0.07; makers pay per the series'
 * {@code fee_type}. Built from the series' {@code fee_type} and {@code fee_multiplier}; a fee
 * type this class does not know (including {@code flat}, whose table is not modelled) is refused,
 * never guessed.
 *
 * <p>Not modelled: the "rounding fee" that brings a non-direct member's balance to whole cents
 * (reconciled per order by Kalshi's accumulator), fee waivers, and index series with other rates.
 *
 * <p>{@link EdgeCalculator} relies on this fee being an exact linear function of the quantity at
 * each price, rounded once to {@code FEE_UNIT_MICROS}: it bounds its size search with that. A
 * formula that is not (a table, a minimum fee) must change the calculator's {@code roundingUnit}.
 */
public final class KalshiFeeModel implements FeeModel {

  /** The {@code fee_type} values whose formula is known. */
  public enum FeeType {
    /** Takers pay; makers pay nothing. */
    QUADRATIC("quadratic", 0),
    /** Makers pay a quarter of the taker rate: 0.0175. */
    QUADRATIC_WITH_MAKER_FEES("quadratic_with_maker_fees", 17_500),
    /** Makers pay half of the taker rate: 0.035. */
    QUADRATIC_WITH_COMBO_MAKER_FEES("quadratic_with_combo_maker_fees", 35_000);

    private final String wireName;
    private final long makerRateMicros;

    FeeType(String wireName, long makerRateMicros) {
      this.wireName = wireName;
      this.makerRateMicros = makerRateMicros;
    }

    /** The API's spelling, e.g. {@code quadratic_with_maker_fees}. */
    public String wireName() {
      return wireName;
    }

    /** The maker rate before the multiplier, in micros (0.0175 = 17 500). */
    public long makerRateMicros() {
      return makerRateMicros;
    }

    /**
     * The fee type with this exact API spelling.
     *
     * @throws IllegalArgumentException for any other value: the market is not tradable
     */
    public static FeeType parse(String feeType) {
      for (FeeType type : values()) {
        if (type.wireName.equals(feeType)) {
          return type;
        }
      }
      throw new IllegalArgumentException(
          "unsupported Kalshi fee type \"" + feeType + "\": market not tradable");
    }
  }

  /** The taker rate before the multiplier: 0.07. */
  public static final long TAKER_RATE_MICROS = 70_000;
  /** Fees are rounded up to $0.0001. */
  public static final long FEE_UNIT_MICROS = 100;
  /** rate (1e-6) × multiplier (1e-6) × C (1e-6) × P(1−P) (1e-12) in units of 1e-4 dollars. */
  private static final int POW10 = 6 + 6 + 6 + 12 - 4;

  private final FeeType feeType;
  private final long multiplierMicros;
  private final FeeFormula taker;
  private final FeeFormula maker;

  private KalshiFeeModel(FeeType feeType, long multiplierMicros) {
    this.feeType = feeType;
    this.multiplierMicros = multiplierMicros;
    try {
      this.taker = new FeeFormula(Math.multiplyExact(TAKER_RATE_MICROS, multiplierMicros), 1, POW10, true, FEE_UNIT_MICROS);
      this.maker = new FeeFormula(Math.multiplyExact(feeType.makerRateMicros, multiplierMicros), 1, POW10, true, FEE_UNIT_MICROS);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("Kalshi fee multiplier too large: " + Fixed.format(multiplierMicros), e);
    }
  }

  /**
   * A model for a series with this {@code fee_type} and {@code fee_multiplier} (a plain decimal
   * such as {@code "1"} or {@code "0.5"}, parsed exactly to 6 decimals).
   *
   * @throws IllegalArgumentException for an unsupported fee type or a bad multiplier
   */
  public static KalshiFeeModel of(String feeType, String feeMultiplier) {
    FeeType type = FeeType.parse(feeType);
    long micros;
    try {
      micros = Fixed.parse(feeMultiplier);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad Kalshi fee multiplier: " + e.getMessage(), e);
    }
    return of(type, micros);
  }

  /** As {@link #of(String, String)} with the multiplier in micros (1.0 = 1 000 000). */
  public static KalshiFeeModel of(String feeType, long multiplierMicros) {
    return of(FeeType.parse(feeType), multiplierMicros);
  }

  /** As {@link #of(String, String)} with a known fee type and the multiplier in micros. */
  public static KalshiFeeModel of(FeeType feeType, long multiplierMicros) {
    Objects.requireNonNull(feeType, "feeType");
    if (multiplierMicros < 0) {
      throw new IllegalArgumentException("negative Kalshi fee multiplier: " + Fixed.format(multiplierMicros));
    }
    return new KalshiFeeModel(feeType, multiplierMicros);
  }

  public FeeType feeType() {
    return feeType;
  }

  public long multiplierMicros() {
    return multiplierMicros;
  }

  @Override
  public long takerFeeMicros(long priceMicros, long quantityMicros) {
    return taker.micros(priceMicros, quantityMicros);
  }

  @Override
  public Money makerFee(Price price, Quantity quantity) {
    return Money.ofMicros(maker.micros(price.micros(), quantity.micros()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KalshiFeeModel other
        && feeType == other.feeType
        && multiplierMicros == other.multiplierMicros;
  }

  @Override
  public int hashCode() {
    return 31 * feeType.hashCode() + Long.hashCode(multiplierMicros);
  }

  @Override
  public String toString() {
    return "KalshiFeeModel[feeType=" + feeType.wireName
        + ", multiplier=" + Fixed.format(multiplierMicros)
        + ", takerRate=" + Fixed.format(TAKER_RATE_MICROS)
        + ", makerRate=" + Fixed.format(feeType.makerRateMicros)
        + ", roundedUpTo=" + Fixed.format(FEE_UNIT_MICROS) + "]";
  }
}
