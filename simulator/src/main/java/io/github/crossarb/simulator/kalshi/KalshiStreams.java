package io.github.crossarb.simulator.kalshi;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.simulator.WireProbe;
import io.github.crossarb.simulator.exchange.Accounts;
import io.github.crossarb.simulator.exchange.BookView;
import io.github.crossarb.simulator.exchange.Exchange;
import io.github.crossarb.simulator.exchange.ExchangeEvent;
import io.github.crossarb.simulator.exchange.FillView;
import io.github.crossarb.simulator.exchange.TradeView;
import io.github.crossarb.simulator.fault.FaultInjector;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Kalshi's WebSocket: per-connection subscriptions with a {@code sid} each, {@code seq} counted
 * per subscription on {@code orderbook_delta}, and the channels {@code orderbook_delta},
 * {@code ticker}, {@code trade}, {@code fill}, {@code user_orders} and {@code market_lifecycle_v2}.
 * Engine events arrive under the engine's lock, in order, and are written straight to the sockets.
 */
final class KalshiStreams {
  static final Set<String> CHANNELS = Set.of("orderbook_delta", "ticker", "trade", "fill", "user_orders",
      "market_lifecycle_v2");
  /** Channels that need a market list. */
  private static final Set<String> NEEDS_MARKETS = Set.of("orderbook_delta");

  private final Vertx vertx;
  private final Exchange exchange;
  private final FaultInjector faults;
  private final Set<String> tickers;
  private final Duration pingInterval;
  private final List<Session> sessions = new CopyOnWriteArrayList<>();
  private final Runnable unsubscribe;
  /** The end-to-end benchmark's probe, or null. */
  volatile WireProbe probe;

  KalshiStreams(Vertx vertx, Exchange exchange, FaultInjector faults, Set<String> tickers, Duration pingInterval) {
    this.vertx = vertx;
    this.exchange = exchange;
    this.faults = faults;
    this.tickers = tickers;
    this.pingInterval = pingInterval;
    this.unsubscribe = exchange.subscribe(this::onEvent);
  }

  int sessionCount() {
    return sessions.size();
  }

  void close() {
    unsubscribe.run();
    for (Session s : sessions) {
      s.ws.close();
    }
  }

  void accept(ServerWebSocket ws) {
    Session s = new Session(ws);
    sessions.add(s);
    long ping = vertx.setPeriodic(pingInterval.toMillis(), t -> {
      if (!ws.isClosed()) {
        ws.writePing(Buffer.buffer("heartbeat"));
      }
    });
    ws.closeHandler(v -> {
      vertx.cancelTimer(ping);
      sessions.remove(s);
    });
    ws.textMessageHandler(text -> s.onCommand(text));
    ws.exceptionHandler(e -> { });
  }

  private void onEvent(ExchangeEvent event) {
    for (Session s : sessions) {
      s.onEvent(event);
    }
  }

  /** One subscription: a channel, its markets (empty = all, for channels that allow it) and its seq. */
  private static final class Subscription {
    final int sid;
    final String channel;
    final Set<String> markets = new LinkedHashSet<>();
    final boolean yesScale;
    long seq;
    /** Last top of book sent per market on the ticker channel. */
    final Map<String, String> lastTicker = new LinkedHashMap<>();

    Subscription(int sid, String channel, boolean yesScale) {
      this.sid = sid;
      this.channel = channel;
      this.yesScale = yesScale;
    }

    boolean covers(String market) {
      return markets.isEmpty() ? !NEEDS_MARKETS.contains(channel) : markets.contains(market);
    }
  }

  private final class Session {
    final ServerWebSocket ws;
    final Map<Integer, Subscription> subs = new LinkedHashMap<>();
    int nextSid = 1;

    Session(ServerWebSocket ws) {
      this.ws = ws;
    }

    // ------------------------------------------------------------ commands

    /**
     * Commands read the engine (snapshots) while holding this session; events arrive holding the
     * engine and then take this session. Taking the engine first here keeps one lock order.
     */
    void onCommand(String text) {
      synchronized (exchange) {
        synchronized (this) {
          handle(text);
        }
      }
    }

    private void handle(String text) {
      JsonObject cmd;
      try {
        cmd = new JsonObject(text);
      } catch (DecodeException | ClassCastException e) {
        sendError(null, 1, "Unable to process message");
        return;
      }
      Object idValue = cmd.getValue("id");
      Integer id = idValue instanceof Number n ? n.intValue() : null;
      JsonObject params = cmd.getValue("params") instanceof JsonObject p ? p : new JsonObject();
      String name = cmd.getValue("cmd") instanceof String c ? c : "";
      switch (name) {
        case "subscribe" -> subscribe(id, params);
        case "unsubscribe" -> unsubscribeCmd(id, params);
        case "update_subscription" -> update(id, params);
        case "list_subscriptions" -> list(id);
        default -> sendError(id, 5, "Unknown command");
      }
    }

