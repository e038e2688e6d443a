package io.github.crossarb.cli.trader;

import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.link.LinkChannel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;

/** The applications' dialer: the link's WebSocket client ({@code link.transport.LinkClient}). */
public final class LinkClientDialer implements TraderDialer {
  @Override
  public Future<LinkChannel> dial(Vertx vertx, TraderSettings settings, Map<VenueId, VenueCapabilities> venues) {
    // The WebSocket transport is built on its own branch; until it is merged this build cannot dial.
    return Future.failedFuture(new ConfigException("this build has no link transport yet (link.transport.LinkClient)"));
  }
}
