package io.github.crossarb.link.protocol;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueCapabilities;
import java.util.Map;
import java.util.Objects;

/**
 * Trader to controller, first on a new connection.
 *
 * @param minVersion lowest protocol version the trader speaks
 * @param maxVersion highest protocol version the trader speaks
 * @param traderId a stable name for the trader (its host name unless configured)
 * @param nonce 32 fresh random bytes, base64url, never reused
 * @param venues the venues it executes for, with their capabilities
 * @param limits the limits it enforces itself
 * @param streamId random id of the trader's outgoing stream, new each time the process starts
 * @param lastReceivedStreamId the controller stream the trader last received from (null if none)
 * @param lastReceivedSeq the last sequence number it received on that stream (0 if none)
 */
public record Hello(
    int minVersion,
    int maxVersion,
    String traderId,
    String nonce,
    Map<VenueId, VenueCapabilities> venues,
    TraderLimits limits,
    String streamId,
    String lastReceivedStreamId,
    long lastReceivedSeq) implements LinkMessage.Handshake {
  public Hello {
    Objects.requireNonNull(traderId, "traderId");
    Objects.requireNonNull(nonce, "nonce");
    venues = Map.copyOf(venues);
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(streamId, "streamId");
  }
}
