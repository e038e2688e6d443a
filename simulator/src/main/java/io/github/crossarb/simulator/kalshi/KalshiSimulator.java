package io.github.crossarb.simulator.kalshi;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.simulator.WireProbe;
import io.github.crossarb.simulator.exchange.Accounts;
import io.github.crossarb.simulator.exchange.BookView;
import io.github.crossarb.simulator.exchange.Exchange;
import io.github.crossarb.simulator.exchange.ExchangeException;
import io.github.crossarb.simulator.exchange.FillView;
import io.github.crossarb.simulator.exchange.MarketSpec;
import io.github.crossarb.simulator.exchange.NewOrder;
import io.github.crossarb.simulator.exchange.OrderState;
import io.github.crossarb.simulator.exchange.OrderView;
import io.github.crossarb.simulator.exchange.PositionView;
import io.github.crossarb.simulator.exchange.SelfTradePrevention;
import io.github.crossarb.simulator.exchange.SubmitOutcome;
import io.github.crossarb.simulator.fault.FaultInjector;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.github.crossarb.simulator.fault.FaultRule;
import io.github.crossarb.simulator.scenario.KalshiMarketSpec;
import io.github.crossarb.simulator.scenario.KalshiSeriesSpec;
import io.github.crossarb.simulator.scenario.PairSpec;
import io.github.crossarb.simulator.scenario.Scenario;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Kalshi's Trade API v2 on a loopback port: the REST subset the client uses under
 * {@code /trade-api/v2} and the WebSocket at {@code /trade-api/ws/v2}, over an {@link Exchange}
 * whose books are Kalshi markets in YES prices. Private calls and the WebSocket upgrade must carry
 * a valid RSA-PSS signature from the configured key; they act on {@link Accounts#USER}.
 */
public final class KalshiSimulator {
  /** REST base path, part of every signed path. */
  public static final String API_PREFIX = "/trade-api/v2";
  /** WebSocket path, signed as {@code ts + "GET" + WS_PATH}. */
  public static final String WS_PATH = "/trade-api/ws/v2";

  private static final String KEY_ACCEPT_DELAY = "fault.acceptDelay";
  private static final String KEY_ACCEPT_DROP = "fault.acceptDrop";

  private final Vertx vertx;
  private final Exchange exchange;
  private final FaultInjector faults;
  private final KalshiAuth auth;
  private final KalshiStreams streams;
  private final Map<String, KalshiMarketSpec> marketsByTicker = new LinkedHashMap<>();
  private final Map<String, KalshiSeriesSpec> series = new LinkedHashMap<>();
  private HttpServer server;
  /** The end-to-end benchmark's probe, or null (the usual case). */
  private volatile WireProbe probe;
  private static final String ARRIVAL = "wireProbe.arrival";

  /**
   * @param exchange the Kalshi engine ({@code ScenarioExchanges.kalshi})
   * @param keyId the API key id clients must send
   * @param publicKey verifies their signatures
   * @param maxSkew how far a request timestamp may be from the exchange clock
   * @param pingInterval how often the server pings each WebSocket (Kalshi: 10 s)
   */
  public KalshiSimulator(Vertx vertx, Scenario scenario, Exchange exchange, FaultInjector faults, String keyId,
      PublicKey publicKey, Duration maxSkew, Duration pingInterval) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.exchange = Objects.requireNonNull(exchange, "exchange");
    this.faults = Objects.requireNonNull(faults, "faults");
    this.auth = new KalshiAuth(keyId, publicKey, exchange.clock(), maxSkew);
    for (PairSpec pair : scenario.pairs()) {
      marketsByTicker.put(pair.kalshi().ticker(), pair.kalshi());
      series.putIfAbsent(pair.kalshi().series().ticker(), pair.kalshi().series());
    }
    this.streams = new KalshiStreams(vertx, exchange, faults, Set.copyOf(marketsByTicker.keySet()), pingInterval);
  }

  /** Listens on 127.0.0.1:{@code port} (0 for any free port); completes with the bound port. */
  public Future<Integer> start(int port) {
    Router router = router();
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port));
    server.requestHandler(router);
    return server.listen().map(HttpServer::actualPort);
  }

  public Future<Void> close() {
    streams.close();
    return server == null ? Future.succeededFuture() : server.close();
  }

  public int port() {
    return server.actualPort();
  }

  /** Reports order requests arriving and book frames written to {@code value} (null: stop). */
  public void wireProbe(WireProbe value) {
    probe = value;
    streams.probe = value;
  }

  /** REST base URL, e.g. {@code http://127.0.0.1:PORT/trade-api/v2}. */
  public String apiUrl() {
    return "http://127.0.0.1:" + port() + API_PREFIX;
  }

  /** WebSocket URL, e.g. {@code ws://127.0.0.1:PORT/trade-api/ws/v2}. */
  public String wsUrl() {
    return "ws://127.0.0.1:" + port() + WS_PATH;
  }

  public Exchange exchange() {
    return exchange;
  }

  public FaultInjector faults() {
    return faults;
  }

  /** How many WebSocket sessions are open (for tests and status output). */
  public int openStreams() {
    return streams.sessionCount();
  }

  // ---------------------------------------------------------------- routing

  /** IMF-fixdate, e.g. {@code Fri, 07 Nov 2026 09:05:01 GMT}. */
  private static final java.time.format.DateTimeFormatter HTTP_DATE = java.time.format.DateTimeFormatter
      .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

  private Router router() {
    Router r = Router.router(vertx);
    r.post(API_PREFIX + "/portfolio/events/orders*").handler(ctx -> {
      if (probe != null) {
        ctx.put(ARRIVAL, System.nanoTime()); // as the headers arrive, before body, auth and matching
      }
      ctx.next();
    });
    r.route(WS_PATH).handler(this::upgrade);
    // Like any origin server with a clock (RFC 9110 §6.6.1), and the exchange's clock at that:
    // `controller doctor` measures clock skew from it (Kalshi has no time endpoint).
    r.route(API_PREFIX + "/*").handler(ctx -> {
      ctx.response().putHeader("date", HTTP_DATE.format(exchange.clock().instant()));
      ctx.next();
    });
    r.route(API_PREFIX + "/*").handler(this::injectFaults);
    r.route(API_PREFIX + "/*").handler(ctx -> {
      exchange.expireDue(); // GTD orders past their time are gone before anything reads them
      ctx.next();
    });
    r.route(API_PREFIX + "/*").handler(BodyHandler.create().setBodyLimit(1 << 20));
    r.route(API_PREFIX + "/portfolio/*").handler(this::authenticate);
    String p = API_PREFIX;
    r.get(p + "/exchange/status").handler(this::exchangeStatus);
    r.get(p + "/exchange/schedule").handler(this::exchangeSchedule);
    r.get(p + "/series").handler(this::seriesList);
    r.get(p + "/series/:series").handler(this::seriesOne);
    r.get(p + "/events").handler(this::events);
    r.get(p + "/events/:event").handler(this::event);
    r.get(p + "/markets").handler(this::markets);
    r.get(p + "/markets/orderbooks").handler(this::orderbooks);
    r.get(p + "/markets/:ticker").handler(this::marketOne);
    r.get(p + "/markets/:ticker/orderbook").handler(this::orderbook);
    r.get(p + "/portfolio/balance").handler(this::balance);
    r.get(p + "/portfolio/positions").handler(this::positions);
    r.get(p + "/portfolio/fills").handler(this::fills);
    r.get(p + "/portfolio/orders").handler(this::orders);
    r.get(p + "/portfolio/orders/:id").handler(this::orderOne);
    r.post(p + "/portfolio/events/orders").handler(this::create);
    r.post(p + "/portfolio/events/orders/batched").handler(this::batchCreate);
    r.delete(p + "/portfolio/events/orders/batched").handler(this::batchCancel);
    r.delete(p + "/portfolio/events/orders").handler(this::cancelAll);
    r.delete(p + "/portfolio/events/orders/:id").handler(this::cancel);
    r.post(p + "/portfolio/events/orders/:id/amend").handler(this::amend);
    r.post(p + "/portfolio/events/orders/:id/decrease").handler(this::decrease);
    // Legacy order mutations were switched off in June 2026.
    r.post(p + "/portfolio/orders").handler(this::legacy);
    r.post(p + "/portfolio/orders/*").handler(this::legacy);
    r.delete(p + "/portfolio/orders/*").handler(this::legacy);
    r.route(p + "/*").last().handler(ctx -> reply(ctx, 404, KalshiWire.error("not_found", "no such endpoint")));
    // A handler refuses a request by throwing BadRequest; it is answered in Kalshi's error shape.
    r.route(API_PREFIX + "/*").failureHandler(ctx -> {
      if (ctx.failure() instanceof BadRequest e && !ctx.response().ended()) {
        reply(ctx, e.status, KalshiWire.error(e.code, e.getMessage()));
      } else {
        ctx.next();
      }
    });
    r.errorHandler(500, ctx -> {
      if (!ctx.response().ended()) {
        reply(ctx, 500, KalshiWire.error("internal_server_error", "internal error"));
      }
    });
    return r;
  }

  private void upgrade(RoutingContext ctx) {
    String reason = auth.check("GET", ctx.request().path(), ctx.request().headers());
    if (reason != null) {
      send(ctx, 401, KalshiWire.error("authentication_error", reason));
      return;
    }
    ctx.request().toWebSocket().onSuccess(streams::accept).onFailure(e -> {
      if (!ctx.response().ended()) {
        send(ctx, 400, KalshiWire.error("bad_request", "WebSocket upgrade required"));
      }
    });
  }

  /** Infrastructure faults, decided before anything is processed. */
  private void injectFaults(RoutingContext ctx) {
    String subject = ctx.request().method().name() + " " + ctx.request().path();
    if (faults.take(FaultKinds.DROP_CONNECTION, subject).isPresent()) {
      ctx.request().connection().close();
      return;
    }
    if (faults.take(FaultKinds.HTTP_429, subject).isPresent()) {
      send(ctx, 429, new JsonObject().put("error", "too many requests"));
      return;
    }
    Optional<FaultRule> failure = faults.take(FaultKinds.HTTP_5XX, subject);
    if (failure.isPresent()) {
      send(ctx, failure.get().status(), KalshiWire.error("internal_server_error", "simulated server error"));
      return;
    }
    faults.take(FaultKinds.ACCEPT_THEN_DELAY, subject).ifPresent(f -> ctx.put(KEY_ACCEPT_DELAY, f.millis()));
    faults.take(FaultKinds.ACCEPT_THEN_DROP, subject).ifPresent(f -> ctx.put(KEY_ACCEPT_DROP, Boolean.TRUE));
    Optional<FaultRule> latency = faults.take(FaultKinds.LATENCY, subject);
    if (latency.isPresent() && latency.get().millis() > 0) {
      vertx.setTimer(latency.get().millis(), t -> ctx.next());
    } else {
      ctx.next();
    }
  }

  private void authenticate(RoutingContext ctx) {
    String reason = auth.check(ctx.request().method().name(), ctx.request().path(), ctx.request().headers());
    if (reason != null) {
      reply(ctx, 401, KalshiWire.error("authentication_error", reason));
    } else {
      ctx.next();
    }
  }

  private void legacy(RoutingContext ctx) {
    reply(ctx, 400, KalshiWire.error("deprecated_endpoint", "Please switch to the V2 endpoints"));
  }

  // ---------------------------------------------------------------- public data

  private void exchangeStatus(RoutingContext ctx) {
    reply(ctx, 200, new JsonObject().put("exchange_active", true).put("trading_active", true));
  }

  private void exchangeSchedule(RoutingContext ctx) {
    JsonArray hours = new JsonArray();
    JsonObject allDay = new JsonObject().put("open_time", "00:00").put("close_time", "23:59");
    JsonObject week = new JsonObject()
        .put("start_time", "2026-01-01T00:00:00Z").put("end_time", "2030-01-01T00:00:00Z");
    for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
      week.put(day, new JsonArray().add(allDay));
    }
    hours.add(week);
    reply(ctx, 200, new JsonObject().put("schedule",
        new JsonObject().put("standard_hours", hours).put("maintenance_windows", new JsonArray())));
  }

  private void seriesList(RoutingContext ctx) {
    JsonArray out = new JsonArray();
    series.values().forEach(s -> out.add(KalshiWire.series(s)));
    reply(ctx, 200, new JsonObject().put("series", out));
  }

  private void seriesOne(RoutingContext ctx) {
    KalshiSeriesSpec s = series.get(ctx.pathParam("series"));
    if (s == null) {
      reply(ctx, 404, KalshiWire.error("not_found", "series not found"));
      return;
    }
    reply(ctx, 200, new JsonObject().put("series", KalshiWire.series(s)));
  }

  private Map<String, List<KalshiMarketSpec>> eventsByTicker() {
    Map<String, List<KalshiMarketSpec>> byEvent = new LinkedHashMap<>();
    marketsByTicker.values().forEach(m -> byEvent.computeIfAbsent(m.eventTicker(), e -> new ArrayList<>()).add(m));
    return byEvent;
  }

  private JsonObject eventJson(String eventTicker, List<KalshiMarketSpec> markets, boolean nested) {
    KalshiMarketSpec first = markets.get(0);
    JsonObject e = new JsonObject()
        .put("event_ticker", eventTicker)
        .put("series_ticker", first.series().ticker())
        .put("title", first.eventTitle() == null ? first.title() : first.eventTitle())
        .put("sub_title", "")
        .put("category", first.series().category())
        .put("mutually_exclusive", false)
        .put("strike_date", first.closeTime());
    if (nested) {
      JsonArray ms = new JsonArray();
      markets.forEach(m -> ms.add(marketJson(m)));
      e.put("markets", ms);
    }
    return e;
  }

  private void events(RoutingContext ctx) {
    int limit = limit(ctx, 200, 200);
    if (limit < 0) {
      return;
    }
    String seriesTicker = ctx.queryParams().get("series_ticker");
    String status = ctx.queryParams().get("status");
    boolean nested = "true".equals(ctx.queryParams().get("with_nested_markets"));
    List<JsonObject> all = new ArrayList<>();
    eventsByTicker().forEach((ticker, markets) -> {
      if ((seriesTicker == null || markets.get(0).series().ticker().equals(seriesTicker))
          && (status == null || markets.stream().anyMatch(m -> statusMatches(status, m)))) {
        all.add(eventJson(ticker, markets, nested));
      }
    });
    page(ctx, all, limit, "events");
  }

  private void event(RoutingContext ctx) {
    List<KalshiMarketSpec> markets = eventsByTicker().get(ctx.pathParam("event"));
    if (markets == null) {
      reply(ctx, 404, KalshiWire.error("not_found", "event not found"));
      return;
    }
    JsonArray ms = new JsonArray();
    markets.forEach(m -> ms.add(marketJson(m)));
    reply(ctx, 200, new JsonObject().put("event", eventJson(ctx.pathParam("event"), markets, false))
        .put("markets", ms));
  }

  private void markets(RoutingContext ctx) {
    int limit = limit(ctx, 100, 1000);
    if (limit < 0) {
      return;
    }
    String eventTicker = ctx.queryParams().get("event_ticker");
    String seriesTicker = ctx.queryParams().get("series_ticker");
    String status = ctx.queryParams().get("status");
    Set<String> tickers = new LinkedHashSet<>();
    for (String t : ctx.queryParams().getAll("tickers")) {
      for (String one : t.split(",")) {
        if (!one.isBlank()) {
          tickers.add(one.strip());
        }
      }
    }
    String mve = ctx.queryParams().get("mve_filter");
    List<JsonObject> all = new ArrayList<>();
    for (KalshiMarketSpec m : marketsByTicker.values()) {
      if ((eventTicker == null || m.eventTicker().equals(eventTicker))
          && (seriesTicker == null || m.series().ticker().equals(seriesTicker))
          && (status == null || statusMatches(status, m))
          && (tickers.isEmpty() || tickers.contains(m.ticker()))
          && !"only".equals(mve)) { // no multivariate (combo) markets are simulated
        all.add(marketJson(m));
      }
    }
    page(ctx, all, limit, "markets");
  }

  private void marketOne(RoutingContext ctx) {
    KalshiMarketSpec m = marketsByTicker.get(ctx.pathParam("ticker"));
    if (m == null) {
      reply(ctx, 404, KalshiWire.error("not_found", "market not found"));
      return;
    }
    reply(ctx, 200, new JsonObject().put("market", marketJson(m)));
  }

  private void orderbook(RoutingContext ctx) {
    String ticker = ctx.pathParam("ticker");
    if (!marketsByTicker.containsKey(ticker)) {
      reply(ctx, 404, KalshiWire.error("not_found", "market not found"));
      return;
    }
    Integer depth = depth(ctx);
    if (depth == null) {
      return;
    }
    reply(ctx, 200, new JsonObject().put("orderbook_fp", KalshiWire.orderbookFp(exchange.book(ticker), depth)));
  }

  private void orderbooks(RoutingContext ctx) {
    List<String> tickers = ctx.queryParams().getAll("tickers");
    if (tickers.isEmpty()) {
      reply(ctx, 400, KalshiWire.error("invalid_parameters", "tickers is required"));
      return;
    }
    JsonArray out = new JsonArray();
    for (String t : tickers) {
      if (!marketsByTicker.containsKey(t)) {
        reply(ctx, 404, KalshiWire.error("not_found", "market not found: " + t));
        return;
      }
      out.add(new JsonObject().put("ticker", t).put("orderbook_fp", KalshiWire.orderbookFp(exchange.book(t), 0)));
    }
    reply(ctx, 200, new JsonObject().put("orderbooks", out));
  }

  private Integer depth(RoutingContext ctx) {
    String raw = ctx.queryParams().get("depth");
    if (raw == null) {
      return 0;
    }
    try {
      int d = Integer.parseInt(raw);
      if (d > 100) {
        reply(ctx, 400, KalshiWire.error("invalid_parameters", "depth must be at most 100"));
        return null;
      }
      return Math.max(d, 0);
    } catch (NumberFormatException e) {
      reply(ctx, 400, KalshiWire.error("invalid_parameters", "depth must be an integer"));
      return null;
    }
  }

  private String marketStatus(KalshiMarketSpec m) {
    if (m.closeTime() != null && !exchange.clock().instant().isBefore(Instant.parse(m.closeTime()))) {
      return "closed";
    }
    return exchange.isOpen(m.ticker()) ? "active" : "inactive";
  }

  private boolean statusMatches(String filter, KalshiMarketSpec m) {
    String s = marketStatus(m);
    return switch (filter) {
      case "open" -> s.equals("active");
      case "paused" -> s.equals("inactive");
      case "closed" -> s.equals("closed");
      default -> false; // unopened, settled: nothing in the simulator is
    };
  }

  private JsonObject marketJson(KalshiMarketSpec m) {
    MarketSpec spec = exchange.market(m.ticker()).orElseThrow();
    var trades = exchange.trades(m.ticker());
    long volume = trades.stream().mapToLong(t -> t.quantity().micros()).sum();
    long last = trades.isEmpty() ? 0 : trades.get(trades.size() - 1).price().micros();
    long openInterest = 0;
    for (String account : exchange.accountIds()) {
      for (PositionView p : exchange.account(account).positions()) {
        if (p.market().equals(m.ticker())) {
          openInterest += Math.max(0, p.position());
        }
      }
    }
    return KalshiWire.market(m, spec.ticks(), exchange.book(m.ticker()), marketStatus(m), last, volume, openInterest);
  }

  // ---------------------------------------------------------------- portfolio reads

  private void balance(RoutingContext ctx) {
    var account = exchange.account(Accounts.USER);
    long cash = account.cash().micros();
    long value = 0;
    for (PositionView p : account.positions()) {
      value += p.exposure().micros();
    }
    reply(ctx, 200, new JsonObject()
        .put("balance", Math.floorDiv(cash, 10_000))
        .put("balance_dollars", KalshiWire.dollars(cash))
        .put("portfolio_value", Math.floorDiv(value, 10_000))
        .put("portfolio_value_dollars", KalshiWire.dollars(value))
        .put("updated_ts", exchange.clock().instant().getEpochSecond())
        .put("balance_breakdown", new JsonArray()));
  }

  private void positions(RoutingContext ctx) {
    int limit = limit(ctx, 100, 1000);
    if (limit < 0) {
      return;
    }
    String ticker = ctx.queryParams().get("ticker");
    String eventTicker = ctx.queryParams().get("event_ticker");
    String countFilter = ctx.queryParams().get("count_filter");
    List<OrderView> orders = exchange.orders(Accounts.USER);
    List<JsonObject> markets = new ArrayList<>();
    Map<String, long[]> events = new LinkedHashMap<>();
    for (PositionView p : exchange.account(Accounts.USER).positions()) {
      KalshiMarketSpec m = marketsByTicker.get(p.market());
      if ((ticker != null && !ticker.equals(p.market())) || (eventTicker != null && !eventTicker.equals(m.eventTicker()))) {
        continue;
      }
      if (countFilter != null && countFilter.contains("position") && p.position() == 0
          && !countFilter.contains("total_traded")) {
        continue;
      }
      long resting = orders.stream().filter(o -> o.market().equals(p.market()) && o.state() == OrderState.RESTING).count();
      markets.add(new JsonObject()
          .put("ticker", p.market())
          .put("position_fp", KalshiWire.fp(p.position()))
          .put("market_exposure_dollars", KalshiWire.dollars(p.exposure().micros()))
          .put("realized_pnl_dollars", KalshiWire.dollars(p.realizedPnl().micros()))
          .put("fees_paid_dollars", KalshiWire.dollars(p.feesPaid().micros()))
          .put("total_traded_dollars", KalshiWire.dollars(p.traded()))
          .put("resting_orders_count", resting)
          .put("last_updated_ts", time(exchange.clock().instant())));
      long[] e = events.computeIfAbsent(m.eventTicker(), k -> new long[4]);
      e[0] += p.exposure().micros();
      e[1] += p.realizedPnl().micros();
      e[2] += p.feesPaid().micros();
      e[3] += p.traded();
    }
    JsonArray eventPositions = new JsonArray();
    events.forEach((event, e) -> eventPositions.add(new JsonObject()
        .put("event_ticker", event)
        .put("event_exposure_dollars", KalshiWire.dollars(e[0]))
        .put("realized_pnl_dollars", KalshiWire.dollars(e[1]))
        .put("fees_paid_dollars", KalshiWire.dollars(e[2]))
        .put("total_cost_dollars", KalshiWire.dollars(e[3]))));
    JsonObject body = pageBody(ctx, markets, limit, "market_positions");
    if (body != null) {
      reply(ctx, 200, body.put("event_positions", eventPositions));
    }
  }

  private void fills(RoutingContext ctx) {
    int limit = limit(ctx, 100, 1000);
    if (limit < 0) {
      return;
    }
    String ticker = ctx.queryParams().get("ticker");
    String orderId = ctx.queryParams().get("order_id");
    Long minTs = longParam(ctx, "min_ts");
    Long maxTs = longParam(ctx, "max_ts");
    if (ctx.response().ended()) {
      return;
    }
    List<FillView> fills = new ArrayList<>(exchange.fills(Accounts.USER));
    fills.sort(Comparator.comparing(FillView::time).reversed());
    List<JsonObject> out = new ArrayList<>();
    for (FillView f : fills) {
      long ts = f.time().getEpochSecond();
      if ((ticker == null || ticker.equals(f.market())) && (orderId == null || orderId.equals(f.orderId()))
          && (minTs == null || ts >= minTs) && (maxTs == null || ts <= maxTs)) {
        out.add(KalshiWire.fill(f));
      }
    }
    page(ctx, out, limit, "fills");
  }

  private void orders(RoutingContext ctx) {
    int limit = limit(ctx, 100, 1000);
    if (limit < 0) {
      return;
    }
    String ticker = ctx.queryParams().get("ticker");
    String eventTicker = ctx.queryParams().get("event_ticker");
    String status = ctx.queryParams().get("status");
    List<OrderView> orders = new ArrayList<>(exchange.orders(Accounts.USER));
    java.util.Collections.reverse(orders); // newest first
    List<FillView> fills = exchange.fills(Accounts.USER);
    List<JsonObject> out = new ArrayList<>();
    for (OrderView o : orders) {
      KalshiMarketSpec m = marketsByTicker.get(o.market());
      if ((ticker == null || ticker.equals(o.market())) && (eventTicker == null || eventTicker.equals(m.eventTicker()))
          && (status == null || status.equals(KalshiWire.status(o)))) {
        out.add(KalshiWire.order(o, fillsOf(fills, o.orderId())));
      }
    }
    page(ctx, out, limit, "orders");
  }

  private void orderOne(RoutingContext ctx) {
    Optional<OrderView> o = exchange.order(ctx.pathParam("id")).filter(v -> v.account().equals(Accounts.USER));
    if (o.isEmpty()) {
      reply(ctx, 404, KalshiWire.error("not_found", "order not found"));
      return;
    }
    reply(ctx, 200, new JsonObject().put("order",
        KalshiWire.order(o.get(), fillsOf(exchange.fills(Accounts.USER), o.get().orderId()))));
  }

  private static List<FillView> fillsOf(List<FillView> fills, String orderId) {
    return fills.stream().filter(f -> f.orderId().equals(orderId)).toList();
  }

  // ---------------------------------------------------------------- order entry (V2)

  /** A request problem in Kalshi terms. */
  private static final class BadRequest extends RuntimeException {
    final int status;
    final String code;

    BadRequest(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  private void create(RoutingContext ctx) {
    JsonObject body = body(ctx);
    reportArrival(ctx, body);
    reply(ctx, 201, createOne(body));
  }

  private void batchCreate(RoutingContext ctx) {
    JsonArray orders = batch(ctx);
    JsonArray out = new JsonArray();
    for (Object item : orders) {
      JsonObject one = item instanceof JsonObject o ? o : new JsonObject();
      reportArrival(ctx, one);
      try {
        out.add(createOne(one));
      } catch (BadRequest e) {
        out.add(new JsonObject().put("client_order_id", one.getValue("client_order_id"))
            .put("error", KalshiWire.error(e.code, e.getMessage())));
      }
    }
    reply(ctx, 201, new JsonObject().put("orders", out));
  }

  private void reportArrival(RoutingContext ctx, JsonObject body) {
    WireProbe p = probe;
    Long arrival = ctx.get(ARRIVAL);
    if (p != null && arrival != null && body.getValue("ticker") instanceof String ticker) {
      p.orderArrived(VenueId.KALSHI, ticker, arrival);
    }
  }

  private JsonObject createOne(JsonObject body) {
    String ticker = requiredString(body, "ticker");
    String side = requiredString(body, "side");
    Quantity count = quantity(body, "count");
    Price price = price(body, "price");
    String tif = requiredString(body, "time_in_force");
    String stp = requiredString(body, "self_trade_prevention_type");
    TimeInForce timeInForce = switch (tif) {
      case "good_till_canceled" -> TimeInForce.GTC;
      case "immediate_or_cancel" -> TimeInForce.IOC;
      case "fill_or_kill" -> TimeInForce.FOK;
      default -> throw new BadRequest(400, "invalid_parameters", "time_in_force must be good_till_canceled, "
          + "immediate_or_cancel or fill_or_kill");
    };
    Instant expiration = null;
    Object exp = body.getValue("expiration_time");
    if (exp != null) {
      if (timeInForce != TimeInForce.GTC || !(exp instanceof Number n)) {
        throw new BadRequest(400, "invalid_parameters", "expiration_time is Unix seconds and only for good_till_canceled");
      }
      expiration = Instant.ofEpochSecond(n.longValue());
      timeInForce = TimeInForce.GTD;
    }
    if (!marketsByTicker.containsKey(ticker)) {
      throw new BadRequest(404, "market_not_found", "market not found: " + ticker);
    }
    String clientOrderId = optionalString(body, "client_order_id");
    NewOrder order = new NewOrder(Accounts.USER, ticker, bookSide(side), price, count, timeInForce, expiration,
        clientOrderId, side.equals("bid") ? Outcome.YES : Outcome.NO, bool(body, "post_only"),
        bool(body, "reduce_only"), selfTrade(stp), null);
    SubmitOutcome outcome = engine(() -> exchange.submit(order));
    OrderView o = outcome.order();
    JsonObject out = new JsonObject()
        .put("order_id", o.orderId())
        .put("client_order_id", o.clientOrderId() == null ? "" : o.clientOrderId())
        .put("fill_count", KalshiWire.fp(o.filledQuantity().micros()))
        .put("remaining_count", KalshiWire.fp(o.remainingQuantity().micros()))
        .put("ts_ms", exchange.clock().millis());
    if (!o.filledQuantity().isZero()) {
      out.put("average_fill_price", KalshiWire.dollars(o.averageFillPrice().micros()));
      long perContract = Fixed.ceilDiv(Math.multiplyExact(o.feesPaid().micros(), Fixed.SCALE),
          o.filledQuantity().micros());
      out.put("average_fee_paid", KalshiWire.dollars(perContract));
    }
    return out;
  }

  private void cancel(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    OrderView before = ownOrder(id);
    OrderView o = engine(() -> exchange.cancel(Accounts.USER, id));
    reply(ctx, 200, cancelJson(o, before.remainingQuantity().micros()));
  }

  private JsonObject cancelJson(OrderView o, long reducedBy) {
    return new JsonObject()
        .put("order_id", o.orderId())
        .put("client_order_id", o.clientOrderId() == null ? "" : o.clientOrderId())
        .put("reduced_by", KalshiWire.fp(reducedBy))
        .put("ts_ms", exchange.clock().millis());
  }

  /** The {@code orders} array of a batch body. */
  private static JsonArray batch(RoutingContext ctx) {
    if (!(body(ctx).getValue("orders") instanceof JsonArray orders) || orders.isEmpty()) {
      throw new BadRequest(400, "invalid_parameters", "orders must be a non-empty array");
    }
    return orders;
  }

  private void batchCancel(RoutingContext ctx) {
    JsonArray orders = batch(ctx);
    JsonArray out = new JsonArray();
    for (Object item : orders) {
      String id = item instanceof JsonObject o ? o.getString("order_id") : null;
      try {
        if (id == null) {
          throw new BadRequest(400, "invalid_parameters", "order_id is required");
        }
        OrderView before = ownOrder(id);
        OrderView o = engine(() -> exchange.cancel(Accounts.USER, id));
        out.add(cancelJson(o, before.remainingQuantity().micros()));
      } catch (BadRequest e) {
        out.add(new JsonObject().put("order_id", id).put("error", KalshiWire.error(e.code, e.getMessage())));
      }
    }
    reply(ctx, 200, new JsonObject().put("orders", out));
  }

  private void cancelAll(RoutingContext ctx) {
    String ticker = ctx.queryParams().get("ticker");
    Map<String, Long> before = new LinkedHashMap<>();
    exchange.orders(Accounts.USER).forEach(o -> before.put(o.orderId(), o.remainingQuantity().micros()));
    List<OrderView> canceled = exchange.cancelAll(Accounts.USER, o -> ticker == null || ticker.equals(o.market()));
    JsonArray out = new JsonArray();
    canceled.forEach(o -> out.add(cancelJson(o, before.getOrDefault(o.orderId(), 0L))));
    reply(ctx, 200, new JsonObject().put("orders", out).put("ts_ms", exchange.clock().millis()));
  }

  private void amend(RoutingContext ctx) {
    JsonObject body = body(ctx);
    String id = ctx.pathParam("id");
    OrderView before = ownOrder(id);
    String ticker = requiredString(body, "ticker");
    String side = requiredString(body, "side");
    Price price = price(body, "price");
    Quantity count = quantity(body, "count");
    if (!ticker.equals(before.market()) || bookSide(side) != before.side()) {
      throw new BadRequest(400, "invalid_parameters", "ticker and side must match the order");
    }
    String expected = optionalString(body, "client_order_id");
    if (expected != null && !expected.equals(before.clientOrderId())) {
      throw new BadRequest(400, "invalid_parameters", "client_order_id does not match the order");
    }
    String updated = optionalString(body, "updated_client_order_id");
    SubmitOutcome outcome = engine(() -> exchange.amend(Accounts.USER, id, price, count, updated,
        SelfTradePrevention.CANCEL_TAKER));
    OrderView o = outcome.order();
    reply(ctx, 200, new JsonObject()
        .put("order_id", o.orderId())
        .put("client_order_id", o.clientOrderId() == null ? "" : o.clientOrderId())
        .put("fill_count", KalshiWire.fp(o.filledQuantity().micros()))
        .put("remaining_count", KalshiWire.fp(o.remainingQuantity().micros()))
        .put("ts_ms", exchange.clock().millis())
        .put("order", KalshiWire.order(o, fillsOf(exchange.fills(Accounts.USER), o.orderId()))));
  }

  private void decrease(RoutingContext ctx) {
    JsonObject body = body(ctx);
    String id = ctx.pathParam("id");
    OrderView before = ownOrder(id);
    boolean by = body.containsKey("reduce_by");
    boolean to = body.containsKey("reduce_to");
    if (by == to) {
      throw new BadRequest(400, "invalid_parameters", "exactly one of reduce_by or reduce_to is required");
    }
    long remaining = before.remainingQuantity().micros();
    long target = by ? remaining - quantity(body, "reduce_by").micros() : quantity(body, "reduce_to").micros();
    if (target < 0) {
      throw new BadRequest(400, "invalid_parameters", "cannot reduce below zero");
    }
    OrderView o = engine(() -> exchange.decreaseTo(Accounts.USER, id, Quantity.ofMicros(target)));
    reply(ctx, 200, cancelJson(o, remaining - o.remainingQuantity().micros())
        .put("remaining_count", KalshiWire.fp(o.remainingQuantity().micros())));
  }

  private OrderView ownOrder(String id) {
    return exchange.order(id).filter(o -> o.account().equals(Accounts.USER))
        .orElseThrow(() -> new BadRequest(404, "not_found", "order not found"));
  }

  /** Runs an engine call, mapping its refusals to Kalshi's status codes and error codes. */
  private static <T> T engine(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (ExchangeException e) {
      throw switch (e.reason()) {
        case UNKNOWN_MARKET -> new BadRequest(404, "market_not_found", e.getMessage());
        case ORDER_NOT_FOUND, TRADE_NOT_FOUND -> new BadRequest(404, "not_found", e.getMessage());
        case MARKET_CLOSED -> new BadRequest(400, "MARKET_INACTIVE", e.getMessage());
        case INSUFFICIENT_BALANCE, INSUFFICIENT_POSITION -> new BadRequest(400, "insufficient_balance", e.getMessage());
        case DUPLICATE_CLIENT_ORDER_ID -> new BadRequest(409, "order_already_exists", e.getMessage());
        case POST_ONLY_CROSS -> new BadRequest(400, "post_only_cross", e.getMessage());
        case REDUCE_ONLY_VIOLATION -> new BadRequest(400, "reduce_only_violation", e.getMessage());
        case ORDER_NOT_RESTING -> new BadRequest(400, "order_not_resting", e.getMessage());
        case UNKNOWN_ACCOUNT -> new BadRequest(401, "authentication_error", e.getMessage());
        case INVALID_PRICE, INVALID_QUANTITY, BELOW_MIN_SIZE, INVALID_EXPIRATION ->
            new BadRequest(400, "invalid_parameters", e.getMessage());
      };
    }
  }

  // ---------------------------------------------------------------- request helpers

  private static JsonObject body(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString(StandardCharsets.UTF_8.name());
    if (text == null || text.isBlank()) {
      throw new BadRequest(400, "invalid_parameters", "a JSON body is required");
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw new BadRequest(400, "invalid_parameters", "body is not a JSON object");
    }
  }

  private static String requiredString(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (!(v instanceof String s) || s.isBlank()) {
      throw new BadRequest(400, "invalid_parameters", field + " is required");
    }
    return s;
  }

  private static String optionalString(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new BadRequest(400, "invalid_parameters", field + " must be a string");
    }
    return s.isEmpty() ? null : s;
  }

  private static boolean bool(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null) {
      return false;
    }
    if (!(v instanceof Boolean b)) {
      throw new BadRequest(400, "invalid_parameters", field + " must be a boolean");
    }
    return b;
  }

  /** Prices are YES-price strings with 2–4 decimals. */
  private static Price price(JsonObject body, String field) {
    String text = requiredString(body, field);
    int dot = text.indexOf('.');
    int decimals = dot < 0 ? 0 : text.length() - dot - 1;
    try {
      if (decimals < 2 || decimals > 4) {
        throw new NumberFormatException("needs 2 to 4 decimals");
      }
      return Price.parse(text);
    } catch (NumberFormatException e) {
      throw new BadRequest(400, "invalid_parameters", field + " must be a dollar string with 2 to 4 decimals");
    }
  }

  /** Counts are strings with 0–2 decimals. */
  private static Quantity quantity(JsonObject body, String field) {
    String text = requiredString(body, field);
    int dot = text.indexOf('.');
    int decimals = dot < 0 ? 0 : text.length() - dot - 1;
    try {
      if (decimals > 2) {
        throw new NumberFormatException("too many decimals");
      }
      return Quantity.parse(text);
    } catch (NumberFormatException e) {
      throw new BadRequest(400, "invalid_parameters", field + " must be a count string with at most 2 decimals");
    }
  }

  private static Side bookSide(String side) {
    return switch (side) {
      case "bid" -> Side.BUY;
      case "ask" -> Side.SELL;
      default -> throw new BadRequest(400, "invalid_parameters", "side must be bid or ask");
    };
  }

  private static SelfTradePrevention selfTrade(String stp) {
    return switch (stp) {
      case "taker_at_cross" -> SelfTradePrevention.CANCEL_TAKER;
      case "maker" -> SelfTradePrevention.CANCEL_MAKER;
      default -> throw new BadRequest(400, "invalid_parameters",
          "self_trade_prevention_type must be taker_at_cross or maker");
    };
  }

  private int limit(RoutingContext ctx, int defaultLimit, int max) {
    String raw = ctx.queryParams().get("limit");
    if (raw == null) {
      return defaultLimit;
    }
    try {
      int n = Integer.parseInt(raw);
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    reply(ctx, 400, KalshiWire.error("invalid_parameters", "limit must be between 1 and " + max));
    return -1;
  }

  private Long longParam(RoutingContext ctx, String name) {
    String raw = ctx.queryParams().get(name);
    if (raw == null) {
      return null;
    }
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      reply(ctx, 400, KalshiWire.error("invalid_parameters", name + " must be an integer"));
      return null;
    }
  }

  /** Replies with one page of {@code items} under {@code field} and a cursor when more remain. */
  private void page(RoutingContext ctx, List<JsonObject> items, int limit, String field) {
    JsonObject body = pageBody(ctx, items, limit, field);
    if (body != null) {
      reply(ctx, 200, body);
    }
  }

  private JsonObject pageBody(RoutingContext ctx, List<JsonObject> items, int limit, String field) {
    int from = 0;
    String cursor = ctx.queryParams().get("cursor");
    if (cursor != null && !cursor.isEmpty()) {
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (!decoded.startsWith(field + ":")) {
          throw new IllegalArgumentException("wrong cursor");
        }
        from = Integer.parseInt(decoded.substring(field.length() + 1));
        if (from < 0 || from > items.size()) {
          throw new IllegalArgumentException("cursor out of range");
        }
      } catch (IllegalArgumentException e) {
        reply(ctx, 400, KalshiWire.error("invalid_parameters", "invalid cursor"));
        return null;
      }
    }
    int to = Math.min(items.size(), from + limit);
    JsonArray page = new JsonArray();
    items.subList(from, to).forEach(page::add);
    String next = to < items.size()
        ? Base64.getUrlEncoder().withoutPadding().encodeToString((field + ":" + to).getBytes(StandardCharsets.UTF_8))
        : "";
    return new JsonObject().put(field, page).put("cursor", next);
  }

  private static String time(Instant t) {
    return t.toString();
  }

  /**
   * Sends a response, honouring the accepted-but-unanswered faults: the work is done, then the
   * answer is delayed past the client's timeout or the connection is dropped.
   */
  private void reply(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.get(KEY_ACCEPT_DROP) != null) {
      ctx.request().connection().close();
      return;
    }
    Long delay = ctx.get(KEY_ACCEPT_DELAY);
    if (delay != null && delay > 0) {
      vertx.setTimer(delay, t -> send(ctx, status, body));
      return;
    }
    send(ctx, status, body);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
