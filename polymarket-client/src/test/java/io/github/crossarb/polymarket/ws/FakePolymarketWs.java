package io.github.crossarb.polymarket.ws;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An in-process Polymarket WebSocket (and REST) server on 127.0.0.1: records every frame the client
 * sends (by path), answers {@code PING} with {@code PONG}, lets the test push frames or drop the
 * connection, and serves fixed JSON for REST paths.
 */
final class FakePolymarketWs {
  final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  final BlockingQueue<String> connects = new LinkedBlockingQueue<>();
  private final BlockingQueue<Boolean> connectedSignal = new LinkedBlockingQueue<>();
  final Map<String, String> rest = new ConcurrentHashMap<>();
  private volatile ServerWebSocket current;
  private final HttpServer server;
  final int port;

  FakePolymarketWs(Vertx vertx) throws Exception {
    server = vertx.createHttpServer();
    server.webSocketHandler(ws -> {
      current = ws;
      connects.add(ws.path());
      connectedSignal.add(true);
      ws.textMessageHandler(text -> {
        if ("PING".equals(text)) {
          ws.writeTextMessage("PONG");
          frames.add(ws.path() + " PING");
        } else {
          frames.add(ws.path() + " " + text);
        }
      });
    });
    server.requestHandler(req -> {
      String body = rest.get(req.path());
      if (body == null) {
        req.response().setStatusCode(404).end("{\"error\":\"not found\"}");
      } else {
        req.response().putHeader("content-type", "application/json").end(body);
      }
    });
    port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
        .actualPort();
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  void push(String text) throws Exception {
    awaitConnected().writeTextMessage(text).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  void drop() throws Exception {
    ServerWebSocket ws = awaitConnected();
    current = null;
    ws.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private ServerWebSocket awaitConnected() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (current == null && System.nanoTime() < deadline) {
      // The client connects on the event loop; wait for its handshake with a bound.
      connectedSignal.poll(50, TimeUnit.MILLISECONDS);
    }
    if (current == null) {
      throw new AssertionError("no client connected within 10 s");
    }
    return current;
  }

  /** The next recorded frame that is not a PING, or fails after 10 s. */
  String nextFrame() throws InterruptedException {
    while (true) {
      String f = frames.poll(10, TimeUnit.SECONDS);
      if (f == null) {
        throw new AssertionError("no frame within 10 s");
      }
      if (!f.endsWith(" PING")) {
        return f;
      }
    }
  }

  /** Waits for a PING frame. */
  String nextPing() throws InterruptedException {
    while (true) {
      String f = frames.poll(10, TimeUnit.SECONDS);
      if (f == null) {
        throw new AssertionError("no PING within 10 s");
      }
      if (f.endsWith(" PING")) {
        return f;
      }
    }
  }

  void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
