package io.github.crossarb.core.venue;

/** Where an order stands at the venue. */
public enum OrderStatus {
  /** Taken but not yet live (Polymarket {@code delayed}). */
  PENDING,
  /** Resting on the book, possibly partly filled. */
  OPEN,
  /** Filled completely. */
  FILLED,
  /** Cancelled or expired, possibly after a partial fill (an IOC remainder ends here). */
  CANCELLED
}
