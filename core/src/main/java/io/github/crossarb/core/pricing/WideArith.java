package io.github.crossarb.core.pricing;

import java.math.BigInteger;

/**
 * Exact arithmetic on the unsigned 128-bit product of two non-negative longs, without allocating.
 * Fee formulas multiply a price term (up to 2.5e11 in micros squared) by a size (1e6 per
 * contract), which leaves a long after a few contracts; BigInteger would be exact too but
 * allocates on the edge calculator's hot path.
 */
final class WideArith {
  /** 10^11 is the largest power of ten below 2^37, so {@code remainder << 26} stays below 2^63. */
  private static final int MAX_STEP = 11;
  private static final long MASK_26 = (1L << 26) - 1;
  private static final long[] POW10 = new long[MAX_STEP + 1];

  /** 10^18 is the largest power of ten below 2^63: one normalised 2-by-1 division handles it. */
  private static final int MAX_RECIPROCAL = 18;
  /** 10^k shifted left until its top bit is set. */
  private static final long[] NORMALISED = new long[MAX_RECIPROCAL + 1];
  /** The shift that normalises 10^k (at least 4, since 10^18 < 2^60). */
  private static final int[] SHIFT = new int[MAX_RECIPROCAL + 1];
  /** Möller–Granlund reciprocal of NORMALISED[k]: floor((2^128 − 1) / d) − 2^64, unsigned. */
  private static final long[] RECIPROCAL = new long[MAX_RECIPROCAL + 1];

  static {
    POW10[0] = 1;
    for (int i = 1; i <= MAX_STEP; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
    BigInteger twoTo128Minus1 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
    long p = 1;
    for (int k = 1; k <= MAX_RECIPROCAL; k++) {
      p *= 10;
      int shift = Long.numberOfLeadingZeros(p);
      long d = p << shift;
      SHIFT[k] = shift;
      NORMALISED[k] = d;
      BigInteger unsignedD = new BigInteger(Long.toUnsignedString(d));
      RECIPROCAL[k] = twoTo128Minus1.divide(unsignedD).subtract(twoTo64).longValue();
    }
  }

  private WideArith() {}

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
    if (exp >= 1 && exp <= MAX_RECIPROCAL && hi < NORMALISED[exp] >>> SHIFT[exp]) {
      // The fee formulas' case: a quotient below 2^64 by 10^1..10^18, in a few multiplications
      // instead of eight hardware divisions. Everything else takes the digit loop below.
      return divideByPow10(hi, lo, exp, roundUp);
    }
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

  /**
   * {@code (hi:lo) / 10^exp} rounded, for {@code hi < 10^exp}, by Möller and Granlund's 2-by-1
   * division with a precomputed reciprocal ("Improved division by invariant integers", 2011,
   * algorithm 4). Exact: the two corrections make quotient and remainder the true ones.
   */
  static long divideByPow10(long hi, long lo, int exp, boolean roundUp) {
    int s = SHIFT[exp]; // 4..60: both shifts below are well defined
    long d = NORMALISED[exp];
    long u1 = (hi << s) | (lo >>> (64 - s));
    long u0 = lo << s;
    long v = RECIPROCAL[exp];
    // (q1:q0) = v * u1 + (u1:u0), then q1 + 1 is the candidate quotient
    long q0 = v * u1;
    long q1 = unsignedMultiplyHigh(v, u1);
    long sum = q0 + u0;
    q1 += u1 + (Long.compareUnsigned(sum, q0) < 0 ? 1 : 0);
    q0 = sum;
    q1++;
    long r = u0 - q1 * d;
    if (Long.compareUnsigned(r, q0) > 0) {
      q1--;
      r += d;
    }
    if (Long.compareUnsigned(r, d) >= 0) {
      q1++;
      r -= d;
    }
    // q1 is the unsigned quotient; r the remainder shifted left by s (zero iff the remainder is).
    if (q1 < 0) {
      throw new ArithmeticException("result does not fit a long");
    }
    if (roundUp && r != 0) {
      if (q1 == Long.MAX_VALUE) {
        throw new ArithmeticException("result does not fit a long");
      }
      q1++;
    }
    return q1;
  }

  /** The high 64 bits of the unsigned product (Math.unsignedMultiplyHigh is Java 18). */
  private static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
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
