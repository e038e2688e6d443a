package io.github.crossarb.link.transport;

import io.github.crossarb.link.LinkChannel;
import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.codec.LinkCodec;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.session.LinkSession;
import io.github.crossarb.link.session.SessionSettings;
import io.github.crossarb.link.session.StreamState;
import io.github.crossarb.link.transport.internal.Connection;
import io.github.crossarb.link.transport.internal.SessionChannel;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.PemTrustOptions;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;

/**
 * The trader's end of the link: dials the controller and keeps dialling (backoff doubling from
 * {@code backoffMin} to {@code backoffMax}, with jitter) until {@link LinkChannel#close()}. Each
 * connection does a fresh handshake and resends what the controller has not received. Every
 * connection that ends, or dial that fails, is reported to the handler's {@code onDisconnected}
 * (including {@code AUTH_FAILED} and {@code VERSION_MISMATCH}, which are retried too: the operator
 * may fix the controller meanwhile), and {@code CONNECTION_LOST} for a dial that failed.
 *
 * <p>On this side {@link LinkChannel#peer()} is the trader itself as agreed in the handshake (its
 * id, the version chosen, its venues and limits). Messages sent before the first handshake are
 * queued and go out once it completes.
 */
public final class LinkClient {
  private static final System.Logger LOG = System.getLogger("io.github.crossarb.link.transport");

  private final Vertx vertx;
  private final Context context;
  private final LinkClientOptions options;
  private final SessionSettings settings;
  private final SecureRandom random = new SecureRandom();
  private final WebSocketClient client;
  private final SessionChannel channel;
  private int failures;
  private long retryTimer = -1;
  private boolean closed;

  private LinkClient(Vertx vertx, Context context, LinkClientOptions options) {
    this.vertx = vertx;
    this.context = context;
    this.options = options;
    this.settings = new SessionSettings(options.secret(), options.heartbeat(), options.timeout(), options.minVersion(),
        options.maxVersion());
    WebSocketClientOptions ws = new WebSocketClientOptions()
        .setMaxMessageSize(LinkCodec.MAX_TEXT_CHARS)
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis()));
    if (options.tls()) {
      ws.setSsl(true).setVerifyHost(true);
      if (options.trustPath() != null) {
        ws.setTrustOptions(new PemTrustOptions().addCertPath(options.trustPath()));
      }
    }
    this.client = vertx.createWebSocketClient(ws);
    this.channel = new SessionChannel(context, true, StreamState.fresh(random), this::stop);
  }

  /** Starts dialling {@code options.url()}; the channel queues messages until the first handshake. */
  public static LinkChannel connect(Vertx vertx, LinkClientOptions options) {
    Context context = vertx.getOrCreateContext();
    LinkClient link = new LinkClient(vertx, context, options);
    context.runOnContext(v -> link.dial());
    return link.channel;
  }

  private void dial() {
    if (closed || channel.isClosed()) {
      return;
    }
    client.connect(new WebSocketConnectOptions().setAbsoluteURI(options.url())).onComplete(ar -> {
      if (closed || channel.isClosed()) {
        if (ar.succeeded()) {
          ar.result().close();
        }
        return;
      }
      if (ar.failed()) {
        String detail = "cannot reach " + options.url() + ": " + oneLine(ar.cause());
        LOG.log(Level.WARNING, "trader link " + detail);
        channel.disconnected(null, DisconnectReason.CONNECTION_LOST, detail);
        retryLater();
        return;
      }
      Connection connection = new Connection(vertx, ar.result(), events);
      connection.start(c -> LinkSession.trader(settings, options.identity(), channel.streams(), c, options.clock(),
          random), options.heartbeat());
    });
  }

  private final Connection.Events events = new Connection.Events() {
    @Override
    public void established(Connection connection, LinkPeer peer) {
      failures = 0;
      LOG.log(Level.INFO, "trader link connected to " + options.url() + " as " + peer.traderId() + " (version "
          + peer.version() + ")");
      channel.connected(connection, peer);
    }

    @Override
    public void message(Connection connection, LinkMessage message) {
      if (channel.current() == connection) {
        channel.message(message);
      }
    }

    @Override
    public void closed(Connection connection, DisconnectReason reason, String detail, boolean byPeer,
        boolean wasEstablished) {
      LOG.log(reason == DisconnectReason.SHUTDOWN ? Level.INFO : Level.WARNING, "trader link to " + options.url()
          + " disconnected: " + reason + (byPeer ? " (by controller) " : " ") + detail);
      channel.disconnected(connection, reason, detail);
      retryLater();
    }
  };

  private void retryLater() {
    if (closed || channel.isClosed() || retryTimer >= 0) {
      return;
    }
    long min = options.backoffMin().toMillis();
    long max = options.backoffMax().toMillis();
    long delay = min;
    for (int i = 0; i < failures && delay < max; i++) {
      delay *= 2;
    }
    delay = Math.min(delay, max);
    delay = delay / 2 + random.nextInt((int) Math.min(Integer.MAX_VALUE, delay / 2 + 1)); // jitter: [d/2, d]
    failures++;
    retryTimer = vertx.setTimer(Math.max(1, delay), id -> {
      retryTimer = -1;
      dial();
    });
  }

  private Future<Void> stop() {
    closed = true;
    if (retryTimer >= 0) {
      vertx.cancelTimer(retryTimer);
      retryTimer = -1;
    }
    LOG.log(Level.INFO, "trader link to " + options.url() + " closed");
    return client.close();
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    message = message.replaceAll("[\\r\\n]+", " ");
    return message.length() > 200 ? message.substring(0, 200) + "..." : message;
  }
}
