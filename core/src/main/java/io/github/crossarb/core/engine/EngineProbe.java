package io.github.crossarb.core.engine;

import io.github.crossarb.core.model.VenueId;

/**
 * Measurements the engine reports as they happen, for metrics. Every method must be cheap, must not
 * block and must not throw (a failing probe would stop trading); the default methods do nothing, so
 * an implementation overrides only what it records.
 *
 * <p>{@link #bookUpdate} is called on the venue's context (whichever it is), once per book update or
 * untrust notice the venue hands over, before the relay coalesces them: an implementation must be
 * thread-safe. {@link #tickToOrder} is called on the engine's context.
 */
public interface EngineProbe {
  /** Measures nothing. */
  EngineProbe NONE = new EngineProbe() {};

  /** A venue handed over one book update (or untrust notice). */
  default void bookUpdate(VenueId venue) {}

  /**
   * An execution was handed to the executor because of a book update: {@code nanos} from that
   * update's arrival at the engine's relay (the venue's callback) to the hand-over.
   */
  default void tickToOrder(long nanos) {}
}
