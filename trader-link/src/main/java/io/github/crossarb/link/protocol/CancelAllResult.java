package io.github.crossarb.link.protocol;

import io.github.crossarb.core.model.VenueOrderId;
import java.util.List;
import java.util.Objects;

/** Answer to {@link CancelAll}: the venue's ids of the orders cancelled. */
public record CancelAllResult(String commandId, List<VenueOrderId> cancelled) implements LinkMessage.Reply {
  public CancelAllResult {
    Objects.requireNonNull(commandId, "commandId");
    cancelled = List.copyOf(cancelled);
  }
}
