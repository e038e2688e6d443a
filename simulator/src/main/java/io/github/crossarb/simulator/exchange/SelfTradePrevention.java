package io.github.crossarb.simulator.exchange;

/** What happens when an incoming order would trade with a resting order of the same account. */
public enum SelfTradePrevention {
  /** The incoming order stops at the cross; its remainder is cancelled (Kalshi {@code taker_at_cross}). */
  CANCEL_TAKER,
  /** The resting order is cancelled and matching continues (Kalshi {@code maker}). */
  CANCEL_MAKER
}
