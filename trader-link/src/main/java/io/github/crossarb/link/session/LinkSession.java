package io.github.crossarb.link.session;

import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.codec.Envelope;
import io.github.crossarb.link.codec.Frame;
import io.github.crossarb.link.codec.LinkCodec;
import io.github.crossarb.link.codec.LinkCodecException;
import io.github.crossarb.link.protocol.Authenticate;
import io.github.crossarb.link.protocol.Bye;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.Heartbeat;
import io.github.crossarb.link.protocol.Hello;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.Welcome;
import io.github.crossarb.link.session.internal.LinkCrypto;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * One connection's protocol, as a pure state machine: no I/O, no timers, an injected clock. The
 * transport feeds it text ({@link #onText}), the time ({@link #tick}) and outgoing messages
 * ({@link #send}); it answers through {@link SessionOutput}.
 *
 * <p><b>Handshake</b> (in clear, each message a plain JSON object):
 * <ol>
 *   <li>trader → {@link Hello}: versions, id, a 32-byte nonce, venues, limits, its stream id and
 *       where it is in the controller's stream;</li>
 *   <li>controller → {@link Welcome} (the highest common version, its nonce and stream, where it is
 *       in the trader's stream, and its proof) or {@code Bye(VERSION_MISMATCH)};</li>
 *   <li>trader checks the proof and sends {@link Authenticate} with its own proof; the controller
 *       checks it, admits the trader (or answers {@code Bye(VENUE_CONFLICT)}) and sends its first
 *       sealed frame (its resends, then a heartbeat): the trader counts as connected on that
 *       frame.</li>
 * </ol>
 * A proof is HMAC-SHA256(secret, label || 0 || traderNonce || controllerNonce || the hello's exact
 * text || the welcome encoded with an empty proof), labels {@code crossarb-link/1 controller} and
 * {@code crossarb-link/1 trader}; compared in constant time. The session key is HMAC(secret,
 * {@code crossarb-link/1 session} || 0 || both nonces), new for every connection.
 *
 * <p><b>Frames</b>: after the handshake every message is sealed: the frame's JSON ({@code seq},
 * cumulative {@code ack}, {@code sentAt}, message) travels as a string next to
 * HMAC(sessionKey, direction label || 0 || its UTF-8 bytes). A bad MAC closes with {@code
 * AUTH_FAILED}; a clear message, an undecodable frame, a sequence number other than the next
 * expected (replay, reorder, gap), or a message for the wrong direction close with {@code
 * PROTOCOL_ERROR}. Every frame but {@code Bye} takes a sequence number and waits in the
 * {@link StreamState} until acknowledged; a {@code Bye} borrows the next number without taking it.
 * Resume after a reconnect: see {@link StreamState}. Heartbeats go out when nothing else was sent
 * for the heartbeat interval; silence past the timeout (or a handshake longer than it) closes with
 * {@code HEARTBEAT_TIMEOUT}.
 */
public final class LinkSession {
  /** Where the session is. */
  public enum State {
    NEW,
    AWAIT_HELLO,
    AWAIT_WELCOME,
    AWAIT_AUTHENTICATE,
    AWAIT_ACCEPT,
    ESTABLISHED,
    CLOSED
  }

  private final boolean trader;
  private final SessionSettings settings;
  private final TraderIdentity identity;
  private final Admission admission;
  private final SessionOutput output;
  private final InstantSource clock;
  private final SecureRandom random;
  private final LinkCodec codec = new LinkCodec();

  private State state = State.NEW;
  private StreamState streams;
  private Instant startedAt;
  private Instant lastSent;
  private String helloText;
  private Hello hello;
  private Welcome welcome;
  private byte[] traderNonce;
  private byte[] controllerNonce;
  private String welcomeWithoutProofText;
  private LinkCrypto.FrameKey key;
  private LinkPeer peer;
  private long expectedSeq;

  private LinkSession(boolean trader, SessionSettings settings, TraderIdentity identity, StreamState streams,
      Admission admission, SessionOutput output, InstantSource clock, SecureRandom random) {
    this.trader = trader;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.identity = identity;
    this.streams = streams;
    this.admission = admission;
    this.output = Objects.requireNonNull(output, "output");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The trader's side of a new connection, resuming {@code streams}. Call {@link #start()} once connected. */
  public static LinkSession trader(SessionSettings settings, TraderIdentity identity, StreamState streams,
      SessionOutput output, InstantSource clock, SecureRandom random) {
    return new LinkSession(true, settings, Objects.requireNonNull(identity, "identity"),
        Objects.requireNonNull(streams, "streams"), null, output, clock, random);
  }

  /** The controller's side of a new, still anonymous connection. Call {@link #start()} once accepted. */
  public static LinkSession controller(SessionSettings settings, Admission admission, SessionOutput output,
      InstantSource clock, SecureRandom random) {
    return new LinkSession(false, settings, null, null, Objects.requireNonNull(admission, "admission"), output, clock,
        random);
  }

  public State state() {
    return state;
  }

  public boolean established() {
    return state == State.ESTABLISHED;
  }

  /** The trader as the handshake announced it (on the trader side: itself); null before. */
  public LinkPeer peer() {
    return peer;
  }

  /** The streams this connection works on; on the controller side null until the hello. */
  public StreamState streams() {
    return streams;
  }

  /** The trader id announced in the hello (not yet proven before {@link #established()}); null before. */
  public String announcedTraderId() {
    return hello == null ? null : hello.traderId();
  }

  // ---------------------------------------------------------------- inputs

  /** The connection is up: the trader says hello, the controller waits for it. */
  public void start() {
    if (state != State.NEW) {
      throw new IllegalStateException("session already started");
    }
    startedAt = clock.instant();
    if (trader) {
      traderNonce = new byte[LinkCrypto.NONCE_BYTES];
      random.nextBytes(traderNonce);
      hello = new Hello(settings.minVersion(), settings.maxVersion(), identity.traderId(),
          LinkCrypto.base64(traderNonce), identity.venues(), identity.limits(), streams.outStreamId(),
          streams.inStreamId(), streams.lastInSeq());
      helloText = codec.encode(hello);
      state = State.AWAIT_WELCOME;
      write(helloText);
    } else {
      state = State.AWAIT_HELLO;
    }
  }

  /** One text message from the connection. */
  public void onText(String text) {
    if (state == State.CLOSED || state == State.NEW) {
      return;
    }
    Envelope envelope;
    try {
      envelope = codec.decodeEnvelope(text);
    } catch (LinkCodecException e) {
      fail(DisconnectReason.PROTOCOL_ERROR, "undecodable message: " + e.getMessage());
      return;
    }
    if (envelope instanceof Envelope.Plain plain) {
      onPlain(plain.message(), text);
    } else {
      onSealed((Envelope.Sealed) envelope);
    }
  }

  /** Queues {@code message} on the stream and sends it now if the session is up. */
  public void send(LinkMessage message) {
    checkDirection(message);
    StreamState.Pending pending = streams.enqueue(message);
    if (state == State.ESTABLISHED) {
      transmit(pending.seq(), message);
    }
  }

  /** Time passes: heartbeats and timeouts. Call it often (a fraction of the heartbeat interval). */
  public void tick() {
    if (state == State.CLOSED || state == State.NEW) {
      return;
    }
    Instant now = clock.instant();
    if (state != State.ESTABLISHED) {
      if (!now.isBefore(startedAt.plus(settings.timeout()))) {
        fail(DisconnectReason.HEARTBEAT_TIMEOUT, "handshake not completed within " + settings.timeout().toMillis() + " ms");
      }
      return;
    }
    Instant heard = streams.lastHeard();
    if (!now.isBefore(heard.plus(settings.timeout()))) {
      fail(DisconnectReason.HEARTBEAT_TIMEOUT, "peer silent for " + Duration.between(heard, now).toMillis() + " ms");
      return;
    }
    if (!now.isBefore(lastSent.plus(settings.heartbeat()))) {
      send(new Heartbeat());
    }
  }

  /** This side ends the session: says {@code Bye(reason, detail)} and reports it closed. */
  public void close(DisconnectReason reason, String detail) {
    fail(reason, detail);
  }

  /** The connection dropped without a {@code Bye}. */
  public void connectionLost(String detail) {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    output.closed(DisconnectReason.CONNECTION_LOST, detail, true);
  }

  // ---------------------------------------------------------------- handshake

  private void onPlain(LinkMessage message, String text) {
    if (message instanceof Bye bye && state != State.ESTABLISHED) {
      state = State.CLOSED;
      output.closed(bye.reason(), fromPeer(bye.detail()), true);
      return;
    }
    if (state == State.AWAIT_HELLO && message instanceof Hello h) {
      onHello(h, text);
    } else if (state == State.AWAIT_WELCOME && message instanceof Welcome w) {
      onWelcome(w);
    } else if (state == State.AWAIT_AUTHENTICATE && message instanceof Authenticate a) {
      onAuthenticate(a);
    } else {
      fail(DisconnectReason.PROTOCOL_ERROR, "unexpected " + LinkCodec.typeName(message) + " in state " + state);
    }
  }

  private void onHello(Hello h, String text) {
    hello = h;
    helloText = text; // the proofs cover the exact text received
    if (!validTraderId(h.traderId())) {
      hello = null;
      fail(DisconnectReason.PROTOCOL_ERROR, "trader id must be 1 to " + MAX_TRADER_ID + " printable characters");
      return;
    }
    int low = Math.max(h.minVersion(), settings.minVersion());
    int high = Math.min(h.maxVersion(), settings.maxVersion());
    if (high < low) {
      fail(DisconnectReason.VERSION_MISMATCH, "trader speaks versions " + h.minVersion() + ".." + h.maxVersion()
          + ", controller " + settings.minVersion() + ".." + settings.maxVersion());
      return;
    }
    traderNonce = LinkCrypto.nonceBytes(h.nonce());
    if (traderNonce == null) {
      fail(DisconnectReason.PROTOCOL_ERROR, "hello nonce is not 32 bytes of base64url");
      return;
    }
    streams = admission.streamsFor(h.traderId());
    controllerNonce = new byte[LinkCrypto.NONCE_BYTES];
    random.nextBytes(controllerNonce);
    Welcome unsigned = new Welcome(high, LinkCrypto.base64(controllerNonce), streams.outStreamId(),
        streams.inStreamId(), streams.lastInSeq(), "");
    welcomeWithoutProofText = codec.encode(unsigned);
    byte[] proof = LinkCrypto.proof(settings.secret(), LinkCrypto.CONTROLLER_PROOF, traderNonce, controllerNonce,
        helloText, welcomeWithoutProofText);
    welcome = new Welcome(unsigned.version(), unsigned.nonce(), unsigned.streamId(), unsigned.lastReceivedStreamId(),
        unsigned.lastReceivedSeq(), LinkCrypto.base64(proof));
    state = State.AWAIT_AUTHENTICATE;
    write(codec.encode(welcome));
  }

  private void onWelcome(Welcome w) {
    welcome = w;
    if (w.version() < Math.max(settings.minVersion(), hello.minVersion())
        || w.version() > Math.min(settings.maxVersion(), hello.maxVersion())) {
      fail(DisconnectReason.VERSION_MISMATCH, "controller chose version " + w.version() + ", trader speaks "
          + settings.minVersion() + ".." + settings.maxVersion());
      return;
    }
    controllerNonce = LinkCrypto.nonceBytes(w.nonce());
    if (controllerNonce == null) {
      fail(DisconnectReason.PROTOCOL_ERROR, "welcome nonce is not 32 bytes of base64url");
      return;
    }
    welcomeWithoutProofText = codec.encode(new Welcome(w.version(), w.nonce(), w.streamId(), w.lastReceivedStreamId(),
        w.lastReceivedSeq(), ""));
    byte[] expected = LinkCrypto.proof(settings.secret(), LinkCrypto.CONTROLLER_PROOF, traderNonce, controllerNonce,
        helloText, welcomeWithoutProofText);
    if (!LinkCrypto.matches(expected, w.proof())) {
      fail(DisconnectReason.AUTH_FAILED, "the controller's proof did not verify (different TRADER_LINK_SECRET?)");
      return;
    }
    byte[] proof = LinkCrypto.proof(settings.secret(), LinkCrypto.TRADER_PROOF, traderNonce, controllerNonce,
        helloText, welcomeWithoutProofText);
    key = LinkCrypto.sessionKey(settings.secret(), traderNonce, controllerNonce);
    state = State.AWAIT_ACCEPT;
    write(codec.encode(new Authenticate(LinkCrypto.base64(proof))));
  }

  private void onAuthenticate(Authenticate a) {
    byte[] expected = LinkCrypto.proof(settings.secret(), LinkCrypto.TRADER_PROOF, traderNonce, controllerNonce,
        helloText, welcomeWithoutProofText);
    if (!LinkCrypto.matches(expected, a.proof())) {
      fail(DisconnectReason.AUTH_FAILED, "the trader's proof did not verify (different TRADER_LINK_SECRET?)");
      return;
    }
    LinkPeer candidate = new LinkPeer(hello.traderId(), welcome.version(), hello.venues(), hello.limits());
    Bye refusal = admission.admit(candidate, streams);
    if (refusal != null) {
      fail(refusal.reason(), refusal.detail());
      return;
    }
    key = LinkCrypto.sessionKey(settings.secret(), traderNonce, controllerNonce);
    String problem = streams.resume(hello.lastReceivedStreamId(), hello.lastReceivedSeq());
    if (problem != null) {
      fail(DisconnectReason.PROTOCOL_ERROR, problem);
      return;
    }
    expectedSeq = streams.beginReceiving(hello.streamId(), welcome.lastReceivedSeq());
    establish(candidate);
    if (state == State.ESTABLISHED) {
      send(new Heartbeat()); // the trader counts as connected on our first sealed frame
    }
  }

  /**
   * Records the peer, resends what the peer has not got, then tells the channel: in that order, so
   * a message the channel's owner sends from {@code onConnected} goes out after the resends.
   */
  private void establish(LinkPeer established) {
    peer = established;
    state = State.ESTABLISHED;
    Instant now = clock.instant();
    streams.heard(now);
    lastSent = now;
    for (StreamState.Pending pending : streams.unacked()) {
      transmit(pending.seq(), pending.message());
    }
    output.established(established);
  }

  // ---------------------------------------------------------------- frames

  private void onSealed(Envelope.Sealed sealed) {
    if (state != State.ESTABLISHED && state != State.AWAIT_ACCEPT) {
      fail(DisconnectReason.PROTOCOL_ERROR, "sealed frame before the handshake completed");
      return;
    }
    byte[] expectedMac = key.mac(trader ? LinkCrypto.CONTROLLER_TO_TRADER : LinkCrypto.TRADER_TO_CONTROLLER,
        sealed.frame());
    if (!LinkCrypto.matches(expectedMac, sealed.mac())) {
      fail(DisconnectReason.AUTH_FAILED, "frame MAC did not verify (forged or tampered frame)");
      return;
    }
    Frame frame;
    try {
      frame = codec.decodeFrame(sealed.frame());
    } catch (LinkCodecException e) {
      fail(DisconnectReason.PROTOCOL_ERROR, "undecodable frame: " + e.getMessage());
      return;
    }
    if (state == State.AWAIT_ACCEPT) {
      // the controller's first authenticated frame: it admitted us
      String problem = streams.resume(welcome.lastReceivedStreamId(), welcome.lastReceivedSeq());
      if (problem != null) {
        fail(DisconnectReason.PROTOCOL_ERROR, problem);
        return;
      }
      expectedSeq = streams.beginReceiving(welcome.streamId(), hello.lastReceivedSeq());
      establish(new LinkPeer(identity.traderId(), welcome.version(), identity.venues(), identity.limits()));
      if (state != State.ESTABLISHED) {
        return;
      }
    }
    onFrame(frame);
  }

  private void onFrame(Frame frame) {
    if (frame.seq() != expectedSeq) {
      fail(DisconnectReason.PROTOCOL_ERROR, "frame seq " + frame.seq() + " where " + expectedSeq
          + " was expected (replayed, reordered or lost frame)");
      return;
    }
    if (!streams.acknowledge(frame.ack())) {
      fail(DisconnectReason.PROTOCOL_ERROR, "frame acknowledges seq " + frame.ack() + " but only "
          + streams.lastSentSeq() + " were sent");
      return;
    }
    LinkMessage message = frame.message();
    Instant now = clock.instant();
    if (message instanceof Bye bye) {
      streams.heard(now);
      state = State.CLOSED;
      output.closed(bye.reason(), fromPeer(bye.detail()), true);
      return;
    }
    if (message instanceof LinkMessage.Handshake || !(message instanceof Heartbeat || inbound(message))) {
      fail(DisconnectReason.PROTOCOL_ERROR, "a " + LinkCodec.typeName(message) + " may not be sent "
          + (trader ? "to a trader" : "to the controller"));
      return;
    }
    expectedSeq++;
    boolean fresh = streams.received(frame.seq(), now);
    if (fresh && !(message instanceof Heartbeat)) {
      output.deliver(message);
    }
  }

  private static final int MAX_TRADER_ID = 64;

  private static boolean validTraderId(String id) {
    if (id.isBlank() || id.length() > MAX_TRADER_ID) {
      return false;
    }
    return id.chars().noneMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c));
  }

  /** A peer's text, made safe for a log line and a UI: one line, 200 characters at most. */
  private static String fromPeer(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < 200; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return text.length() > 200 ? out + "..." : out.toString();
  }

  private boolean inbound(LinkMessage message) {
    return trader ? message instanceof LinkMessage.Command : message instanceof LinkMessage.Report;
  }

  private void checkDirection(LinkMessage message) {
    checkDirection(trader, message);
  }

  /**
   * A trader sends {@link LinkMessage.Report}s, the controller {@link LinkMessage.Command}s;
   * anything else is a programming error.
   *
   * @throws IllegalArgumentException for a message the side may not send
   */
  public static void checkDirection(boolean trader, LinkMessage message) {
    boolean ok = message instanceof Heartbeat
        || (trader ? message instanceof LinkMessage.Report : message instanceof LinkMessage.Command);
    if (!ok) {
      throw new IllegalArgumentException("the " + (trader ? "trader" : "controller") + " cannot send a "
          + LinkCodec.typeName(message));
    }
  }

  private void transmit(long seq, LinkMessage message) {
    transmit(seq, streams.lastInSeq(), message);
  }

  private void transmit(long seq, long ack, LinkMessage message) {
    Instant now = clock.instant();
    String frame = codec.encodeFrame(new Frame(seq, ack, now, message));
    byte[] mac = key.mac(trader ? LinkCrypto.TRADER_TO_CONTROLLER : LinkCrypto.CONTROLLER_TO_TRADER, frame);
    lastSent = now;
    write(codec.encodeEnvelope(new Envelope.Sealed(frame, LinkCrypto.base64(mac))));
  }

  private void write(String text) {
    output.send(text);
  }

  /** Says {@code Bye} (sealed once the session is up, else in clear) and reports the session closed. */
  private void fail(DisconnectReason reason, String detail) {
    if (state == State.CLOSED) {
      return;
    }
    Bye bye = new Bye(reason, detail);
    if (state == State.ESTABLISHED) {
      transmit(streams.peekSeq(), bye);
    } else if (state == State.AWAIT_ACCEPT) {
      // the controller may already count us as connected and accept only sealed frames: seal the Bye
      // with the number it expects first from us and an ack it can check against its stream
      boolean itKnowsMyStream = streams.outStreamId().equals(welcome.lastReceivedStreamId());
      boolean iKnowItsStream = welcome.streamId().equals(streams.inStreamId());
      long seq = itKnowsMyStream ? welcome.lastReceivedSeq() + 1 : 1;
      transmit(seq, iKnowItsStream ? hello.lastReceivedSeq() : 0, bye);
    } else if (state != State.NEW) {
      write(codec.encode(bye));
    }
    state = State.CLOSED;
    output.closed(reason, detail, false);
  }

  @Override
  public String toString() {
    return "LinkSession[" + (trader ? "trader" : "controller") + " " + state + "]";
  }
}
