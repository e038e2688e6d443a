package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Quantity;
import java.util.Objects;

/**
 * A position as the venue reports it. Kalshi nets YES against NO in one market, so it reports one
 * outcome per market; Polymarket reports each token held.
 *
 * @param quantity contracts or shares held, positive
 * @param cost what the venue says the position cost (Kalshi market exposure, Polymarket initial
 *     value), or null when it does not say
 */
public record PositionReport(InstrumentId instrument, Outcome outcome, Quantity quantity, Money cost) {
  public PositionReport {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(quantity, "quantity");
  }
}
