package io.github.crossarb.link.testing;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A loopback TCP relay whose connections the test can cut (no Bye, no close handshake: a dead network). */
public final class CuttableProxy {
  private final Vertx vertx;
  private final List<NetSocket> sockets = new CopyOnWriteArrayList<>();
  private NetServer server;
  private volatile boolean paused;
  private volatile boolean blackhole;

  private CuttableProxy(Vertx vertx) {
    this.vertx = vertx;
  }

  public static CuttableProxy start(Vertx vertx, int targetPort) throws Exception {
    CuttableProxy proxy = new CuttableProxy(vertx);
    NetClient client = vertx.createNetClient();
    proxy.server = vertx.createNetServer().connectHandler(inbound -> {
      if (proxy.paused) {
        inbound.close();
        return;
      }
      inbound.pause();
      client.connect(targetPort, "127.0.0.1").onComplete(ar -> {
        if (ar.failed()) {
          inbound.close();
          return;
        }
        NetSocket outbound = ar.result();
        proxy.sockets.add(inbound);
        proxy.sockets.add(outbound);
        inbound.handler(data -> {
          if (!proxy.blackhole) {
            outbound.write(data);
          }
        });
        outbound.handler(data -> {
          if (!proxy.blackhole) {
            inbound.write(data);
          }
        });
        inbound.closeHandler(v -> outbound.close());
        outbound.closeHandler(v -> inbound.close());
        inbound.resume();
      });
    });
    proxy.server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return proxy;
  }

  public int port() {
    return server.actualPort();
  }

  /** From now on bytes vanish both ways (connections stay open, like a dead route). */
  public void blackhole() {
    blackhole = true;
  }

  /** Drops every relayed connection; while {@code refuse}, new ones are refused too. */
  public void cut(boolean refuse) {
    paused = refuse;
    blackhole = false;
    for (NetSocket socket : sockets) {
      socket.close();
    }
    sockets.clear();
  }

  /** Lets new connections through again. */
  public void heal() {
    paused = false;
  }
}