    private void subscribe(Integer id, JsonObject params) {
      JsonArray channels = params.getValue("channels") instanceof JsonArray a ? a : null;
      if (channels == null || channels.isEmpty()) {
        sendError(id, 3, "Channels required");
        return;
      }
      List<String> markets = markets(params);
      if (markets == null) {
        sendError(id, 2, "Params required");
        return;
      }
      for (String m : markets) {
        if (!tickers.contains(m)) {
          sendError(id, 16, "Market not found");
          return;
        }
      }
      for (Object c : channels) {
        if (!(c instanceof String channel) || !CHANNELS.contains(channel)) {
          sendError(id, 8, "Unknown channel name");
          return;
        }
        if (NEEDS_MARKETS.contains(channel) && markets.isEmpty()) {
          sendError(id, 2, "Params required");
          return;
        }
        for (Subscription existing : subs.values()) {
          if (existing.channel.equals(channel) && existing.markets.equals(new LinkedHashSet<>(markets))) {
            sendError(id, 6, "Already subscribed");
            return;
          }
        }
      }
      boolean yesScale = Boolean.TRUE.equals(params.getValue("use_yes_price"));
      for (Object c : channels) {
        Subscription s = new Subscription(nextSid++, (String) c, yesScale);
        s.markets.addAll(markets);
        subs.put(s.sid, s);
        send(new JsonObject().put("id", id).put("type", "subscribed")
            .put("msg", new JsonObject().put("channel", s.channel).put("sid", s.sid)));
        if (s.channel.equals("orderbook_delta")) {
          for (String m : s.markets) {
            sendSnapshot(s, m);
          }
        }
        if (s.channel.equals("ticker") && Boolean.TRUE.equals(params.getValue("send_initial_snapshot"))) {
          for (String m : s.markets.isEmpty() ? tickers : s.markets) {
            sendTicker(s, m, true);
          }
        }
      }
    }

    private List<String> markets(JsonObject params) {
      List<String> out = new ArrayList<>();
      Object one = params.getValue("market_ticker");
      Object many = params.getValue("market_tickers");
      if (one instanceof String s) {
        out.add(s);
      } else if (one != null) {
        return null;
      }
      if (many instanceof JsonArray a) {
        for (Object o : a) {
          if (!(o instanceof String s)) {
            return null;
          }
          out.add(s);
        }
      } else if (many != null) {
        return null;
      }
      return out;
    }

    private void unsubscribeCmd(Integer id, JsonObject params) {
      JsonArray sids = params.getValue("sids") instanceof JsonArray a ? a : null;
      if (sids == null || sids.isEmpty()) {
        sendError(id, 2, "Params required");
        return;
      }
      for (Object o : sids) {
        Integer sid = o instanceof Number n ? n.intValue() : null;
        Subscription s = sid == null ? null : subs.remove(sid);
        if (s == null) {
          sendError(id, 7, "Unknown subscription ID");
          continue;
        }
        send(new JsonObject().put("id", id).put("sid", s.sid).put("seq", s.seq).put("type", "unsubscribed"));
      }
    }

    private void update(Integer id, JsonObject params) {
      Object sidValue = params.getValue("sid");
      JsonArray sids = params.getValue("sids") instanceof JsonArray a ? a : null;
      Integer sid = sidValue instanceof Number n ? n.intValue()
          : sids != null && sids.size() == 1 && sids.getValue(0) instanceof Number n2 ? n2.intValue() : null;
      if (sid == null || (sidValue != null && sids != null)) {
        sendError(id, 2, "Params required");
        return;
      }
      Subscription s = subs.get(sid);
      if (s == null) {
        sendError(id, 7, "Unknown subscription ID");
        return;
      }
      List<String> markets = markets(params);
      if (markets == null || markets.isEmpty()) {
        sendError(id, 2, "Params required");
        return;
      }
      for (String m : markets) {
        if (!tickers.contains(m)) {
          sendError(id, 16, "Market not found");
          return;
        }
      }
      String action = params.getString("action", "");
      switch (action) {
        case "add_markets" -> s.markets.addAll(markets);
        case "delete_markets" -> s.markets.removeAll(markets);
        case "get_snapshot" -> {
          if (!s.channel.equals("orderbook_delta") || !s.markets.containsAll(markets)) {
            sendError(id, 2, "Params required");
            return;
          }
        }
        default -> {
          sendError(id, 2, "Params required");
          return;
        }
      }
      send(new JsonObject().put("type", "ok").put("id", id).put("sid", s.sid).put("seq", s.seq)
          .put("msg", new JsonObject().put("market_tickers", new JsonArray(new ArrayList<>(s.markets)))));
      if (s.channel.equals("orderbook_delta") && !action.equals("delete_markets")) {
        for (String m : markets) {
          sendSnapshot(s, m);
        }
      }
    }

