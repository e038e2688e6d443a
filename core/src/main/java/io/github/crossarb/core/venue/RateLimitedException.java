package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.VenueId;
import java.time.Duration;

/** HTTP 429, or our own rate budget would be exceeded. The venue did not act on the call. */
public class RateLimitedException extends VenueUnavailableException {
  public RateLimitedException(VenueId venue, String message, Duration retryAfter) {
    super(venue, message, retryAfter, null);
  }
}
