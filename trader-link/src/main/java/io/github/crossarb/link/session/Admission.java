package io.github.crossarb.link.session;

import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.protocol.Bye;

/** The controller's say in a handshake (the server's registry of traders). */
public interface Admission {
  /**
   * The streams kept for {@code traderId} if it connected before, else a new one that is not
   * registered yet (the hello is not authenticated at this point).
   */
  StreamState streamsFor(String traderId);

  /**
   * Called once the trader proved the secret: null admits it (the registry then records {@code
   * streams} for it and ends any older connection of the same trader), else the {@code Bye} to
   * answer, e.g. {@code VENUE_CONFLICT}.
   */
  Bye admit(LinkPeer peer, StreamState streams);
}
