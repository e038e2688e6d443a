package io.github.crossarb.core.execution;

import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pricing.FeeModel;
import java.util.Objects;

/**
 * A residual the ledger shows on a pair outside any execution (a fill reversed after its execution
 * ended: a Polymarket trade that FAILED after MATCHED): contracts held on one venue with nothing on
 * the other to pay when they do not.
 *
 * @param held the instrument holding the residual (a Kalshi market or a Polymarket token)
 * @param heldOutcome the outcome held there (for a token, the outcome it stands for)
 * @param quantity the residual, positive
 * @param averagePrice what the held contracts cost on average, fees excluded
 * @param hedge the instrument on the other venue whose purchase would complete the pair again
 * @param hedgeOutcome the outcome bought there
 * @param kalshiInstrument the Kalshi market's tick grid, minimum size and step
 * @param polymarketInstrument the Polymarket tokens' (any of the two ids: they share the rules)
 */
public record ResidualRequest(
    String executionId,
    MarketPair pair,
    InstrumentId held,
    Outcome heldOutcome,
    Quantity quantity,
    Price averagePrice,
    InstrumentId hedge,
    Outcome hedgeOutcome,
    Instrument kalshiInstrument,
    Instrument polymarketInstrument,
    FeeModel kalshiFees,
    FeeModel polymarketFees) {
  public ResidualRequest {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(held, "held");
    Objects.requireNonNull(heldOutcome, "heldOutcome");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(averagePrice, "averagePrice");
    Objects.requireNonNull(hedge, "hedge");
    Objects.requireNonNull(hedgeOutcome, "hedgeOutcome");
    Objects.requireNonNull(kalshiInstrument, "kalshiInstrument");
    Objects.requireNonNull(polymarketInstrument, "polymarketInstrument");
    Objects.requireNonNull(kalshiFees, "kalshiFees");
    Objects.requireNonNull(polymarketFees, "polymarketFees");
    if (quantity.isZero()) {
      throw new IllegalArgumentException("a residual is positive");
    }
    if (held.venue() == hedge.venue()) {
      throw new IllegalArgumentException("the hedge of a residual is on the other venue: " + held + ", " + hedge);
    }
  }
}
