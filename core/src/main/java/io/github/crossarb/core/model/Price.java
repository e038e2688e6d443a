package io.github.crossarb.core.model;

/**
 * The price of one binary contract in dollars, in micros: {@code 0 <= micros <= 1_000_000}.
 * A contract pays $1 if its outcome happens, so a price is also a probability.
 */
public record Price(long micros) implements Comparable<Price> {
  public static final Price ZERO = new Price(0);
  public static final Price ONE = new Price(Fixed.SCALE);

  public Price {
    if (micros < 0 || micros > Fixed.SCALE) {
      throw new IllegalArgumentException("price out of [0, 1]: " + Fixed.format(micros));
    }
  }

  public static Price ofMicros(long micros) {
    return new Price(micros);
  }

  /** Parses a dollar string such as {@code "0.4200"}. */
  public static Price parse(String dollars) {
    long micros = Fixed.parse(dollars);
    if (micros < 0 || micros > Fixed.SCALE) {
      throw new NumberFormatException("price out of [0, 1]: \"" + dollars + "\"");
    }
    return new Price(micros);
  }

  /** The price of the other outcome of the same contract: {@code 1 - this}. */
  public Price complement() {
    return new Price(Fixed.SCALE - micros);
  }

  public boolean isAbove(Price other) {
    return micros > other.micros;
  }

  public boolean isBelow(Price other) {
    return micros < other.micros;
  }

  @Override
  public int compareTo(Price other) {
    return Long.compare(micros, other.micros);
  }

  /** Plain decimal dollars, e.g. {@code 0.42}. */
  @Override
  public String toString() {
    return Fixed.format(micros);
  }
}
