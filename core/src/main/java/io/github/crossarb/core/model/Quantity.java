package io.github.crossarb.core.model;

/** A number of contracts (Kalshi) or shares (Polymarket), in micros; never negative. */
public record Quantity(long micros) implements Comparable<Quantity> {
  public static final Quantity ZERO = new Quantity(0);

  public Quantity {
    if (micros < 0) {
      throw new IllegalArgumentException("negative quantity: " + Fixed.format(micros));
    }
  }

  public static Quantity ofMicros(long micros) {
    return new Quantity(micros);
  }

  /** Whole contracts. */
  public static Quantity of(long contracts) {
    return new Quantity(Math.multiplyExact(contracts, Fixed.SCALE));
  }

  /** Parses a count string such as {@code "10.00"}. */
  public static Quantity parse(String text) {
    long micros = Fixed.parse(text);
    if (micros < 0) {
      throw new NumberFormatException("negative quantity: \"" + text + "\"");
    }
    return new Quantity(micros);
  }

  public Quantity plus(Quantity other) {
    return new Quantity(Math.addExact(micros, other.micros));
  }

  /** {@code this - other}; fails if the result would be negative. */
  public Quantity minus(Quantity other) {
    return new Quantity(Math.subtractExact(micros, other.micros));
  }

  public Quantity min(Quantity other) {
    return micros <= other.micros ? this : other;
  }

  public boolean isZero() {
    return micros == 0;
  }

  /** Whether this is a whole multiple of {@code step} (a zero step accepts everything). */
  public boolean isMultipleOf(Quantity step) {
    return step.micros == 0 || micros % step.micros == 0;
  }

  /** Rounds down to a multiple of {@code step}. */
  public Quantity floorTo(Quantity step) {
    return step.micros == 0 ? this : new Quantity(Fixed.floorTo(micros, step.micros));
  }

  @Override
  public int compareTo(Quantity other) {
    return Long.compare(micros, other.micros);
  }

  @Override
  public String toString() {
    return Fixed.format(micros);
  }
}
