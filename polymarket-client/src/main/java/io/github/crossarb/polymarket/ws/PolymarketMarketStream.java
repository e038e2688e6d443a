package io.github.crossarb.polymarket.ws;

import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.BookListener;
import io.github.crossarb.core.venue.BookSubscription;
import io.github.crossarb.core.venue.MarketDataClient;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.polymarket.PolymarketConfig;
import io.github.crossarb.polymarket.clob.PolymarketRestClient;
import io.github.crossarb.polymarket.internal.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The market channel: live books for tokens. Polymarket sends no sequence numbers, so a book is
 * trusted only from a full {@code book} snapshot on, and marked untrusted on a disconnect (until
 * the snapshot sent after resubscribing), on silence (the watchdog, which then subscribes the token
 * again for a fresh snapshot: without sequence numbers a change lost meanwhile would go unseen), on
 * a tick size change, on a crossed book, and when a frame cannot be read (which also restarts the connection, so that fresh
 * snapshots arrive). Subscriptions go out in batches and are replayed after each reconnect.
 */
public final class PolymarketMarketStream implements MarketDataClient {
  private static final Logger LOG = Logger.getLogger(PolymarketMarketStream.class.getName());

  private record Subscriber(OrderBook book, BookListener listener) {}

  private final Vertx vertx;
  private final PolymarketConfig config;
  private final PolymarketRestClient rest;
  private final Consumer<String> onTickSizeChange;
  private final Map<String, List<Subscriber>> byToken = new LinkedHashMap<>();
  private WsConnection connection;
  private long watchdog = -1;
  private long malformedFrames;
  private long snapshotDisagreements;
  private boolean closed;

  /** @param onTickSizeChange told the token id when its tick changes (to drop cached rules) */
  public PolymarketMarketStream(Vertx vertx, PolymarketConfig config, PolymarketRestClient rest,
      Consumer<String> onTickSizeChange) {
    this.vertx = vertx;
    this.config = config;
    this.rest = rest;
    this.onTickSizeChange = onTickSizeChange;
  }

  /**
   * Snapshots that disagreed with a trusted book built from price changes: updates were lost
   * somewhere (the snapshot wins). Counted for monitoring.
   */
  public long snapshotDisagreements() {
    return snapshotDisagreements;
  }

  /** Frames that could not be read since creation. */
  public long malformedFrames() {
    return malformedFrames;
  }

  @Override
  public Future<BookSnapshot> snapshot(InstrumentId instrument) {
    if (instrument.venue() != VenueId.POLYMARKET) {
      return Future.failedFuture(new IllegalArgumentException("not a Polymarket instrument: " + instrument));
    }
    return rest.getBook(instrument.symbol()).map(b -> b.toSnapshot());
  }

