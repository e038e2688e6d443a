package io.github.crossarb.link.protocol;

import io.github.crossarb.core.position.Fill;
import java.util.List;
import java.util.Objects;

/** Answer to {@link FetchFills}, oldest first. */
public record FillsFetched(String commandId, List<Fill> fills) implements LinkMessage.Reply {
  public FillsFetched {
    Objects.requireNonNull(commandId, "commandId");
    fills = List.copyOf(fills);
  }
}
