package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.VenueId;

/** The venue refused our credentials (401/403). Fatal: stop trading on that venue and alert. */
public class VenueAuthException extends VenueException {
  public VenueAuthException(VenueId venue, String message) {
    super(venue, message);
  }
}
