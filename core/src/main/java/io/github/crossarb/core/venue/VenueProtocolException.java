package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.VenueId;

/** The venue sent something we cannot read (malformed JSON, missing field, unknown status). */
public class VenueProtocolException extends VenueException {
  public VenueProtocolException(VenueId venue, String message, Throwable cause) {
    super(venue, message, cause);
  }

  public VenueProtocolException(VenueId venue, String message) {
    this(venue, message, null);
  }
}