    private void list(Integer id) {
      JsonArray out = new JsonArray();
      for (Subscription s : subs.values()) {
        out.add(new JsonObject().put("channel", s.channel).put("sid", s.sid)
            .put("market_tickers", new JsonArray(new ArrayList<>(s.markets))));
      }
      send(new JsonObject().put("id", id).put("type", "ok").put("msg", out));
    }

    // ------------------------------------------------------------ market data

    private void sendSnapshot(Subscription s, String market) {
      BookView book = exchange.book(market);
      JsonObject msg = new JsonObject().put("market_ticker", market).put("market_id", marketId(market));
      JsonArray yes = KalshiWire.yesLevels(book.bids(), 0);
      JsonArray no = KalshiWire.noLevels(book.asks(), 0, s.yesScale);
      if (!yes.isEmpty()) {
        msg.put("yes_dollars_fp", yes);
      }
      if (!no.isEmpty()) {
        msg.put("no_dollars_fp", no);
      }
      s.seq++;
      send(new JsonObject().put("type", "orderbook_snapshot").put("sid", s.sid).put("seq", s.seq).put("msg", msg));
    }

    synchronized void onEvent(ExchangeEvent event) {
      if (ws.isClosed()) {
        return;
      }
      for (Subscription s : subs.values()) {
        if (!s.covers(event.market())) {
          continue;
        }
        switch (s.channel) {
          case "orderbook_delta" -> {
            if (event instanceof ExchangeEvent.BookChanged c) {
              bookDelta(s, c);
            }
          }
          case "ticker" -> {
            if (event instanceof ExchangeEvent.BookChanged || event instanceof ExchangeEvent.Traded) {
              sendTicker(s, event.market(), event instanceof ExchangeEvent.Traded);
            }
          }
          case "trade" -> {
            if (event instanceof ExchangeEvent.Traded t) {
              trade(s, t.trade());
            }
          }
          case "fill" -> {
            if (event instanceof ExchangeEvent.Filled f && f.fill().account().equals(Accounts.USER)) {
              fill(s, f.fill());
            }
          }
          case "user_orders" -> {
            if (event instanceof ExchangeEvent.OrderChanged o && o.order().account().equals(Accounts.USER)) {
              send(new JsonObject().put("type", "user_order").put("sid", s.sid)
                  .put("msg", KalshiWire.order(o.order(), List.of())));
            }
          }
          case "market_lifecycle_v2" -> lifecycle(s, event);
          default -> { }
        }
      }
    }

    private void bookDelta(Subscription s, ExchangeEvent.BookChanged c) {
      if (silenced(c.market())) {
        return;
      }
      boolean yesSide = c.side() == Side.BUY;
      long price = yesSide || s.yesScale ? c.price().micros() : Fixed.SCALE - c.price().micros();
      JsonObject msg = new JsonObject()
          .put("market_ticker", c.market())
          .put("market_id", marketId(c.market()))
          .put("price_dollars", KalshiWire.dollars(price))
          .put("delta_fp", KalshiWire.fp(c.delta()))
          .put("side", yesSide ? "yes" : "no")
          .put("ts_ms", c.time().toEpochMilli());
      if (Accounts.USER.equals(c.account()) && c.clientOrderId() != null) {
        msg.put("client_order_id", c.clientOrderId()).put("subaccount", 0);
      }
      if (faults.take(FaultKinds.SEQ_GAP, c.market()).isPresent()) {
        s.seq++; // one sequence number is skipped
      }
      s.seq++;
      JsonObject frame = new JsonObject().put("type", "orderbook_delta").put("sid", s.sid).put("seq", s.seq)
          .put("msg", msg);
      WireProbe p = probe;
      if (p != null) {
        p.bookFrameWritten(VenueId.KALSHI, c.market(), System.nanoTime());
      }
      send(frame);
      if (faults.take(FaultKinds.SEQ_DUPLICATE, c.market()).isPresent()) {
        send(frame);
      }
    }

