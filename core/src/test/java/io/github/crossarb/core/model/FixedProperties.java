package io.github.crossarb.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class FixedProperties {

  @Property
  void parseInvertsFormat(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long micros) {
    assertThat(Fixed.parse(Fixed.format(micros))).isEqualTo(micros);
    assertThat(Fixed.parse(Fixed.format(micros, 6))).isEqualTo(micros);
  }

  @Property
  void priceParseInvertsToString(@ForAll @LongRange(min = 0, max = 1_000_000) long micros) {
    Price price = Price.ofMicros(micros);
    assertThat(Price.parse(price.toString())).isEqualTo(price);
    assertThat(price.complement().complement()).isEqualTo(price);
  }

  @Property
  void productsRoundTheWayTheyAreAsked(
      @ForAll @LongRange(min = 0, max = 1_000_000) long price,
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long quantity) {
    BigDecimal exact = BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(quantity))
        .divide(BigDecimal.valueOf(Fixed.SCALE));
    assertThat(Money.costOf(Price.ofMicros(price), Quantity.ofMicros(quantity)).micros())
        .isEqualTo(exact.setScale(0, RoundingMode.CEILING).longValueExact());
    assertThat(Money.proceedsOf(Price.ofMicros(price), Quantity.ofMicros(quantity)).micros())
        .isEqualTo(exact.setScale(0, RoundingMode.FLOOR).longValueExact());
  }

  @Property
  void venueGridProductsAreExact(
      @ForAll @IntRange(min = 0, max = 10_000) int priceBasisPoints,
      @ForAll @IntRange(min = 0, max = 10_000_000) int centContracts) {
    // Kalshi: 4-decimal prices times 2-decimal counts never need rounding at 1e-6.
    Price price = Price.ofMicros(priceBasisPoints * 100L);
    Quantity quantity = Quantity.ofMicros(centContracts * 10_000L);
    assertThat(Money.costOf(price, quantity)).isEqualTo(Money.proceedsOf(price, quantity));
  }
}
