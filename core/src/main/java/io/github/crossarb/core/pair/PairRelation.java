package io.github.crossarb.core.pair;

import io.github.crossarb.core.model.Outcome;

/** How the Polymarket market's outcomes map onto the Kalshi market's. */
public enum PairRelation {
  /** Kalshi YES pays exactly when Polymarket YES pays. */
  SAME,
  /** Kalshi YES pays exactly when Polymarket NO pays (the question is asked the other way round). */
  COMPLEMENT;

  /** The Polymarket outcome that pays exactly when {@code kalshiOutcome} pays. */
  public Outcome polymarketEquivalent(Outcome kalshiOutcome) {
    return this == SAME ? kalshiOutcome : kalshiOutcome.opposite();
  }
}
