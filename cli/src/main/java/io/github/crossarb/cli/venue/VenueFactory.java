package io.github.crossarb.cli.venue;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.Venue;
import io.vertx.core.Vertx;

/**
 * Builds a venue client from the configuration. Called on the Vert.x context the venue will live
 * on. Tests inject their own; the applications use {@link StandardVenues#open}.
 */
@FunctionalInterface
public interface VenueFactory {
  Venue open(VenueId venue, Vertx vertx, Configuration config);
}
