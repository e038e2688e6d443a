package io.github.crossarb.simulator.exchange;

/** How fills turn into positions and cash on one market. */
public enum PositionModel {
  /**
   * Kalshi: one book in YES prices and one signed position per account (+ YES, − NO). Selling
   * YES you do not hold opens NO: the seller pays {@code 1 − p} per contract ($1 collateral minus
   * the proceeds); buying YES while short returns that dollar. Buying NO at {@code p} is therefore
   * exactly selling YES at {@code 1 − p}.
   */
  NETTED_BINARY,
  /**
   * Polymarket: each outcome token is its own book and an inventory that never goes negative for
   * ordinary accounts (a sell needs the shares). Simplification: YES and NO tokens are not minted
   * or merged against each other; each token book trades on its own.
   */
  TOKEN
}
