package io.github.crossarb.link.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.link.LinkChannel;
import io.github.crossarb.link.LinkSecret;
import io.github.crossarb.link.codec.Frame;
import io.github.crossarb.link.protocol.Authenticate;
import io.github.crossarb.link.protocol.Bye;
import io.github.crossarb.link.protocol.CancelAll;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.Heartbeat;
import io.github.crossarb.link.protocol.LegAck;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.TraderLimits;
import io.github.crossarb.link.session.internal.LinkCrypto;
import io.github.crossarb.link.testing.CuttableProxy;
import io.vertx.core.Vertx;
import io.vertx.core.net.SelfSignedCertificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link LinkServer} and {@link LinkClient} over loopback WebSockets, against each other and against a raw peer. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LinkTransportIT {
  static final LinkSecret SECRET = LinkSecret.of("the shared secret of this test, 32+ characters");
  static final LinkSecret WRONG = LinkSecret.of("not the shared secret, but 32+ characters too");
  static final Duration HEARTBEAT = Duration.ofMillis(100);
  static final Duration TIMEOUT = Duration.ofMillis(600);
  static final TraderLimits LIMITS = new TraderLimits(Money.parse("50"), Money.parse("500"), List.of("*"));
  static final Map<VenueId, VenueCapabilities> KALSHI = RawPeer.KALSHI_ONLY;
  static final Map<VenueId, VenueCapabilities> POLYMARKET =
      Map.of(VenueId.POLYMARKET, new VenueCapabilities(Set.of(TimeInForce.FOK), false, false, false, true));

  Vertx vertx;
  LinkServer server;
  final List<LinkChannel> clients = new ArrayList<>();
  final List<RawPeer> raws = new ArrayList<>();
  final BlockingQueue<LinkChannel> serverChannels = new LinkedBlockingQueue<>();
  final Recorder atServer = new Recorder();

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (LinkChannel c : clients) {
      RawPeer.get(c.close());
    }
    raws.forEach(RawPeer::close);
    if (server != null) {
      RawPeer.get(server.close());
    }
    RawPeer.get(vertx.close());
  }

  private LinkServerOptions serverOptions() {
    return LinkServerOptions.of("127.0.0.1", 0, SECRET).withTiming(HEARTBEAT, TIMEOUT);
  }

  private void startServer(LinkServerOptions options) throws Exception {
    server = RawPeer.get(LinkServer.start(vertx, options));
    server.onChannel(channel -> {
      channel.handler(atServer);
      serverChannels.add(channel);
    });
  }

  private LinkClientOptions clientOptions(String url, String traderId, Map<VenueId, VenueCapabilities> venues) {
    return LinkClientOptions.of(url, SECRET, traderId, venues, LIMITS).withTiming(HEARTBEAT, TIMEOUT)
        .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
  }

  private LinkChannel connect(LinkClientOptions options, Recorder recorder) throws Exception {
    // On a context, as the channel's contract asks: the handler is in place before the first dial
    // runs (from the test thread, a fast handshake could finish before it, and its connect be lost).
    CompletableFuture<LinkChannel> made = new CompletableFuture<>();
    vertx.getOrCreateContext().runOnContext(v -> {
      LinkChannel channel = LinkClient.connect(vertx, options);
      channel.handler(recorder);
      made.complete(channel);
    });
    LinkChannel channel = made.get(RawPeer.WAIT_SECONDS, TimeUnit.SECONDS);
    clients.add(channel);
    return channel;
  }

  private String url() {
    return "ws://127.0.0.1:" + server.actualPort();
  }

  private LinkChannel serverChannel() throws InterruptedException {
    LinkChannel channel = serverChannels.poll(RawPeer.WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(channel).as("the server made a channel").isNotNull();
    return channel;
  }

  private RawPeer raw(int port) throws Exception {
    RawPeer peer = RawPeer.dial(vertx, port);
    raws.add(peer);
    return peer;
  }

  private static CancelAll command(int n) {
    return new CancelAll("c" + n, VenueId.KALSHI);
  }

  // ---------------------------------------------------------------- happy path

  @Test
  void messagesFlowBothWaysInOrderOnce() throws Exception {
    startServer(serverOptions());
    Recorder atTrader = new Recorder();
    LinkChannel trader = connect(clientOptions(url(), "laptop", KALSHI), atTrader);
    trader.send(new LegAck("queued before the first handshake"));
    atTrader.await("connected laptop");
    LinkChannel atController = serverChannel();
    atServer.await("connected laptop");
    assertThat(server.channelFor(VenueId.KALSHI)).containsSame(atController);
    assertThat(server.channelFor(VenueId.POLYMARKET)).isEmpty();
    assertThat(atController.peer().venues()).containsOnlyKeys(VenueId.KALSHI);

    List<LinkMessage> sent = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      sent.add(command(i));
      atController.send(command(i));
    }
    atTrader.awaitMessages(50);
    trader.send(new LegAck("c0"));
    atServer.awaitMessages(2);
    assertThat(atTrader.messages).containsExactlyElementsOf(sent);
    assertThat(atServer.messages).containsExactly(new LegAck("queued before the first handshake"), new LegAck("c0"));
    assertThat(trader.connected()).isTrue();
    assertThat(atController.connected()).isTrue();
    assertThat(atController.lastHeard()).isNotNull();
  }

  @Test
  void aLargeReplyTravelsInSeveralWebSocketFrames() throws Exception {
    startServer(serverOptions());
    Recorder atTrader = new Recorder();
    LinkChannel trader = connect(clientOptions(url(), "laptop", KALSHI), atTrader);
    atTrader.await("connected laptop");
    serverChannel();
    List<io.github.crossarb.core.venue.OrderReport> orders = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      orders.add(new io.github.crossarb.core.venue.OrderReport(new io.github.crossarb.core.model.VenueOrderId("o" + i),
          null, io.github.crossarb.core.model.InstrumentId.kalshi("KXBTC-25DEC31-T" + i),
          io.github.crossarb.core.model.Outcome.YES, io.github.crossarb.core.model.Side.BUY,
          io.github.crossarb.core.model.Price.parse("0.42"), io.github.crossarb.core.model.Quantity.of(10),
          io.github.crossarb.core.model.Quantity.ZERO, io.github.crossarb.core.venue.OrderStatus.OPEN, null));
    }
    io.github.crossarb.link.protocol.OpenOrders big = new io.github.crossarb.link.protocol.OpenOrders("open-1", orders);
    assertThat(new io.github.crossarb.link.codec.LinkCodec().encode(big).length()).isGreaterThan(200_000);
    trader.send(big);
    atServer.awaitMessages(1);
    assertThat(atServer.messages).containsExactly(big);
  }

  @Test
  void theSecretAppearsNeitherOnTheWireNorInTheLog() throws Exception {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("io.github.crossarb.link.transport");
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    log.addHandler(capture);
    try {
      startServer(serverOptions());
      RawPeer peer = raw(server.actualPort());
      peer.handshakeAsTrader("laptop", KALSHI, SECRET);
      LinkChannel atController = serverChannel();
      atController.send(command(1));
      assertThat(peer.nextSealedMessage()).isEqualTo(command(1));
      peer.send(peer.next(new LegAck("c1")));
      atServer.awaitMessages(1);
      RawPeer wrong = raw(server.actualPort());
      try {
        wrong.handshakeAsTrader("laptop", KALSHI, WRONG);
      } catch (AssertionError expected) {
        // answered with a clear Bye(AUTH_FAILED), not a sealed frame
      }
      wrong.awaitClosed();
      RawPeer.get(server.close());
      server = null;
      peer.awaitClosed();
    } finally {
      log.removeHandler(capture);
    }
    String secret = "the shared secret of this test, 32+ characters";
    byte[] bytes = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    List<String> forms = List.of(secret, secret.substring(0, 12), java.util.Base64.getEncoder().encodeToString(bytes),
        java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
        java.util.HexFormat.of().formatHex(bytes));
    List<String> seen = new ArrayList<>(lines);
    raws.forEach(r -> seen.addAll(r.transcript));
    seen.add(serverOptions().toString());
    seen.add(clientOptions(url0(), "laptop", KALSHI).toString());
    assertThat(lines).anyMatch(l -> l.contains("trader laptop connected"));
    assertThat(seen.size()).isGreaterThan(8);
    for (String text : seen) {
      for (String form : forms) {
        assertThat(text).doesNotContain(form);
      }
    }
  }

  private static String url0() {
    return "ws://127.0.0.1:1";
  }

  // ---------------------------------------------------------------- authentication

  @Test
  void aTraderWithTheWrongSecretIsToldAuthFailedAndKeepsTrying() throws Exception {
    startServer(serverOptions());
    Recorder atTrader = new Recorder();
    connect(clientOptions(url(), "laptop", KALSHI).withTiming(HEARTBEAT, TIMEOUT), atTrader);
    LinkClientOptions wrong = new LinkClientOptions(url(), WRONG, null, clientOptions(url(), "x", KALSHI).identity(),
        HEARTBEAT, TIMEOUT, java.time.InstantSource.system(), Duration.ofMillis(20), Duration.ofMillis(100), 1, 1);
    Recorder atImpostor = new Recorder();
    connect(wrong, atImpostor);
    atImpostor.await("disconnected AUTH_FAILED");
    atImpostor.await("disconnected AUTH_FAILED"); // retried, reported again
    atTrader.await("connected laptop");
    assertThat(atImpostor.all).noneMatch(e -> e.startsWith("connected"));
    assertThat(server.channels()).hasSize(1);
  }

  @Test
  void theServerRefusesAWrongTraderProof() throws Exception {
    startServer(serverOptions());
    java.util.concurrent.LinkedBlockingQueue<String> refusals = new java.util.concurrent.LinkedBlockingQueue<>();
    server.onRefused(refusals::add);
    RawPeer peer = raw(server.actualPort());
    peer.sendHello("mallory", KALSHI, peer.nonce(), 1, 1);
    peer.plain(); // welcome
    peer.send(peer.codec.encode(new Authenticate(LinkCrypto.base64(new byte[32]))));
    assertThat(peer.plain()).isEqualTo(new Bye(DisconnectReason.AUTH_FAILED,
        "the trader's proof did not verify (different TRADER_LINK_SECRET?)"));
    peer.awaitClosed();
    assertThat(server.channels()).isEmpty();
    // The operator hears of it, not only the log.
    assertThat(refusals.poll(10, java.util.concurrent.TimeUnit.SECONDS))
        .contains("says trader mallory").contains("AUTH_FAILED");

    RawPeer guesser = raw(server.actualPort());
    Frame first = null;
    try {
      first = guesser.handshakeAsTrader("mallory", KALSHI, WRONG);
    } catch (AssertionError expected) {
      // no sealed frame comes: the answer is a clear Bye
    }
    assertThat(first).isNull();
    guesser.awaitClosed();
    assertThat(server.channels()).isEmpty();
  }

  @Test
  void theClientRefusesAControllerWithoutTheSecret() throws Exception {
    RawPeer.Listener listener = RawPeer.Listener.start(vertx);
    Recorder atTrader = new Recorder();
    connect(clientOptions("ws://127.0.0.1:" + listener.port(), "laptop", KALSHI), atTrader);
    RawPeer controller = listener.next();
    raws.add(controller);
    LinkMessage answer = controller.welcomeAsController(WRONG);
    assertThat(answer).isInstanceOf(Bye.class);
    assertThat(((Bye) answer).reason()).isEqualTo(DisconnectReason.AUTH_FAILED);
    atTrader.await("disconnected AUTH_FAILED");
    assertThat(atTrader.all).noneMatch(e -> e.startsWith("connected"));
  }

  @Test
  void versionMismatchIsReportedToTheTrader() throws Exception {
    startServer(serverOptions());
    Recorder atTrader = new Recorder();
    connect(clientOptions(url(), "laptop", KALSHI).withVersions(2, 3), atTrader);
    String event = atTrader.await("disconnected");
    assertThat(event).startsWith("disconnected VERSION_MISMATCH").contains("2..3");
    assertThat(server.channels()).isEmpty();
  }

  // ---------------------------------------------------------------- forged, replayed, reordered

  @Test
  void aForgedFrameFromATraderIsRefusedAndNotDelivered() throws Exception {
    startServer(serverOptions());
    RawPeer peer = raw(server.actualPort());
    peer.handshakeAsTrader("laptop", KALSHI, SECRET);
    serverChannel();
    atServer.await("connected laptop");
    String good = peer.next(new LegAck("real"));
    peer.send(good.replace("real", "fake"));
    assertThat(lastBye(peer).reason()).isEqualTo(DisconnectReason.AUTH_FAILED);
    atServer.await("disconnected AUTH_FAILED");
    assertThat(atServer.messages).isEmpty();
  }

  @Test
  void aReplayedFrameIsRefusedAndDeliveredOnce() throws Exception {
    startServer(serverOptions());
    RawPeer peer = raw(server.actualPort());
    peer.handshakeAsTrader("laptop", KALSHI, SECRET);
    serverChannel();
    String frame = peer.next(new LegAck("once"));
    peer.send(frame);
    peer.send(frame);
    assertThat(lastBye(peer).reason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
    atServer.await("disconnected PROTOCOL_ERROR");
    assertThat(atServer.messages).containsExactly(new LegAck("once"));
  }

  @Test
  void reorderedFramesAreRefusedAndNothingIsDelivered() throws Exception {
    startServer(serverOptions());
    RawPeer peer = raw(server.actualPort());
    peer.handshakeAsTrader("laptop", KALSHI, SECRET);
    serverChannel();
    String first = peer.next(new LegAck("1"));
    String second = peer.next(new LegAck("2"));
    peer.send(second);
    peer.send(first);
    assertThat(lastBye(peer).reason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
    atServer.await("disconnected PROTOCOL_ERROR");
    assertThat(atServer.messages).isEmpty();
  }

  @Test
  void theClientRefusesForgedAndOutOfSequenceFrames() throws Exception {
    RawPeer.Listener listener = RawPeer.Listener.start(vertx);
    Recorder atTrader = new Recorder();
    connect(clientOptions("ws://127.0.0.1:" + listener.port(), "laptop", KALSHI), atTrader);

    RawPeer controller = listener.next();
    raws.add(controller);
    assertThat(controller.welcomeAsController(SECRET)).isInstanceOf(Authenticate.class);
    controller.send(controller.next(new Heartbeat())); // admits the trader
    atTrader.await("connected laptop");
    controller.send(controller.next(command(1)).replace("c1", "c2"));
    atTrader.await("disconnected AUTH_FAILED");

    RawPeer again = listener.next(); // the client redials
    raws.add(again);
    again.welcomeAsController(SECRET);
    again.send(again.next(new Heartbeat()));
    atTrader.await("connected laptop");
    again.nextSeq = 5; // a gap
    again.send(again.next(command(5)));
    atTrader.await("disconnected PROTOCOL_ERROR");
    assertThat(atTrader.messages).isEmpty();
  }

  // ---------------------------------------------------------------- reconnect and resend

  @Test
  void afterADisconnectUnacknowledgedMessagesAreResentInOrderAndNoneTwice() throws Exception {
    startServer(serverOptions());
    CuttableProxy proxy = CuttableProxy.start(vertx, server.actualPort());
    Recorder atTrader = new Recorder();
    LinkChannel trader = connect(clientOptions("ws://127.0.0.1:" + proxy.port(), "laptop", KALSHI), atTrader);
    atTrader.await("connected");
    LinkChannel atController = serverChannel();
    atServer.await("connected");
    atController.send(command(1));
    atController.send(command(2));
    atTrader.awaitMessages(2);

    proxy.blackhole(); // the route dies silently: these go out on a socket that no longer delivers
    atController.send(command(3));
    atController.send(command(4));
    trader.send(new LegAck("r1"));
    proxy.cut(true); // then the sockets drop
    atTrader.await("disconnected");
    atServer.await("disconnected");
    atController.send(command(5)); // while down: queued
    trader.send(new LegAck("r2"));
    proxy.heal();

    atTrader.await("connected");
    atServer.await("connected");
    atTrader.awaitMessages(5);
    atServer.awaitMessages(2);
    assertThat(atTrader.messages).containsExactly(command(1), command(2), command(3), command(4), command(5));
    assertThat(atServer.messages).containsExactly(new LegAck("r1"), new LegAck("r2"));
    assertThat(server.channels()).containsExactly(atController);
  }

  @Test
  void aSilentTraderIsClosedWithHeartbeatTimeout() throws Exception {
    startServer(serverOptions());
    RawPeer peer = raw(server.actualPort());
    peer.handshakeAsTrader("laptop", KALSHI, SECRET);
    serverChannel();
    atServer.await("connected");
    // never answers: the server's heartbeats keep coming, then its Bye
    Bye bye = lastBye(peer);
    assertThat(bye.reason()).isEqualTo(DisconnectReason.HEARTBEAT_TIMEOUT);
    atServer.await("disconnected HEARTBEAT_TIMEOUT");
  }

  @Test
  void aSilentControllerIsClosedWithHeartbeatTimeout() throws Exception {
    RawPeer.Listener listener = RawPeer.Listener.start(vertx);
    Recorder atTrader = new Recorder();
    connect(clientOptions("ws://127.0.0.1:" + listener.port(), "laptop", KALSHI), atTrader);
    RawPeer controller = listener.next();
    raws.add(controller);
    controller.welcomeAsController(SECRET);
    controller.send(controller.next(new Heartbeat()));
    atTrader.await("connected laptop");
    atTrader.await("disconnected HEARTBEAT_TIMEOUT");
  }

  @Test
  void anIncompleteHandshakeIsClosedAfterTheTimeout() throws Exception {
    startServer(serverOptions());
    RawPeer peer = raw(server.actualPort());
    assertThat(peer.plain()).isInstanceOf(Bye.class).extracting(m -> ((Bye) m).reason())
        .isEqualTo(DisconnectReason.HEARTBEAT_TIMEOUT);
    peer.awaitClosed();
  }

  @Test
  void pendingHandshakesAreBounded() throws Exception {
    startServer(serverOptions().withMaxPendingHandshakes(2).withTiming(HEARTBEAT, Duration.ofSeconds(30)));
    raw(server.actualPort());
    raw(server.actualPort());
    RawPeer third = raw(server.actualPort());
    assertThat(third.closed.get(RawPeer.WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo((short) 1013);
  }

  // ---------------------------------------------------------------- replacement and conflicts

  @Test
  void aNewerConnectionOfTheSameTraderReplacesTheOlder() throws Exception {
    startServer(serverOptions());
    Recorder atTrader = new Recorder();
    connect(clientOptions(url(), "laptop", KALSHI).withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30)),
        atTrader);
    atTrader.await("connected laptop");
    LinkChannel atController = serverChannel();
    RawPeer newer = raw(server.actualPort());
    newer.handshakeAsTrader("laptop", KALSHI, SECRET);
    atTrader.await("disconnected REPLACED");
    atServer.await("disconnected REPLACED");
    atServer.await("connected laptop");
    assertThat(server.channels()).containsExactly(atController);
    assertThat(atController.connected()).isTrue();
    newer.send(newer.next(new LegAck("from the newer")));
    atServer.awaitMessages(1);
    assertThat(atServer.messages).containsExactly(new LegAck("from the newer"));
  }

  @Test
  void aTraderAnnouncingAVenueServedByAnotherConnectedTraderIsRefused() throws Exception {
    startServer(serverOptions());
    Recorder atTrader = new Recorder();
    connect(clientOptions(url(), "laptop", KALSHI), atTrader);
    atTrader.await("connected laptop");
    RawPeer desk = raw(server.actualPort());
    byte[] nonce = desk.nonce();
    String hello = desk.sendHello("desk", Map.of(VenueId.KALSHI, KALSHI.get(VenueId.KALSHI),
        VenueId.POLYMARKET, POLYMARKET.get(VenueId.POLYMARKET)), nonce, 1, 1);
    io.github.crossarb.link.protocol.Welcome welcome = (io.github.crossarb.link.protocol.Welcome) desk.plain();
    String unsigned = desk.codec.encode(new io.github.crossarb.link.protocol.Welcome(welcome.version(),
        welcome.nonce(), welcome.streamId(), welcome.lastReceivedStreamId(), welcome.lastReceivedSeq(), ""));
    desk.send(desk.codec.encode(new Authenticate(LinkCrypto.base64(LinkCrypto.proof(SECRET, LinkCrypto.TRADER_PROOF,
        nonce, LinkCrypto.nonceBytes(welcome.nonce()), hello, unsigned)))));
    Bye bye = (Bye) desk.plain();
    assertThat(bye.reason()).isEqualTo(DisconnectReason.VENUE_CONFLICT);
    assertThat(bye.detail()).contains("kalshi").contains("laptop");
    assertThat(server.channels()).hasSize(1);

    Recorder atPoly = new Recorder();
    connect(clientOptions(url(), "poly-box", POLYMARKET), atPoly);
    atPoly.await("connected poly-box");
    assertThat(server.channelFor(VenueId.POLYMARKET).map(c -> c.peer().traderId())).contains("poly-box");
  }

  @Test
  void closingTheServerSaysShutdown() throws Exception {
    startServer(serverOptions());
    Recorder atTrader = new Recorder();
    connect(clientOptions(url(), "laptop", KALSHI).withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30)),
        atTrader);
    atTrader.await("connected laptop");
    RawPeer.get(server.close());
    server = null;
    atTrader.await("disconnected SHUTDOWN");
  }

  @Test
  void closingTheClientSaysShutdownAndStopsDialling() throws Exception {
    startServer(serverOptions());
    Recorder atTrader = new Recorder();
    LinkChannel trader = connect(clientOptions(url(), "laptop", KALSHI), atTrader);
    atTrader.await("connected laptop");
    serverChannel();
    atServer.await("connected laptop");
    RawPeer.get(trader.close());
    clients.remove(trader);
    assertThat(atServer.await("disconnected")).startsWith("disconnected SHUTDOWN");
    assertThat(trader.connected()).isFalse();
    // a later dial would show as a new connection of the same channel; closing the server flushes the context
    RawPeer.get(server.close());
    server = null;
    assertThat(atServer.all).filteredOn(e -> e.startsWith("connected")).hasSize(1);
  }

  // ---------------------------------------------------------------- TLS

  @Test
  void tlsWithASelfSignedCertificateWorksForAClientThatTrustsIt() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.create("localhost");
    try {
      startServer(serverOptions().withTls(cert.certificatePath(), cert.privateKeyPath()));
      String url = "wss://localhost:" + server.actualPort();
      Recorder untrusting = new Recorder();
      connect(clientOptions(url, "laptop", KALSHI), untrusting);
      String failure = untrusting.await("disconnected");
      assertThat(failure).startsWith("disconnected CONNECTION_LOST");
      RawPeer.get(clients.remove(0).close());
      assertThat(untrusting.all).noneMatch(e -> e.startsWith("connected"));

      Recorder trusting = new Recorder();
      connect(clientOptions(url, "laptop", KALSHI).withTrust(cert.certificatePath()), trusting);
      trusting.await("connected laptop");
      LinkChannel atController = serverChannel();
      atController.send(command(1));
      trusting.awaitMessages(1);
      assertThat(trusting.messages).containsExactly(command(1));
    } finally {
      cert.delete();
    }
  }

  private static Bye lastBye(RawPeer peer) throws Exception {
    while (true) {
      Frame frame = peer.frame();
      if (frame.message() instanceof Bye bye) {
        return bye;
      }
    }
  }
}
