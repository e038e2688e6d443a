package io.github.crossarb.polymarket.order;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * TEST ORACLE (never in main code, where money is exact): a port of the official client's double-based rounding ({@code roundNormal}, {@code roundDown},
 * {@code roundUp}, {@code decimalPlaces} in {@code utilities.ts}), so that amounts agree with it
 * bit for bit, its floating-point artefacts on large notionals included. {@code decimalPlaces}
 * counts the digits of JavaScript's {@code Number.prototype.toString}, the shortest decimal that
 * reads back as the same double; {@link #shortest} computes that decimal independently of the
 * JDK's {@code Double.toString} (which is not shortest before JDK 19).
 */
final class SdkArithmetic {
  private SdkArithmetic() {}

  /** JavaScript's {@code Number.EPSILON}. */
  private static final double EPSILON = Math.ulp(1.0);

  /** The shortest decimal that parses back to {@code x} (the digits of JS {@code toString}). */
  static BigDecimal shortest(double x) {
    if (!Double.isFinite(x)) {
      throw new ArithmeticException("not a finite amount: " + x);
    }
    if (x == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal exact = new BigDecimal(x);
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == x) {
        return candidate.stripTrailingZeros();
      }
    }
    return exact.stripTrailingZeros();
  }

  static int decimalPlaces(double x) {
    if (x == Math.rint(x)) {
      return 0;
    }
    return Math.max(0, shortest(x).scale());
  }

  static double roundNormal(double x, int decimals) {
    if (decimalPlaces(x) <= decimals) {
      return x;
    }
    double scale = Math.pow(10, decimals);
    return jsRound((x + EPSILON) * scale) / scale;
  }

  static double roundDown(double x, int decimals) {
    if (decimalPlaces(x) <= decimals) {
      return x;
    }
    double scale = Math.pow(10, decimals);
    return Math.floor(x * scale) / scale;
  }

  static double roundUp(double x, int decimals) {
    if (decimalPlaces(x) <= decimals) {
      return x;
    }
    double scale = Math.pow(10, decimals);
    return Math.ceil(x * scale) / scale;
  }

  /** The SDK's clean-up of a product or quotient: round up at amount+4, then down at amount decimals. */
  static double clean(double x, int amountDecimals) {
    if (decimalPlaces(x) > amountDecimals) {
      x = roundUp(x, amountDecimals + 4);
      if (decimalPlaces(x) > amountDecimals) {
        x = roundDown(x, amountDecimals);
      }
    }
    return x;
  }

  /** viem's {@code parseUnits(x.toString(), 6)}. */
  static long units(double x) {
    return shortest(x).setScale(6, RoundingMode.HALF_UP).movePointRight(6).longValueExact();
  }

  /** JavaScript's {@code Math.round}: halves go up. */
  private static double jsRound(double x) {
    // Java's Math.round has the same contract (nearest, ties toward positive infinity).
    return (double) Math.round(x);
  }
}
