package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;

/** Pushed account events from a venue's private stream, on the venue's context. */
public interface ExecutionListener {
  /** A fill of ours. Polymarket fills are provisional until the trade is confirmed; see {@link #onFillVoid}. */
  void onFill(Fill fill);

  /**
   * A provisional fill is final (a Polymarket trade CONFIRMED on chain). Venues whose fills are
   * final when reported (Kalshi) never call this.
   */
  default void onFillConfirmed(VenueId venue, String fillId) {}

  /** A fill reported earlier did not happen (a Polymarket trade that ended FAILED). */
  default void onFillVoid(FillVoid fillVoid) {}

  /** An order of ours changed (placed, partly filled, cancelled). */
  default void onOrderUpdate(OrderReport order) {}

  /** The private stream dropped; events may be missed until {@link #onStreamRestored}. */
  default void onStreamLost(String reason) {}

  /** The private stream is back; fetch {@link ExecutionClient#fills} since the loss to catch up. */
  default void onStreamRestored() {}
}
