package io.github.crossarb.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand. */
public final class MutableClock implements InstantSource {
  private Instant now;

  public MutableClock(Instant start) {
    this.now = start;
  }

  public static MutableClock atEpoch() {
    return new MutableClock(Instant.parse("2026-11-27T00:00:00Z"));
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
