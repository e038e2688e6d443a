package io.github.crossarb.cli.engine;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay on 127.0.0.1 in front of a server, whose connections the test can cut at once (a
 * network drop, not a polite close by either end); new connections are relayed again afterwards.
 */
final class SeverableProxy implements AutoCloseable {
  private final Vertx vertx;
  private final NetServer server;
  private final List<NetSocket> sockets = new CopyOnWriteArrayList<>();

  private SeverableProxy(Vertx vertx, NetServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  static SeverableProxy start(int targetPort) throws Exception {
    Vertx vertx = Vertx.vertx();
    NetClient client = vertx.createNetClient();
    NetServer server = vertx.createNetServer();
    SeverableProxy proxy = new SeverableProxy(vertx, server);
    server.connectHandler(inbound -> {
      inbound.pause();
      client.connect(targetPort, "127.0.0.1").onComplete(ar -> {
        if (ar.failed()) {
          inbound.close();
          return;
        }
        NetSocket outbound = ar.result();
        proxy.sockets.add(inbound);
        proxy.sockets.add(outbound);
        inbound.handler(outbound::write);
        outbound.handler(inbound::write);
        inbound.closeHandler(v -> outbound.close());
        outbound.closeHandler(v -> inbound.close());
        inbound.resume();
      });
    });
    server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return proxy;
  }

  int port() {
    return server.actualPort();
  }

  /** Drops every relayed connection now, both ways. */
  void cut() {
    for (NetSocket socket : sockets) {
      socket.close();
    }
    sockets.clear();
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
