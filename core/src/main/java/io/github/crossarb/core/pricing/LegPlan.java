package io.github.crossarb.core.pricing;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import java.util.Objects;

/**
 * One leg of an opportunity: what to send to one venue.
 *
 * @param instrument {@code KALSHI:<ticker>} or the Polymarket token bought
 * @param outcome the outcome bought, in the venue's own market (a Polymarket token's outcome)
 * @param limitPrice the price of the worst ask level the plan uses
 * @param cost the exact cost of walking the asks, rounded up to the micro, fees excluded
 * @param fee the taker fees, one fill per level touched, each rounded as the venue does
 * @param levelsUsed how many ask levels the plan touches (the last possibly in part)
 */
public record LegPlan(
    InstrumentId instrument,
    Outcome outcome,
    Side side,
    Price limitPrice,
    Quantity size,
    Money cost,
    Money fee,
    int levelsUsed) {
  public LegPlan {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(limitPrice, "limitPrice");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(fee, "fee");
    if (cost.isNegative() || fee.isNegative()) {
      throw new IllegalArgumentException("leg cost and fee must not be negative");
    }
    if (levelsUsed < 1) {
      throw new IllegalArgumentException("a leg uses at least one level");
    }
  }
}
