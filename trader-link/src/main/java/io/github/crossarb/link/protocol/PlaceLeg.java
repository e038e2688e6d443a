package io.github.crossarb.link.protocol;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.OrderRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * Send one order at {@code venue}. The trader sends it at most once per {@code commandId}, ever
 * (it keeps a durable record of the ids it executed); a resend gets the first answer again. A leg
 * reaching the trader after its {@code deadline} (by the trader's clock) is refused, never sent.
 * Answered by {@link LegAck} (taken, passed the trader's limits, about to be sent) and then one
 * {@link LegResult}, or by {@link LegResult} alone when it is refused.
 *
 * @param commandId the idempotency key; the controller uses the order's client order id
 */
public record PlaceLeg(String commandId, VenueId venue, OrderRequest order, Instant deadline)
    implements LinkMessage.Command {
  public PlaceLeg {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(deadline, "deadline");
  }
}
