package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.VenueId;
import java.time.Duration;
import java.util.Optional;

/** Transport failure, timeout or 5xx: the venue may not have seen the call. Reads may retry. */
public class VenueUnavailableException extends VenueException {
  private final Duration retryAfter;

  public VenueUnavailableException(VenueId venue, String message, Duration retryAfter, Throwable cause) {
    super(venue, message, cause);
    this.retryAfter = retryAfter;
  }

  public VenueUnavailableException(VenueId venue, String message) {
    this(venue, message, null, null);
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
