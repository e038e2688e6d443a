package io.github.crossarb.core.pricing;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Quantity;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits for one evaluation.
 *
 * @param maxSize the largest size to plan, at most {@link #MAX_SIZE_LIMIT}
 * @param minEdge the smallest expected profit worth trading, absolute
 * @param minEdgeRelativeMicros the smallest profit as a fraction of total cost (incl. fees), in
 *     micros: 10 000 = 1%. It also cuts off depth: a level pair whose marginal edge per contract is
 *     below this fraction of its marginal cost is not used.
 * @param maxBookAge books older than this are refused
 */
public record EdgeParams(Quantity maxSize, Money minEdge, long minEdgeRelativeMicros, Duration maxBookAge) {
  /**
   * One million contracts. No single arbitrage comes near it, and it keeps every exact amount
   * (dollars in 1e-12 units) inside a long.
   */
  public static final Quantity MAX_SIZE_LIMIT = Quantity.of(1_000_000);

  public EdgeParams {
    Objects.requireNonNull(maxSize, "maxSize");
    Objects.requireNonNull(minEdge, "minEdge");
    Objects.requireNonNull(maxBookAge, "maxBookAge");
    if (maxSize.isZero() || maxSize.compareTo(MAX_SIZE_LIMIT) > 0) {
      throw new IllegalArgumentException("maxSize must be in (0, " + MAX_SIZE_LIMIT + "]: " + maxSize);
    }
    if (minEdge.isNegative()) {
      throw new IllegalArgumentException("minEdge must not be negative: " + minEdge);
    }
    if (minEdgeRelativeMicros < 0) {
      throw new IllegalArgumentException("minEdgeRelativeMicros must not be negative: " + minEdgeRelativeMicros);
    }
    if (maxBookAge.isNegative()) {
      throw new IllegalArgumentException("maxBookAge must not be negative: " + maxBookAge);
    }
    try {
      maxBookAge.toMillis();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("maxBookAge too large: " + maxBookAge, e);
    }
  }

  /** {@link #maxBookAge} in whole milliseconds (book ages are kept in milliseconds). */
  public long maxBookAgeMillis() {
    return maxBookAge.toMillis();
  }
}
