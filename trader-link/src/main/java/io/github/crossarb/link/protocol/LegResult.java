package io.github.crossarb.link.protocol;

import io.github.crossarb.core.venue.SubmitResult;
import java.util.Objects;

/** How {@link PlaceLeg} {@code commandId} ended at the venue, as the trader's venue client reported it (for a resend, the first answer again). */
public record LegResult(String commandId, SubmitResult result) implements LinkMessage.Reply {
  public LegResult {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(result, "result");
  }
}
