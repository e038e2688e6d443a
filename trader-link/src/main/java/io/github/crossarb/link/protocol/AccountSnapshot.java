package io.github.crossarb.link.protocol;

import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.PositionReport;
import java.util.List;
import java.util.Objects;

/** Answer to {@link FetchAccount}: the venue's balance and its view of our positions. */
public record AccountSnapshot(String commandId, Balance balance, List<PositionReport> positions) implements LinkMessage.Reply {
  public AccountSnapshot {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(balance, "balance");
    positions = List.copyOf(positions);
  }
}
