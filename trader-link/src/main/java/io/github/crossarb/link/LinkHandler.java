package io.github.crossarb.link;

import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.LinkMessage;

/** What a {@link LinkChannel} tells its owner, on the channel's context. Must not throw. */
public interface LinkHandler {
  /** A handshake completed (the first, or again after a reconnect); queued messages follow. */
  void onConnected(LinkPeer peer);

  /** A command (trader side) or a report (controller side), in the sender's order, once. */
  void onMessage(LinkMessage message);

  /** The connection ended; the channel reconnects (trader side) or waits for the trader. */
  void onDisconnected(DisconnectReason reason, String detail);
}
