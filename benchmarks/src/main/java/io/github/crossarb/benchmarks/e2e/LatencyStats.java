package io.github.crossarb.benchmarks.e2e;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies in nanoseconds, by the nearest-rank method (the value at rank
 * {@code ceil(p * n)} of the sorted samples): every percentile is a latency that was measured.
 *
 * @param count how many samples
 * @param p50 median
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param max the largest
 * @param mean the arithmetic mean (rounded down)
 */
public record LatencyStats(int count, long min, long p50, long p99, long p999, long max, long mean) {
  public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0, 0, 0);

  /** The statistics of {@code nanos} (not modified). */
  public static LatencyStats of(long[] nanos) {
    if (nanos.length == 0) {
      return EMPTY;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    long sum = 0;
    for (long v : sorted) {
      sum += v;
    }
    return new LatencyStats(sorted.length, sorted[0], rank(sorted, 0.50), rank(sorted, 0.99), rank(sorted, 0.999),
        sorted[sorted.length - 1], sum / sorted.length);
  }

  /** The nearest-rank percentile {@code p} (in (0, 1]) of sorted samples. */
  static long rank(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(1, Math.min(sorted.length, rank)) - 1];
  }

  /** Microseconds with one decimal, e.g. {@code 87.3}. */
  public static String micros(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1000.0);
  }
}
