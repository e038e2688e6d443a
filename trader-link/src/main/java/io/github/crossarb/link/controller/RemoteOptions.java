package io.github.crossarb.link.controller;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts of the controller's remote execution.
 *
 * @param legTimeout how long a leg may take ({@code ARB_REMOTE_LEG_TIMEOUT_MS}): its deadline is
 *     now plus this, and without a result by the deadline plus {@link #LEG_GRACE} the submit ends
 *     {@code Unknown}
 * @param queryTimeout how long any other command (look-ups, cancels, account reads) may wait for
 *     its answer before it fails as unavailable
 */
public record RemoteOptions(Duration legTimeout, Duration queryTimeout) {
  /** Beyond a leg's deadline, for the trader's answer to travel back. */
  public static final Duration LEG_GRACE = Duration.ofSeconds(1);
  /** Fills and positions may take several venue pages. */
  public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);

  public RemoteOptions {
    Objects.requireNonNull(legTimeout, "legTimeout");
    Objects.requireNonNull(queryTimeout, "queryTimeout");
    if (legTimeout.isNegative() || legTimeout.isZero() || queryTimeout.isNegative() || queryTimeout.isZero()) {
      throw new IllegalArgumentException("remote timeouts must be positive");
    }
  }

  public static RemoteOptions of(Duration legTimeout) {
    return new RemoteOptions(legTimeout, DEFAULT_QUERY_TIMEOUT);
  }
}
