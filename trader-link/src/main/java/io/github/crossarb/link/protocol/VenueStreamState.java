package io.github.crossarb.link.protocol;

import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/** The trader's private stream of {@code venue} dropped ({@code up} false, with the reason) or came back. */
public record VenueStreamState(VenueId venue, boolean up, String reason) implements LinkMessage.VenueEvent {
  public VenueStreamState {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(reason, "reason");
  }
}
