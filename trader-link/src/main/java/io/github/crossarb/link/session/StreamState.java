package io.github.crossarb.link.session;

import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.session.internal.LinkCrypto;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * What one side keeps of a channel across its connections: its own outgoing stream (id, next
 * sequence number, the frames the peer has not acknowledged yet) and where it is in the peer's
 * stream (which stream, the last sequence number received in order). Lives as long as the process
 * keeps the channel; a restarted process starts new streams.
 *
 * <p>Resume rule (after every handshake, see {@link LinkSession}): each side announces the peer
 * stream it last received from and the last sequence number it got there.
 * <ul>
 *   <li>If the peer announces my stream, everything up to its number is acknowledged and I resend
 *       the rest in order; the peer expects exactly its number + 1 next.</li>
 *   <li>If the peer does not know my stream (it restarted, or never heard from me), whatever it may
 *       have received is gone with its process: I renumber my unacknowledged frames from 1 and it
 *       expects 1. Renumbering is safe because the peer keeps no record of my old numbers, and every
 *       connection has its own MAC key, so old frames cannot be replayed into the new one.</li>
 * </ul>
 * Not thread-safe: used on the channel's context only.
 */
public final class StreamState {
  /** A message waiting for the peer's acknowledgement. */
  public record Pending(long seq, LinkMessage message) {
    public Pending {
      Objects.requireNonNull(message, "message");
    }
  }

  private final String outStreamId;
  private long nextSeq = 1;
  private final Deque<Pending> unacked = new ArrayDeque<>();
  private String inStreamId;
  private long lastInSeq;
  private Instant lastHeard;

  public StreamState(String outStreamId) {
    this.outStreamId = Objects.requireNonNull(outStreamId, "outStreamId");
  }

  /** A state with a fresh random outgoing stream id. */
  public static StreamState fresh(SecureRandom random) {
    return new StreamState(LinkCrypto.streamId(random));
  }

  public String outStreamId() {
    return outStreamId;
  }

  /** The peer stream last received from, or null. */
  public String inStreamId() {
    return inStreamId;
  }

  /** The last sequence number received in order on {@link #inStreamId()} (0 if none). */
  public long lastInSeq() {
    return lastInSeq;
  }

  /** When the last authenticated frame from the peer arrived, over all connections; null before. */
  public Instant lastHeard() {
    return lastHeard;
  }

  /** The frames not acknowledged yet, oldest first. */
  public List<Pending> unacked() {
    return List.copyOf(unacked);
  }

  /** The highest sequence number handed out so far (0 if none). */
  public long lastSentSeq() {
    return nextSeq - 1;
  }

  /** Assigns the next sequence number to {@code message} and keeps it until acknowledged. */
  public Pending enqueue(LinkMessage message) {
    Pending pending = new Pending(nextSeq++, message);
    unacked.addLast(pending);
    return pending;
  }

  /** The sequence number the next frame would get, without taking it (a {@code Bye} uses it). */
  long peekSeq() {
    return nextSeq;
  }

  /** Drops the frames up to {@code ack}; false when {@code ack} is beyond anything sent. */
  boolean acknowledge(long ack) {
    if (ack < 0 || ack > lastSentSeq()) {
      return false;
    }
    while (!unacked.isEmpty() && unacked.peekFirst().seq() <= ack) {
      unacked.removeFirst();
    }
    return true;
  }

  /**
   * Applies what the peer announced in its handshake about my stream; returns null on success or
   * why the announcement is impossible.
   */
  String resume(String peerKnowsStreamId, long peerLastReceived) {
    if (outStreamId.equals(peerKnowsStreamId)) {
      long firstUnacked = unacked.isEmpty() ? nextSeq : unacked.peekFirst().seq();
      if (peerLastReceived > lastSentSeq() || peerLastReceived < firstUnacked - 1) {
        return "peer claims seq " + peerLastReceived + " of my stream, which has sent " + lastSentSeq()
            + " with " + (firstUnacked - 1) + " acknowledged";
      }
      acknowledge(peerLastReceived);
      return null;
    }
    // the peer does not know this stream: renumber what is pending from 1
    Deque<Pending> renumbered = new ArrayDeque<>();
    long seq = 1;
    for (Pending p : unacked) {
      renumbered.addLast(new Pending(seq++, p.message()));
    }
    unacked.clear();
    unacked.addAll(renumbered);
    nextSeq = seq;
    return null;
  }

  /**
   * Starts receiving on the peer's stream {@code streamId}: the next number expected on the new
   * connection is the one announced to the peer + 1 (the resume point); returns it.
   */
  long beginReceiving(String streamId, long announcedLastReceived) {
    if (!streamId.equals(inStreamId)) {
      inStreamId = streamId;
      lastInSeq = 0;
      return 1;
    }
    return announcedLastReceived + 1;
  }

  /**
   * Records frame {@code seq} of the peer's stream as received; true when it is new (to be handed
   * over), false when an earlier connection already delivered it (a resend that crossed a
   * reconnect).
   */
  boolean received(long seq, Instant at) {
    lastHeard = at;
    if (seq <= lastInSeq) {
      return false;
    }
    lastInSeq = seq;
    return true;
  }

  void heard(Instant at) {
    lastHeard = at;
  }

  @Override
  public String toString() {
    return "StreamState[out=" + outStreamId + " next=" + nextSeq + " unacked=" + unacked.size() + " in=" + inStreamId
        + " last=" + lastInSeq + "]";
  }
}
