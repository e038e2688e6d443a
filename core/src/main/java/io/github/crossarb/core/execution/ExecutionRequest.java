package io.github.crossarb.core.execution;

import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pricing.FeeModel;
import io.github.crossarb.core.pricing.Opportunity;
import java.util.Objects;

/**
 * One opportunity to execute, with everything about its two instruments the executor needs.
 *
 * @param executionId the engine's id for this execution (in every event and client order id)
 * @param kalshiInstrument the Kalshi market's tick grid, minimum size and step
 * @param polymarketInstrument the Polymarket token bought (both tokens share tick and sizes)
 */
public record ExecutionRequest(
    String executionId,
    MarketPair pair,
    Opportunity opportunity,
    ExecutionPolicy policy,
    Instrument kalshiInstrument,
    Instrument polymarketInstrument,
    FeeModel kalshiFees,
    FeeModel polymarketFees) {
  public ExecutionRequest {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(opportunity, "opportunity");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(kalshiInstrument, "kalshiInstrument");
    Objects.requireNonNull(polymarketInstrument, "polymarketInstrument");
    Objects.requireNonNull(kalshiFees, "kalshiFees");
    Objects.requireNonNull(polymarketFees, "polymarketFees");
    if (!opportunity.pairId().equals(pair.id())) {
      throw new IllegalArgumentException("opportunity is for pair " + opportunity.pairId() + ", not " + pair.id());
    }
  }
}
