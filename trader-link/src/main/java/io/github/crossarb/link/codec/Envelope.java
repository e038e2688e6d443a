package io.github.crossarb.link.codec;

import io.github.crossarb.link.protocol.LinkMessage;
import java.util.Objects;

/**
 * What one WebSocket text message holds: a clear message (the handshake, or a {@code Bye} before
 * the session exists) or a sealed frame. A sealed frame carries the frame's JSON as a string, so
 * the MAC is computed over exactly the bytes that are then decoded, whatever a JSON library would
 * do to whitespace or key order on the way.
 */
public sealed interface Envelope {
  /** {@code {"type":"hello",...}}: a {@link LinkMessage} in clear. */
  record Plain(LinkMessage message) implements Envelope {
    public Plain {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * {@code {"type":"sealed","frame":"{\"seq\":1,...}","mac":"..."}}.
   *
   * @param frame the exact text of the {@link Frame}, as {@link LinkCodec#encodeFrame} wrote it
   * @param mac base64url HMAC-SHA256 over a direction label and the UTF-8 bytes of {@code frame}
   */
  record Sealed(String frame, String mac) implements Envelope {
    public Sealed {
      Objects.requireNonNull(frame, "frame");
      Objects.requireNonNull(mac, "mac");
    }
  }
}
