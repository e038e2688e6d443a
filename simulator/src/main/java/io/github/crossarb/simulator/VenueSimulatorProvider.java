package io.github.crossarb.simulator;

import io.github.crossarb.core.model.VenueId;
import io.vertx.core.Future;

/**
 * Starts one venue's server inside a {@link Simulation}. The Kalshi server is built in; other
 * venues plug in by implementing this and either registering it with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.github.crossarb.simulator.VenueSimulatorProvider}) or passing it to
 * {@link SimulationOptions#withProvider}.
 */
public interface VenueSimulatorProvider {
  VenueId venue();

  /**
   * Starts the server on 127.0.0.1:{@code port} (0 for any free port) over the context's engine
   * for this venue.
   */
  Future<VenueSimulator> start(SimulationContext context, int port);
}
