package io.github.crossarb.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one fixed-point scale of the project: prices, sizes and money are {@code long}s counting
 * millionths (1e-6). Both venues fit it exactly: Kalshi prices have 4 decimals and counts 2,
 * Polymarket amounts are 6-decimal integers on chain.
 */
public final class Fixed {
  /** Units per whole: 1 dollar = 1 contract = {@value} micros. */
  public static final long SCALE = 1_000_000L;
  /** Decimal places of {@link #SCALE}. */
  public static final int DECIMALS = 6;

  private Fixed() {}

  /**
   * Parses a plain decimal string ({@code "0.42"}, {@code "-3"}, {@code "10.00"}) into micros.
   * Exponents, signs other than a leading {@code -}, blanks and more than 6 decimals are refused:
   * venue numbers never carry them, and silently rounding one would misprice an order.
   *
   * @throws NumberFormatException with a message naming the input
   */
  public static long parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new NumberFormatException("empty number");
    }
    int i = 0;
    boolean negative = false;
    if (text.charAt(0) == '-') {
      negative = true;
      i = 1;
    }
    long whole = 0;
    int wholeDigits = 0;
    int n = text.length();
    for (; i < n && text.charAt(i) != '.'; i++) {
      int d = digit(text, i);
      whole = Math.addExact(Math.multiplyExact(whole, 10), d);
      wholeDigits++;
    }
    long fraction = 0;
    int fractionDigits = 0;
    if (i < n) { // at '.'
      i++;
      for (; i < n; i++) {
        int d = digit(text, i);
        if (fractionDigits == DECIMALS) {
          if (d != 0) {
            throw new NumberFormatException("more than " + DECIMALS + " decimals: \"" + text + "\"");
          }
          continue; // trailing zeros beyond the scale are harmless ("0.4200000")
        }
        fraction = fraction * 10 + d;
        fractionDigits++;
      }
      if (i == n && text.charAt(n - 1) == '.') {
        throw new NumberFormatException("not a decimal number: \"" + text + "\"");
      }
    }
    if (wholeDigits == 0 && fractionDigits == 0) {
      throw new NumberFormatException("not a decimal number: \"" + text + "\"");
    }
    for (int k = fractionDigits; k < DECIMALS; k++) {
      fraction *= 10;
    }
    try {
      long value = Math.addExact(Math.multiplyExact(whole, SCALE), fraction);
      return negative ? -value : value;
    } catch (ArithmeticException e) {
      throw new NumberFormatException("number out of range: \"" + text + "\"");
    }
  }

  private static int digit(String text, int index) {
    char c = text.charAt(index);
    if (c < '0' || c > '9') {
      throw new NumberFormatException("not a decimal number: \"" + text + "\"");
    }
    return c - '0';
  }

  /** Formats micros as the shortest plain decimal: {@code 420000 -> "0.42"}, {@code 0 -> "0"}. */
  public static String format(long micros) {
    return toBigDecimal(micros).stripTrailingZeros().toPlainString();
  }

  /** Formats micros with exactly {@code decimals} places, rounding half-up if that drops digits. */
  public static String format(long micros, int decimals) {
    return toBigDecimal(micros).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  public static BigDecimal toBigDecimal(long micros) {
    return BigDecimal.valueOf(micros, DECIMALS);
  }

  /**
   * Converts an exact decimal to micros.
   *
   * @throws ArithmeticException if it has more than 6 decimals or does not fit a long
   */
  public static long fromBigDecimal(BigDecimal value) {
    return value.movePointRight(DECIMALS).longValueExact();
  }

  /** {@code a * b / SCALE}, rounded toward negative infinity; overflow throws. */
  public static long mulFloor(long a, long b) {
    return Math.floorDiv(Math.multiplyExact(a, b), SCALE);
  }

  /** {@code a * b / SCALE}, rounded toward positive infinity; overflow throws. */
  public static long mulCeil(long a, long b) {
    return ceilDiv(Math.multiplyExact(a, b), SCALE);
  }

  /** Ceiling division (Java 17 has no {@code Math.ceilDiv}). */
  public static long ceilDiv(long x, long y) {
    return -Math.floorDiv(-x, y);
  }

  /** Rounds {@code value} down to a multiple of {@code unit} (toward negative infinity). */
  public static long floorTo(long value, long unit) {
    return Math.floorDiv(value, unit) * unit;
  }

  /** Rounds {@code value} up to a multiple of {@code unit} (toward positive infinity). */
  public static long ceilTo(long value, long unit) {
    return ceilDiv(value, unit) * unit;
  }
}
