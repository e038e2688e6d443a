package io.github.crossarb.link.transport.internal;

import io.github.crossarb.link.LinkChannel;
import io.github.crossarb.link.LinkHandler;
import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.session.LinkSession;
import io.github.crossarb.link.session.StreamState;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A {@link LinkChannel} over successive connections: it keeps the {@link StreamState} (so queued
 * and unacknowledged messages survive a reconnect) and forwards the current connection's events to
 * the handler. Everything runs on {@code context}; calls from elsewhere hop onto it, in order.
 */
public final class SessionChannel implements LinkChannel {
  private static final System.Logger LOG = System.getLogger("io.github.crossarb.link.transport");
  private static final LinkHandler NO_HANDLER = new LinkHandler() {
    @Override
    public void onConnected(LinkPeer peer) {}

    @Override
    public void onMessage(LinkMessage message) {}

    @Override
    public void onDisconnected(DisconnectReason reason, String detail) {}
  };

  private final Context context;
  private final boolean traderSide;
  private final StreamState streams;
  private final Supplier<Future<Void>> onClose;
  // volatile: status pages may read them from other threads; writes happen on the context only
  private volatile LinkHandler handler = NO_HANDLER;
  private volatile Connection current;
  private volatile LinkPeer peer;
  private volatile boolean closed;

  /** {@code onClose} runs on the context after the {@code Bye(SHUTDOWN)}: stop dialling, forget the channel. */
  public SessionChannel(Context context, boolean traderSide, StreamState streams, Supplier<Future<Void>> onClose) {
    this.context = context;
    this.traderSide = traderSide;
    this.streams = streams;
    this.onClose = onClose;
  }

  public StreamState streams() {
    return streams;
  }

  public Connection current() {
    return current;
  }

  public boolean isClosed() {
    return closed;
  }

  private boolean onContext() {
    return Vertx.currentContext() == context;
  }

  @Override
  public void send(LinkMessage message) {
    LinkSession.checkDirection(traderSide, message);
    if (!onContext()) {
      context.runOnContext(v -> send(message));
      return;
    }
    if (closed) {
      throw new IllegalStateException("link channel closed");
    }
    if (current != null && current.session().established()) {
      current.session().send(message);
    } else {
      streams.enqueue(message); // sent after the next handshake
    }
  }

  @Override
  public boolean connected() {
    return current != null && current.isEstablished();
  }

  @Override
  public LinkPeer peer() {
    return peer;
  }

  @Override
  public Instant lastHeard() {
    return streams.lastHeard();
  }

  @Override
  public void handler(LinkHandler handler) {
    this.handler = handler == null ? NO_HANDLER : handler;
  }

  @Override
  public Future<Void> close() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      if (closed) {
        done.complete();
        return;
      }
      closed = true;
      Connection connection = current;
      Future<Void> bye = Future.succeededFuture();
      if (connection != null) {
        connection.session().close(DisconnectReason.SHUTDOWN, (traderSide ? "trader" : "controller") + " closing the link");
        bye = connection.socketClosed();
      }
      bye.transform(ar -> onClose.get()).onComplete(done);
    });
    return done.future();
  }

  // ---------------------------------------------------------------- from the connections

  /** A connection of this channel completed its handshake. */
  public void connected(Connection connection, LinkPeer newPeer) {
    current = connection;
    peer = newPeer;
    try {
      handler.onConnected(newPeer);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "link handler failed in onConnected: " + e);
    }
  }

  public void message(LinkMessage message) {
    try {
      handler.onMessage(message);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "link handler failed in onMessage: " + e);
    }
  }

  /** A connection (established on this channel or, on the trader side, any attempt) ended. */
  public void disconnected(Connection connection, DisconnectReason reason, String detail) {
    if (connection != null && connection == current) {
      current = null;
    } else if (connection != null && current != null) {
      return; // an older connection, already replaced
    }
    try {
      handler.onDisconnected(reason, detail);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "link handler failed in onDisconnected: " + e);
    }
  }
}
