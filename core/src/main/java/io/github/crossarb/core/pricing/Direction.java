package io.github.crossarb.core.pricing;

import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.pair.PairRelation;

/** Which way round an arbitrage buys: each direction buys one outcome on each venue. */
public enum Direction {
  /** Buy Kalshi YES and the Polymarket token that pays when Kalshi NO pays. */
  BUY_KALSHI_YES(Outcome.YES),
  /** Buy Kalshi NO and the Polymarket token that pays when Kalshi YES pays. */
  BUY_KALSHI_NO(Outcome.NO);

  private final Outcome kalshiOutcome;

  Direction(Outcome kalshiOutcome) {
    this.kalshiOutcome = kalshiOutcome;
  }

  /** The Kalshi outcome bought. */
  public Outcome kalshiOutcome() {
    return kalshiOutcome;
  }

  /** The Polymarket outcome bought: the one that pays exactly when the Kalshi leg does not. */
  public Outcome polymarketOutcome(PairRelation relation) {
    return relation.polymarketEquivalent(kalshiOutcome.opposite());
  }
}
