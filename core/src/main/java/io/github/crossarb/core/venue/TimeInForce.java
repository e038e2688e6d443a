package io.github.crossarb.core.venue;

/**
 * How long an order may rest. Kalshi takes GTC, IOC and FOK; Polymarket takes GTC, GTD, FOK and
 * FAK (its name for IOC: fill what you can, cancel the rest).
 */
public enum TimeInForce {
  /** Rests until filled or cancelled. */
  GTC,
  /** Rests until its expiration time ({@link OrderRequest#expiration}). */
  GTD,
  /** Fills what it can at once, cancels the rest (Polymarket calls it FAK). */
  IOC,
  /** Fills entirely at once or not at all. */
  FOK
}
