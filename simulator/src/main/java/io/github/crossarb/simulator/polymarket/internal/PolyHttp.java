package io.github.crossarb.simulator.polymarket.internal;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.simulator.WireProbe;
import io.github.crossarb.simulator.exchange.BookView;
import io.github.crossarb.simulator.polymarket.PolymarketSimMarket;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Polymarket's HTTP surface (CLOB at the root, Gamma under {@code /gamma}, Data API under
 * {@code /data-api}, geoblock at {@code /api/geoblock}) and its two WebSocket channels
 * ({@code /ws/market}, {@code /ws/user}). Every handler runs on the venue's context.
 */
public final class PolyHttp implements PolyVenue.Feed {
  private static final String UNAUTHORIZED = "Unauthorized/Invalid api key";

  private final PolyVenue venue;
  private final PolyFaultState faults;
  private final Router router;
  private final Map<ServerWebSocket, Set<String>> marketSockets = new ConcurrentHashMap<>();
  private final Map<ServerWebSocket, UserSession> userSockets = new ConcurrentHashMap<>();
  /** User sockets that have not authenticated yet (dropped with the rest). */
  private final Set<ServerWebSocket> pendingUserSockets = ConcurrentHashMap.newKeySet();

  private record UserSession(PolyVenue.Creds creds, Set<String> markets) {}

  private static final String ARRIVAL = "wireProbe.arrival";
  /** The end-to-end benchmark's probe, or null (the usual case). */
  private volatile WireProbe probe;

  public PolyHttp(PolyVenue venue, PolyFaultState faults) {
    this.venue = venue;
    this.faults = faults;
    this.router = Router.router(venue.vertx());
    routes();
    venue.setFeed(this);
  }

  public Router router() {
    return router;
  }

  /** Reports order requests arriving and market frames written to {@code value} (null: stop). */
  public void wireProbe(WireProbe value) {
    probe = value;
  }

