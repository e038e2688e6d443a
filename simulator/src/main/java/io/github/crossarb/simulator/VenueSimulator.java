package io.github.crossarb.simulator;

import io.github.crossarb.core.model.VenueId;
import io.vertx.core.Future;
import java.util.Map;

/** One running venue server of a {@link Simulation}. */
public interface VenueSimulator {
  VenueId venue();

  /**
   * The environment variables that point a controller at this server, in print order (e.g.
   * {@code KALSHI_API_URL}, {@code KALSHI_WS_URL}, {@code KALSHI_API_KEY_ID}, {@code KALSHI_KEY_FILE}).
   */
  Map<String, String> environment();

  Future<Void> close();

  /** Installs (or with null removes) a probe on this server's wire; a server without hooks ignores it. */
  default void wireProbe(WireProbe probe) {}
}
