package io.github.crossarb.core.pair;

/** Whether a pair may trade. */
public enum PairStatus {
  ACTIVE,
  SUSPENDED
}
