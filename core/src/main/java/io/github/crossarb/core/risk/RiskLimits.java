package io.github.crossarb.core.risk;

import io.github.crossarb.core.model.Money;
import java.util.Objects;

/**
 * The operator's limits. Every amount is positive dollars.
 *
 * @param maxNotionalPerPair most money committed to one pair (positions held plus the new order)
 * @param maxNotionalTotal most money committed across all pairs
 * @param maxUnhedgedExposure most money in legs without their hedge (the cost of residuals)
 * @param dailyLossLimit trading stops once today's realised loss reaches this
 * @param maxConsecutiveErrors trading stops after this many order errors in a row
 */
public record RiskLimits(
    Money maxNotionalPerPair,
    Money maxNotionalTotal,
    Money maxUnhedgedExposure,
    Money dailyLossLimit,
    int maxConsecutiveErrors) {

  public RiskLimits {
    requirePositive(maxNotionalPerPair, "max notional per pair");
    requirePositive(maxNotionalTotal, "max total notional");
    requirePositive(maxUnhedgedExposure, "max unhedged exposure");
    requirePositive(dailyLossLimit, "daily loss limit");
    if (maxConsecutiveErrors < 1) {
      throw new IllegalArgumentException("max consecutive errors must be at least 1");
    }
  }

  private static void requirePositive(Money value, String what) {
    Objects.requireNonNull(value, what);
    if (!value.isPositive()) {
      throw new IllegalArgumentException(what + " must be positive, was " + value);
    }
  }
}
