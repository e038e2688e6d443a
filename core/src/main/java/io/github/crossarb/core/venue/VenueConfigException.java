package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.VenueId;

/**
 * Our side is misconfigured for this venue: an unreadable or mismatched key, a bad URL, a missing
 * credential. Nothing was sent. The command line exits with code 3 on it.
 */
public class VenueConfigException extends VenueException {
  public VenueConfigException(VenueId venue, String message) {
    super(venue, message);
  }

  public VenueConfigException(VenueId venue, String message, Throwable cause) {
    super(venue, message, cause);
  }
}
