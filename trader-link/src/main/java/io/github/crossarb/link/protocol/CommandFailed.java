package io.github.crossarb.link.protocol;

import java.util.Objects;

/** A command that could not be carried out; {@code kind} says which venue exception the controller raises. */
public record CommandFailed(String commandId, FailureKind kind, String message) implements LinkMessage.Reply {
  public CommandFailed {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
