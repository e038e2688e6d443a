package io.github.crossarb.link.protocol;

import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/** A fill reported earlier did not happen (a Polymarket trade FAILED). */
public record FillVoidReport(VenueId venue, FillVoid fillVoid) implements LinkMessage.VenueEvent {
  public FillVoidReport {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(fillVoid, "fillVoid");
  }
}
