package io.github.crossarb.core.pricing;

/** The outcome of evaluating a pair: an {@link Opportunity} or a {@link NoOpportunity}. */
public sealed interface EdgeResult permits Opportunity, NoOpportunity {
  String pairId();

  /** The direction evaluated; null for a {@link NoOpportunity} that applies to both. */
  Direction direction();

  default boolean isOpportunity() {
    return this instanceof Opportunity;
  }
}
