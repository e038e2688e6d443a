package io.github.crossarb.core.pricing;

/** Why an evaluation found nothing to trade. */
public enum NoEdgeReason {
  /** The pair is suspended. */
  PAIR_NOT_ACTIVE,
  /** A book is untrusted (including one that never had its snapshot). */
  BOOK_UNTRUSTED,
  /** A book's last update is older than the allowed age. */
  BOOK_TOO_OLD,
  /** A book or instrument given does not belong to the pair. */
  BOOK_MISMATCH,
  /** A leg has no asks, or less than one size unit of them. */
  NO_LIQUIDITY,
  /** Sizes exist but none meets both minimum sizes within depth, maxSize and the edge cut-off. */
  BELOW_MIN_SIZE,
  /** The first size unit has no (relative) net edge after fees, or no size makes a profit. */
  NO_EDGE,
  /** The best size makes a profit, but below the absolute or relative minimum edge. */
  BELOW_MIN_EDGE,
  /** A leg's limit price (its worst level used) is not on the instrument's tick grid. */
  OFF_TICK
}
