package io.github.crossarb.link.protocol;

import java.util.Objects;

/** The trader took {@link PlaceLeg} {@code commandId}: recorded, within its limits, being sent. {@link LegResult} follows. */
public record LegAck(String commandId) implements LinkMessage.Reply {
  public LegAck {
    Objects.requireNonNull(commandId, "commandId");
  }
}
