package io.github.crossarb.kalshi.ws;

import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.BookListener;
import io.github.crossarb.core.venue.VenueAuthException;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueProtocolException;
import io.github.crossarb.core.venue.VenueUnavailableException;
import io.github.crossarb.kalshi.KalshiConfig;
import io.github.crossarb.kalshi.auth.KalshiSigner;
import io.github.crossarb.kalshi.internal.KalshiMapper;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Kalshi's WebSocket ({@code /trade-api/ws/v2}): one connection, signed at the upgrade, carrying
 * every subscription. Each subscription is one channel over a batch of tickers (so one {@code sid}
 * each); order book subscriptions write straight into the caller's {@link OrderBook}s.
 *
 * <p>Integrity: {@code seq} is checked per sid; a duplicate is ignored, a gap marks every book of
 * that sid {@code SEQUENCE_GAP} and asks for fresh snapshots ({@code update_subscription} with
 * {@code get_snapshot}); the books drop deltas until their snapshot. A malformed frame marks the
 * books of its sid (or all books when the sid cannot be read) {@code INVALID_UPDATE} and resyncs.
 * A watchdog marks books silent for longer than the threshold {@code SILENT}. On a drop every book
 * becomes {@code DISCONNECTED}; the client reconnects with exponential backoff and jitter, signs
 * the upgrade afresh and replays every live subscription. Pings are answered by Vert.x (auto pong).
 *
 * <p>Everything runs on the Vert.x context that created the client.
 */
public final class KalshiWsClient {
  /** Told when the connection drops and when it is back with every subscription replayed. */
  public interface ConnectionListener {
    void onDisconnected(String reason);

    void onReconnected();
  }

  /** A live subscription; {@link #cancel()} unsubscribes it. */
  public final class Subscription {
    private final String channel;
    private final List<String> tickers;
    private final Map<String, BookEntry> books;
    private final Consumer<KalshiWsMessage> handler;
    private Long sid;
    private long lastSeq = -1;
    private Integer pendingId;
    private boolean cancelled;

    private Subscription(String channel, List<String> tickers, Map<String, BookEntry> books, Consumer<KalshiWsMessage> handler) {
      this.channel = channel;
      this.tickers = List.copyOf(tickers);
      this.books = books;
      this.handler = handler;
    }

    public String channel() {
      return channel;
    }

    public List<String> tickers() {
      return tickers;
    }

    /** The venue's id for it on the current connection, or null before the venue acknowledged it. */
    public Long sid() {
      return sid;
    }

    public Future<Void> cancel() {
      if (cancelled) {
        return Future.succeededFuture();
      }
      cancelled = true;
      subscriptions.remove(this);
      if (sid != null && socket != null) {
        bySid.remove(sid);
        return send(command("unsubscribe", new JsonObject().put("sids", new JsonArray().add(sid))));
      }
      return Future.succeededFuture();
    }
  }

  private static final class BookEntry {
    final OrderBook book;
    final BookListener listener;

    BookEntry(OrderBook book, BookListener listener) {
      this.book = book;
      this.listener = listener;
    }
  }

  private static final VenueId KALSHI = VenueId.KALSHI;
  private static final String BOOK_CHANNEL = "orderbook_delta";

  private final Vertx vertx;
  private final KalshiConfig config;
  private final KalshiSigner signer;
  private final WebSocketClient client;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final Map<Long, Subscription> bySid = new HashMap<>();
  private final Map<Integer, Subscription> pending = new HashMap<>();
  /** get_snapshot commands in flight: if Kalshi refuses one, the subscription is made anew instead. */
  private final Map<Integer, Subscription> pendingResyncs = new HashMap<>();
  private final List<ConnectionListener> connectionListeners = new ArrayList<>();
  private final List<Consumer<VenueProtocolException>> protocolErrorListeners = new ArrayList<>();
  private WebSocket socket;
  private Future<Void> connecting;
  private boolean everConnected;
  private boolean closed;
  private int reconnectAttempt;
  private int nextCommandId = 1;
  private long watchdogTimer = -1;
  private long keepaliveTimer = -1;
  private long lastHeardMillis;
  private long reconnectTimer = -1;
  private long protocolErrors;