  private void routes() {
    router.post("/order*").handler(ctx -> {
      if (probe != null) {
        ctx.put(ARRIVAL, System.nanoTime()); // as the headers arrive, before body, auth and matching
      }
      ctx.next();
    });
    // The body is read before a fault may delay the request: a request left unread during a
    // latency fault loses its body, and the handler then fails with a 500 the venue would not send.
    router.route().handler(BodyHandler.create().setBodyLimit(1_000_000));
    router.route().handler(this::faultGate);

    router.get("/version").handler(ctx -> json(ctx, 200, new JsonObject().put("version", venue.orderVersion())));
    router.get("/time").handler(ctx -> ctx.response().putHeader("content-type", "application/json")
        .end(Long.toString(venue.nowMillis() / 1000)));
    router.get("/ok").handler(ctx -> ctx.response().putHeader("content-type", "application/json").end("\"OK\""));
    router.get("/markets").handler(this::clobMarkets);
    router.get("/markets/:conditionId").handler(this::clobMarket);
    router.get("/markets-by-token/:tokenId").handler(this::marketByToken);
    router.get("/clob-markets/:conditionId").handler(this::clobMarketDetails);
    router.get("/book").handler(this::book);
    router.post("/books").handler(this::books);
    router.get("/tick-size").handler(ctx -> withToken(ctx, (token, m) ->
        json(ctx, 200, new JsonObject().put("minimum_tick_size", PolyWire.tickNumber(venue.tickMicros(token))))));
    router.get("/neg-risk").handler(ctx -> withToken(ctx, (token, m) ->
        json(ctx, 200, new JsonObject().put("neg_risk", m.negRisk()))));
    router.get("/fee-rate").handler(ctx -> withToken(ctx, (token, m) ->
        json(ctx, 200, new JsonObject().put("base_fee", 0))));
    router.get("/midpoint").handler(this::midpoint);
    router.get("/price").handler(this::price);
    router.get("/spread").handler(this::spread);
    router.get("/last-trade-price").handler(ctx -> withToken(ctx, (token, m) -> json(ctx, 200, new JsonObject()
        .put("price", venue.lastTradePrice(token)).put("side", venue.lastTradeSide(token)))));

    router.post("/auth/api-key").handler(ctx -> l1(ctx, true));
    router.get("/auth/derive-api-key").handler(ctx -> l1(ctx, false));

    router.post("/order").handler(ctx -> l2(ctx, creds -> postOrder(ctx, creds)));
    router.post("/orders").handler(ctx -> l2(ctx, creds -> postOrders(ctx, creds)));
    router.delete("/order").handler(ctx -> l2(ctx, creds -> cancelOne(ctx, creds)));
    router.delete("/orders").handler(ctx -> l2(ctx, creds -> cancelMany(ctx, creds)));
    router.delete("/cancel-all").handler(ctx -> l2(ctx, creds -> json(ctx, 200, venue.cancelAll(creds, v -> true))));
    router.delete("/cancel-market-orders").handler(ctx -> l2(ctx, creds -> cancelMarket(ctx, creds)));
    router.get("/data/orders").handler(ctx -> l2(ctx, creds -> openOrders(ctx, creds)));
    router.get("/data/order/:id").handler(ctx -> l2(ctx, creds -> oneOrder(ctx, creds)));
    router.get("/data/trades").handler(ctx -> l2(ctx, creds -> trades(ctx, creds)));
    router.get("/balance-allowance").handler(ctx -> l2(ctx, creds -> balance(ctx, creds)));
    router.get("/balance-allowance/update").handler(ctx -> l2(ctx, creds -> balance(ctx, creds)));
    router.post("/v1/heartbeats").handler(ctx -> l2(ctx, creds -> heartbeat(ctx, creds)));

    router.get("/gamma/markets").handler(this::gammaMarkets);
    router.get("/gamma/markets/:id").handler(this::gammaMarket);
    router.get("/gamma/events").handler(this::gammaEvents);
    router.get("/data-api/positions").handler(ctx ->
        json(ctx, 200, venue.positions(ctx.request().getParam("user"))));
    router.get("/api/geoblock").handler(ctx -> json(ctx, 200, new JsonObject()
        .put("blocked", venue.config().geoblocked())
        .put("ip", ctx.request().remoteAddress() == null ? "127.0.0.1" : ctx.request().remoteAddress().host())
        .put("country", venue.config().geoblocked() ? "US" : "PT")
        .put("region", venue.config().geoblocked() ? "NY" : "11")));

    router.route().last().handler(ctx -> error(ctx, 404, "not found"));
    // A bug in a handler still answers in the venue's error shape.
    router.route().failureHandler(ctx -> {
      if (!ctx.response().ended()) {
        int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
        error(ctx, status, status == 413 ? "Payload exceeds the limit" : "Internal server error");
      }
    });
  }

  // ------------------------------------------------------------------ plumbing

  private void faultGate(RoutingContext ctx) {
    PolyFaultState.HttpFault fault = faults.takeHttp(ctx.request().method().name(), ctx.request().path());
    Runnable go = () -> {
      switch (fault.action()) {
        case NONE -> ctx.next();
        case DROP -> ctx.request().connection().close();
        case TOO_MANY -> {
          ctx.response().putHeader("Retry-After", "1");
          error(ctx, 429, "Too Many Requests");
        }
        case SERVER_ERROR -> error(ctx, fault.status(), fault.status() == 503
            ? "Trading is currently disabled. Check polymarket.com for updates" : "Internal server error");
      }
    };
    if (fault.delayMillis() > 0) {
      venue.vertx().setTimer(fault.delayMillis(), id -> go.run());
    } else {
      go.run();
    }
  }

  /** Answers a processed order request, unless an accept-then-drop/delay fault says otherwise. */
  private void answerOrder(RoutingContext ctx, int status, Object body) {
    PolyFaultState.AcceptFault fault = faults.takeAccept(ctx.request().method().name(), ctx.request().path());
    if (fault == null) {
      json(ctx, status, body);
    } else if (fault.drop()) {
      ctx.request().connection().close();
    } else {
      venue.vertx().setTimer(Math.max(1, fault.delayMillis()), id -> json(ctx, status, body));
    }
  }

  private static void json(RoutingContext ctx, int status, Object body) {
    String text = body instanceof JsonObject o ? o.encode() : body instanceof JsonArray a ? a.encode()
        : String.valueOf(body);
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(text);
  }

