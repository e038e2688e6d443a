package io.github.crossarb.cli.link;

import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Consumer;

/** The standard trader-link server: the link module's WebSocket server, from the settings. */
public final class LinkServers {
  private LinkServers() {}

  /** Starts the link module's server on {@code TRADER_LINK_LISTEN}. */
  public static Future<LinkServerFactory.RunningLinkServer> standard(Vertx vertx, Configuration config,
      Consumer<String> refused) {
    // Until the link module's server (link.transport) is merged, refuse plainly rather than pretend.
    return Future.failedFuture(new ConfigException(
        "TRADER_LINK_LISTEN is set, but this build has no trader link server yet; unset it to run without the link"));
  }
}
