package io.github.crossarb.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The fee models against a plain BigDecimal reading of the venues' formulas. */
class FeeModelProperties {

  private static final String[] KALSHI_TYPES = {
    "quadratic", "quadratic_with_maker_fees", "quadratic_with_combo_maker_fees"
  };
  /** Maker rates written independently of the model's table. */
  private static final String[] KALSHI_MAKER_RATES = {"0", "0.0175", "0.035"};

  @Provide
  Arbitrary<Long> prices() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 1_000_000),
        Arbitraries.longs().between(0, 100).map(c -> c * 10_000), // whole cents
        Arbitraries.longs().between(0, 1000).map(m -> m * 1_000)); // tenths of a cent
  }

  @Provide
  Arbitrary<Long> quantities() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 1_000_000_000L), // up to 1000 contracts, any micro
        Arbitraries.longs().between(0, 100_000).map(c -> c * 10_000), // 2-decimal counts
        Arbitraries.longs().between(0, 1_000_000_000_000_000L)); // up to 1e9 contracts
  }

  @Provide
  Arbitrary<Long> multipliers() {
    return Arbitraries.oneOf(
        Arbitraries.of(0L, 500_000L, 1_000_000L, 1_500_000L, 2_000_000L),
        Arbitraries.longs().between(0, 5_000_000));
  }

  static BigDecimal kalshiReference(String rate, long multiplier, long price, long quantity) {
    BigDecimal p = Fixed.toBigDecimal(price);
    BigDecimal exact = new BigDecimal(rate)
        .multiply(Fixed.toBigDecimal(multiplier))
        .multiply(Fixed.toBigDecimal(quantity))
        .multiply(p)
        .multiply(BigDecimal.ONE.subtract(p));
    return exact.setScale(4, RoundingMode.CEILING);
  }

  static BigDecimal polymarketReference(long rate, int exponent, long price, long quantity) {
    BigDecimal p = Fixed.toBigDecimal(price);
    BigDecimal exact = Fixed.toBigDecimal(quantity)
        .multiply(Fixed.toBigDecimal(rate))
        .multiply(p.multiply(BigDecimal.ONE.subtract(p)).pow(exponent));
    return exact.setScale(5, RoundingMode.FLOOR);
  }

  @Property(tries = 1000)
  void kalshiMatchesTheFormula(
      @ForAll @IntRange(min = 0, max = 2) int type,
      @ForAll("multipliers") long multiplier,
      @ForAll("prices") long price,
      @ForAll("quantities") long quantity) {
    KalshiFeeModel model = KalshiFeeModel.of(KALSHI_TYPES[type], multiplier);
    Money taker = model.takerFee(Price.ofMicros(price), Quantity.ofMicros(quantity));
    Money maker = model.makerFee(Price.ofMicros(price), Quantity.ofMicros(quantity));
    assertThat(Fixed.toBigDecimal(taker.micros()))
        .isEqualByComparingTo(kalshiReference("0.07", multiplier, price, quantity));
    assertThat(Fixed.toBigDecimal(maker.micros()))
        .isEqualByComparingTo(kalshiReference(KALSHI_MAKER_RATES[type], multiplier, price, quantity));
    assertThat(model.takerFeeMicros(price, quantity)).isEqualTo(taker.micros());
  }

  @Property(tries = 1000)
  void polymarketMatchesTheFormula(
      @ForAll @IntRange(min = 0, max = 1_000_000) int rate,
      @ForAll @IntRange(min = 0, max = 4) int exponent,
      @ForAll("prices") long price,
      @ForAll("quantities") long quantity) {
    PolymarketFeeModel model = PolymarketFeeModel.of(rate, exponent);
    Money taker = model.takerFee(Price.ofMicros(price), Quantity.ofMicros(quantity));
    assertThat(Fixed.toBigDecimal(taker.micros()))
        .isEqualByComparingTo(polymarketReference(rate, exponent, price, quantity));
    assertThat(model.takerFeeMicros(price, quantity)).isEqualTo(taker.micros());
    assertThat(model.makerFee(Price.ofMicros(price), Quantity.ofMicros(quantity))).isEqualTo(Money.ZERO);
  }

  @Property(tries = 1000)
  void kalshiIsMonotoneInQuantity(
      @ForAll @IntRange(min = 0, max = 2) int type,
      @ForAll("multipliers") long multiplier,
      @ForAll("prices") long price,
      @ForAll("quantities") long q1,
      @ForAll("quantities") long q2) {
    KalshiFeeModel model = KalshiFeeModel.of(KALSHI_TYPES[type], multiplier);
    Price p = Price.ofMicros(price);
    Quantity small = Quantity.ofMicros(Math.min(q1, q2));
    Quantity large = Quantity.ofMicros(Math.max(q1, q2));
    assertThat(model.takerFee(p, small)).isLessThanOrEqualTo(model.takerFee(p, large));
    assertThat(model.makerFee(p, small)).isLessThanOrEqualTo(model.makerFee(p, large));
    // one micro more never costs less either (the rounding boundary is where it could go wrong)
    Quantity next = Quantity.ofMicros(small.micros() + 1);
    assertThat(model.takerFee(p, small)).isLessThanOrEqualTo(model.takerFee(p, next));
  }

  @Property(tries = 1000)
  void polymarketIsMonotoneInQuantity(
      @ForAll @IntRange(min = 0, max = 1_000_000) int rate,
      @ForAll @IntRange(min = 0, max = 4) int exponent,
      @ForAll("prices") long price,
      @ForAll("quantities") long q1,
      @ForAll("quantities") long q2) {
    PolymarketFeeModel model = PolymarketFeeModel.of(rate, exponent);
    Price p = Price.ofMicros(price);
    Quantity small = Quantity.ofMicros(Math.min(q1, q2));
    Quantity large = Quantity.ofMicros(Math.max(q1, q2));
    assertThat(model.takerFee(p, small)).isLessThanOrEqualTo(model.takerFee(p, large));
    Quantity next = Quantity.ofMicros(small.micros() + 1);
    assertThat(model.takerFee(p, small)).isLessThanOrEqualTo(model.takerFee(p, next));
  }
}
