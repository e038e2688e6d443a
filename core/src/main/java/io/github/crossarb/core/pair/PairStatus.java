package io.github.crossarb.core.pair;

/** Whether a pair may trade: only APPROVED pairs do. */
public enum PairStatus {
  /** Reviewed by an operator and unchanged since: may trade. */
  APPROVED,
  /** Stopped, with a reason (rules or close time changed, operator, ...): never trades. */
  SUSPENDED
}
