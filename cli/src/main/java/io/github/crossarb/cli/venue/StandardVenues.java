package io.github.crossarb.cli.venue;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.Venue;
import io.vertx.core.Vertx;

/** The venue clients the applications ship with. */
public final class StandardVenues {
  private StandardVenues() {}

  public static Venue open(VenueId venue, Vertx vertx, Configuration config) {
    return switch (venue) {
      case KALSHI -> KalshiVenues.open(vertx, config);
      case POLYMARKET -> PolymarketVenues.open(vertx, config);
    };
  }
}
