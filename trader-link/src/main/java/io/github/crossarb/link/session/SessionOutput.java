package io.github.crossarb.link.session;

import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.LinkMessage;

/** What a {@link LinkSession} asks of its transport and its channel. Called synchronously. */
public interface SessionOutput {
  /** Write one text message on the connection. */
  void send(String text);

  /** The handshake completed; resent frames and new messages follow. */
  void established(LinkPeer peer);

  /** A message from the peer, in order, never twice (heartbeats and byes are not handed over). */
  void deliver(LinkMessage message);

  /**
   * The session is over: close the connection. {@code byPeer} when the peer said {@code Bye} or
   * the connection dropped, false when this side ended it (after sending its {@code Bye}).
   */
  void closed(DisconnectReason reason, String detail, boolean byPeer);
}
