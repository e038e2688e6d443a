package io.github.crossarb.cli;

import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/**
 * A venue refused, failed or could not be reached; ends a command with {@link ExitCodes#VENUE}.
 * Venue clients throw their own exceptions; commands wrap them in this (or a subclass) so the
 * operator sees which venue failed. Messages must not contain credentials.
 */
public class VenueException extends RuntimeException {
  private final VenueId venue;

  public VenueException(VenueId venue, String message) {
    this(venue, message, null);
  }

  public VenueException(VenueId venue, String message, Throwable cause) {
    super(message, cause);
    this.venue = Objects.requireNonNull(venue, "venue");
  }

  public VenueId venue() {
    return venue;
  }
}
