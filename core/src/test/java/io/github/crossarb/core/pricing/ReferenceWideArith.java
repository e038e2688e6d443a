package io.github.crossarb.core.pricing;

/**
 * TEST REFERENCE: a frozen copy of {@code WideArith} as it was before the speed-up of 2026-11 (commit
 * 0d901e1), kept unchanged so that properties can prove the optimised code returns exactly the
 * same results. Do not optimise this copy.
 *
 * <p>Original documentation:
 *
 * Exact arithmetic on the unsigned 128-bit product of two non-negative longs, without allocating.
 * Fee formulas multiply a price term (up to 2.5e11 in micros squared) by a size (1e6 per
 * contract), which leaves a long after a few contracts; BigInteger would be exact too but
 * allocates on the edge calculator's hot path.
 */
final class ReferenceWideArith {
  /** 10^11 is the largest power of ten below 2^37, so {@code remainder << 26} stays below 2^63. */
  private static final int MAX_STEP = 11;
  private static final long MASK_26 = (1L << 26) - 1;
  private static final long[] POW10 = new long[MAX_STEP + 1];

  static {
    POW10[0] = 1;
    for (int i = 1; i <= MAX_STEP; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private ReferenceWideArith() {}

  /**
   * {@code a * b / 10^exp}, rounded down or up, computed exactly over 128 bits.
   *
   * @throws IllegalArgumentException if an argument is negative
   * @throws ArithmeticException if the result does not fit a long
   */
  static long mulDivPow10(long a, long b, int exp, boolean roundUp) {
    if (a < 0 || b < 0 || exp < 0) {
      throw new IllegalArgumentException("mulDivPow10 needs non-negative arguments");
    }
    // a, b < 2^63, so the product is below 2^126: hi is non-negative and signed ops suffice on it.
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b; // the low 64 bits, read as unsigned
    while (exp > 0) {
      if (hi == 0 && lo >= 0 && lo <= 1) {
        // 0 stays 0; 1 / 10^k (k >= 1) is 0 rounded down and 1 rounded up
        return roundUp ? lo : 0;
      }
      int k = Math.min(exp, MAX_STEP);
      long d = POW10[k];
      exp -= k;
      // Nested rounding is exact: floor(floor(x/p)/q) = floor(x/(pq)), likewise for ceiling.
      long qHi = hi / d;
      long r = hi % d;
      // Schoolbook division of (r:lo) by d < 2^37 in digits of 12, 26 and 26 bits.
      long cur = (r << 12) | (lo >>> 52);
      long q = cur / d;
      r = cur % d;
      cur = (r << 26) | ((lo >>> 26) & MASK_26);
      q = (q << 26) | (cur / d);
      r = cur % d;
      cur = (r << 26) | (lo & MASK_26);
      q = (q << 26) | (cur / d);
      r = cur % d;
      if (roundUp && r != 0) {
        q++;
        if (q == 0) {
          qHi++; // carry out of the unsigned low word
        }
      }
      hi = qHi;
      lo = q;
    }
    if (hi != 0 || lo < 0) {
      throw new ArithmeticException("result does not fit a long");
    }
    return lo;
  }

  /** Compares {@code a * b} with {@code c * d} exactly; all four must be non-negative. */
  static int compareProducts(long a, long b, long c, long d) {
    if (a < 0 || b < 0 || c < 0 || d < 0) {
      throw new IllegalArgumentException("compareProducts needs non-negative arguments");
    }
    int high = Long.compare(Math.multiplyHigh(a, b), Math.multiplyHigh(c, d));
    return high != 0 ? high : Long.compareUnsigned(a * b, c * d);
  }

  /** Greatest common divisor of two positive longs. */
  static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /** Least common multiple of two positive longs; overflow throws. */
  static long lcm(long a, long b) {
    if (a <= 0 || b <= 0) {
      throw new IllegalArgumentException("lcm needs positive arguments");
    }
    return Math.multiplyExact(a / gcd(a, b), b);
  }
}
