package io.github.crossarb.core.venue;

/** How a cancel ended, when the venue answered. Transport failures fail the future instead. */
public enum CancelResult {
  /** The order was open and is now cancelled. */
  CANCELLED,
  /** The order was not open any more (filled, cancelled or unknown to the venue). */
  NOT_OPEN
}