  public KalshiWsClient(Vertx vertx, KalshiConfig config) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.config = Objects.requireNonNull(config, "config");
    this.signer = config.credentials() == null ? null : new KalshiSigner(config.credentials());
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis()))
        .setMaxFrameSize(1 << 20)
        .setMaxMessageSize(64 << 20));
  }

  public void addConnectionListener(ConnectionListener listener) {
    connectionListeners.add(listener);
  }

  /** Told about every malformed frame (after the affected books were marked untrusted). */
  public void addProtocolErrorListener(Consumer<VenueProtocolException> listener) {
    protocolErrorListeners.add(listener);
  }

  /** Malformed frames seen so far. */
  public long protocolErrors() {
    return protocolErrors;
  }

  public boolean isConnected() {
    return socket != null;
  }

  /**
   * Keeps {@code books} live over {@code orderbook_delta}, in batches of
   * {@link KalshiConfig#subscribeBatch()} tickers per command. Completes once the commands are sent.
   */
  public Future<List<Subscription>> subscribeBooks(Collection<OrderBook> books, BookListener listener) {
    Map<String, BookEntry> entries = new LinkedHashMap<>();
    for (OrderBook book : books) {
      if (book.instrument().venue() != KALSHI) {
        return Future.failedFuture(new IllegalArgumentException("not a Kalshi book: " + book.instrument()));
      }
      entries.put(book.instrument().symbol(), new BookEntry(book, listener));
    }
    if (entries.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<String> tickers = new ArrayList<>(entries.keySet());
    List<Subscription> created = new ArrayList<>();
    for (int from = 0; from < tickers.size(); from += config.subscribeBatch()) {
      List<String> batch = tickers.subList(from, Math.min(tickers.size(), from + config.subscribeBatch()));
      Map<String, BookEntry> batchBooks = new LinkedHashMap<>();
      for (String ticker : batch) {
        batchBooks.put(ticker, entries.get(ticker));
      }
      created.add(new Subscription(BOOK_CHANNEL, batch, batchBooks, null));
    }
    return register(created);
  }

  /**
   * Subscribes {@code channel} ({@code ticker}, {@code fill}, {@code user_orders},
   * {@code market_lifecycle_v2}, …) for {@code tickers} (empty: every market, for private channels).
   */
  public Future<Subscription> subscribe(String channel, List<String> tickers, Consumer<KalshiWsMessage> handler) {
    return register(List.of(new Subscription(channel, tickers, Map.of(), Objects.requireNonNull(handler, "handler"))))
        .map(list -> list.get(0));
  }

  /** As {@link #subscribe}, in batches of {@link KalshiConfig#subscribeBatch()} tickers (at least one ticker). */
  public Future<List<Subscription>> subscribeBatched(String channel, List<String> tickers, Consumer<KalshiWsMessage> handler) {
    if (tickers.isEmpty()) {
      return Future.failedFuture(new IllegalArgumentException("no tickers to subscribe " + channel + " for"));
    }
    Objects.requireNonNull(handler, "handler");
    List<Subscription> created = new ArrayList<>();
    for (int from = 0; from < tickers.size(); from += config.subscribeBatch()) {
      created.add(new Subscription(channel, tickers.subList(from, Math.min(tickers.size(), from + config.subscribeBatch())),
          Map.of(), handler));
    }
    return register(created);
  }

  private Future<List<Subscription>> register(List<Subscription> created) {
    if (closed) {
      return Future.failedFuture(new VenueUnavailableException(KALSHI, "the Kalshi WebSocket client is closed"));
    }
    subscriptions.addAll(created);
    if (socket != null) {
      return Future.all(created.stream().map(this::sendSubscribe).toList()).map(created);
    }
    if (everConnected) {
      // Between reconnects: the replay after the next connect sends these too.
      scheduleReconnect();
      return Future.succeededFuture(created);
    }
    return connect().compose(v -> Future.succeededFuture(created), failure -> {
      subscriptions.removeAll(created);
      return Future.failedFuture(failure);
    });
  }

  /** Connects (if not already), then replays every subscription. */
  public Future<Void> connect() {
    if (socket != null) {
      return Future.succeededFuture();
    }
    if (connecting != null) {
      return connecting;
    }
    if (signer == null) {
      return Future.failedFuture(new VenueConfigException(KALSHI,
          "the Kalshi WebSocket needs credentials: set KALSHI_API_KEY_ID and KALSHI_KEY_FILE or KALSHI_KEY_B64"));
    }
    URI url = config.wsUrl();
    boolean ssl = "wss".equalsIgnoreCase(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    String uri = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost(url.getHost()).setPort(port).setSsl(ssl).setURI(uri)
        .setTimeout(config.requestTimeout().toMillis());
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    // Signed afresh on every connect: the timestamp must be current.
    for (Map.Entry<String, String> header : signer.headers(config.clock().millis(), "GET", path)) {
      headers.add(header.getKey(), header.getValue());
    }
    options.setHeaders(headers);
    Promise<Void> promise = Promise.promise();
    connecting = promise.future();
    client.connect(options).onComplete(ar -> {
      connecting = null;
      if (ar.failed()) {
        if (ar.cause() instanceof UpgradeRejectedException rejected
            && (rejected.getStatus() == 401 || rejected.getStatus() == 403)) {
          promise.fail(new VenueAuthException(KALSHI, "Kalshi refused the WebSocket login (" + rejected.getStatus()
              + "): check that KALSHI_API_KEY_ID matches the private key and the environment, prod or demo"));
          return;
        }
        promise.fail(new VenueUnavailableException(KALSHI, "Kalshi WebSocket connect to " + url + " failed ("
            + ar.cause().getClass().getSimpleName() + ": " + oneLine(ar.cause().getMessage()) + ")", null, ar.cause()));
        return;
      }
      if (closed) {
        ar.result().close();
        promise.fail(new VenueUnavailableException(KALSHI, "the Kalshi WebSocket client is closed"));
        return;
      }
      attach(ar.result());
      promise.complete();
    });
    return promise.future();
  }

  private void attach(WebSocket ws) {
    socket = ws;
    boolean reconnected = everConnected;
    everConnected = true;
    reconnectAttempt = 0;
    lastHeardMillis = System.currentTimeMillis();
    ws.textMessageHandler(text -> {
      lastHeardMillis = System.currentTimeMillis();
      onText(text);
    });
    ws.pongHandler(pong -> lastHeardMillis = System.currentTimeMillis());
    ws.closeHandler(v -> onDropped(ws, "closed by the server"));
    ws.exceptionHandler(e -> {
      onDropped(ws, e.getClass().getSimpleName());
      ws.close();
    });
    startWatchdog();
    startKeepalive(ws);
    for (Subscription s : List.copyOf(subscriptions)) {
      sendSubscribe(s);
    }
    if (reconnected) {
      connectionListeners.forEach(ConnectionListener::onReconnected);
    }
  }

  /**
   * Pings every interval; a connection that answered nothing for three intervals is half-open
   * (TCP alive, peer gone): drop it and reconnect rather than wait forever.
   */
  private void startKeepalive(WebSocket ws) {
    if (keepaliveTimer != -1) {
      vertx.cancelTimer(keepaliveTimer);
    }
    long interval = config.pingInterval().toMillis();
    keepaliveTimer = vertx.setPeriodic(interval, id -> {
      if (ws != socket) {
        vertx.cancelTimer(id);
        return;
      }
      if (System.currentTimeMillis() - lastHeardMillis > 3 * interval) {
        vertx.cancelTimer(id);
        keepaliveTimer = -1;
        onDropped(ws, "no answer to pings for " + 3 * interval + " ms");
        ws.close();
        return;
      }
      ws.writePing(io.vertx.core.buffer.Buffer.buffer("keepalive"));
    });
  }

  private void onDropped(WebSocket ws, String reason) {
    if (ws != socket) {
      return; // an old socket's late event
    }
    socket = null;
    bySid.clear();
    pending.clear();
    pendingResyncs.clear();
    for (Subscription s : List.copyOf(subscriptions)) {
      s.sid = null;
      s.lastSeq = -1;
      s.pendingId = null;
      markAll(s, UntrustedReason.DISCONNECTED);
    }
    if (closed) {
      return;
    }
    connectionListeners.forEach(l -> l.onDisconnected(reason));
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (closed || reconnectTimer != -1) {
      return;
    }
    long base = Math.max(1, config.reconnectMin().toMillis());
    long cap = Math.max(base, config.reconnectMax().toMillis());
    long delay = Math.min(cap, base << Math.min(reconnectAttempt, 20));
    // Full jitter on the upper half: spreads many clients without ever waiting less than half.
    long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
    reconnectAttempt++;
    reconnectTimer = vertx.setTimer(Math.max(1, jittered), id -> {
      reconnectTimer = -1;
      connect().onFailure(e -> scheduleReconnect());
    });
  }

  private Future<Void> sendSubscribe(Subscription s) {
    JsonObject params = new JsonObject().put("channels", new JsonArray().add(s.channel));
    if (s.tickers.size() == 1) {
      params.put("market_ticker", s.tickers.get(0));
    } else if (!s.tickers.isEmpty()) {
      params.put("market_tickers", new JsonArray(new ArrayList<>(s.tickers)));
    }
    if (BOOK_CHANNEL.equals(s.channel)) {
      // Explicit, because Kalshi plans to flip the default: NO levels stay at NO prices.
      params.put("use_yes_price", false);
    }
    JsonObject command = command("subscribe", params);
    s.pendingId = command.getInteger("id");
    pending.put(s.pendingId, s);
    return send(command);
  }

  private JsonObject command(String cmd, JsonObject params) {
    return new JsonObject().put("id", nextCommandId++).put("cmd", cmd).put("params", params);
  }

  private Future<Void> send(JsonObject command) {
    WebSocket ws = socket;
    if (ws == null) {
      return Future.failedFuture(new VenueUnavailableException(KALSHI, "the Kalshi WebSocket is not connected"));
    }
    return ws.writeTextMessage(command.encode());
  }

  /**
   * Marks the book of {@code ticker} untrusted for {@code reason} and asks for its snapshot (e.g.
   * after a tick size change); false when no live book subscription holds it.
   */
  public boolean resyncBook(String ticker, UntrustedReason reason) {
    for (Subscription s : List.copyOf(subscriptions)) {
      BookEntry entry = s.books.get(ticker);
      if (entry != null) {
        boolean wasTrusted = entry.book.isTrusted();
        entry.book.markUntrusted(reason);
        if (wasTrusted) {
          entry.listener.onBookUntrusted(entry.book, entry.book.integrity().reason());
        }
        resync(s, List.of(ticker));
        return true;
      }
    }
    return false;
  }

  /** Asks for fresh snapshots of every book of {@code s} (after a gap or a bad frame). */
  private void resync(Subscription s, Collection<String> tickers) {
    if (s.sid == null || tickers.isEmpty()) {
      return;
    }
    JsonObject command = command("update_subscription", new JsonObject()
        .put("sids", new JsonArray().add(s.sid))
        .put("market_tickers", new JsonArray(new ArrayList<>(tickers)))
        .put("action", "get_snapshot"));
    pendingResyncs.put(command.getInteger("id"), s);
    send(command);
  }

  /** The other way to resync: unsubscribe, then subscribe again (a new sid, fresh snapshots). */
  private void resubscribe(Subscription s) {
    if (s.cancelled || socket == null) {
      return;
    }
    if (s.sid != null) {
      bySid.remove(s.sid);
      send(command("unsubscribe", new JsonObject().put("sids", new JsonArray().add(s.sid))));
    }
    s.sid = null;
    s.lastSeq = -1;
    sendSubscribe(s);
  }

  private void onText(String text) {
    KalshiWsMessage message;
    try {
      message = KalshiWsDecoder.decode(text);
    } catch (VenueProtocolException e) {
      onMalformed(text, e);
      return;
    }
    try {
      dispatch(message);
    } catch (VenueProtocolException e) {
      onMalformed(text, e);
    }
  }

  private void onMalformed(String text, VenueProtocolException e) {
    protocolErrors++;
    OptionalLong sid = KalshiWsDecoder.sidOf(text);
    Subscription owner = sid.isPresent() ? bySid.get(sid.getAsLong()) : null;
    if (owner != null) {
      if (!owner.books.isEmpty()) {
        markAll(owner, UntrustedReason.INVALID_UPDATE);
        resync(owner, owner.tickers);
      }
    } else {
      for (Subscription s : List.copyOf(subscriptions)) {
        if (!s.books.isEmpty()) {
          markAll(s, UntrustedReason.INVALID_UPDATE);
          resync(s, s.tickers);
        }
      }
    }
    protocolErrorListeners.forEach(l -> l.accept(e));
  }

  private void dispatch(KalshiWsMessage message) {
    if (message instanceof KalshiWsMessage.Subscribed subscribed) {
      Subscription s = pending.remove(subscribed.id());
      if (s != null) {
        s.pendingId = null;
        if (s.cancelled) {
          send(command("unsubscribe", new JsonObject().put("sids", new JsonArray().add(subscribed.sid()))));
          return;
        }
        s.sid = subscribed.sid();
        s.lastSeq = -1;
        bySid.put(s.sid, s);
      }
    } else if (message instanceof KalshiWsMessage.BookSnapshot snapshot) {
      Subscription s = bySid.get(snapshot.sid());
      if (s == null || !sequenced(s, snapshot.seq())) {
        return;
      }
      BookEntry entry = s.books.get(snapshot.marketTicker());
      if (entry != null) {
        entry.book.applySnapshot(KalshiMapper.bookSnapshot(entry.book.instrument(), snapshot));
        if (entry.book.isTrusted()) {
          entry.listener.onBookUpdated(entry.book);
        } else {
          entry.listener.onBookUntrusted(entry.book, entry.book.integrity().reason());
        }
      }
    } else if (message instanceof KalshiWsMessage.BookDelta delta) {
      Subscription s = bySid.get(delta.sid());
      if (s == null || !sequenced(s, delta.seq())) {
        return;
      }
      BookEntry entry = s.books.get(delta.marketTicker());
      if (entry == null) {
        return;
      }
      boolean wasTrusted = entry.book.isTrusted();
      boolean applied = entry.book.applyBidDelta(delta.side(), delta.price(), delta.deltaMicros());
      if (applied && entry.book.isTrusted()) {
        entry.listener.onBookUpdated(entry.book);
      } else if (wasTrusted && !entry.book.isTrusted()) {
        // A negative size or a crossed book: something was missed. Start over from a snapshot.
        entry.listener.onBookUntrusted(entry.book, entry.book.integrity().reason());
        resync(s, List.of(delta.marketTicker()));
      }
    } else if (message instanceof KalshiWsMessage.Ok ok) {
      if (ok.id() != null) {
        pendingResyncs.remove(ok.id());
      }
      // An ok may carry the sid's seq. Only move forward with it: treating it as a gap could
      // loop (get_snapshot → ok → "gap" → get_snapshot) if Kalshi numbers acks differently.
      if (ok.sid() != null && ok.seq() != null) {
        Subscription s = bySid.get(ok.sid());
        if (s != null && s.lastSeq >= 0 && ok.seq() > s.lastSeq) {
          s.lastSeq = ok.seq();
        }
      }
    } else if (message instanceof KalshiWsMessage.Error error) {
      Subscription s = error.id() == null ? null : pending.remove(error.id());
      if (s != null) {
        s.pendingId = null;
      }
      Subscription resyncing = error.id() == null ? null : pendingResyncs.remove(error.id());
      if (resyncing != null && subscriptions.contains(resyncing)) {
        resubscribe(resyncing);
      }
    } else {
      Long sid = sidOf(message);
      Subscription s = sid == null ? null : bySid.get(sid);
      if (s != null && s.handler != null) {
        s.handler.accept(message);
      }
    }
  }

  private static Long sidOf(KalshiWsMessage message) {
    if (message instanceof KalshiWsMessage.Ticker m) {
      return m.sid();
    } else if (message instanceof KalshiWsMessage.Fill m) {
      return m.sid();
    } else if (message instanceof KalshiWsMessage.UserOrder m) {
      return m.sid();
    } else if (message instanceof KalshiWsMessage.Lifecycle m) {
      return m.sid();
    } else if (message instanceof KalshiWsMessage.Other m) {
      return m.sid();
    }
    return null;
  }

  /**
   * Checks {@code seq} against the subscription: false for a duplicate or stale message (ignore
   * it); on a gap marks the subscription's books and asks for snapshots, then accepts the numbering.
   */
  private boolean sequenced(Subscription s, long seq) {
    if (s.lastSeq >= 0 && seq <= s.lastSeq) {
      return false;
    }
    if (s.lastSeq >= 0 && seq != s.lastSeq + 1) {
      markAll(s, UntrustedReason.SEQUENCE_GAP);
      resync(s, s.tickers);
    }
    s.lastSeq = seq;
    return true;
  }

  private void markAll(Subscription s, UntrustedReason reason) {
    for (BookEntry entry : s.books.values()) {
      Object before = entry.book.integrity();
      entry.book.markUntrusted(reason);
      if (!entry.book.integrity().equals(before)) {
        entry.listener.onBookUntrusted(entry.book, entry.book.integrity().reason());
      }
    }
  }

  private void startWatchdog() {
    if (watchdogTimer != -1) {
      return;
    }
    long period = Math.max(10, config.silenceThreshold().toMillis() / 4);
    watchdogTimer = vertx.setPeriodic(period, id -> {
      for (Subscription s : List.copyOf(subscriptions)) {
        List<String> silent = new ArrayList<>();
        for (Map.Entry<String, BookEntry> e : s.books.entrySet()) {
          BookEntry entry = e.getValue();
          boolean wasTrusted = entry.book.isTrusted();
          if (entry.book.checkSilence(config.silenceThreshold()) && wasTrusted) {
            entry.listener.onBookUntrusted(entry.book, UntrustedReason.SILENT);
            silent.add(e.getKey());
          }
        }
        // Deltas may have been lost while the feed was silent: trust comes back with a snapshot,
        // not with the next delta.
        resync(s, silent);
      }
    });
  }

  /** Closes the socket and timers; every book still subscribed becomes DISCONNECTED. */
  public Future<Void> close() {
    closed = true;
    if (watchdogTimer != -1) {
      vertx.cancelTimer(watchdogTimer);
      watchdogTimer = -1;
    }
    if (reconnectTimer != -1) {
      vertx.cancelTimer(reconnectTimer);
      reconnectTimer = -1;
    }
    if (keepaliveTimer != -1) {
      vertx.cancelTimer(keepaliveTimer);
      keepaliveTimer = -1;
    }
    for (Subscription s : List.copyOf(subscriptions)) {
      markAll(s, UntrustedReason.DISCONNECTED);
    }
    subscriptions.clear();
    WebSocket ws = socket;
    socket = null;
    Future<Void> closing = ws == null ? Future.succeededFuture() : ws.close().otherwiseEmpty();
    return closing.eventually(() -> client.close().otherwiseEmpty());
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ");
  }
}
