package io.github.crossarb.link.protocol;

import java.util.Objects;

/**
 * A command that could not be carried out; {@code kind} says which venue exception the controller
 * raises.
 *
 * @param venueCode the venue's error code when the venue refused ({@link FailureKind#REJECTED}),
 *     else null
 */
public record CommandFailed(String commandId, FailureKind kind, String venueCode, String message)
    implements LinkMessage.Reply {
  public CommandFailed {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** A failure without a venue code. */
  public CommandFailed(String commandId, FailureKind kind, String message) {
    this(commandId, kind, null, message);
  }
}
