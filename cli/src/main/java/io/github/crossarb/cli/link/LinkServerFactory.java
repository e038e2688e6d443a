package io.github.crossarb.cli.link;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.link.transport.TraderDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Consumer;

/**
 * Starts the controller's trader-link server ({@code TRADER_LINK_LISTEN}); the standard one is the
 * link module's WebSocket server ({@link LinkServers#standard}), tests may join traders in memory.
 */
@FunctionalInterface
public interface LinkServerFactory {
  /**
   * Starts listening; called on the engine's context, where the server's channels then live.
   *
   * @param refused told (on that context) why a connection was turned away: wrong secret, no
   *     common version, another trader already serving a venue
   */
  Future<RunningLinkServer> start(Vertx vertx, Configuration config, Consumer<String> refused);

  /** A listening link server. */
  interface RunningLinkServer {
    /** The traders' channels. */
    TraderDirectory directory();

    /** Where it listens, {@code HOST:PORT} (the port actually bound), for the operator. */
    String address();

    /** The port actually bound. */
    int port();

    /** Says bye to every trader and stops listening. */
    Future<Void> close();
  }
}
