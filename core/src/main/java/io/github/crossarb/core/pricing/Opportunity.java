package io.github.crossarb.core.pricing;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Quantity;
import java.time.Duration;
import java.util.Objects;

/**
 * A sized arbitrage: buy {@code size} on each leg, and whichever way the event settles one leg
 * pays {@code payout}. Money is rounded against us: {@code totalCost} is the exact cost plus fees
 * rounded up to the micro and {@code expectedProfit = payout − totalCost}, i.e. the exact profit
 * rounded down. Each leg's cost is rounded up on its own, so the legs' costs plus fees may exceed
 * {@code totalCost} by one micro when both have a fraction of a micro.
 *
 * @param totalFees both legs' fees
 * @param kalshiBookAge how old each book was when evaluated
 */
public record Opportunity(
    String pairId,
    Direction direction,
    LegPlan kalshi,
    LegPlan polymarket,
    Quantity size,
    Money totalCost,
    Money totalFees,
    Money payout,
    Money expectedProfit,
    Duration kalshiBookAge,
    Duration polymarketYesBookAge,
    Duration polymarketNoBookAge)
    implements EdgeResult {
  public Opportunity {
    Objects.requireNonNull(pairId, "pairId");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(kalshi, "kalshi");
    Objects.requireNonNull(polymarket, "polymarket");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(totalCost, "totalCost");
    Objects.requireNonNull(totalFees, "totalFees");
    Objects.requireNonNull(payout, "payout");
    Objects.requireNonNull(expectedProfit, "expectedProfit");
    Objects.requireNonNull(kalshiBookAge, "kalshiBookAge");
    Objects.requireNonNull(polymarketYesBookAge, "polymarketYesBookAge");
    Objects.requireNonNull(polymarketNoBookAge, "polymarketNoBookAge");
    // The invariants every consumer relies on; a violation is a bug in whoever built this.
    if (!kalshi.size().equals(size) || !polymarket.size().equals(size)) {
      throw new IllegalArgumentException("both legs must carry the opportunity's size");
    }
    if (!payout.equals(Money.payoutOf(size))) {
      throw new IllegalArgumentException("payout must be size × $1");
    }
    if (!totalFees.equals(kalshi.fee().plus(polymarket.fee()))) {
      throw new IllegalArgumentException("total fees must be the legs' fees");
    }
    if (!expectedProfit.equals(payout.minus(totalCost))) {
      throw new IllegalArgumentException("expected profit must be payout − total cost");
    }
    long legs = kalshi.cost().plus(polymarket.cost()).plus(totalFees).micros();
    if (legs < totalCost.micros() || legs > totalCost.micros() + 1) {
      throw new IllegalArgumentException("total cost must be the legs' costs and fees (within rounding)");
    }
    if (!expectedProfit.isPositive()) {
      throw new IllegalArgumentException("an opportunity has a positive expected profit");
    }
  }
}
