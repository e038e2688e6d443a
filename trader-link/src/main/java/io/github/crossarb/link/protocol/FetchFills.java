package io.github.crossarb.link.protocol;

import java.time.Instant;
import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/** Our fills at {@code venue} since {@code since}; answered by {@link FillsFetched} or {@link CommandFailed}. */
public record FetchFills(String commandId, VenueId venue, Instant since) implements LinkMessage.Command {
  public FetchFills {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(since, "since");
  }
}
