package io.github.crossarb.link.protocol;

import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/** A provisional fill became final (a Polymarket trade CONFIRMED). */
public record FillConfirmedReport(VenueId venue, String fillId) implements LinkMessage.VenueEvent {
  public FillConfirmedReport {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(fillId, "fillId");
  }
}
