package io.github.crossarb.core.execution;

/** How the two legs of an opportunity are sent. */
public enum ExecutionPolicy {
  /** Both legs at once, IOC (Polymarket FAK), at the limit prices of the edge calculation. */
  PARALLEL,
  /**
   * The leg more likely to fail first, FOK; the hedge only once it filled, IOC with a price cap.
   * Slower, but a first leg that does not fill leaves nothing to hedge.
   */
  SEQUENTIAL
}
