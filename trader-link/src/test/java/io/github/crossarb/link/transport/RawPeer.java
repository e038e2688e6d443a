package io.github.crossarb.link.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.link.LinkSecret;
import io.github.crossarb.link.codec.Envelope;
import io.github.crossarb.link.codec.Frame;
import io.github.crossarb.link.codec.LinkCodec;
import io.github.crossarb.link.codec.LinkCodecException;
import io.github.crossarb.link.protocol.Authenticate;
import io.github.crossarb.link.protocol.Hello;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.TraderLimits;
import io.github.crossarb.link.protocol.Welcome;
import io.github.crossarb.link.session.internal.LinkCrypto;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketClient;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A hand-driven peer speaking the link's wire format over a plain Vert.x WebSocket: it can play the
 * trader (against {@link LinkServer}) or the controller (against {@link LinkClient}), and forge
 * sequence numbers, replay, reorder, tamper with MACs and send wrong proofs.
 */
final class RawPeer {
  static final long WAIT_SECONDS = Recorder.WAIT_SECONDS;
  static final TraderLimits LIMITS = new TraderLimits(Money.parse("50"), Money.parse("500"), List.of("*"));
  static final Map<VenueId, VenueCapabilities> KALSHI_ONLY =
      Map.of(VenueId.KALSHI, new VenueCapabilities(Set.of(TimeInForce.IOC), false, false, false, false));

  final LinkCodec codec = new LinkCodec();
  final SecureRandom random = new SecureRandom();
  final BlockingQueue<String> incoming = new LinkedBlockingQueue<>();
  final CompletableFuture<Short> closed = new CompletableFuture<>();
  final boolean trader;
  /** Every text sent or received, in order. */
  final List<String> transcript = new java.util.concurrent.CopyOnWriteArrayList<>();
  WebSocketBase socket;
  LinkCrypto.FrameKey key;
  long nextSeq = 1;
  long lastInSeq;
  String streamId = LinkCrypto.streamId(random);

  private RawPeer(boolean trader) {
    this.trader = trader;
  }

  private void attach(WebSocketBase ws) {
    socket = ws;
    if (ws.isClosed()) { // the server may refuse at once
      closed.complete(ws.closeStatusCode());
      return;
    }
    ws.textMessageHandler(text -> {
      transcript.add(text);
      incoming.add(text);
    });
    ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
  }

  // ---------------------------------------------------------------- as a trader

  static RawPeer dial(Vertx vertx, int port) throws Exception {
    RawPeer peer = new RawPeer(true);
    WebSocketClient client = vertx.createWebSocketClient();
    // handlers are set on the socket's context as it opens, before any message can slip by
    get(client.connect(port, "127.0.0.1", "/").map(ws -> {
      peer.attach(ws);
      return ws;
    }));
    return peer;
  }

  /** Sends a hello; returns its exact text. */
  String sendHello(String traderId, Map<VenueId, VenueCapabilities> venues, byte[] nonce, int minVersion,
      int maxVersion) {
    String text = codec.encode(new Hello(minVersion, maxVersion, traderId, LinkCrypto.base64(nonce), venues, LIMITS,
        streamId, null, 0));
    send(text);
    return text;
  }

  /** The whole trader handshake with {@code secret}; returns once the controller's first sealed frame arrived. */
  Frame handshakeAsTrader(String traderId, Map<VenueId, VenueCapabilities> venues, LinkSecret secret) throws Exception {
    byte[] traderNonce = nonce();
    String hello = sendHello(traderId, venues, traderNonce, 1, 1);
    Welcome welcome = (Welcome) plain();
    byte[] controllerNonce = LinkCrypto.nonceBytes(welcome.nonce());
    String unsigned = codec.encode(new Welcome(welcome.version(), welcome.nonce(), welcome.streamId(),
        welcome.lastReceivedStreamId(), welcome.lastReceivedSeq(), ""));
    byte[] proof = LinkCrypto.proof(secret, LinkCrypto.TRADER_PROOF, traderNonce, controllerNonce, hello, unsigned);
    send(codec.encode(new Authenticate(LinkCrypto.base64(proof))));
    key = LinkCrypto.sessionKey(secret, traderNonce, controllerNonce);
    return frame();
  }

  // ---------------------------------------------------------------- as a controller

  /** A one-connection-at-a-time WebSocket server; each accepted socket lands in {@code accepted}. */
  static final class Listener {
    final BlockingQueue<RawPeer> accepted = new LinkedBlockingQueue<>();
    HttpServer server;