  private static void error(RoutingContext ctx, int status, String message) {
    json(ctx, status, new JsonObject().put("error", message));
  }

  private static void reply(RoutingContext ctx, PolyVenue.Reply r) {
    json(ctx, r.status(), r.body());
  }

  private static Buffer body(RoutingContext ctx) {
    Buffer b = ctx.body() == null ? null : ctx.body().buffer();
    return b == null ? Buffer.buffer() : b;
  }

  private interface TokenHandler {
    void handle(String tokenId, PolymarketSimMarket market);
  }

  private void withToken(RoutingContext ctx, TokenHandler handler) {
    String token = ctx.request().getParam("token_id");
    if (token == null || !token.matches("[0-9]{1,78}")) {
      error(ctx, 400, "Invalid token id");
      return;
    }
    Optional<PolymarketSimMarket> m = venue.marketByToken(token);
    if (m.isEmpty()) {
      error(ctx, 404, "No orderbook exists for the requested token id");
      return;
    }
    handler.handle(token, m.get());
  }

  /** L1: the ClobAuth signature in the headers must recover to POLY_ADDRESS. */
  private void l1(RoutingContext ctx, boolean create) {
    MultiMap h = ctx.request().headers();
    String address = h.get("POLY_ADDRESS");
    String signature = h.get("POLY_SIGNATURE");
    String timestamp = h.get("POLY_TIMESTAMP");
    String nonceText = h.get("POLY_NONCE") == null ? "0" : h.get("POLY_NONCE");
    if (!PolySignatures.isAddress(address) || signature == null || timestamp == null
        || !nonceText.matches("[0-9]{1,20}") || !timestamp.matches("[0-9]{1,20}")) {
      error(ctx, 401, "Invalid L1 Request headers");
      return;
    }
    BigInteger nonce = new BigInteger(nonceText);
    byte[] digest = PolySignatures.clobAuthDigest(address, timestamp, nonce);
    if (!PolySignatures.recover(digest, signature).equals(Optional.of(address.toLowerCase(Locale.ROOT)))) {
      error(ctx, 401, "Invalid L1 Request headers");
      return;
    }
    reply(ctx, create ? venue.createApiKey(address, nonce.longValue()) : venue.deriveApiKey(address, nonce.longValue()));
  }

  private interface CredsHandler {
    void handle(PolyVenue.Creds creds);
  }

