package io.github.crossarb.simulator;

import io.github.crossarb.core.model.VenueId;

/**
 * Timestamps on the simulator's wire, for measuring a client's reaction time from outside its
 * process (the end-to-end benchmark). Times are {@link System#nanoTime()}, which on Linux reads
 * {@code CLOCK_MONOTONIC}: one clock for every process on the machine, so a client process can be
 * timed against them. Install with {@link Simulation#wireProbe(WireProbe)}; with none installed the
 * servers pay one volatile read per frame and per request.
 *
 * <p>Callbacks run on the servers' threads (event loops, or the thread that changed a book): keep
 * them short and never block.
 */
public interface WireProbe {
  /**
   * A book update frame for {@code market} (Kalshi ticker, Polymarket token id) was handed to a
   * client's WebSocket, at {@code nanoTime} (taken just before the write).
   */
  void bookFrameWritten(VenueId venue, String market, long nanoTime);

  /**
   * An order request for {@code market} arrived, at {@code nanoTime} (taken when the request's
   * headers were read, before its body, authentication and matching). Reported once its body names
   * the market, so after {@code nanoTime}.
   */
  void orderArrived(VenueId venue, String market, long nanoTime);
}
