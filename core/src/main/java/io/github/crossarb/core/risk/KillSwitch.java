package io.github.crossarb.core.risk;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Stops all trading until an operator releases it. Engaging is idempotent and keeps the first
 * reason, so the cause of a stop is never overwritten by its consequences.
 */
public final class KillSwitch {

  /** Why and when the switch was engaged. */
  public record Engagement(String reason, Instant at) {}

  private final InstantSource clock;
  private volatile Engagement engagement;

  public KillSwitch(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Engages the switch; returns false if it was already engaged (the first reason stays). */
  public synchronized boolean engage(String reason) {
    if (engagement != null) {
      return false;
    }
    engagement = new Engagement(Objects.requireNonNull(reason, "reason"), clock.instant());
    return true;
  }

  /** Releases the switch (an operator decision); returns false if it was not engaged. */
  public synchronized boolean release() {
    boolean was = engagement != null;
    engagement = null;
    return was;
  }

  public boolean isEngaged() {
    return engagement != null;
  }

  public Optional<Engagement> engagement() {
    return Optional.ofNullable(engagement);
  }
}