    static Listener start(Vertx vertx) throws Exception {
      Listener listener = new Listener();
      listener.server = vertx.createHttpServer().webSocketHandler((ServerWebSocket ws) -> {
        RawPeer peer = new RawPeer(false);
        peer.attach(ws);
        listener.accepted.add(peer);
      });
      get(listener.server.listen(0, "127.0.0.1"));
      return listener;
    }

    int port() {
      return server.actualPort();
    }

    RawPeer next() throws InterruptedException {
      RawPeer peer = accepted.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(peer).as("a trader dialled in").isNotNull();
      return peer;
    }
  }

  /** Reads the hello and answers a welcome proven with {@code secret}; returns the trader's answer (plain). */
  LinkMessage welcomeAsController(LinkSecret secret) throws Exception {
    String helloText = nextText();
    Hello hello = (Hello) codec.decode(helloText);
    byte[] controllerNonce = nonce();
    Welcome unsigned = new Welcome(1, LinkCrypto.base64(controllerNonce), streamId, null, 0, "");
    String unsignedText = codec.encode(unsigned);
    byte[] traderNonce = LinkCrypto.nonceBytes(hello.nonce());
    byte[] proof = LinkCrypto.proof(secret, LinkCrypto.CONTROLLER_PROOF, traderNonce, controllerNonce, helloText,
        unsignedText);
    send(codec.encode(new Welcome(1, unsigned.nonce(), streamId, null, 0, LinkCrypto.base64(proof))));
    key = LinkCrypto.sessionKey(secret, traderNonce, controllerNonce);
    return plain();
  }

  // ---------------------------------------------------------------- frames

  String seal(long seq, long ack, LinkMessage message) {
    String frame = codec.encodeFrame(new Frame(seq, ack, Instant.now(), message));
    byte[] mac = key.mac(trader ? LinkCrypto.TRADER_TO_CONTROLLER : LinkCrypto.CONTROLLER_TO_TRADER, frame);
    return codec.encodeEnvelope(new Envelope.Sealed(frame, LinkCrypto.base64(mac)));
  }

  /** The next frame in sequence, sealed correctly. */
  String next(LinkMessage message) {
    return seal(nextSeq++, lastInSeq, message);
  }

  void send(String text) {
    transcript.add(text);
    socket.writeTextMessage(text);
  }

  String nextText() throws InterruptedException {
    String text = incoming.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(text).as("a message from the peer").isNotNull();
    return text;
  }

  LinkMessage plain() throws Exception {
    Envelope envelope = codec.decodeEnvelope(nextText());
    assertThat(envelope).isInstanceOf(Envelope.Plain.class);
    return ((Envelope.Plain) envelope).message();
  }

  /** The next sealed frame, MAC checked. */
  Frame frame() throws Exception {
    Envelope envelope = codec.decodeEnvelope(nextText());
    assertThat(envelope).as("a sealed frame").isInstanceOf(Envelope.Sealed.class);
    Envelope.Sealed sealed = (Envelope.Sealed) envelope;
    byte[] mac = key.mac(trader ? LinkCrypto.CONTROLLER_TO_TRADER : LinkCrypto.TRADER_TO_CONTROLLER, sealed.frame());
    assertThat(LinkCrypto.matches(mac, sealed.mac())).as("frame MAC").isTrue();
    Frame frame = codec.decodeFrame(sealed.frame());
    if (frame.seq() > lastInSeq && !(frame.message() instanceof io.github.crossarb.link.protocol.Bye)) {
      lastInSeq = frame.seq();
    }
    return frame;
  }

  /** Skips heartbeats; the next other message (sealed). */
  LinkMessage nextSealedMessage() throws Exception {
    while (true) {
      Frame frame = frame();
      if (!(frame.message() instanceof io.github.crossarb.link.protocol.Heartbeat)) {
        return frame.message();
      }
    }
  }

  /** Waits until the peer closes the socket. */
  void awaitClosed() throws Exception {
    closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  byte[] nonce() {
    byte[] nonce = new byte[LinkCrypto.NONCE_BYTES];
    random.nextBytes(nonce);
    return nonce;
  }

  static <T> T get(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  static void ignore(LinkCodecException e) {}

  void close() {
    if (socket != null && !socket.isClosed()) {
      socket.close();
    }
  }

  static Promise<Void> promise() {
    return Promise.promise();
  }
}
