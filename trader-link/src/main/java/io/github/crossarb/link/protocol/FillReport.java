package io.github.crossarb.link.protocol;

import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/** A fill on the trader's private stream of {@code venue}. */
public record FillReport(VenueId venue, Fill fill) implements LinkMessage.VenueEvent {
  public FillReport {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(fill, "fill");
  }
}
