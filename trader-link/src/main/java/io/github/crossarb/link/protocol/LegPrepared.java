package io.github.crossarb.link.protocol;

import io.github.crossarb.core.venue.WireRequest;
import java.util.Objects;

/** Answer to {@link PrepareLeg}: the request, secret headers redacted. */
public record LegPrepared(String commandId, WireRequest request) implements LinkMessage.Reply {
  public LegPrepared {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(request, "request");
  }
}
