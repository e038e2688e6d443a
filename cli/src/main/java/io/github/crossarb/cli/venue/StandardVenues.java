package io.github.crossarb.cli.venue;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.core.venue.VenueConfigException;
import io.vertx.core.Vertx;

/** The venue clients the applications ship with. */
public final class StandardVenues {
  private StandardVenues() {}

  public static Venue open(VenueId venue, Vertx vertx, Configuration config) {
    // Wired to the venue modules' factories as they land.
    throw new VenueConfigException(venue, "the " + venue.label() + " client is not part of this build");
  }
}
