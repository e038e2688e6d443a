package io.github.crossarb.link.protocol;

/** Why a side ends the connection, sent in {@link Bye}. */
public enum DisconnectReason {
  /** The process is stopping. */
  SHUTDOWN,
  /** A proof or a frame's MAC did not verify (wrong secret, forged or tampered frame). */
  AUTH_FAILED,
  /** No protocol version in common. */
  VERSION_MISMATCH,
  /** A frame out of sequence (replayed, reordered, gap), undecodable or unexpected. */
  PROTOCOL_ERROR,
  /** The peer was silent past the timeout. */
  HEARTBEAT_TIMEOUT,
  /** A newer connection of the same trader took over this one. */
  REPLACED,
  /** Another connected trader already executes for one of the venues announced. */
  VENUE_CONFLICT,
  /**
   * The connection dropped, or could not be made, without a {@link Bye} (network, peer process
   * gone, TLS failure). Local only: never sent in a {@code Bye}.
   */
  CONNECTION_LOST
}
