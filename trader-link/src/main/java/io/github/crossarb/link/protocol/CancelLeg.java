package io.github.crossarb.link.protocol;

import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/** Cancel one order by the venue's id; answered by {@link CancelLegResult} or {@link CommandFailed}. */
public record CancelLeg(String commandId, VenueId venue, VenueOrderId venueOrderId) implements LinkMessage.Command {
  public CancelLeg {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(venueOrderId, "venueOrderId");
  }
}
