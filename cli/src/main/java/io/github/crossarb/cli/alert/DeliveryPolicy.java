package io.github.crossarb.cli.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * How the notifier delivers: retries (exponential backoff from {@code initialBackoff}, doubling, at
 * most {@code maxDelay}, {@code maxAttempts} in all, a 429's Retry-After honoured up to
 * {@code maxDelay}), each request's timeout, each sink's queue (the oldest dropped when full), the
 * rate limit's window and how often the engine's snapshot is checked. Tests make the durations short.
 */
public record DeliveryPolicy(int maxAttempts, Duration initialBackoff, Duration maxDelay, Duration requestTimeout,
    int queueCapacity, Duration rateWindow, Duration pollInterval) {
  public DeliveryPolicy {
    if (maxAttempts < 1 || queueCapacity < 1) {
      throw new IllegalArgumentException("attempts and queue capacity must be at least 1");
    }
    for (Duration d : new Duration[] {initialBackoff, maxDelay, requestTimeout, rateWindow, pollInterval}) {
      Objects.requireNonNull(d, "duration");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations must be positive, was " + d);
      }
    }
  }

  /** 5 attempts from 1 s up to 60 s apart, 10 s per request, 100 queued per sink, a one-minute rate window. */
  public static DeliveryPolicy defaults() {
    return new DeliveryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(10), 100,
        Duration.ofMinutes(1), Duration.ofSeconds(1));
  }

  /** The wait before attempt {@code attempt + 1} after attempt {@code attempt} (1-based) failed. */
  Duration backoff(int attempt) {
    long millis = initialBackoff.toMillis();
    for (int i = 1; i < attempt && millis < maxDelay.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
  }
}
