package io.github.crossarb.link;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.link.protocol.TraderLimits;
import java.util.Map;
import java.util.Objects;

/**
 * A trader as its last handshake announced it.
 *
 * @param version the protocol version agreed
 */
public record LinkPeer(String traderId, int version, Map<VenueId, VenueCapabilities> venues, TraderLimits limits) {
  public LinkPeer {
    Objects.requireNonNull(traderId, "traderId");
    venues = Map.copyOf(venues);
    Objects.requireNonNull(limits, "limits");
  }
}
