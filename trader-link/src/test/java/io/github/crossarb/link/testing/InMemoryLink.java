package io.github.crossarb.link.testing;

import io.github.crossarb.link.LinkChannel;
import io.github.crossarb.link.LinkHandler;
import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.LinkMessage;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Two {@link LinkChannel}s joined in memory, with the real channel's promises (in order, once,
 * queued while down and delivered after the next connect) but no sockets, codec or crypto: for
 * testing the controller's and the trader's endpoints. Everything runs on one Vert.x context.
 */
public final class InMemoryLink {
  private final Context context;
  private final Clock clock;
  private final LinkPeer peer;
  private final End controller = new End();
  private final End trader = new End();
  private boolean up;

  public InMemoryLink(Context context, Clock clock, LinkPeer peer) {
    this.context = context;
    this.clock = clock;
    this.peer = peer;
    controller.other = trader;
    trader.other = controller;
  }

  public LinkChannel controllerSide() {
    return controller;
  }

  public LinkChannel traderSide() {
    return trader;
  }

  /** The context both channels live on. */
  public Context context() {
    return context;
  }

  /** A handshake: both sides connected, then what each queued meanwhile is delivered. */
  public void connect() {
    context.runOnContext(v -> {
      up = true;
      controller.notifyConnected();
      trader.notifyConnected();
      controller.flush();
      trader.flush();
    });
  }

  /** The connection drops; messages sent from now wait for {@link #connect()}. */
  public void disconnect(DisconnectReason reason, String detail) {
    context.runOnContext(v -> {
      up = false;
      controller.notifyDisconnected(reason, detail);
      trader.notifyDisconnected(reason, detail);
    });
  }

  private final class End implements LinkChannel {
    End other;
    LinkHandler handler;
    Instant lastHeard;
    boolean closed;
    final Deque<LinkMessage> outbox = new ArrayDeque<>();

    @Override
    public void send(LinkMessage message) {
      if (closed) {
        throw new IllegalStateException("channel closed");
      }
      outbox.add(message);
      if (up) {
        context.runOnContext(v -> flush());
      }
    }

    void flush() {
      while (up && !outbox.isEmpty()) {
        LinkMessage message = outbox.poll();
        other.lastHeard = clock.instant();
        if (other.handler != null) {
          other.handler.onMessage(message);
        }
      }
    }

    void notifyConnected() {
      lastHeard = clock.instant();
      if (handler != null) {
        handler.onConnected(peer);
      }
    }

    void notifyDisconnected(DisconnectReason reason, String detail) {
      if (handler != null) {
        handler.onDisconnected(reason, detail);
      }
    }

    @Override
    public boolean connected() {
      return up && !closed;
    }

    @Override
    public LinkPeer peer() {
      return peer;
    }

    @Override
    public Instant lastHeard() {
      return lastHeard;
    }

    @Override
    public void handler(LinkHandler handler) {
      this.handler = handler;
    }

    @Override
    public Future<Void> close() {
      closed = true;
      return Future.succeededFuture();
    }
  }
}