  @Override
  public Future<BookSubscription> subscribe(Collection<OrderBook> books, BookListener listener) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("market stream closed"));
    }
    List<Subscriber> added = new ArrayList<>();
    Set<String> newTokens = new LinkedHashSet<>();
    for (OrderBook book : books) {
      if (book.instrument().venue() != VenueId.POLYMARKET) {
        return Future.failedFuture(new IllegalArgumentException("not a Polymarket instrument: " + book.instrument()));
      }
    }
    for (OrderBook book : books) {
      String token = book.instrument().symbol();
      Subscriber s = new Subscriber(book, listener);
      List<Subscriber> list = byToken.computeIfAbsent(token, t -> new ArrayList<>());
      if (list.isEmpty()) {
        newTokens.add(token);
      }
      list.add(s);
      added.add(s);
    }
    BookSubscription subscription = () -> unsubscribe(added);
    if (connection == null) {
      connection = new WsConnection(vertx, config, config.wsUrl() + "/market", new Handler());
      startWatchdog();
      return connection.start().map(subscription).recover(e -> {
        // Nothing subscribed: undo, so that a retry by the caller does not subscribe the books twice.
        connection.close();
        connection = null;
        vertx.cancelTimer(watchdog);
        watchdog = -1;
        unsubscribe(added);
        return Future.failedFuture(e);
      });
    }
    if (connection.isOpen() && !newTokens.isEmpty()) {
      sendBatches(new ArrayList<>(newTokens), false);
    }
    return Future.succeededFuture(subscription);
  }

  private Future<Void> unsubscribe(List<Subscriber> removed) {
    List<String> gone = new ArrayList<>();
    for (Subscriber s : removed) {
      String token = s.book().instrument().symbol();
      List<Subscriber> list = byToken.get(token);
      if (list != null && list.remove(s) && list.isEmpty()) {
        byToken.remove(token);
        gone.add(token);
      }
    }
    if (connection != null && connection.isOpen() && !gone.isEmpty()) {
      for (List<String> batch : batches(gone)) {
        connection.send(subscribeMessage(batch, "unsubscribe"));
      }
    }
    return Future.succeededFuture();
  }

  public Future<Void> close() {
    closed = true;
    if (watchdog >= 0) {
      vertx.cancelTimer(watchdog);
    }
    if (connection != null) {
      connection.close();
    }
    markAll(UntrustedReason.DISCONNECTED);
    return Future.succeededFuture();
  }

  // ---------------------------------------------------------------- machinery

  private void sendBatches(List<String> tokens, boolean initial) {
    boolean first = initial;
    for (List<String> batch : batches(tokens)) {
      connection.send(first ? initialMessage(batch) : subscribeMessage(batch, "subscribe"));
      first = false;
    }
  }

  private List<List<String>> batches(List<String> tokens) {
    List<List<String>> out = new ArrayList<>();
    int size = config.subscribeBatchSize();
    for (int i = 0; i < tokens.size(); i += size) {
      out.add(tokens.subList(i, Math.min(tokens.size(), i + size)));
    }
    return out;
  }

  static String initialMessage(List<String> tokens) {
    var node = Json.MAPPER.createObjectNode();
    var ids = node.putArray("assets_ids");
    tokens.forEach(ids::add);
    node.put("type", "market");
    return node.toString();
  }

  static String subscribeMessage(List<String> tokens, String operation) {
    var node = Json.MAPPER.createObjectNode();
    var ids = node.putArray("assets_ids");
    tokens.forEach(ids::add);
    node.put("operation", operation);
    return node.toString();
  }

  private void startWatchdog() {
    long period = Math.max(10, Math.min(1000, config.silenceThreshold().toMillis() / 4));
    watchdog = vertx.setPeriodic(period, id -> {
      List<String> silent = new ArrayList<>();
      for (Map.Entry<String, List<Subscriber>> token : byToken.entrySet()) {
        for (Subscriber s : token.getValue()) {
          boolean wasTrusted = s.book().isTrusted();
          if (s.book().checkSilence(config.silenceThreshold()) && wasTrusted) {
            notifyUntrusted(s, UntrustedReason.SILENT);
            // No sequence numbers: changes lost while silent cannot be told from none, so the book
            // waits for the snapshot a subscribe brings rather than trusting the next change.
            s.book().markUntrusted(UntrustedReason.AWAITING_SNAPSHOT);
            if (!silent.contains(token.getKey())) {
              silent.add(token.getKey());
            }
          }
        }
      }
      if (!silent.isEmpty() && connection != null) {
        for (List<String> batch : batches(silent)) {
          connection.send(subscribeMessage(batch, "subscribe"));
        }
      }
    });
  }

  private void markAll(UntrustedReason reason) {
    for (List<Subscriber> list : byToken.values()) {
      for (Subscriber s : list) {
        boolean wasTrusted = s.book().isTrusted();
        s.book().markUntrusted(reason);
        if (wasTrusted || reason == UntrustedReason.DISCONNECTED) {
          notifyUntrusted(s, reason);
        }
      }
    }
  }

  private void notifyUntrusted(Subscriber s, UntrustedReason reason) {
    try {
      s.listener().onBookUntrusted(s.book(), reason);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "book listener failed", e);
    }
  }

  private void notifyUpdated(Subscriber s) {
    try {
      if (s.book().isTrusted()) {
        s.listener().onBookUpdated(s.book());
      } else {
        s.listener().onBookUntrusted(s.book(), s.book().integrity().reason());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "book listener failed", e);
    }
  }

  private void onMessage(PolymarketWsMessage message) {
    if (message instanceof PolymarketWsMessage.Book b) {
      BookSnapshot snapshot = b.book().toSnapshot();
      for (Subscriber s : byToken.getOrDefault(b.book().assetId(), List.of())) {
        if (s.book().isTrusted() && !s.book().snapshot().equals(snapshot)) {
          snapshotDisagreements++;
        }
        s.book().applySnapshot(snapshot);
        notifyUpdated(s);
      }
    } else if (message instanceof PolymarketWsMessage.PriceChange pc) {
      Set<Subscriber> touched = new LinkedHashSet<>();
      for (PolymarketWsMessage.Change c : pc.changes()) {
        for (Subscriber s : byToken.getOrDefault(c.assetId(), List.of())) {
          if (s.book().setLevel(c.side(), c.price(), c.size())) {
            touched.add(s);
          }
        }
      }
      touched.forEach(this::notifyUpdated);
    } else if (message instanceof PolymarketWsMessage.TickSizeChange t) {
      onTickSizeChange.accept(t.assetId());
      for (Subscriber s : byToken.getOrDefault(t.assetId(), List.of())) {
        s.book().markUntrusted(UntrustedReason.TICK_SIZE_CHANGED);
        notifyUntrusted(s, UntrustedReason.TICK_SIZE_CHANGED);
      }
    }
    // last_trade_price and the custom-feature events carry nothing the books need.
  }

  private final class Handler implements WsConnection.Handler {
    @Override
    public void onOpen(WebSocket socket) {
      if (!byToken.isEmpty()) {
        sendBatches(new ArrayList<>(byToken.keySet()), true);
      }
    }

    @Override
    public void onText(String text) {
      List<PolymarketWsMessage> messages;
      try {
        messages = PolymarketWsMessage.decode(text);
      } catch (VenueException e) {
        malformedFrames++;
        LOG.warning("unreadable Polymarket market frame (" + e.getMessage() + "): books untrusted, reconnecting");
        // An update may have been lost: distrust every book and get fresh snapshots.
        markAll(UntrustedReason.INVALID_UPDATE);
        connection.restart("unreadable frame");
        return;
      }
      for (PolymarketWsMessage m : messages) {
        onMessage(m);
      }
    }

    @Override
    public void onDown(String reason) {
      markAll(UntrustedReason.DISCONNECTED);
    }
  }
}
