package io.github.crossarb.link.session;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.link.protocol.TraderLimits;
import java.util.Map;
import java.util.Objects;

/** What a trader announces of itself in {@code Hello}. */
public record TraderIdentity(String traderId, Map<VenueId, VenueCapabilities> venues, TraderLimits limits) {
  public TraderIdentity {
    if (traderId == null || traderId.isBlank() || traderId.length() > 64
        || traderId.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
      throw new IllegalArgumentException("trader id (TRADER_ID) must be 1 to 64 characters without spaces");
    }
    venues = Map.copyOf(venues);
    Objects.requireNonNull(limits, "limits");
  }
}
