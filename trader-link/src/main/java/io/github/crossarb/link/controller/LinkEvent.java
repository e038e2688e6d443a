package io.github.crossarb.link.controller;

import java.time.Instant;
import java.util.Objects;

/**
 * Something about the link the operator should see (the runtime turns these into engine alerts).
 *
 * @param traderId the trader concerned, or null when not known
 * @param message one line, never a secret
 */
public record LinkEvent(Instant at, Kind kind, String traderId, String message) {
  public enum Kind {
    /** A trader completed a handshake (the first, or again after a reconnect). */
    CONNECTED,
    /** A trader's connection ended. */
    DISCONNECTED,
    /** A leg's result arrived after the submit had ended {@code Unknown}; reconciliation settles it. */
    LATE_RESULT
  }

  public LinkEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