    private void sendTicker(Subscription s, String market, boolean force) {
      if (silenced(market)) {
        return;
      }
      BookView book = exchange.book(market);
      long bid = book.bestBid().map(l -> l.price().micros()).orElse(0L);
      long ask = book.bestAsk().map(l -> l.price().micros()).orElse(Fixed.SCALE);
      String top = bid + "/" + ask + "/" + book.bestBid().map(l -> l.quantity().micros()).orElse(0L) + "/"
          + book.bestAsk().map(l -> l.quantity().micros()).orElse(0L);
      if (!force && top.equals(s.lastTicker.get(market))) {
        return;
      }
      s.lastTicker.put(market, top);
      List<TradeView> trades = exchange.trades(market);
      long last = trades.isEmpty() ? 0 : trades.get(trades.size() - 1).price().micros();
      long volume = trades.stream().mapToLong(t -> t.quantity().micros()).sum();
      send(new JsonObject().put("type", "ticker").put("sid", s.sid).put("msg", new JsonObject()
          .put("market_ticker", market)
          .put("market_id", marketId(market))
          .put("price_dollars", KalshiWire.dollars(last))
          .put("yes_bid_dollars", KalshiWire.dollars(bid))
          .put("yes_ask_dollars", KalshiWire.dollars(ask))
          .put("yes_bid_size_fp", KalshiWire.fp(book.bestBid().map(l -> l.quantity().micros()).orElse(0L)))
          .put("yes_ask_size_fp", KalshiWire.fp(book.bestAsk().map(l -> l.quantity().micros()).orElse(0L)))
          .put("volume_fp", KalshiWire.fp(volume))
          .put("ts_ms", exchange.clock().millis())));
    }

    private void trade(Subscription s, TradeView t) {
      if (silenced(t.market())) {
        return;
      }
      send(new JsonObject().put("type", "trade").put("sid", s.sid).put("msg", new JsonObject()
          .put("trade_id", t.tradeId())
          .put("market_ticker", t.market())
          .put("yes_price_dollars", KalshiWire.dollars(t.price().micros()))
          .put("no_price_dollars", KalshiWire.dollars(Fixed.SCALE - t.price().micros()))
          .put("count_fp", KalshiWire.fp(t.quantity().micros()))
          .put("taker_outcome_side", t.takerSide() == Side.BUY ? "yes" : "no")
          .put("taker_book_side", KalshiWire.bookSide(t.takerSide()))
          .put("ts_ms", t.time().toEpochMilli())));
    }

    private void fill(Subscription s, FillView f) {
      send(new JsonObject().put("type", "fill").put("sid", s.sid).put("msg", new JsonObject()
          .put("trade_id", f.tradeId())
          .put("order_id", f.orderId())
          .put("market_ticker", f.market())
          .put("is_taker", f.taker())
          .put("yes_price_dollars", KalshiWire.dollars(f.price().micros()))
          .put("no_price_dollars", KalshiWire.dollars(Fixed.SCALE - f.price().micros()))
          .put("count_fp", KalshiWire.fp(f.quantity().micros()))
          .put("fee_cost", KalshiWire.dollars(f.fee().micros()))
          .put("outcome_side", KalshiWire.outcome(f.outcome()))
          .put("book_side", KalshiWire.bookSide(f.side()))
          .put("post_position_fp", KalshiWire.fp(f.postPosition()))
          .put("client_order_id", f.clientOrderId() == null ? "" : f.clientOrderId())
          .put("ts_ms", f.time().toEpochMilli())));
    }

    private void lifecycle(Subscription s, ExchangeEvent event) {
      JsonObject msg = new JsonObject().put("market_ticker", event.market());
      if (event instanceof ExchangeEvent.TicksChanged t) {
        msg.put("event_type", "price_level_structure_updated").put("price_ranges", KalshiWire.priceRanges(t.ticks()));
      } else if (event instanceof ExchangeEvent.TradingStatusChanged t) {
        msg.put("event_type", t.open() ? "activated" : "deactivated").put("is_deactivated", !t.open());
      } else {
        return;
      }
      send(new JsonObject().put("type", "market_lifecycle_v2").put("sid", s.sid).put("msg", msg));
    }

    private boolean silenced(String market) {
      return faults.take(FaultKinds.SILENT_FEED, market).isPresent();
    }

    // ------------------------------------------------------------ output

    private void sendError(Integer id, int code, String message) {
      send(new JsonObject().put("id", id).put("type", "error")
          .put("msg", new JsonObject().put("code", code).put("msg", message)));
    }

    private void send(JsonObject frame) {
      if (ws.isClosed()) {
        return;
      }
      if (faults.take(FaultKinds.DROP_CONNECTION, "ws").isPresent()) {
        ws.close();
        return;
      }
      ws.writeTextMessage(frame.encode());
    }
  }

  /** A stable per-market id (Kalshi sends a UUID market_id beside the ticker). */
  private static String marketId(String ticker) {
    return java.util.UUID.nameUUIDFromBytes(ticker.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
  }
}
