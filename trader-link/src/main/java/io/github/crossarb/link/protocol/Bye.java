package io.github.crossarb.link.protocol;

import java.util.Objects;

/** Either way, just before closing: why. {@code detail} is one line for the operator, never a secret. */
public record Bye(DisconnectReason reason, String detail) implements LinkMessage {
  public Bye {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
