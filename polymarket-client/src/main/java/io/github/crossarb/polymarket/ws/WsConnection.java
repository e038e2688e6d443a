package io.github.crossarb.polymarket.ws;

import io.github.crossarb.polymarket.PolymarketConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One Polymarket WebSocket kept alive: text {@code PING} every ping interval, and after any drop a
 * reconnect with exponential backoff and jitter, then {@code onOpen} again (to re-authenticate and
 * resubscribe). Runs on the context that created it.
 */
final class WsConnection {
  interface Handler {
    /** Connected: send the subscription (or auth) messages. */
    void onOpen(WebSocket socket);

    void onText(String text);

    /** The socket dropped (or a connect failed); a reconnect is scheduled unless closed. */
    void onDown(String reason);
  }

  private final Vertx vertx;
  private final PolymarketConfig config;
  private final String url;
  private final Handler handler;
  private final WebSocketClient client;
  private WebSocket socket;
  private long pingTimer = -1;
  private long reconnectTimer = -1;
  private int attempt;
  private boolean closed;
  private boolean everConnected;

  WsConnection(Vertx vertx, PolymarketConfig config, String url, Handler handler) {
    this.vertx = vertx;
    this.config = config;
    this.url = url;
    this.handler = handler;
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(16 * 1024 * 1024).setMaxMessageSize(64 * 1024 * 1024)
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis())));
  }

  boolean isOpen() {
    return socket != null;
  }

  /** Connects; the future completes on the first connection (or fails, with a reconnect scheduled). */
  Future<Void> start() {
    Promise<Void> first = Promise.promise();
    connect(first);
    return first.future();
  }

  /** Sends a text frame if connected; false when not (the next {@code onOpen} resends state). */
  boolean send(String text) {
    if (socket == null) {
      return false;
    }
    socket.writeTextMessage(text);
    return true;
  }

  /** Drops the current socket as if the server had (used after an unreadable message). */
  void restart(String reason) {
    if (socket != null) {
      WebSocket s = socket;
      down(reason);
      s.close();
    }
  }

  void close() {
    closed = true;
    cancelTimers();
    if (socket != null) {
      WebSocket s = socket;
      socket = null;
      s.close();
    }
    client.close();
  }

  private void connect(Promise<Void> first) {
    reconnectTimer = -1;
    if (closed) {
      return;
    }
    Future<WebSocket> connecting;
    try {
      WebSocketConnectOptions options = new WebSocketConnectOptions().setAbsoluteURI(url)
          .setTimeout(config.requestTimeout().toMillis());
      connecting = client.connect(options);
    } catch (RuntimeException e) {
      // A malformed URL fails here, synchronously: report it like any failed connect.
      connecting = Future.failedFuture(e);
    }
    connecting.onComplete(ar -> {
      if (closed) {
        if (ar.succeeded()) {
          ar.result().close();
        }
        return;
      }
      if (ar.failed()) {
        String reason = "connect failed: " + ar.cause().getMessage();
        if (first != null) {
          first.tryFail(new io.github.crossarb.core.venue.VenueUnavailableException(
              io.github.crossarb.core.model.VenueId.POLYMARKET, "Polymarket WebSocket " + reason, null, ar.cause()));
        }
        handler.onDown(reason);
        scheduleReconnect();
        return;
      }
      WebSocket ws = ar.result();
      socket = ws;
      everConnected = true;
      ws.textMessageHandler(text -> {
        if (socket == ws) {
          attempt = 0; // a message proves the connection is healthy
          if (!"PONG".equals(text)) {
            handler.onText(text);
          }
        }
      });
      ws.closeHandler(v -> {
        if (socket == ws) {
          down("closed by server");
        }
      });
      ws.exceptionHandler(e -> {
        if (socket == ws) {
          down("socket error: " + e.getMessage());
          ws.close();
        }
      });
      pingTimer = vertx.setPeriodic(config.pingInterval().toMillis(), id -> {
        if (socket == ws) {
          ws.writeTextMessage("PING");
        }
      });
      handler.onOpen(ws);
      if (first != null) {
        first.tryComplete();
      }
    });
  }

  private void down(String reason) {
    socket = null;
    if (pingTimer >= 0) {
      vertx.cancelTimer(pingTimer);
      pingTimer = -1;
    }
    handler.onDown(reason);
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (closed || reconnectTimer >= 0) {
      return;
    }
    long min = Math.max(1, config.reconnectMin().toMillis());
    long max = Math.max(min, config.reconnectMax().toMillis());
    long ceiling = Math.min(max, min << Math.min(attempt, 20));
    // Full jitter over the upper half: never hammers, never waits longer than the ceiling.
    long delay = Math.max(1, ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    attempt++;
    reconnectTimer = vertx.setTimer(delay, id -> connect(null));
  }

  private void cancelTimers() {
    if (pingTimer >= 0) {
      vertx.cancelTimer(pingTimer);
      pingTimer = -1;
    }
    if (reconnectTimer >= 0) {
      vertx.cancelTimer(reconnectTimer);
      reconnectTimer = -1;
    }
  }

  boolean everConnected() {
    return everConnected;
  }
}
