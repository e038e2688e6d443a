package io.github.crossarb.link.transport.internal;

import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.session.LinkSession;
import io.github.crossarb.link.session.SessionOutput;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketBase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One WebSocket carrying one {@link LinkSession}: feeds it text, ticks it, writes what it says and
 * closes the socket when it ends. Runs on the socket's context.
 */
public final class Connection implements SessionOutput {
  /** What the owner (server or client) hears from a connection. */
  public interface Events {
    void established(Connection connection, LinkPeer peer);

    void message(Connection connection, LinkMessage message);

    /** {@code wasEstablished}: whether the handshake had completed on this connection. */
    void closed(Connection connection, DisconnectReason reason, String detail, boolean byPeer, boolean wasEstablished);
  }

  private final Vertx vertx;
  private final WebSocketBase socket;
  private final Events events;
  private final String remote;
  private LinkSession session;
  private long timer = -1;
  private boolean established;
  private boolean ended;
  private Future<Void> socketClosed;

  public Connection(Vertx vertx, WebSocketBase socket, Events events) {
    this.vertx = vertx;
    this.socket = socket;
    this.events = events;
    this.remote = String.valueOf(socket.remoteAddress());
  }

  /** Binds the session (made with this connection as its output) and starts it. */
  public void start(Function<Connection, LinkSession> sessionFactory, Duration heartbeat) {
    session = sessionFactory.apply(this);
    socket.textMessageHandler(text -> session.onText(text));
    socket.binaryMessageHandler(data -> session.onText("binary message of " + data.length() + " bytes"));
    socket.exceptionHandler(e -> {
      // the close handler follows; the session reports the drop there
    });
    socket.closeHandler(v -> session.connectionLost("connection closed"
        + (socket.closeStatusCode() == null ? "" : " (" + socket.closeStatusCode() + ")")));
    long period = Math.max(10, Math.min(250, heartbeat.toMillis() / 4));
    timer = vertx.setPeriodic(period, id -> session.tick());
    session.start();
  }

  public LinkSession session() {
    return session;
  }

  public String remote() {
    return remote;
  }

  /** Completes when the socket closed (or gave up waiting for the peer's close); set once the session ended. */
  public Future<Void> socketClosed() {
    return socketClosed == null ? Future.succeededFuture() : socketClosed;
  }

  public boolean isEstablished() {
    return established && !ended;
  }

  @Override
  public void send(String text) {
    if (!socket.isClosed()) {
      socket.writeTextMessage(text);
    }
  }

  @Override
  public void established(LinkPeer peer) {
    established = true;
    events.established(this, peer);
  }

  @Override
  public void deliver(LinkMessage message) {
    events.message(this, message);
  }

  @Override
  public void closed(DisconnectReason reason, String detail, boolean byPeer) {
    if (ended) {
      return;
    }
    ended = true;
    vertx.cancelTimer(timer);
    // after the Bye already queued; bounded, a silent peer must not hold a shutdown up
    socketClosed = socket.isClosed() ? Future.succeededFuture()
        : socket.close((short) 1000, reason.name()).timeout(2, TimeUnit.SECONDS).otherwiseEmpty();
    events.closed(this, reason, detail, byPeer, established);
  }
}
