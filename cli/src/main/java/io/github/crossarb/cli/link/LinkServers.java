package io.github.crossarb.cli.link;

import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.link.LinkSecret;
import io.github.crossarb.link.transport.LinkServer;
import io.github.crossarb.link.transport.LinkServerOptions;
import io.github.crossarb.link.transport.TraderDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** The standard trader-link server: the link module's WebSocket server, from the settings. */
public final class LinkServers {
  private LinkServers() {}

  /**
   * Starts the link module's server on {@code TRADER_LINK_LISTEN} with {@code TRADER_LINK_SECRET},
   * the heartbeat and timeout settings and, when both are set, TLS from {@code TRADER_LINK_TLS_CERT}
   * and {@code TRADER_LINK_TLS_KEY}. The connections it turns away go to {@code refused}.
   *
   * @throws ConfigException (through the future) when the secret is missing
   */
  public static Future<LinkServerFactory.RunningLinkServer> standard(Vertx vertx, Configuration config,
      Consumer<String> refused) {
    LinkServerOptions options;
    try {
      options = options(config);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return LinkServer.start(vertx, options).map(server -> {
      server.onRefused(refused);
      return (LinkServerFactory.RunningLinkServer) new LinkServerFactory.RunningLinkServer() {
      @Override
      public TraderDirectory directory() {
        return server;
      }

      @Override
      public String address() {
        return options.host() + ":" + server.actualPort() + (options.tls() ? " (TLS)" : "");
      }

      @Override
      public int port() {
        return server.actualPort();
      }

      @Override
      public Future<Void> close() {
        return server.close();
      }
    };
    });
  }

  static LinkServerOptions options(Configuration config) {
    String listen = config.require(Settings.TRADER_LINK_LISTEN);
    String secret = config.get(Settings.TRADER_LINK_SECRET)
        .orElseThrow(() -> new ConfigException(Settings.TRADER_LINK_LISTEN + " (from "
            + config.sourceOf(Settings.TRADER_LINK_LISTEN) + ") needs " + Settings.TRADER_LINK_SECRET
            + ": traders prove they know it"))
        .reveal();
    LinkServerOptions options = LinkServerOptions.listen(listen, LinkSecret.of(secret))
        .withTiming(config.require(Settings.TRADER_LINK_HEARTBEAT_MS), config.require(Settings.TRADER_LINK_TIMEOUT_MS));
    Optional<Path> cert = config.get(Settings.TRADER_LINK_TLS_CERT);
    Optional<Path> key = config.get(Settings.TRADER_LINK_TLS_KEY);
    if (cert.isPresent() && key.isPresent()) {
      options = options.withTls(cert.get().toString(), key.get().toString());
    }
    return options;
  }
}
