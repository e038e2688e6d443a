package io.github.crossarb.core.risk;

/** Why the risk check refused an order. */
public enum DenialReason {
  KILL_SWITCH,
  PAIR_NOTIONAL_LIMIT,
  TOTAL_NOTIONAL_LIMIT,
  UNHEDGED_EXPOSURE_LIMIT,
  DAILY_LOSS_LIMIT,
  CONSECUTIVE_ERRORS,
  INVALID_ORDER
}
