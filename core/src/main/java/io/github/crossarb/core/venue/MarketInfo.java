package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import java.time.Instant;
import java.util.Objects;

/**
 * A market as a venue describes it: enough to list it, to pair it and to fingerprint its rules.
 *
 * @param marketId the Kalshi ticker or the Polymarket condition id
 * @param title the question, in the venue's words
 * @param status the venue's status word (e.g. {@code open}, {@code active}, {@code closed})
 * @param open whether it can be traded now
 * @param closeTime when trading ends, or null when the venue does not say
 * @param rules the resolution text (Kalshi rules, Polymarket description and resolution source),
 *     or null when the listing does not carry it
 * @param yes the instrument whose book and orders are the YES outcome (for Kalshi the market)
 * @param no the instrument for NO (for Kalshi the same market; for Polymarket the NO token)
 */
public record MarketInfo(
    VenueId venue,
    String marketId,
    String title,
    String status,
    boolean open,
    Instant closeTime,
    String rules,
    InstrumentId yes,
    InstrumentId no) {
  public MarketInfo {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(marketId, "marketId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(yes, "yes");
    Objects.requireNonNull(no, "no");
  }
}
