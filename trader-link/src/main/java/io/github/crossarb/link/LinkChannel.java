package io.github.crossarb.link;

import io.github.crossarb.link.protocol.LinkMessage;
import java.time.Instant;

/**
 * One side's view of the authenticated session with its peer, lasting across reconnects: messages
 * sent are delivered in order and exactly once to the peer's handler, resent after a reconnect
 * until the peer acknowledged them (sequence numbers); whatever was received is handed over once.
 * All methods are called, and all handler callbacks run, on the channel's Vert.x context.
 */
public interface LinkChannel {
  /**
   * Queues {@code message} for the peer: sent at once while connected, else when the session is
   * back. The controller sends {@link LinkMessage.Command}s, the trader {@link LinkMessage.Report}s.
   */
  void send(LinkMessage message);

  /** Whether the session is authenticated and live now. */
  boolean connected();

  /** The peer's announced identity: venues, capabilities, limits; null before the first handshake. */
  LinkPeer peer();

  /** When the last frame from the peer (a heartbeat included) arrived; null before the first. */
  Instant lastHeard();

  /** Replaces the handler (there is one). */
  void handler(LinkHandler handler);

  /** Ends the session for good: sends {@code Bye(SHUTDOWN)} when connected, stops reconnecting. */
  io.vertx.core.Future<Void> close();
}
