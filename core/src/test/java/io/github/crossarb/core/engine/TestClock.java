package io.github.crossarb.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** Wall time plus an offset the test moves forward; safe to read from any thread. */
final class TestClock implements InstantSource {
  private final AtomicLong offsetMillis = new AtomicLong();

  void advance(Duration d) {
    offsetMillis.addAndGet(d.toMillis());
  }

  @Override
  public long millis() {
    return System.currentTimeMillis() + offsetMillis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }
}
