package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/**
 * Cash at a venue.
 *
 * @param available what new orders can spend now (Kalshi balance; Polymarket pUSD balance, capped
 *     by the exchange allowance)
 * @param portfolioValue the value of open positions as the venue marks them, or null if it does not say
 */
public record Balance(VenueId venue, Money available, Money portfolioValue) {
  public Balance {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(available, "available");
  }
}
