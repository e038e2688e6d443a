package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/** The venue answered and said no, with its error code. Definitive: do not retry the same call. */
public class VenueRejectedException extends VenueException {
  private final int httpStatus;
  private final String venueCode;

  public VenueRejectedException(VenueId venue, int httpStatus, String venueCode, String message) {
    super(venue, message);
    this.httpStatus = httpStatus;
    this.venueCode = Objects.requireNonNull(venueCode, "venueCode");
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String venueCode() {
    return venueCode;
  }
}