  /** L2: known key, matching passphrase and address, HMAC over timestamp + METHOD + path + exact body. */
  private void l2(RoutingContext ctx, CredsHandler handler) {
    MultiMap h = ctx.request().headers();
    String apiKey = h.get("POLY_API_KEY");
    String signature = h.get("POLY_SIGNATURE");
    String timestamp = h.get("POLY_TIMESTAMP");
    Optional<PolyVenue.Creds> creds = venue.credsFor(apiKey);
    if (creds.isEmpty() || signature == null || timestamp == null
        || !creds.get().passphrase().equals(h.get("POLY_PASSPHRASE"))
        || h.get("POLY_ADDRESS") == null || !creds.get().address().equalsIgnoreCase(h.get("POLY_ADDRESS"))) {
      error(ctx, 401, UNAUTHORIZED);
      return;
    }
    Buffer body = body(ctx);
    String expected = PolySignatures.l2Signature(creds.get().secret(), timestamp, ctx.request().method().name(),
        ctx.request().path(), body.length() == 0 ? null : body.getBytes());
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      error(ctx, 401, UNAUTHORIZED);
      return;
    }
    handler.handle(creds.get());
  }

  private static Object parse(RoutingContext ctx) {
    Buffer b = body(ctx);
    if (b.length() == 0) {
      return null;
    }
    try {
      return io.vertx.core.json.Json.decodeValue(b);
    } catch (DecodeException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ public CLOB

  private void clobMarkets(RoutingContext ctx) {
    int offset;
    try {
      offset = PolyWire.offsetOf(ctx.request().getParam("next_cursor"));
    } catch (IllegalArgumentException e) {
      error(ctx, 400, "invalid next_cursor");
      return;
    }
    List<JsonObject> all = new ArrayList<>();
    for (PolymarketSimMarket m : venue.markets()) {
      all.add(PolyWire.clobMarket(m, venue.tickMicros(m.yesTokenId()), venue.isOpen(m.yesTokenId())));
    }
    json(ctx, 200, PolyWire.page(all, offset < 0 ? all.size() : offset, venue.config().pageSize()));
  }

  private void clobMarket(RoutingContext ctx) {
    Optional<PolymarketSimMarket> m = venue.marketByCondition(ctx.pathParam("conditionId"));
    if (m.isEmpty()) {
      error(ctx, 404, "market not found");
      return;
    }
    json(ctx, 200, PolyWire.clobMarket(m.get(), venue.tickMicros(m.get().yesTokenId()), venue.isOpen(m.get().yesTokenId())));
  }

  private void marketByToken(RoutingContext ctx) {
    Optional<PolymarketSimMarket> m = venue.marketByToken(ctx.pathParam("tokenId"));
    if (m.isEmpty()) {
      error(ctx, 404, "market not found");
      return;
    }
    json(ctx, 200, new JsonObject().put("condition_id", m.get().conditionId())
        .put("primary_token_id", m.get().yesTokenId()).put("secondary_token_id", m.get().noTokenId()));
  }

  private void clobMarketDetails(RoutingContext ctx) {
    Optional<PolymarketSimMarket> m = venue.marketByCondition(ctx.pathParam("conditionId"));
    if (m.isEmpty()) {
      error(ctx, 404, "market not found");
      return;
    }
    json(ctx, 200, PolyWire.clobMarketDetails(m.get(), venue.tickMicros(m.get().yesTokenId()),
        venue.isOpen(m.get().yesTokenId())));
  }

  private void book(RoutingContext ctx) {
    withToken(ctx, (token, m) -> json(ctx, 200, venue.restBook(token)));
  }

  private void books(RoutingContext ctx) {
    Object parsed = parse(ctx);
    if (!(parsed instanceof JsonArray arr)) {
      error(ctx, 400, "Invalid payload");
      return;
    }
    if (arr.size() > 500) {
      error(ctx, 400, "Payload exceeds the limit");
      return;
    }
    JsonArray out = new JsonArray();
    for (Object o : arr) {
      if (!(o instanceof JsonObject p) || !(p.getValue("token_id") instanceof String token)) {
        error(ctx, 400, "Invalid payload");
        return;
      }
      if (venue.marketByToken(token).isPresent()) {
        out.add(venue.restBook(token));
      }
    }
    json(ctx, 200, out);
  }

  private void midpoint(RoutingContext ctx) {
    withToken(ctx, (token, m) -> {
      BookView b = venue.book(token);
      if (b.bestBid().isEmpty() || b.bestAsk().isEmpty()) {
        error(ctx, 404, "No orderbook exists for the requested token id");
        return;
      }
      long mid = (b.bestBid().get().price().micros() + b.bestAsk().get().price().micros()) / 2;
      json(ctx, 200, new JsonObject().put("mid", PolyWire.num(mid)));
    });
  }

  /** Best bid for side BUY, best ask for side SELL (as the venue's docs define it). */
  private void price(RoutingContext ctx) {
    String side = ctx.request().getParam("side");
    if (!"BUY".equals(side) && !"SELL".equals(side)) {
      error(ctx, 400, "Invalid side");
      return;
    }
    withToken(ctx, (token, m) -> {
      BookView b = venue.book(token);
      var best = "BUY".equals(side) ? b.bestBid() : b.bestAsk();
      if (best.isEmpty()) {
        error(ctx, 404, "No orderbook exists for the requested token id");
        return;
      }
      json(ctx, 200, new JsonObject().put("price", PolyWire.num(best.get().price().micros())));
    });
  }

  private void spread(RoutingContext ctx) {
    withToken(ctx, (token, m) -> {
      BookView b = venue.book(token);
      if (b.bestBid().isEmpty() || b.bestAsk().isEmpty()) {
        error(ctx, 404, "No orderbook exists for the requested token id");
        return;
      }
      long spread = b.bestAsk().get().price().micros() - b.bestBid().get().price().micros();
      json(ctx, 200, new JsonObject().put("spread", PolyWire.num(spread)));
    });
  }

  // ------------------------------------------------------------------ trading (L2)

  private void postOrder(RoutingContext ctx, PolyVenue.Creds creds) {
    Object parsed = parse(ctx);
    if (!(parsed instanceof JsonObject body)) {
      error(ctx, 400, "Invalid order payload");
      return;
    }
    reportArrival(ctx, body);
    PolyVenue.Reply r = venue.postOrder(creds, body);
    answerOrder(ctx, r.status(), r.body());
  }

  private void postOrders(RoutingContext ctx, PolyVenue.Creds creds) {
    Object parsed = parse(ctx);
    if (!(parsed instanceof JsonArray arr)) {
      error(ctx, 400, "Invalid order payload");
      return;
    }
    if (arr.size() > 15) {
      error(ctx, 400, "Too many orders in payload, max allowed: 15");
      return;
    }
    JsonArray out = new JsonArray();
    for (Object o : arr) {
      if (o instanceof JsonObject j) {
        reportArrival(ctx, j);
      }
      PolyVenue.Reply r = venue.postOrder(creds, o instanceof JsonObject j ? j : null);
      if (r.status() == 200) {
        out.add(r.body());
      } else {
        out.add(new JsonObject().put("success", false)
            .put("errorMsg", ((JsonObject) r.body()).getString("error"))
            .put("orderID", "").put("status", "").put("takingAmount", "").put("makingAmount", ""));
      }
    }
    answerOrder(ctx, 200, out);
  }

  private void reportArrival(RoutingContext ctx, JsonObject body) {
    WireProbe p = probe;
    Long arrival = ctx.get(ARRIVAL);
    if (p != null && arrival != null && body.getValue("order") instanceof JsonObject order) {
      Object token = order.getValue("tokenId");
      if (token != null) {
        p.orderArrived(VenueId.POLYMARKET, token.toString(), arrival);
      }
    }
  }

  private void cancelOne(RoutingContext ctx, PolyVenue.Creds creds) {
    Object parsed = parse(ctx);
    if (!(parsed instanceof JsonObject body) || !(body.getValue("orderID") instanceof String id)) {
      error(ctx, 400, "Invalid payload");
      return;
    }
    json(ctx, 200, venue.cancel(creds, List.of(id)));
  }

  private void cancelMany(RoutingContext ctx, PolyVenue.Creds creds) {
    Object parsed = parse(ctx);
    if (!(parsed instanceof JsonArray arr)) {
      error(ctx, 400, "Invalid payload");
      return;
    }
    List<String> ids = new ArrayList<>();
    for (Object o : arr) {
      if (!(o instanceof String s)) {
        error(ctx, 400, "Invalid payload");
        return;
      }
      ids.add(s);
    }
    json(ctx, 200, venue.cancel(creds, new ArrayList<>(new LinkedHashSet<>(ids))));
  }

  private void cancelMarket(RoutingContext ctx, PolyVenue.Creds creds) {
    Object parsed = parse(ctx);
    JsonObject body = parsed instanceof JsonObject o ? o : new JsonObject();
    String market = body.getString("market");
    String asset = body.getString("asset_id");
    json(ctx, 200, venue.cancelAll(creds, v ->
        (asset == null || asset.isEmpty() || asset.equals(v.market()))
            && (market == null || market.isEmpty() || venue.marketByToken(v.market())
                .map(m -> m.conditionId().equalsIgnoreCase(market)).orElse(false))));
  }

  private void openOrders(RoutingContext ctx, PolyVenue.Creds creds) {
    int offset;
    try {
      offset = PolyWire.offsetOf(ctx.request().getParam("next_cursor"));
    } catch (IllegalArgumentException e) {
      error(ctx, 400, "invalid next_cursor");
      return;
    }
    String id = ctx.request().getParam("id");
    String market = ctx.request().getParam("market");
    String asset = ctx.request().getParam("asset_id");
    List<JsonObject> all = new ArrayList<>();
    venue.openOrders(creds, v -> (id == null || id.equals(v.orderId()))
        && (asset == null || asset.equals(v.market()))
        && (market == null || venue.marketByToken(v.market()).map(m -> m.conditionId().equalsIgnoreCase(market))
            .orElse(false)))
        .forEach(v -> all.add(venue.openOrderJson(v)));
    json(ctx, 200, PolyWire.page(all, offset < 0 ? all.size() : offset, venue.config().pageSize()));
  }

  private void oneOrder(RoutingContext ctx, PolyVenue.Creds creds) {
    Optional<JsonObject> o = venue.orderJson(creds, ctx.pathParam("id"));
    if (o.isEmpty()) {
      error(ctx, 404, "order not found");
    } else {
      json(ctx, 200, o.get());
    }
  }

  private void trades(RoutingContext ctx, PolyVenue.Creds creds) {
    int offset;
    try {
      offset = PolyWire.offsetOf(ctx.request().getParam("next_cursor"));
    } catch (IllegalArgumentException e) {
      error(ctx, 400, "invalid next_cursor");
      return;
    }
    String id = ctx.request().getParam("id");
    String market = ctx.request().getParam("market");
    String asset = ctx.request().getParam("asset_id");
    String makerAddress = ctx.request().getParam("maker_address");
    Long before = longParam(ctx, "before");
    Long after = longParam(ctx, "after");
    Predicate<JsonObject> filter = t -> (id == null || id.equals(t.getString("id")))
        && (market == null || market.equalsIgnoreCase(t.getString("market")))
        && (asset == null || asset.equals(t.getString("asset_id")))
        && (makerAddress == null || makerAddress.equalsIgnoreCase(t.getString("maker_address")))
        && (before == null || Long.parseLong(t.getString("match_time")) < before)
        && (after == null || Long.parseLong(t.getString("match_time")) > after);
    List<JsonObject> all = venue.tradesFor(creds, filter);
    json(ctx, 200, PolyWire.page(all, offset < 0 ? all.size() : offset, venue.config().pageSize()));
  }

  private static Long longParam(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    return v == null || !v.matches("[0-9]{1,18}") ? null : Long.parseLong(v);
  }

  private void balance(RoutingContext ctx, PolyVenue.Creds creds) {
    String assetType = ctx.request().getParam("asset_type");
    String token = ctx.request().getParam("token_id");
    String sigType = ctx.request().getParam("signature_type");
    if (!"COLLATERAL".equals(assetType) && !"CONDITIONAL".equals(assetType)) {
      error(ctx, 400, "invalid asset_type");
      return;
    }
    if ("CONDITIONAL".equals(assetType) && (token == null || venue.marketByToken(token).isEmpty())) {
      error(ctx, 400, "Invalid token id");
      return;
    }
    int type = sigType == null || !sigType.matches("[0-3]") ? 0 : Integer.parseInt(sigType);
    json(ctx, 200, venue.balanceAllowance(creds, assetType, token, type));
  }

  private void heartbeat(RoutingContext ctx, PolyVenue.Creds creds) {
    Object parsed = parse(ctx);
    String id = parsed instanceof JsonObject o && o.getValue("heartbeat_id") instanceof String s ? s : null;
    reply(ctx, venue.heartbeat(creds, id));
  }

  // ------------------------------------------------------------------ Gamma

  /** Gamma's numeric market ids: the first market gets the next one. */
  private static final int GAMMA_FIRST_ID = 500_000;

  private List<JsonObject> gammaAll() {
    List<JsonObject> all = new ArrayList<>();
    int id = GAMMA_FIRST_ID;
    for (PolymarketSimMarket m : venue.markets()) {
      all.add(gammaJson(m, ++id));
    }
    return all;
  }

  private JsonObject gammaJson(PolymarketSimMarket m, int id) {
    BookView yes = venue.book(m.yesTokenId());
    long mid = yes.bestBid().isPresent() && yes.bestAsk().isPresent()
        ? (yes.bestBid().get().price().micros() + yes.bestAsk().get().price().micros()) / 2 : 500_000;
    return PolyWire.gammaMarket(m, id, venue.tickMicros(m.yesTokenId()), venue.isOpen(m.yesTokenId()),
        PolyWire.num(mid), PolyWire.num(Fixed.SCALE - mid));
  }

  private void gammaMarkets(RoutingContext ctx) {
    MultiMap q = ctx.request().params();
    Set<String> slugs = new HashSet<>(q.getAll("slug"));
    Set<String> ids = new HashSet<>(q.getAll("id"));
    Set<String> conditions = new HashSet<>();
    q.getAll("condition_ids").forEach(c -> conditions.add(c.toLowerCase(Locale.ROOT)));
    Set<String> tokens = new HashSet<>(q.getAll("clob_token_ids"));
    String closed = q.get("closed");
    List<JsonObject> out = new ArrayList<>();
    int id = GAMMA_FIRST_ID;
    for (PolymarketSimMarket m : venue.markets()) {
      id++;
      // The cheap filters first: a lookup by condition id must not build every market's JSON
      // (with thousands of markets that made pair approval quadratic).
      if ((slugs.isEmpty() || slugs.contains(m.slug()))
          && (ids.isEmpty() || ids.contains(Integer.toString(id)))
          && (conditions.isEmpty() || conditions.contains(m.conditionId().toLowerCase(Locale.ROOT)))
          && (tokens.isEmpty() || tokens.contains(m.yesTokenId()) || tokens.contains(m.noTokenId()))) {
        JsonObject json = gammaJson(m, id);
        if (closed == null || Boolean.parseBoolean(closed) == json.getBoolean("closed")) {
          out.add(json);
        }
      }
    }
    int offset = intParam(q.get("offset"), 0);
    int limit = intParam(q.get("limit"), 500);
    JsonArray arr = new JsonArray();
    out.stream().skip(offset).limit(limit).forEach(arr::add);
    json(ctx, 200, arr);
  }

  private void gammaMarket(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    for (JsonObject m : gammaAll()) {
      if (m.getString("id").equals(id)) {
        json(ctx, 200, m);
        return;
      }
    }
    error(ctx, 404, "market not found");
  }

  private void gammaEvents(RoutingContext ctx) {
    MultiMap q = ctx.request().params();
    Set<String> slugs = new HashSet<>(q.getAll("slug"));
    Set<String> ids = new HashSet<>(q.getAll("id"));
    JsonArray out = new JsonArray();
    int id = 900_000;
    for (JsonObject m : gammaAll()) {
      id++;
      JsonObject event = new JsonObject()
          .put("id", Integer.toString(id))
          .put("slug", m.getString("slug"))
          .put("title", m.getString("question"))
          .put("endDate", m.getString("endDate"))
          .put("active", m.getBoolean("active"))
          .put("closed", m.getBoolean("closed"))
          .put("negRisk", m.getBoolean("negRisk"))
          .put("markets", new JsonArray().add(m));
      if ((slugs.isEmpty() || slugs.contains(event.getString("slug")))
          && (ids.isEmpty() || ids.contains(event.getString("id")))) {
        out.add(event);
      }
    }
    json(ctx, 200, out);
  }

  private static int intParam(String v, int fallback) {
    return v == null || !v.matches("[0-9]{1,9}") ? fallback : Integer.parseInt(v);
  }

  // ------------------------------------------------------------------ WebSocket channels

  /** Accepts {@code /ws/market} and {@code /ws/user}; anything else is closed. */
  public void onWebSocket(ServerWebSocket ws) {
    String path = ws.path();
    if ("/ws/market".equals(path)) {
      Set<String> assets = ConcurrentHashMap.newKeySet();
      marketSockets.put(ws, assets);
      ws.closeHandler(v -> marketSockets.remove(ws));
      ws.textMessageHandler(text -> onMarketMessage(ws, assets, text));
    } else if ("/ws/user".equals(path)) {
      pendingUserSockets.add(ws);
      ws.closeHandler(v -> {
        userSockets.remove(ws);
        pendingUserSockets.remove(ws);
      });
      ws.textMessageHandler(text -> onUserMessage(ws, text));
    } else {
      ws.close((short) 1008, "unknown channel");
    }
  }

  private void onMarketMessage(ServerWebSocket ws, Set<String> assets, String text) {
    if ("PING".equals(text)) {
      ws.writeTextMessage("PONG");
      return;
    }
    JsonObject msg;
    try {
      msg = new JsonObject(text);
    } catch (DecodeException e) {
      ws.writeTextMessage("INVALID OPERATION");
      return;
    }
    JsonArray ids = msg.getValue("assets_ids") instanceof JsonArray a ? a : new JsonArray();
    String op = msg.getString("operation", "subscribe");
    List<String> added = new ArrayList<>();
    for (Object o : ids) {
      if (!(o instanceof String id) || venue.marketByToken(id).isEmpty()) {
        continue;
      }
      if ("unsubscribe".equals(op)) {
        assets.remove(id);
      } else {
        // Every subscribe gets the book, also for an asset already subscribed: a client that found
        // a book silent resubscribes exactly to get a fresh snapshot (reference: "sent on subscribe").
        assets.add(id);
        added.add(id);
      }
    }
    for (String id : added) {
      if (!faults.silent(id)) {
        ws.writeTextMessage(venue.wsBook(id).encode());
      }
    }
  }

  private void onUserMessage(ServerWebSocket ws, String text) {
    if ("PING".equals(text)) {
      ws.writeTextMessage("PONG");
      return;
    }
    JsonObject msg;
    try {
      msg = new JsonObject(text);
    } catch (DecodeException e) {
      ws.writeTextMessage("INVALID OPERATION");
      return;
    }
    UserSession session = userSockets.get(ws);
    if (session == null) {
      JsonObject auth = msg.getValue("auth") instanceof JsonObject a ? a : null;
      Optional<PolyVenue.Creds> creds = auth == null ? Optional.empty() : venue.credsFor(auth.getString("apiKey"));
      if (creds.isEmpty() || !creds.get().secret().equals(auth.getString("secret"))
          || !creds.get().passphrase().equals(auth.getString("passphrase"))) {
        ws.close((short) 1008, "invalid auth");
        return;
      }
      session = new UserSession(creds.get(), ConcurrentHashMap.newKeySet());
      pendingUserSockets.remove(ws);
      userSockets.put(ws, session);
    }
    if (msg.getValue("markets") instanceof JsonArray markets) {
      boolean unsubscribe = "unsubscribe".equals(msg.getString("operation"));
      for (Object o : markets) {
        if (o instanceof String s) {
          if (unsubscribe) {
            session.markets().remove(s.toLowerCase(Locale.ROOT));
          } else {
            session.markets().add(s.toLowerCase(Locale.ROOT));
          }
        }
      }
    }
  }

  @Override
  public void market(String assetId, JsonObject message) {
    if (faults.dropSocket()) {
      dropConnections();
      return;
    }
    if (faults.silent(assetId)) {
      return;
    }
    String text = message.encode();
    WireProbe p = probe;
    marketSockets.forEach((ws, assets) -> {
      if (assets.contains(assetId)) {
        if (p != null) {
          p.bookFrameWritten(VenueId.POLYMARKET, assetId, System.nanoTime());
        }
        ws.writeTextMessage(text);
      }
    });
  }

  @Override
  public void user(String account, String conditionId, JsonObject message) {
    if (faults.dropSocket()) {
      dropConnections();
      return;
    }
    String text = message.encode();
    userSockets.forEach((ws, session) -> {
      boolean mine = venue.owns(session.creds(), account);
      if (mine && (session.markets().isEmpty() || session.markets().contains(conditionId.toLowerCase(Locale.ROOT)))) {
        ws.writeTextMessage(text);
      }
    });
  }

  /** Closes every WebSocket (a dropped-connections fault); clients must reconnect and resubscribe. */
  public void dropConnections() {
    new ArrayList<>(marketSockets.keySet()).forEach(ws -> ws.close((short) 1011, "connection dropped"));
    new ArrayList<>(userSockets.keySet()).forEach(ws -> ws.close((short) 1011, "connection dropped"));
    new ArrayList<>(pendingUserSockets).forEach(ws -> ws.close((short) 1011, "connection dropped"));
    marketSockets.clear();
    userSockets.clear();
    pendingUserSockets.clear();
  }

  public int connectedSockets() {
    return marketSockets.size() + userSockets.size() + pendingUserSockets.size();
  }
}
