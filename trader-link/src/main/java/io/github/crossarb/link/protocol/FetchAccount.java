package io.github.crossarb.link.protocol;

import io.github.crossarb.core.model.VenueId;
import java.util.Objects;

/** The balance and positions at {@code venue}; answered by {@link AccountSnapshot} or {@link CommandFailed}. */
public record FetchAccount(String commandId, VenueId venue) implements LinkMessage.Command {
  public FetchAccount {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(venue, "venue");
  }
}
