package io.github.crossarb.core.venue;

import java.util.Objects;
import java.util.Set;

/**
 * What a venue supports, so callers can refuse a request before sending it.
 *
 * @param timeInForce the time-in-force values orders may carry
 * @param postOnly whether orders may be post-only
 * @param batchOrders whether several orders can be created in one request
 * @param amend whether a resting order can be amended in place
 * @param fractionalSizes whether sizes below one contract step exist (Kalshi fractional markets,
 *     Polymarket 0.01 shares)
 */
public record VenueCapabilities(
    Set<TimeInForce> timeInForce, boolean postOnly, boolean batchOrders, boolean amend, boolean fractionalSizes) {
  public VenueCapabilities {
    timeInForce = Set.copyOf(Objects.requireNonNull(timeInForce, "timeInForce"));
  }

  public boolean supports(TimeInForce tif) {
    return timeInForce.contains(tif);
  }
}
