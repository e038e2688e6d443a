package io.github.crossarb.polymarket.order;

import io.github.crossarb.core.model.Price;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The six tick sizes of CLOB V2, with the SDK's {@code ROUNDING_CONFIG}: decimals of the price,
 * of the size and of the maker/taker amounts.
 */
public enum TickSize {
  T0_1("0.1", 1, 2, 3),
  T0_01("0.01", 2, 2, 4),
  T0_005("0.005", 3, 2, 5),
  T0_0025("0.0025", 4, 2, 6),
  T0_001("0.001", 3, 2, 5),
  T0_0001("0.0001", 4, 2, 6);

  private final String text;
  private final BigDecimal value;
  private final int priceDecimals;
  private final int sizeDecimals;
  private final int amountDecimals;

  TickSize(String text, int priceDecimals, int sizeDecimals, int amountDecimals) {
    this.text = text;
    this.value = new BigDecimal(text);
    this.priceDecimals = priceDecimals;
    this.sizeDecimals = sizeDecimals;
    this.amountDecimals = amountDecimals;
  }

  public String text() {
    return text;
  }

  public BigDecimal value() {
    return value;
  }

  public Price price() {
    return Price.parse(text);
  }

  public int priceDecimals() {
    return priceDecimals;
  }

  public int sizeDecimals() {
    return sizeDecimals;
  }

  public int amountDecimals() {
    return amountDecimals;
  }

  /** The tick for a venue value such as {@code "0.01"}, {@code 0.01} or {@code "0.0100"}; empty if unknown. */
  public static Optional<TickSize> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    BigDecimal v;
    try {
      v = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    for (TickSize t : values()) {
      if (t.value.compareTo(v) == 0) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return text;
  }
}
