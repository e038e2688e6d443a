package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/**
 * A venue call failed. Each venue maps its errors into the subclasses, whose names say what to do;
 * messages never contain credentials. The command line ends a command with exit code 4 on these
 * (3 on a {@link VenueConfigException}).
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
