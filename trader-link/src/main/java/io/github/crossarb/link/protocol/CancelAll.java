package io.github.crossarb.link.protocol;

import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/** Cancel every open order of ours at {@code venue}; answered by {@link CancelAllResult} or {@link CommandFailed}. */
public record CancelAll(String commandId, VenueId venue) implements LinkMessage.Command {
  public CancelAll {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(venue, "venue");
  }
}
