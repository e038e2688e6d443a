package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueOrderId;
import java.time.Instant;
import java.util.Objects;

/**
 * An order as the venue reports it, in our terms (Kalshi prices mapped back to the outcome's).
 *
 * @param clientOrderId our id when the venue knows it (else null)
 * @param createdAt when the venue created it, or null when it does not say
 */
public record OrderReport(
    VenueOrderId venueOrderId,
    ClientOrderId clientOrderId,
    InstrumentId instrument,
    Outcome outcome,
    Side side,
    Price price,
    Quantity size,
    Quantity filled,
    OrderStatus status,
    Instant createdAt) {
  public OrderReport {
    Objects.requireNonNull(venueOrderId, "venueOrderId");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(filled, "filled");
    Objects.requireNonNull(status, "status");
  }

  public Quantity remaining() {
    return size.minus(filled);
  }
}
