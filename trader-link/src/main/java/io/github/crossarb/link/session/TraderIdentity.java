package io.github.crossarb.link.session;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.link.protocol.TraderLimits;
import java.util.Map;
import java.util.Objects;

/** What a trader announces of itself in {@code Hello}. */
public record TraderIdentity(String traderId, Map<VenueId, VenueCapabilities> venues, TraderLimits limits) {
  public TraderIdentity {
    if (traderId == null || traderId.isBlank()) {
      throw new IllegalArgumentException("trader id must be non-blank");
    }
    venues = Map.copyOf(venues);
    Objects.requireNonNull(limits, "limits");
  }
}
