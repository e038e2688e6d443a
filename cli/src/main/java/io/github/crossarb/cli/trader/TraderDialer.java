package io.github.crossarb.cli.trader;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.link.LinkChannel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;

/**
 * How {@code trader run} reaches the controller: returns the trader's {@link LinkChannel}, which
 * dials, authenticates and redials on its own. Called on the trader's context; the channel lives
 * there. Tests inject an in-memory one.
 */
@FunctionalInterface
public interface TraderDialer {
  Future<LinkChannel> dial(Vertx vertx, TraderSettings settings, Map<VenueId, VenueCapabilities> venues);
}
