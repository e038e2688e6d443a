package io.github.crossarb.cli.trader;

import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.link.LinkChannel;
import io.github.crossarb.link.LinkSecret;
import io.github.crossarb.link.transport.LinkClient;
import io.github.crossarb.link.transport.LinkClientOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;

/**
 * The applications' dialer: the link's WebSocket client, which dials {@code TRADER_LINK_URL},
 * proves knowledge of {@code TRADER_LINK_SECRET} and redials with backoff until closed. The channel
 * is returned at once (it queues until the first handshake); the trader logs each connect and
 * disconnect.
 */
public final class LinkClientDialer implements TraderDialer {
  @Override
  public Future<LinkChannel> dial(Vertx vertx, TraderSettings settings, Map<VenueId, VenueCapabilities> venues) {
    LinkClientOptions options;
    try {
      options = LinkClientOptions.of(settings.controllerUrl(), LinkSecret.of(settings.secret().reveal()),
              settings.traderId(), venues, settings.limits())
          .withTiming(settings.heartbeat(), settings.linkTimeout());
      if (settings.tlsTrust() != null) {
        options = options.withTrust(settings.tlsTrust().toString());
      }
    } catch (IllegalArgumentException e) {
      // The messages name the setting, never the secret's value.
      return Future.failedFuture(new ConfigException(e.getMessage()));
    }
    return Future.succeededFuture(LinkClient.connect(vertx, options));
  }
}
