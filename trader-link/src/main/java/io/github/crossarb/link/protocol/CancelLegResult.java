package io.github.crossarb.link.protocol;

import io.github.crossarb.core.venue.CancelResult;
import java.util.Objects;

/** Answer to {@link CancelLeg}. */
public record CancelLegResult(String commandId, CancelResult result) implements LinkMessage.Reply {
  public CancelLegResult {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(result, "result");
  }
}
