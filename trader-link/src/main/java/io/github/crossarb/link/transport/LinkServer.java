package io.github.crossarb.link.transport;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.link.LinkChannel;
import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.codec.LinkCodec;
import io.github.crossarb.link.protocol.Bye;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.session.Admission;
import io.github.crossarb.link.session.LinkSession;
import io.github.crossarb.link.session.SessionSettings;
import io.github.crossarb.link.session.StreamState;
import io.github.crossarb.link.transport.internal.Connection;
import io.github.crossarb.link.transport.internal.SessionChannel;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.PemKeyCertOptions;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The controller's end of the link: a WebSocket server (optionally TLS) where traders dial in.
 * One {@link LinkChannel} per trader id, kept across that trader's reconnects. A newer
 * authenticated connection of a trader replaces its older one ({@code Bye(REPLACED)}); a trader
 * announcing a venue that another connected trader serves is refused ({@code Bye(VENUE_CONFLICT)}).
 * Connections that have not authenticated get nothing but the handshake, are bounded in number
 * and closed when the handshake exceeds the timeout. Everything runs on one Vert.x context.
 *
 * <p>{@link LinkChannel#close()} on a trader's channel says {@code Bye(SHUTDOWN)} to it and drops
 * the channel (its queue too); if that trader dials in again it gets a new channel, announced to
 * {@link #onChannel} listeners like the first.
 */
public final class LinkServer implements TraderDirectory {
  private static final System.Logger LOG = System.getLogger("io.github.crossarb.link.transport");

  private final Vertx vertx;
  private final Context context;
  private final LinkServerOptions options;
  private final SessionSettings settings;
  private final SecureRandom random = new SecureRandom();
  /** By trader id, in order of first handshake; changed on the context only. */
  private final Map<String, Channel> channels = new LinkedHashMap<>();
  /** The values of {@link #channels}, for readers on other threads (a status page). */
  private volatile List<Channel> snapshot = List.of();
  private final Set<Connection> pending = new HashSet<>();
  private final List<Consumer<LinkChannel>> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> refusalListeners = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private long handshakes;
  private boolean closing;

  /** A trader's channel and the order of its last handshake (for {@link #channelFor}). */
  private static final class Channel {
    final SessionChannel channel;
    volatile long lastHandshake;

    Channel(SessionChannel channel) {
      this.channel = channel;
    }
  }

  private LinkServer(Vertx vertx, Context context, LinkServerOptions options) {
    this.vertx = vertx;
    this.context = context;
    this.options = options;
    this.settings = new SessionSettings(options.secret(), options.heartbeat(), options.timeout(), options.minVersion(),
        options.maxVersion());
  }

  /** Binds and listens; the future fails (one line) when the address is taken or the TLS files are unreadable. */
  public static Future<LinkServer> start(Vertx vertx, LinkServerOptions options) {
    Context context = vertx.getOrCreateContext();
    LinkServer link = new LinkServer(vertx, context, options);
    Promise<LinkServer> started = Promise.promise();
    context.runOnContext(v -> link.listen().onComplete(started));
    return started.future();
  }

  private Future<LinkServer> listen() {
    HttpServerOptions http = new HttpServerOptions()
        .setHost(options.host())
        .setPort(options.port())
        .setMaxWebSocketMessageSize(LinkCodec.MAX_TEXT_CHARS)
        .setMaxWebSocketFrameSize(HttpServerOptions.DEFAULT_MAX_WEBSOCKET_FRAME_SIZE);
    if (options.tls()) {
      http.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setCertPath(options.tlsCertPath())
          .setKeyPath(options.tlsKeyPath()));
    }
    server = vertx.createHttpServer(http);
    server.requestHandler(request -> request.response().setStatusCode(426).end("crossarb trader link: WebSocket only"));
    server.webSocketHandler(this::accept);
    return server.listen().map(s -> {
      LOG.log(Level.INFO, "trader link listening on " + options.host() + ":" + s.actualPort()
          + (options.tls() ? " (TLS)" : ""));
      return this;
    }).recover(e -> Future.failedFuture(new IllegalStateException("trader link cannot listen on "
        + options.host() + ":" + options.port() + ": " + e.getMessage())));
  }

  /** The port bound (useful with port 0). */
  public int actualPort() {
    return server.actualPort();
  }

  /** Says {@code Bye(SHUTDOWN)} to every connected trader, drops pending handshakes, stops listening. */
  public Future<Void> close() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      closing = true;
      List<Connection> open = new ArrayList<>(pending);
      for (Channel c : channels.values()) {
        if (c.channel.current() != null) {
          open.add(c.channel.current());
        }
      }
      List<Future<Void>> byes = new ArrayList<>();
      for (Connection connection : open) {
        connection.session().close(DisconnectReason.SHUTDOWN, "controller shutting down");
        byes.add(connection.socketClosed());
      }
      Future.join(byes).transform(ar -> server.close()).onComplete(done);
    });
    return done.future();
  }

  // ---------------------------------------------------------------- directory

  @Override
  public Optional<LinkChannel> channelFor(VenueId venue) {
    Channel best = null;
    for (Channel c : snapshot) {
      LinkPeer peer = c.channel.peer();
      if (peer != null && peer.venues().containsKey(venue)
          && (best == null || c.lastHandshake > best.lastHandshake)) {
        best = c;
      }
    }
    return Optional.ofNullable(best).map(c -> c.channel);
  }

  @Override
  public List<LinkChannel> channels() {
    List<LinkChannel> out = new ArrayList<>();
    snapshot.forEach(c -> out.add(c.channel));
    return List.copyOf(out);
  }

  @Override
  public void onChannel(Consumer<LinkChannel> listener) {
    listeners.add(listener);
  }

  /**
   * Called on the server's context, with one line, for each connection turned away before it
   * became a session (wrong secret, no common version, a venue already served, a handshake too
   * slow or malformed, too many pending): the operator should hear of them, not only the log.
   */
  public void onRefused(Consumer<String> listener) {
    refusalListeners.add(listener);
  }

  private void refused(String line) {
    for (Consumer<String> listener : refusalListeners) {
      try {
        listener.accept(line);
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "trader link refusal listener failed: " + e);
      }
    }
  }

  // ---------------------------------------------------------------- connections

  private void accept(ServerWebSocket socket) {
    if (closing) {
      socket.close((short) 1001, "shutting down");
      return;
    }
    if (pending.size() >= options.maxPendingHandshakes()) {
      LOG.log(Level.WARNING, "trader link refused " + socket.remoteAddress() + ": " + pending.size()
          + " handshakes already pending");
      refused(socket.remoteAddress() + ": " + pending.size() + " handshakes already pending");
      socket.close((short) 1013, "too many pending handshakes");
      return;
    }
    Connection connection = new Connection(vertx, socket, events);
    pending.add(connection);
    connection.start(c -> LinkSession.controller(settings, admission(c), c, options.clock(), random),
        options.heartbeat());
  }

  private Admission admission(Connection connection) {
    return new Admission() {
      @Override
      public StreamState streamsFor(String traderId) {
        Channel known = channels.get(traderId);
        return known != null ? known.channel.streams() : StreamState.fresh(random);
      }

      @Override
      public Bye admit(LinkPeer peer, StreamState streams) {
        Channel known = channels.get(peer.traderId());
        if (known != null && known.channel.streams() != streams) {
          return new Bye(DisconnectReason.PROTOCOL_ERROR, "another handshake of trader " + peer.traderId()
              + " completed meanwhile; reconnect");
        }
        for (Channel other : channels.values()) {
          LinkPeer otherPeer = other.channel.peer();
          if (other != known && other.channel.connected() && otherPeer != null) {
            for (VenueId venue : peer.venues().keySet()) {
              if (otherPeer.venues().containsKey(venue)) {
                return new Bye(DisconnectReason.VENUE_CONFLICT, venue.label() + " is already served by connected trader "
                    + otherPeer.traderId());
              }
            }
          }
        }
        if (known != null && known.channel.current() != null) {
          known.channel.current().session().close(DisconnectReason.REPLACED,
              "a newer connection of trader " + peer.traderId() + " took over");
        }
        return null;
      }
    };
  }

  private final Connection.Events events = new Connection.Events() {
    @Override
    public void established(Connection connection, LinkPeer peer) {
      pending.remove(connection);
      Channel channel = channels.get(peer.traderId());
      boolean first = channel == null;
      if (first) {
        SessionChannel sessionChannel = new SessionChannel(context, false, connection.session().streams(),
            () -> forget(peer.traderId()));
        channel = new Channel(sessionChannel);
        channels.put(peer.traderId(), channel);
        snapshot = List.copyOf(channels.values());
      }
      channel.lastHandshake = ++handshakes;
      LOG.log(Level.INFO, "trader " + peer.traderId() + " connected from " + connection.remote() + " (version "
          + peer.version() + ", venues " + peer.venues().keySet() + ")");
      if (first) {
        for (Consumer<LinkChannel> listener : listeners) {
          try {
            listener.accept(channel.channel);
          } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "trader link channel listener failed: " + e);
          }
        }
      }
      channel.channel.connected(connection, peer);
    }

    @Override
    public void message(Connection connection, LinkMessage message) {
      LinkPeer peer = connection.session().peer();
      Channel channel = peer == null ? null : channels.get(peer.traderId());
      if (channel != null && channel.channel.current() == connection) {
        channel.channel.message(message);
      }
    }

    @Override
    public void closed(Connection connection, DisconnectReason reason, String detail, boolean byPeer,
        boolean wasEstablished) {
      pending.remove(connection);
      LinkPeer peer = connection.session().peer();
      String who = peer != null ? "trader " + peer.traderId()
          : "unauthenticated connection from " + connection.remote()
              + (connection.session().announcedTraderId() == null ? "" : " (says trader "
                  + LinkCodecTextGuard.shorten(connection.session().announcedTraderId()) + ")");
      LOG.log(reason == DisconnectReason.SHUTDOWN || reason == DisconnectReason.REPLACED ? Level.INFO : Level.WARNING,
          who + " disconnected: " + reason + (byPeer ? " (by peer) " : " ") + detail);
      if (!wasEstablished && !closing) {
        refused(who + ": " + reason + " " + detail);
      }
      if (wasEstablished && peer != null) {
        Channel channel = channels.get(peer.traderId());
        if (channel != null) {
          channel.channel.disconnected(connection, reason, detail);
        }
      }
    }
  };

  private Future<Void> forget(String traderId) {
    channels.remove(traderId);
    snapshot = List.copyOf(channels.values());
    return Future.succeededFuture();
  }

  /** Keeps unauthenticated text out of logs beyond a short prefix. */
  private static final class LinkCodecTextGuard {
    static String shorten(String text) {
      String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
      return cut.replaceAll("\\p{Cntrl}", "?");
    }
  }
}
