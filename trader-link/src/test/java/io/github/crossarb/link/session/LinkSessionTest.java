package io.github.crossarb.link.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.link.LinkSecret;
import io.github.crossarb.link.codec.Envelope;
import io.github.crossarb.link.codec.Frame;
import io.github.crossarb.link.codec.LinkCodec;
import io.github.crossarb.link.protocol.Authenticate;
import io.github.crossarb.link.protocol.Bye;
import io.github.crossarb.link.protocol.CancelAll;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.Heartbeat;
import io.github.crossarb.link.protocol.Hello;
import io.github.crossarb.link.protocol.LegAck;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.Welcome;
import io.github.crossarb.link.session.internal.LinkCrypto;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkSessionTest {
  private final LinkCodec codec = new LinkCodec();
  private final SessionPair pair = new SessionPair();

  private static CancelAll command(int n) {
    return new CancelAll("c" + n, VenueId.KALSHI);
  }

  @Test
  void handshakeEstablishesBothSidesAndMessagesFlowInOrderOnce() {
    pair.connect();
    assertThat(pair.trader.session.established()).isTrue();
    assertThat(pair.controller.session.established()).isTrue();
    assertThat(pair.controller.peer.traderId()).isEqualTo("laptop");
    assertThat(pair.controller.peer.venues()).containsOnlyKeys(VenueId.KALSHI);
    assertThat(pair.controller.peer.version()).isEqualTo(1);
    assertThat(pair.trader.peer.traderId()).isEqualTo("laptop");

    pair.controller.session.send(command(1));
    pair.controller.session.send(command(2));
    pair.pump();
    pair.trader.session.send(new LegAck("c1"));
    pair.pump();
    assertThat(pair.trader.delivered).containsExactly(command(1), command(2));
    assertThat(pair.controller.delivered).containsExactly(new LegAck("c1"));
    assertThat(pair.trader.closedReason).isNull();
    assertThat(pair.controller.closedReason).isNull();
  }

  @Test
  void theHandshakeMessagesTravelInClearAndEverythingAfterIsSealed() {
    pair.connect();
    pair.controller.session.send(command(1));
    pair.pump();
    List<String> types = pair.everything.stream().map(t -> t.substring(9, t.indexOf('"', 9))).toList();
    assertThat(types).startsWith("hello", "welcome", "authenticate").contains("sealed");
    assertThat(types.subList(3, types.size())).containsOnly("sealed");
  }

  @Test
  void aTraderWithTheWrongSecretRefusesTheControllersProof() {
    pair.traderSettings = new SessionSettings(LinkSecret.of("a different secret of 32 characters"),
        SessionPair.HEARTBEAT, SessionPair.TIMEOUT);
    pair.reconnect();
    pair.connect();
    assertThat(pair.trader.closedReason).isEqualTo(DisconnectReason.AUTH_FAILED);
    assertThat(pair.trader.closedByPeer).isFalse();
    assertThat(pair.controller.closedReason).isEqualTo(DisconnectReason.AUTH_FAILED);
    assertThat(pair.controller.closedByPeer).isTrue();
    assertThat(pair.controller.peer).isNull();
    assertThat(pair.everything.stream().filter(t -> t.contains("\"authenticate\""))).isEmpty();
  }

  @Test
  void theControllerRefusesAProofMadeWithAnotherSecret() throws Exception {
    pair.start();
    String helloText = pair.trader.take();
    pair.controller.session.onText(helloText);
    Welcome welcome = (Welcome) codec.decode(pair.controller.take());
    Hello hello = (Hello) codec.decode(helloText);
    String unsigned = codec.encode(new Welcome(welcome.version(), welcome.nonce(), welcome.streamId(),
        welcome.lastReceivedStreamId(), welcome.lastReceivedSeq(), ""));
    byte[] forged = LinkCrypto.proof(LinkSecret.of("an attacker's guess, 32 characters"), LinkCrypto.TRADER_PROOF,
        LinkCrypto.nonceBytes(hello.nonce()), LinkCrypto.nonceBytes(welcome.nonce()), helloText, unsigned);
    pair.controller.session.onText(codec.encode(new Authenticate(LinkCrypto.base64(forged))));
    assertThat(pair.controller.closedReason).isEqualTo(DisconnectReason.AUTH_FAILED);
    assertThat(pair.controller.peer).isNull();
    assertThat(codec.decode(pair.controller.take())).isInstanceOf(Bye.class)
        .extracting(m -> ((Bye) m).reason()).isEqualTo(DisconnectReason.AUTH_FAILED);
  }

  @Test
  void theControllerRefusesItsOwnProofReflectedBack() throws Exception {
    pair.start();
    pair.controller.session.onText(pair.trader.take());
    Welcome welcome = (Welcome) codec.decode(pair.controller.take());
    pair.controller.session.onText(codec.encode(new Authenticate(welcome.proof())));
    assertThat(pair.controller.closedReason).isEqualTo(DisconnectReason.AUTH_FAILED);
  }

  @Test
  void versionMismatchIsAnsweredWithBye() {
    pair.traderSettings = new SessionSettings(SessionPair.SECRET, SessionPair.HEARTBEAT, SessionPair.TIMEOUT, 2, 3);
    pair.reconnect();
    pair.connect();
    assertThat(pair.controller.closedReason).isEqualTo(DisconnectReason.VERSION_MISMATCH);
    assertThat(pair.trader.closedReason).isEqualTo(DisconnectReason.VERSION_MISMATCH);
    assertThat(pair.trader.closedByPeer).isTrue();
    assertThat(pair.trader.events).noneMatch(e -> e.equals("established"));
  }

  @Test
  void venueConflictRefusesTheTraderBeforeItCountsAsConnected() {
    pair.admit = (peer, streams) -> new Bye(DisconnectReason.VENUE_CONFLICT, "kalshi is served by trader desk");
    pair.connect();
    assertThat(pair.trader.closedReason).isEqualTo(DisconnectReason.VENUE_CONFLICT);
    assertThat(pair.trader.events).containsExactly("closed VENUE_CONFLICT kalshi is served by trader desk");
    assertThat(pair.controller.peer).isNull();
  }

  @Test
  void aForgedFrameClosesWithAuthFailedAndIsNotDelivered() throws Exception {
    pair.connect();
    pair.controller.session.send(command(1));
    Envelope.Sealed sealed = (Envelope.Sealed) codec.decodeEnvelope(pair.controller.take());
    String tampered = sealed.frame().replace("\"c1\"", "\"c9\"");
    assertThat(tampered).isNotEqualTo(sealed.frame());
    pair.trader.session.onText(codec.encodeEnvelope(new Envelope.Sealed(tampered, sealed.mac())));
    assertThat(pair.trader.closedReason).isEqualTo(DisconnectReason.AUTH_FAILED);
    assertThat(pair.trader.delivered).isEmpty();
    // the trader's Bye is sealed with the session key: the controller believes it
    pair.pump();
    assertThat(pair.controller.closedReason).isEqualTo(DisconnectReason.AUTH_FAILED);
  }

  @Test
  void aFrameMadeUpWithoutTheSessionKeyOrReflectedBackIsRefused() {
    pair.connect();
    String frame = codec.encodeFrame(new Frame(2, 0, pair.clock.instant(), command(7)));
    pair.trader.session.onText(codec.encodeEnvelope(new Envelope.Sealed(frame, LinkCrypto.base64(new byte[32]))));
    assertThat(pair.trader.closedReason).isEqualTo(DisconnectReason.AUTH_FAILED);

    SessionPair other = new SessionPair();
    other.connect();
    other.trader.session.send(new LegAck("x"));
    String own = other.trader.take();
    other.trader.session.onText(own); // its own frame, other direction label
    assertThat(other.trader.closedReason).isEqualTo(DisconnectReason.AUTH_FAILED);
  }

  @Test
  void aReplayedFrameClosesWithProtocolErrorAndIsDeliveredOnce() {
    pair.connect();
    pair.controller.session.send(command(1));
    String text = pair.controller.take();
    pair.trader.session.onText(text);
    pair.trader.session.onText(text);
    assertThat(pair.trader.delivered).containsExactly(command(1));
    assertThat(pair.trader.closedReason).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
  }

  @Test
  void reorderedFramesCloseWithProtocolErrorAndNothingIsDelivered() {
    pair.connect();
    pair.controller.session.send(command(1));
    pair.controller.session.send(command(2));
    String first = pair.controller.take();
    String second = pair.controller.take();
    pair.trader.session.onText(second);
    pair.trader.session.onText(first);
    assertThat(pair.trader.delivered).isEmpty();
    assertThat(pair.trader.closedReason).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
  }

  @Test
  void aGapClosesWithProtocolError() {
    pair.connect();
    pair.controller.session.send(command(1));
    pair.controller.session.send(command(2));
    pair.controller.take();
    pair.trader.session.onText(pair.controller.take());
    assertThat(pair.trader.delivered).isEmpty();
    assertThat(pair.trader.closedReason).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
  }

  @Test
  void clearMessagesAfterTheHandshakeAreRefused() {
    pair.connect();
    pair.trader.session.onText(codec.encode(new Bye(DisconnectReason.SHUTDOWN, "spoofed")));
    assertThat(pair.trader.closedReason).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
    assertThat(pair.trader.closedByPeer).isFalse();
  }

  @Test
  void aSideOnlySendsItsOwnKindOfMessage() {
    pair.connect();
    assertThatThrownBy(() -> pair.trader.session.send(command(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pair.controller.session.send(new LegAck("x"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acknowledgedFramesAreDropped() {
    pair.connect();
    pair.controller.session.send(command(1));
    pair.controller.session.send(command(2));
    StreamState streams = pair.controllerStreamsOfLaptop();
    assertThat(streams.unacked()).extracting(StreamState.Pending::message).contains(command(1), command(2));
    pair.pump();
    pair.trader.session.send(new LegAck("c1")); // carries ack of everything received
    pair.pump();
    assertThat(streams.unacked()).isEmpty();
    assertThat(pair.traderStreams.unacked()).isNotEmpty(); // the controller has not answered yet
    pair.clock.advance(SessionPair.HEARTBEAT);
    pair.controller.session.tick(); // heartbeat carries the ack
    pair.pump();
    assertThat(pair.traderStreams.unacked()).isEmpty();
  }

  @Test
  void afterAReconnectUnacknowledgedMessagesAreResentInOrderAndNoneTwice() {
    pair.connect();
    pair.controller.session.send(command(1));
    pair.controller.session.send(command(2));
    pair.trader.session.onText(pair.controller.take()); // c1 arrives, c2 is lost
    pair.drop();
    pair.controllerStreamsOfLaptop().enqueue(command(3)); // sent while down
    pair.traderStreams.enqueue(new LegAck("c1"));
    List<LinkMessage> before = List.copyOf(pair.trader.delivered);

    pair.reconnect();
    pair.connect();
    assertThat(before).containsExactly(command(1));
    assertThat(pair.trader.delivered).containsExactly(command(2), command(3));
    assertThat(pair.controller.delivered).containsExactly(new LegAck("c1"));
    assertThat(pair.trader.closedReason).isNull();
    assertThat(pair.controller.closedReason).isNull();
  }

  @Test
  void whatTheOwnerSendsWhenConnectedGoesOutAfterTheResends() {
    pair.connect();
    pair.controller.session.send(command(1));
    pair.drop(); // c1 lost
    pair.reconnect();
    pair.controller.onEstablished = () -> pair.controller.session.send(command(2));
    pair.trader.onEstablished = () -> pair.trader.session.send(new LegAck("hello again"));
    pair.traderStreams.enqueue(new LegAck("queued"));
    pair.connect();
    assertThat(pair.trader.delivered).containsExactly(command(1), command(2));
    assertThat(pair.controller.delivered).containsExactly(new LegAck("queued"), new LegAck("hello again"));
    assertThat(pair.endings).allMatch(e -> e.contains("CONNECTION_LOST"));
  }

  @Test
  void framesThatCrossAReconnectAreNotDeliveredTwice() {
    pair.connect();
    pair.trader.session.send(new LegAck("a"));
    pair.trader.session.send(new LegAck("b"));
    String a = pair.trader.take();
    String b = pair.trader.take();
    pair.controller.session.onText(a);
    SessionPair.End oldController = pair.controller;
    // the trader saw the socket die; the controller did not yet, and "b" is still in flight
    pair.trader.session.connectionLost("test drop");
    pair.reconnect();
    pair.start();
    pair.controller.session.onText(pair.trader.take()); // hello; welcome says: last received 1
    oldController.session.onText(b); // the old socket delivers "b" after the welcome went out
    pair.pump(); // the trader resends "b" on the new connection
    assertThat(oldController.delivered).containsExactly(new LegAck("a"), new LegAck("b"));
    assertThat(pair.controller.delivered).isEmpty();
    assertThat(pair.controller.session.established()).isTrue();
    pair.trader.session.send(new LegAck("c"));
    pair.pump();
    assertThat(pair.controller.delivered).containsExactly(new LegAck("c"));
  }

  @Test
  void aRestartedControllerGetsEveryUnacknowledgedMessageRenumbered() {
    pair.connect();
    pair.trader.session.send(new LegAck("a"));
    pair.pump();
    pair.clock.advance(SessionPair.HEARTBEAT);
    pair.controller.session.tick(); // its heartbeat acknowledges "a"
    pair.pump();
    assertThat(pair.traderStreams.unacked()).isEmpty();
    pair.trader.session.send(new LegAck("b"));
    pair.trader.session.send(new LegAck("c"));
    pair.drop();
    pair.controllerStreams.clear(); // the controller process restarted
    pair.reconnect();
    pair.connect();
    assertThat(pair.controller.delivered).containsExactly(new LegAck("b"), new LegAck("c"));
    assertThat(pair.controller.closedReason).isNull();
    assertThat(pair.trader.closedReason).isNull();
  }

  @Test
  void aHeartbeatGoesOutWhenNothingElseWasSentAndSilenceEndsTheSession() {
    pair.connect();
    pair.clock.advance(Duration.ofMillis(999));
    pair.trader.session.tick();
    assertThat(pair.trader.outbox).isEmpty();
    pair.clock.advance(Duration.ofMillis(1));
    pair.trader.session.tick();
    assertThat(pair.trader.outbox).hasSize(1);
    pair.pump();
    assertThat(pair.controller.delivered).isEmpty(); // heartbeats are not handed over
    assertThat(pair.controllerStreamsOfLaptop().lastHeard()).isEqualTo(pair.clock.instant());

    pair.clock.advance(Duration.ofMillis(4999));
    pair.controller.session.tick(); // sends its heartbeat, not yet silent too long
    assertThat(pair.controller.closedReason).isNull();
    pair.controller.outbox.clear(); // lost
    pair.clock.advance(Duration.ofMillis(1));
    pair.controller.session.tick();
    assertThat(pair.controller.closedReason).isEqualTo(DisconnectReason.HEARTBEAT_TIMEOUT);
    Bye bye = lastBye(pair.controller.take());
    assertThat(bye.reason()).isEqualTo(DisconnectReason.HEARTBEAT_TIMEOUT);
  }

  @Test
  void aHandshakeMustCompleteWithinTheTimeout() {
    pair.start();
    pair.controller.session.onText(pair.trader.take()); // hello, then silence
    pair.clock.advance(SessionPair.TIMEOUT);
    pair.controller.session.tick();
    pair.trader.session.tick();
    assertThat(pair.controller.closedReason).isEqualTo(DisconnectReason.HEARTBEAT_TIMEOUT);
    assertThat(pair.trader.closedReason).isEqualTo(DisconnectReason.HEARTBEAT_TIMEOUT);
  }

  @Test
  void undecodableTextIsAProtocolError() {
    pair.connect();
    pair.trader.session.onText("{\"type\":\"sealed\",\"frame\":");
    assertThat(pair.trader.closedReason).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
  }

  @Test
  void theSecretNeverCrossesTheWire() {
    pair.connect();
    for (int i = 0; i < 5; i++) {
      pair.controller.session.send(command(i));
      pair.trader.session.send(new LegAck("c" + i));
      pair.pump();
    }
    pair.controller.session.close(DisconnectReason.SHUTDOWN, "bye");
    pair.pump();
    byte[] secret = SessionPair.SECRET_TEXT.getBytes(StandardCharsets.UTF_8);
    List<String> forms = List.of(SessionPair.SECRET_TEXT, Base64.getEncoder().encodeToString(secret),
        Base64.getUrlEncoder().withoutPadding().encodeToString(secret), HexFormat.of().formatHex(secret),
        SessionPair.SECRET_TEXT.substring(0, 16));
    assertThat(pair.everything).hasSizeGreaterThan(12);
    for (String text : pair.everything) {
      for (String form : forms) {
        assertThat(text).doesNotContain(form);
      }
    }
    assertThat(pair.trader.closedReason).isEqualTo(DisconnectReason.SHUTDOWN);
    assertThat(pair.controller.session.toString() + pair.traderSettings + SessionPair.SECRET).doesNotContain("horse");
  }

  private Bye lastBye(String text) {
    try {
      Envelope.Sealed sealed = (Envelope.Sealed) codec.decodeEnvelope(text);
      LinkMessage m = codec.decodeFrame(sealed.frame()).message();
      return (Bye) m;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aHelloWithAnUnprintableTraderIdIsRefused() {
    pair.controller.session.start();
    pair.controller.session.onText(codec.encode(new Hello(1, 1, "evil\nINFO: fake log line", LinkCrypto.base64(new byte[32]),
        java.util.Map.of(), SessionPair.LAPTOP.limits(), "s", null, 0)));
    assertThat(pair.controller.closedReason).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
    assertThat(pair.controller.session.announcedTraderId()).isNull();
  }

  @Test
  void aPeersByeDetailIsCutToOneShortLine() {
    pair.trader.session.start();
    pair.trader.session.onText(codec.encode(new Bye(DisconnectReason.VERSION_MISMATCH, "line one\nline two " + "x".repeat(500))));
    assertThat(pair.trader.closedReason).isEqualTo(DisconnectReason.VERSION_MISMATCH);
    String event = pair.trader.events.get(0);
    assertThat(event).doesNotContain("\n").hasSizeLessThan(260);
  }

  @Test
  void heartbeatRecordIsEmptyOnTheWire() {
    assertThat(codec.encode(new Heartbeat())).isEqualTo("{\"type\":\"heartbeat\"}");
  }
}
