package io.github.crossarb.core.model;

/** An amount of dollars (USD on Kalshi, pUSD on Polymarket) in micros; may be negative. */
public record Money(long micros) implements Comparable<Money> {
  public static final Money ZERO = new Money(0);

  public static Money ofMicros(long micros) {
    return new Money(micros);
  }

  /** Parses a dollar string such as {@code "-12.3456"}. */
  public static Money parse(String dollars) {
    return new Money(Fixed.parse(dollars));
  }

  /**
   * The cost of {@code quantity} contracts at {@code price}, rounded up to the micro: what a
   * buyer pays is never understated. Exact for every venue grid (4-decimal prices times
   * 2-decimal sizes).
   */
  public static Money costOf(Price price, Quantity quantity) {
    return new Money(Fixed.mulCeil(price.micros(), quantity.micros()));
  }

  /** The proceeds of selling, rounded down to the micro. */
  public static Money proceedsOf(Price price, Quantity quantity) {
    return new Money(Fixed.mulFloor(price.micros(), quantity.micros()));
  }

  /** What {@code quantity} winning contracts pay out: $1 each. */
  public static Money payoutOf(Quantity quantity) {
    return new Money(quantity.micros());
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(micros, other.micros));
  }

  public Money minus(Money other) {
    return new Money(Math.subtractExact(micros, other.micros));
  }

  public Money negate() {
    return new Money(Math.negateExact(micros));
  }

  public boolean isNegative() {
    return micros < 0;
  }

  public boolean isPositive() {
    return micros > 0;
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(micros, other.micros);
  }

  @Override
  public String toString() {
    return Fixed.format(micros);
  }
}
