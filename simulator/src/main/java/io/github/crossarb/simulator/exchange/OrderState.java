package io.github.crossarb.simulator.exchange;

/** Where an order is in its life: resting on the book, or done. */
public enum OrderState {
  RESTING,
  /** Done with nothing left: cancelled, expired, killed (IOC/FOK remainder) or decreased to zero. */
  CANCELED,
  /** Done, completely filled. */
  FILLED
}
