package io.github.crossarb.core.engine;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.Venue;
import io.vertx.core.Future;

/**
 * Market descriptions for the engine's start: from a cache when fresh (a restart is ready in
 * seconds), else from the venue. Fingerprint re-checks go to the venue directly.
 */
public interface MarketDirectory {
  Future<MarketInfo> market(Venue venue, InstrumentId instrument);

  /** Straight to the venue (no cache): the venue's description now. */
  static MarketDirectory direct() {
    return Venue::market;
  }
}
