package io.github.crossarb.link.protocol;

import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/** An order of ours changed at {@code venue}. */
public record OrderUpdateReport(VenueId venue, OrderReport order) implements LinkMessage.VenueEvent {
  public OrderUpdateReport {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(order, "order");
  }
}
