package io.github.crossarb.link.codec;

import io.github.crossarb.link.protocol.LinkMessage;
import java.time.Instant;
import java.util.Objects;

/**
 * One message of an authenticated session, with its place in the sender's stream.
 *
 * @param seq the sender's sequence number for this frame (1, 2, 3, ... on its stream)
 * @param ack the highest sequence number the sender received, in order, on the receiver's stream
 * @param sentAt the sender's clock when it sent (or resent) the frame
 */
public record Frame(long seq, long ack, Instant sentAt, LinkMessage message) {
  public Frame {
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(message, "message");
  }
}
