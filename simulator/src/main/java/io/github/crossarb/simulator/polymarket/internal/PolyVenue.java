package io.github.crossarb.simulator.polymarket.internal;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.pricing.PolymarketFeeModel;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.simulator.exchange.BookView;
import io.github.crossarb.simulator.exchange.Exchange;
import io.github.crossarb.simulator.exchange.ExchangeEvent;
import io.github.crossarb.simulator.exchange.ExchangeException;
import io.github.crossarb.simulator.exchange.FillView;
import io.github.crossarb.simulator.exchange.MarketSpec;
import io.github.crossarb.simulator.exchange.NewOrder;
import io.github.crossarb.simulator.exchange.OrderState;
import io.github.crossarb.simulator.exchange.OrderView;
import io.github.crossarb.simulator.exchange.PositionModel;
import io.github.crossarb.simulator.exchange.PositionView;
import io.github.crossarb.simulator.exchange.SelfTradePrevention;
import io.github.crossarb.simulator.exchange.SubmitOutcome;
import io.github.crossarb.simulator.exchange.TradeView;
import io.github.crossarb.simulator.polymarket.PolymarketSimAccount;
import io.github.crossarb.simulator.polymarket.PolymarketSimConfig;
import io.github.crossarb.simulator.polymarket.PolymarketSimMarket;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The Polymarket venue around the shared engine: credentials, signed-order checks, the venue's
 * order and trade records (owner, order type, settlement status), heartbeats, and the translation
 * of engine events into market- and user-channel messages. Runs on one Vert.x context; engine
 * events raised elsewhere (the price process) are moved onto it.
 */
public final class PolyVenue {
  /** Where channel messages go (the WebSocket layer). */
  public interface Feed {
    void market(String assetId, JsonObject message);

    void user(String account, String conditionId, JsonObject message);
  }

  /** Issued L2 credentials. */
  public record Creds(String apiKey, String secret, String passphrase, String address, long nonce, String funder) {
    public String account() {
      return funder != null ? funder : address;
    }

    @Override
    public String toString() {
      return "Creds[apiKey=***, address=" + address + "]";
    }
  }

  /** An HTTP answer: status and JSON body (object or array). */
  public record Reply(int status, Object body) {
    static Reply ok(Object body) {
      return new Reply(200, body);
    }

    static Reply error(int status, String message) {
      return new Reply(status, new JsonObject().put("error", message));
    }
  }

  /** Venue facts about an order the engine does not keep. */
  private record OrderMeta(String owner, String makerAddress, String conditionId, String outcome, String orderType,
      long expiration, List<String> trades) {}

  /** Settlement states a trade moves through. */
  enum TradeStatus { MATCHED, MINED, CONFIRMED, RETRYING, FAILED }

  private static final class Trade {
    final TradeView view;
    final String conditionId;
    final String outcome;
    String takerAccount;
    String makerAccount;
    String takerOwner;
    String makerOwner;
    TradeStatus status = TradeStatus.MATCHED;
    String txHash = "";
    Instant lastUpdate;
    boolean willFail;
    boolean announced;

    Trade(TradeView view, String conditionId, String outcome) {
      this.view = view;
      this.conditionId = conditionId;
      this.outcome = outcome;
      this.lastUpdate = view.time();
    }
  }

  private final Vertx vertx;
  private final Context context;
  private final Exchange exchange;
  private final PolymarketSimConfig config;
  private final PolyFaultState faults;
  private final SplittableRandom random;
  private final Map<String, PolymarketSimMarket> byCondition = new LinkedHashMap<>();
  private final Map<String, PolymarketSimMarket> byToken = new HashMap<>();
  private final Map<String, Creds> byApiKey = new HashMap<>();
  private final Map<String, Creds> byAddressNonce = new HashMap<>();
  /** Funding address → engine account, where they differ (the scenario's client account). */
  private final Map<String, String> engineAccounts = new HashMap<>();
  private final Map<String, String> addresses = new HashMap<>();
  private final Map<String, OrderMeta> orderMeta = new HashMap<>();
  private final Map<String, Trade> trades = new LinkedHashMap<>();
  private final Map<String, String> lastTradePrice = new HashMap<>();
  private final Map<String, String> lastTick = new HashMap<>();
  private final Map<String, String> lastTradeSide = new HashMap<>();
  /** Orders whose first user-channel event went out. */
  private final java.util.Set<String> announced = new java.util.HashSet<>();
  /** Tokens that traded since the last post-trade {@code book} went out. */
  private final java.util.Set<String> tradedBooks = new java.util.LinkedHashSet<>();
  private final Map<String, Instant> heartbeatDue = new HashMap<>();
  private final Map<String, String> heartbeatIds = new HashMap<>();
  private final Runnable unsubscribe;
  /** The order version served (GET /version) and required of signed orders; switchable at run time. */
  private volatile int orderVersion;
  private Feed feed = new Feed() {
    @Override
    public void market(String assetId, JsonObject message) {}

    @Override
    public void user(String account, String conditionId, JsonObject message) {}
  };

  public PolyVenue(Vertx vertx, Context context, Exchange exchange, PolymarketSimConfig config, PolyFaultState faults) {
    this.vertx = vertx;
    this.context = context;
    this.exchange = exchange;
    this.config = config;
    this.faults = faults;
    this.random = new SplittableRandom(config.seed());
    this.orderVersion = config.orderVersion();
    for (PolymarketSimMarket m : config.markets()) {
      byCondition.put(m.conditionId().toLowerCase(Locale.ROOT), m);
      byToken.put(m.yesTokenId(), m);
      byToken.put(m.noTokenId(), m);
      for (String token : List.of(m.yesTokenId(), m.noTokenId())) {
        if (exchange.market(token).isEmpty()) {
          exchange.addMarket(new MarketSpec(token, PositionModel.TOKEN, TickGrid.fixed(Price.parse(m.tickSize())),
              Quantity.parse("0.01"), Quantity.parse(m.minOrderSize()),
              PolymarketFeeModel.of(m.feeRate(), Integer.toString(m.feeExponent())), null));
        }
      }
    }
    for (PolymarketSimAccount a : config.accounts()) {
      Creds c = new Creds(a.apiKey(), a.secret(), a.passphrase(), a.address(), 0, a.funder());
      register(c);
      if (a.engineAccount() != null) {
        engineAccounts.put(c.account(), a.engineAccount());
        addresses.put(a.engineAccount(), c.account());
      }
      String account = acct(c.account());
      if (!exchange.hasAccount(account)) {
        ensureAccount(account, a.balanceMicros());
        a.tokens().forEach((token, shares) -> exchange.adjustPosition(account, token, shares));
      }
    }
    this.unsubscribe = exchange.subscribe(this::onEngineEvent);
  }

  public void setFeed(Feed feed) {
    this.feed = feed;
  }

  public void close() {
    unsubscribe.run();
  }

  public Exchange exchange() {
    return exchange;
  }

  public PolymarketSimConfig config() {
    return config;
  }

  public int orderVersion() {
    return orderVersion;
  }

  /** Moves the venue to another order version (2 or 3), as Polymarket did at its cutovers. */
  public void setOrderVersion(int version) {
    if (version != 2 && version != 3) {
      throw new IllegalArgumentException("order version must be 2 or 3: " + version);
    }
    orderVersion = version;
  }

  public long nowMillis() {
    return exchange.clock().millis();
  }

  // ------------------------------------------------------------------ markets

  public List<PolymarketSimMarket> markets() {
    return List.copyOf(byCondition.values());
  }

  public Optional<PolymarketSimMarket> marketByToken(String tokenId) {
    return Optional.ofNullable(tokenId == null ? null : byToken.get(tokenId));
  }

  public Optional<PolymarketSimMarket> marketByCondition(String conditionId) {
    return Optional.ofNullable(conditionId == null ? null : byCondition.get(conditionId.toLowerCase(Locale.ROOT)));
  }

  public long tickMicros(String tokenId) {
    return exchange.market(tokenId).orElseThrow().ticks().bands().get(0).stepMicros();
  }

  public boolean isOpen(String tokenId) {
    return exchange.isOpen(tokenId);
  }

  public BookView book(String tokenId) {
    return exchange.book(tokenId);
  }

  public String lastTradePrice(String tokenId) {
    return lastTradePrice.getOrDefault(tokenId, "0.5");
  }

  /** The taker side of the token's last trade; empty before the first. */
  public String lastTradeSide(String tokenId) {
    return lastTradeSide.getOrDefault(tokenId, "");
  }

  public JsonObject restBook(String tokenId) {
    PolymarketSimMarket m = byToken.get(tokenId);
    return PolyWire.restBook(m, tokenId, book(tokenId), tickMicros(tokenId), lastTradePrice(tokenId), nowMillis());
  }

  /** The venue's tick size change: the engine cancels off-grid orders, then the feed hears of it. */
  public void changeTickSize(String tokenId, String newTick) {
    if (!byToken.containsKey(tokenId)) {
      throw new IllegalArgumentException("unknown token " + tokenId);
    }
    exchange.changeTicks(tokenId, TickGrid.fixed(Price.parse(newTick)));
  }

  // ------------------------------------------------------------------ credentials

  /** The engine account an address trades as. */
  private String acct(String address) {
    return address == null ? null : engineAccounts.getOrDefault(address, address);
  }

  /** The address an engine account shows as on the wire. */
  private String addr(String account) {
    return account == null ? null : addresses.getOrDefault(account, account);
  }

  private void register(Creds c) {
    byApiKey.put(c.apiKey(), c);
    byAddressNonce.put(c.address() + "|" + c.nonce(), c);
  }

  private void ensureAccount(String account, long balanceMicros) {
    if (!exchange.hasAccount(account)) {
      exchange.openAccount(account, Money.ofMicros(balanceMicros), false);
    }
  }

  /** Whether engine {@code account} belongs to {@code creds} (its EOA or its funder). */
  public boolean owns(Creds creds, String account) {
    return account != null && accountsOf(creds).contains(account);
  }

  public Optional<Creds> credsFor(String apiKey) {
    return Optional.ofNullable(apiKey == null ? null : byApiKey.get(apiKey));
  }

  /** {@code POST /auth/api-key}: a new key for (address, nonce), refused if one exists. */
  public Reply createApiKey(String address, long nonce) {
    String a = address.toLowerCase(Locale.ROOT);
    if (byAddressNonce.containsKey(a + "|" + nonce)) {
      return Reply.error(400, "Could not create api key");
    }
    byte[] secret = new byte[32];
    byte[] pass = new byte[32];
    random.nextBytes(secret);
    random.nextBytes(pass);
    byte[] keyBytes = new byte[16];
    random.nextBytes(keyBytes);
    UUID key = uuid(keyBytes);
    Creds c = new Creds(key.toString(), Base64.getUrlEncoder().encodeToString(secret),
        java.util.HexFormat.of().formatHex(pass), a, nonce, null);
    register(c);
    ensureAccount(c.account(), config.newAccountBalanceMicros());
    return Reply.ok(credsJson(c));
  }

  /** {@code GET /auth/derive-api-key}: the key already issued for (address, nonce). */
  public Reply deriveApiKey(String address, long nonce) {
    Creds c = byAddressNonce.get(address.toLowerCase(Locale.ROOT) + "|" + nonce);
    return c == null ? Reply.error(400, "Could not derive api key!") : Reply.ok(credsJson(c));
  }

  private static JsonObject credsJson(Creds c) {
    return new JsonObject().put("apiKey", c.apiKey()).put("secret", c.secret()).put("passphrase", c.passphrase());
  }

  private static UUID uuid(byte[] b) {
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (b[i] & 0xff);
      lo = (lo << 8) | (b[8 + i] & 0xff);
    }
    return new UUID(hi, lo);
  }

  // ------------------------------------------------------------------ orders

  /** One posted order (from {@code POST /order} or an element of {@code POST /orders}). */
  public Reply postOrder(Creds creds, JsonObject body) {
    if (body == null) {
      return Reply.error(400, "Invalid order payload");
    }
    Object orderValue = body.getValue("order");
    if (!(orderValue instanceof JsonObject orderJson)) {
      return Reply.error(400, "Invalid order payload");
    }
    if (PolyOrders.looksLikeV1(orderJson)) {
      return Reply.error(400, "order_version_mismatch: this exchange accepts version " + orderVersion
          + " orders only");
    }
    String owner = body.getString("owner");
    if (!creds.apiKey().equals(owner)) {
      return Reply.error(400, "the order owner has to be the owner of the API KEY");
    }
    String orderType = body.getString("orderType", "GTC");
    TimeInForce tif;
    switch (orderType) {
      case "GTC" -> tif = TimeInForce.GTC;
      case "GTD" -> tif = TimeInForce.GTD;
      case "FOK" -> tif = TimeInForce.FOK;
      case "FAK" -> tif = TimeInForce.IOC;
      default -> {
        return Reply.error(400, "Invalid order type: " + orderType);
      }
    }
    boolean postOnly = Boolean.TRUE.equals(body.getValue("postOnly"));
    if (postOnly && tif != TimeInForce.GTC && tif != TimeInForce.GTD) {
      return Reply.error(400, "invalid post-only order: only GTC and GTD orders can be post-only");
    }
    PolyOrders.Posted posted;
    try {
      posted = PolyOrders.parse(orderJson);
    } catch (PolyOrders.BadOrderException e) {
      return Reply.error(400, e.getMessage());
    }
    PolySignatures.OrderV2 o = posted.order();
    String tokenId = o.tokenId().toString();
    PolymarketSimMarket market = byToken.get(tokenId);
    if (market == null) {
      return Reply.error(400, "Invalid token id");
    }
    // Signature: the served version's domain first; a signature that fits the other version is a mismatch.
    int version = orderVersion;
    byte[] digest = PolySignatures.orderDigest(o, Integer.toString(version),
        PolySignatures.exchangeFor(version, market.negRisk()));
    String orderId = PolySignatures.toHex(digest);
    Optional<String> recovered = PolySignatures.recover(digest, posted.signature());
    if (!recovered.equals(Optional.of(o.signer()))) {
      int other = version == 2 ? 3 : 2;
      byte[] otherDigest = PolySignatures.orderDigest(o, Integer.toString(other),
          PolySignatures.exchangeFor(other, market.negRisk()));
      if (PolySignatures.recover(otherDigest, posted.signature()).equals(Optional.of(o.signer()))) {
        return Reply.error(400, "order_version_mismatch: order signed for version " + other + ", exchange is on version "
            + version);
      }
      return Reply.error(400, "invalid order signature");
    }
    if (!o.signer().equals(creds.address())) {
      return Reply.error(400, "order signer address has to be the address of the API KEY");
    }
    switch (o.signatureType()) {
      case 0 -> {
        if (!o.maker().equals(o.signer())) {
          return Reply.error(400, "invalid order: maker must be the signer for EOA orders");
        }
      }
      case 1, 2 -> {
        if (creds.funder() != null && !creds.funder().equals(o.maker())) {
          return Reply.error(400, "invalid order: maker is not the funder of the signer");
        }
      }
      default -> {
        return Reply.error(400, "invalid order: signature type " + o.signatureType() + " not supported");
      }
    }
    String account = acct(o.maker());
    if (o.signatureType() != 0 && creds.funder() == null) {
      // First proxy/safe order of an L1-created key: bind the funder it names.
      Creds bound = new Creds(creds.apiKey(), creds.secret(), creds.passphrase(), creds.address(), creds.nonce(),
          o.maker());
      register(bound);
      ensureAccount(account, config.newAccountBalanceMicros());
    }
    if (!exchange.hasAccount(account)) {
      ensureAccount(account, config.newAccountBalanceMicros());
    }
    if (orderMeta.containsKey(orderId) || exchange.order(orderId).isPresent()) {
      return Reply.error(400, "order " + orderId + " is invalid. Duplicated.");
    }
    // Amounts → price and size.
    long tick = tickMicros(tokenId);
    BigDecimal implied = PolyOrders.impliedPrice(posted);
    long priceMicros;
    boolean marketable = tif == TimeInForce.FOK || tif == TimeInForce.IOC;
    long size = PolyOrders.sizeMicros(posted);
    if (marketable) {
      // The CLOB holds FOK/FAK orders to coarser amounts than limit orders, whatever the tick: the
      // side paid out (maker) at most 2 decimals, the side received (taker) at most 4.
      if (!PolyOrders.hasMarketOrderPrecision(posted)) {
        return Reply.error(400, "invalid amounts, the market " + (posted.side() == Side.BUY ? "buy" : "sell")
            + " orders maker amount supports a max accuracy of 2 decimals, taker amount a max of 4 decimals");
      }
      priceMicros = PolyOrders.roundToTick(implied, tick);
      size = Fixed.floorTo(size, 10_000); // shares on the book are in hundredths
    } else {
      if (!PolyOrders.onTick(implied, tick)) {
        return Reply.error(400, "order " + orderId + " is invalid. Price (" + implied.stripTrailingZeros().toPlainString()
            + ") breaks minimum tick size rule: " + Fixed.format(tick));
      }
      priceMicros = implied.movePointRight(Fixed.DECIMALS).longValueExact();
    }
    if (priceMicros < tick || priceMicros > Fixed.SCALE - tick) {
      return Reply.error(400, "order " + orderId + " is invalid. Price (" + Fixed.format(priceMicros)
          + ") out of range: min " + Fixed.format(tick) + " - max " + Fixed.format(Fixed.SCALE - tick));
    }
    long minSize = Fixed.parse(market.minOrderSize());
    if (size < minSize) {
      return Reply.error(400, "order " + orderId + " is invalid. Size (" + Fixed.format(size)
          + ") lower than the minimum: " + Fixed.format(minSize));
    }
    Instant expiration = null;
    if (tif == TimeInForce.GTD) {
      long now = exchange.clock().instant().getEpochSecond();
      if (posted.expirationSeconds() < now + 60) {
        return Reply.error(400, "invalid expiration value, expiration has to be at least 1 minute in the future"
            + " (the 60 s security threshold)");
      }
      expiration = Instant.ofEpochSecond(posted.expirationSeconds());
    }
    String outcome = market.outcomeOf(tokenId);
    OrderMeta meta = new OrderMeta(creds.apiKey(), o.maker(), market.conditionId(), outcome, orderType,
        posted.expirationSeconds(), new ArrayList<>());
    orderMeta.put(orderId, meta);
    NewOrder order = new NewOrder(account, tokenId, posted.side(), Price.ofMicros(priceMicros),
        Quantity.ofMicros(size), tif, expiration, null, "Yes".equals(outcome) ? Outcome.YES : Outcome.NO, postOnly,
        false, SelfTradePrevention.CANCEL_TAKER, orderId);
    SubmitOutcome outcomeOfSubmit;
    try {
      outcomeOfSubmit = exchange.submit(order);
    } catch (ExchangeException e) {
      orderMeta.remove(orderId);
      return Reply.error(400, rejection(e, orderId));
    }
    OrderView view = outcomeOfSubmit.order();
    List<FillView> fills = outcomeOfSubmit.fills();
    if (fills.isEmpty() && tif == TimeInForce.FOK) {
      orderMeta.remove(orderId);
      return Reply.error(400, "order couldn't be fully filled. FOK orders are fully filled or killed.");
    }
    if (fills.isEmpty() && tif == TimeInForce.IOC) {
      orderMeta.remove(orderId);
      return Reply.error(400, "no orders found to match with FAK order. FAK orders are partially filled or killed"
          + " if no match is found.");
    }
    long shares = 0;
    long notional = 0;
    JsonArray tradeIds = new JsonArray();
    for (FillView f : fills) {
      shares += f.quantity().micros();
      notional += Fixed.mulCeil(f.price().micros(), f.quantity().micros()); // as the engine settles it
      tradeIds.add(f.tradeId());
    }
    String status = !fills.isEmpty() ? "matched" : view.state() == OrderState.RESTING ? "live" : "unmatched";
    String making = fills.isEmpty() ? "" : PolyWire.num(posted.side() == Side.BUY ? notional : shares);
    String taking = fills.isEmpty() ? "" : PolyWire.num(posted.side() == Side.BUY ? shares : notional);
    return Reply.ok(new JsonObject()
        .put("success", true)
        .put("errorMsg", "")
        .put("orderID", orderId)
        .put("status", status)
        .put("takingAmount", taking)
        .put("makingAmount", making)
        .put("transactionsHashes", new JsonArray())
        .put("tradeIDs", tradeIds));
  }

  private static String rejection(ExchangeException e, String orderId) {
    return switch (e.reason()) {
      case INSUFFICIENT_BALANCE, INSUFFICIENT_POSITION ->
          "not enough balance / allowance";
      case POST_ONLY_CROSS -> "invalid post-only order: order crosses book";
      case BELOW_MIN_SIZE -> "order " + orderId + " is invalid. Size lower than the minimum";
      case INVALID_PRICE -> "order " + orderId + " is invalid. Price breaks minimum tick size rule";
      case INVALID_EXPIRATION -> "invalid expiration";
      case MARKET_CLOSED -> "market is not accepting orders";
      case DUPLICATE_CLIENT_ORDER_ID -> "order " + orderId + " is invalid. Duplicated.";
      default -> "invalid order: " + e.getMessage();
    };
  }

  /** {@code DELETE /order}, {@code /orders}, {@code /cancel-all}: ids of the caller's orders. */
  public JsonObject cancel(Creds creds, List<String> orderIds) {
    JsonArray canceled = new JsonArray();
    JsonObject notCanceled = new JsonObject();
    for (String id : orderIds) {
      OrderMeta meta = orderMeta.get(id);
      Optional<OrderView> view = exchange.order(id);
      if (meta == null || view.isEmpty() || !meta.owner().equals(creds.apiKey())) {
        notCanceled.put(id, "order not found");
        continue;
      }
      if (view.get().state() != OrderState.RESTING) {
        notCanceled.put(id, view.get().state() == OrderState.FILLED ? "order already matched" : "order already canceled");
        continue;
      }
      try {
        exchange.cancel(view.get().account(), id);
        canceled.add(id);
      } catch (ExchangeException e) {
        notCanceled.put(id, e.getMessage());
      }
    }
    return new JsonObject().put("canceled", canceled).put("not_canceled", notCanceled);
  }

  public JsonObject cancelAll(Creds creds, Predicate<OrderView> filter) {
    return cancel(creds, openOrders(creds, filter).stream().map(OrderView::orderId).toList());
  }

  /** The caller's resting orders that {@code filter} accepts, oldest first. */
  public List<OrderView> openOrders(Creds creds, Predicate<OrderView> filter) {
    List<OrderView> out = new ArrayList<>();
    for (String account : accountsOf(creds)) {
      if (!exchange.hasAccount(account)) {
        continue;
      }
      for (OrderView v : exchange.orders(account)) {
        OrderMeta meta = orderMeta.get(v.orderId());
        if (v.state() == OrderState.RESTING && meta != null && meta.owner().equals(creds.apiKey()) && filter.test(v)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  private List<String> accountsOf(Creds creds) {
    Creds current = byApiKey.getOrDefault(creds.apiKey(), creds);
    return current.funder() != null && !current.funder().equals(current.address())
        ? List.of(acct(current.address()), acct(current.funder())) : List.of(acct(current.address()));
  }

  public Optional<JsonObject> orderJson(Creds creds, String orderId) {
    OrderMeta meta = orderMeta.get(orderId);
    if (meta == null || !meta.owner().equals(creds.apiKey())) {
      return Optional.empty();
    }
    return exchange.order(orderId).map(v -> openOrderJson(v, meta));
  }

  public JsonObject openOrderJson(OrderView v) {
    return openOrderJson(v, orderMeta.get(v.orderId()));
  }

  private static JsonObject openOrderJson(OrderView v, OrderMeta meta) {
    String status = switch (v.state()) {
      case RESTING -> "LIVE";
      case FILLED -> "MATCHED";
      case CANCELED -> "CANCELED";
    };
    return new JsonObject()
        .put("id", v.orderId())
        .put("status", status)
        .put("owner", meta.owner())
        .put("maker_address", meta.makerAddress())
        .put("market", meta.conditionId())
        .put("asset_id", v.market())
        .put("side", v.side().name())
        .put("original_size", PolyWire.num(v.initialQuantity().micros()))
        .put("size_matched", PolyWire.num(v.filledQuantity().micros()))
        .put("price", PolyWire.num(v.price().micros()))
        .put("associate_trades", new JsonArray(new ArrayList<>(meta.trades())))
        .put("outcome", meta.outcome())
        .put("created_at", v.createdTime().getEpochSecond())
        .put("expiration", Long.toString(meta.expiration()))
        .put("order_type", meta.orderType());
  }

  // ------------------------------------------------------------------ trades

  /** The caller's trades (as taker or maker), oldest first, rendered from its side. */
  public List<JsonObject> tradesFor(Creds creds, Predicate<JsonObject> filter) {
    List<JsonObject> out = new ArrayList<>();
    List<String> accounts = accountsOf(creds);
    for (Trade t : trades.values()) {
      boolean taker = t.takerAccount != null && accounts.contains(t.takerAccount);
      boolean maker = t.makerAccount != null && accounts.contains(t.makerAccount);
      if (!taker && !maker) {
        continue;
      }
      JsonObject json = tradeJson(t, taker, creds.apiKey(), addr(taker ? t.takerAccount : t.makerAccount));
      if (filter.test(json)) {
        out.add(json);
      }
    }
    return out;
  }

  private JsonObject tradeJson(Trade t, boolean asTaker, String owner, String makerAddress) {
    TradeView v = t.view;
    PolymarketSimMarket m = byToken.get(v.market());
    String feeBps = feeRateBps(m);
    JsonObject makerOrder = new JsonObject()
        .put("order_id", v.makerOrderId())
        .put("owner", t.makerOwner == null ? "" : t.makerOwner)
        .put("maker_address", addr(t.makerAccount))
        .put("matched_amount", PolyWire.num(v.quantity().micros()))
        .put("price", PolyWire.num(v.price().micros()))
        .put("fee_rate_bps", "0")
        .put("asset_id", v.market())
        .put("outcome", t.outcome)
        .put("side", v.takerSide().opposite().name());
    return new JsonObject()
        .put("id", v.tradeId())
        .put("taker_order_id", v.takerOrderId())
        .put("market", t.conditionId)
        .put("asset_id", v.market())
        .put("side", v.takerSide().name())
        .put("size", PolyWire.num(v.quantity().micros()))
        .put("fee_rate_bps", feeBps)
        .put("price", PolyWire.num(v.price().micros()))
        .put("status", t.status.name())
        .put("match_time", Long.toString(v.time().getEpochSecond()))
        .put("last_update", Long.toString(t.lastUpdate.getEpochSecond()))
        .put("outcome", t.outcome)
        .put("bucket_index", 0)
        .put("owner", owner)
        .put("maker_address", makerAddress)
        .put("maker_orders", new JsonArray().add(makerOrder))
        .put("transaction_hash", t.txHash)
        .put("trader_side", asTaker ? "TAKER" : "MAKER");
  }

  private static String feeRateBps(PolymarketSimMarket m) {
    return Fixed.toBigDecimal(Fixed.parse(m.feeRate())).movePointRight(4).stripTrailingZeros().toPlainString();
  }

  /**
   * Moves every unsettled trade one step: MATCHED → MINED → CONFIRMED, or for a trade picked to
   * fail MATCHED → RETRYING → FAILED, which undoes its cash and shares for both sides.
   */
  public void advanceTrades() {
    Instant now = exchange.clock().instant();
    for (Trade t : trades.values()) {
      TradeStatus next = switch (t.status) {
        case MATCHED -> t.willFail ? TradeStatus.RETRYING : TradeStatus.MINED;
        case MINED -> TradeStatus.CONFIRMED;
        case RETRYING -> TradeStatus.FAILED;
        case CONFIRMED, FAILED -> null;
      };
      if (next == null) {
        continue;
      }
      t.status = next;
      t.lastUpdate = now;
      if (next == TradeStatus.MINED) {
        byte[] h = new byte[32];
        random.nextBytes(h);
        t.txHash = PolySignatures.toHex(h);
      }
      if (next == TradeStatus.FAILED) {
        undo(t);
      }
      publishTrade(t);
    }
  }

  /** A failed settlement never moved anything on chain: the engine gives both sides back exactly what the match moved. */
  private void undo(Trade t) {
    try {
      exchange.voidTrade(t.view.tradeId());
    } catch (ExchangeException e) {
      // Already voided or unknown: nothing left to give back.
    }
  }

  // ------------------------------------------------------------------ balances

  public JsonObject balanceAllowance(Creds creds, String assetType, String tokenId, int signatureType) {
    String account = acct(signatureType == 0 || creds.funder() == null ? creds.address() : creds.funder());
    long balance = 0;
    if (exchange.hasAccount(account)) {
      var view = exchange.account(account);
      if ("COLLATERAL".equals(assetType)) {
        balance = view.cash().micros();
      } else {
        for (PositionView p : view.positions()) {
          if (p.market().equals(tokenId)) {
            balance = Math.max(0, p.position());
          }
        }
      }
    }
    String max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE).toString();
    JsonObject allowances = new JsonObject()
        .put(PolySignatures.EXCHANGE_V2, max)
        .put(PolySignatures.NEG_RISK_EXCHANGE_V2, max)
        .put(PolySignatures.NEG_RISK_ADAPTER, max);
    if (orderVersion == 3) {
      allowances.put(PolySignatures.EXCHANGE_V3, max);
    }
    return new JsonObject().put("balance", Long.toString(balance)).put("allowances", allowances);
  }

  /** Data API {@code /positions?user=}: holdings of an address with cost basis. */
  public JsonArray positions(String user) {
    JsonArray out = new JsonArray();
    String wallet = user == null ? "" : user.toLowerCase(Locale.ROOT);
    String account = acct(wallet);
    if (!exchange.hasAccount(account)) {
      return out;
    }
    for (PositionView p : exchange.account(account).positions()) {
      PolymarketSimMarket m = byToken.get(p.market());
      if (m == null || p.position() <= 0) {
        continue;
      }
      long avg = Fixed.ceilDiv(Math.multiplyExact(p.exposure().micros(), Fixed.SCALE), p.position());
      BookView book = book(p.market());
      long cur = book.bestBid().map(l -> l.price().micros()).orElse(0L);
      long value = Fixed.mulFloor(cur, p.position());
      boolean yes = p.market().equals(m.yesTokenId());
      out.add(new JsonObject()
          .put("proxyWallet", wallet)
          .put("asset", p.market())
          .put("conditionId", m.conditionId())
          .put("size", Fixed.toBigDecimal(p.position()).stripTrailingZeros())
          .put("avgPrice", Fixed.toBigDecimal(avg).stripTrailingZeros())
          .put("initialValue", Fixed.toBigDecimal(p.exposure().micros()).stripTrailingZeros())
          .put("currentValue", Fixed.toBigDecimal(value).stripTrailingZeros())
          .put("cashPnl", Fixed.toBigDecimal(value - p.exposure().micros()).stripTrailingZeros())
          .put("realizedPnl", Fixed.toBigDecimal(p.realizedPnl().micros()).stripTrailingZeros())
          .put("curPrice", Fixed.toBigDecimal(cur).stripTrailingZeros())
          .put("redeemable", false)
          .put("title", m.question())
          .put("slug", m.slug())
          .put("outcome", yes ? "Yes" : "No")
          .put("outcomeIndex", yes ? 0 : 1)
          .put("oppositeOutcome", yes ? "No" : "Yes")
          .put("oppositeAsset", yes ? m.noTokenId() : m.yesTokenId())
          .put("endDate", m.endDate())
          .put("negativeRisk", m.negRisk()));
    }
    return out;
  }

  // ------------------------------------------------------------------ heartbeats

  /** {@code POST /v1/heartbeats}: starts (or continues) the dead-man switch of the key. */
  public Reply heartbeat(Creds creds, String heartbeatId) {
    String expected = heartbeatIds.get(creds.apiKey());
    if (heartbeatId != null && !heartbeatId.isEmpty() && expected != null && !expected.equals(heartbeatId)) {
      return Reply.error(400, "Invalid heartbeat id");
    }
    byte[] b = new byte[16];
    random.nextBytes(b);
    String next = uuid(b).toString();
    heartbeatIds.put(creds.apiKey(), next);
    heartbeatDue.put(creds.apiKey(), exchange.clock().instant().plus(config.heartbeatTimeout()));
    return Reply.ok(new JsonObject().put("heartbeat_id", next));
  }

  /** Cancels the open orders of every key whose heartbeat is overdue; called by a timer. */
  public void checkHeartbeats() {
    Instant now = exchange.clock().instant();
    List<String> overdue = new ArrayList<>();
    heartbeatDue.forEach((key, due) -> {
      if (now.isAfter(due)) {
        overdue.add(key);
      }
    });
    for (String key : overdue) {
      heartbeatDue.remove(key);
      heartbeatIds.remove(key);
      Creds c = byApiKey.get(key);
      if (c != null) {
        cancelAll(c, v -> true);
      }
    }
  }

  public Duration heartbeatTimeout() {
    return config.heartbeatTimeout();
  }

  // ------------------------------------------------------------------ engine events → venue records and feeds

  private void onEngineEvent(ExchangeEvent e) {
    if (!byToken.containsKey(e.market())) {
      return; // another venue's market on a shared engine
    }
    if (Vertx.currentContext() == context) {
      handle(e);
    } else {
      context.runOnContext(v -> handle(e));
    }
  }

  private void handle(ExchangeEvent e) {
    PolymarketSimMarket m = byToken.get(e.market());
    if (e instanceof ExchangeEvent.BookChanged b) {
      onBookChanged(m, b);
    } else if (e instanceof ExchangeEvent.Traded t) {
      onTraded(m, t.trade());
    } else if (e instanceof ExchangeEvent.Filled f) {
      onFilled(f.fill());
    } else if (e instanceof ExchangeEvent.OrderChanged o) {
      onOrderChanged(m, o.order());
    } else if (e instanceof ExchangeEvent.TicksChanged t) {
      onTicksChanged(m, t);
    }
  }

  private void onBookChanged(PolymarketSimMarket m, ExchangeEvent.BookChanged b) {
    BookView book = book(b.market());
    String ts = Long.toString(nowMillis());
    JsonObject change = new JsonObject()
        .put("asset_id", b.market())
        .put("price", PolyWire.num(b.price().micros()))
        .put("size", PolyWire.num(b.size().micros()))
        .put("side", b.side().name())
        .put("hash", PolyWire.bookHash(m.conditionId(), b.market(), ts, book))
        .put("best_bid", book.bestBid().map(l -> PolyWire.num(l.price().micros())).orElse("0"))
        .put("best_ask", book.bestAsk().map(l -> PolyWire.num(l.price().micros())).orElse("1"));
    feed.market(b.market(), new JsonObject()
        .put("event_type", "price_change")
        .put("market", m.conditionId())
        .put("price_changes", new JsonArray().add(change))
        .put("timestamp", ts));
  }

  private void onTraded(PolymarketSimMarket m, TradeView v) {
    Trade t = new Trade(v, m.conditionId(), m.outcomeOf(v.market()));
    t.willFail = faults.takeTradeFailure(v.market());
    trades.put(v.tradeId(), t);
    lastTradePrice.put(v.market(), PolyWire.num(v.price().micros()));
    lastTradeSide.put(v.market(), v.takerSide().name());
    // Accounts come with the two fills that follow (the engine forgets market-maker orders once done).
    OrderMeta takerMeta = orderMeta.get(v.takerOrderId());
    OrderMeta makerMeta = orderMeta.get(v.makerOrderId());
    t.takerOwner = takerMeta == null ? null : takerMeta.owner();
    t.makerOwner = makerMeta == null ? null : makerMeta.owner();
    if (takerMeta != null) {
      takerMeta.trades().add(v.tradeId());
    }
    if (makerMeta != null) {
      makerMeta.trades().add(v.tradeId());
    }
    feed.market(v.market(), new JsonObject()
        .put("event_type", "last_trade_price")
        .put("asset_id", v.market())
        .put("market", m.conditionId())
        .put("price", PolyWire.num(v.price().micros()))
        .put("side", v.takerSide().name())
        .put("size", PolyWire.num(v.quantity().micros()))
        .put("fee_rate_bps", feeRateBps(m))
        .put("timestamp", Long.toString(v.time().toEpochMilli())));
    // The venue follows trades with a fresh book; one per token once the whole match is done.
    if (tradedBooks.isEmpty()) {
      context.runOnContext(x -> {
        List<String> tokens = new ArrayList<>(tradedBooks);
        tradedBooks.clear();
        tokens.forEach(token -> feed.market(token, wsBook(token)));
      });
    }
    tradedBooks.add(v.market());
  }

  private void onFilled(FillView f) {
    Trade t = trades.get(f.tradeId());
    if (t == null) {
      return;
    }
    if (f.taker()) {
      t.takerAccount = f.account();
    } else {
      t.makerAccount = f.account();
    }
    if (t.takerAccount != null && t.makerAccount != null && t.status == TradeStatus.MATCHED && !t.announced) {
      t.announced = true;
      publishTrade(t);
    }
  }

  private void publishTrade(Trade t) {
    if (t.takerOwner != null) {
      feed.user(t.takerAccount, t.conditionId, tradeEvent(t, true, t.takerOwner, addr(t.takerAccount)));
    }
    if (t.makerOwner != null) {
      feed.user(t.makerAccount, t.conditionId, tradeEvent(t, false, t.makerOwner, addr(t.makerAccount)));
    }
  }

  private JsonObject tradeEvent(Trade t, boolean asTaker, String owner, String account) {
    JsonObject json = tradeJson(t, asTaker, owner, account);
    JsonObject event = new JsonObject().put("event_type", "trade").put("type", "TRADE");
    json.forEach(entry -> event.put(entry.getKey(), entry.getValue()));
    event.put("matchtime", json.getString("match_time"));
    event.put("trade_owner", owner);
    event.put("timestamp", Long.toString(t.lastUpdate.toEpochMilli()));
    return event;
  }

  private void onOrderChanged(PolymarketSimMarket m, OrderView v) {
    OrderMeta meta = orderMeta.get(v.orderId());
    if (meta == null) {
      return; // not a Polymarket client's order (the price process)
    }
    boolean firstSight = announced.add(v.orderId());
    String type;
    if (v.state() == OrderState.CANCELED) {
      if (v.filledQuantity().isZero() && (v.timeInForce() == TimeInForce.FOK || v.timeInForce() == TimeInForce.IOC)) {
        return; // killed on entry: the poster got an error, there is no order to report
      }
      type = "CANCELLATION";
    } else if (firstSight && v.state() == OrderState.RESTING) {
      type = "PLACEMENT";
    } else {
      type = "UPDATE";
    }
    JsonObject event = new JsonObject()
        .put("event_type", "order")
        .put("type", type)
        .put("id", v.orderId())
        .put("owner", meta.owner())
        .put("market", m.conditionId())
        .put("asset_id", v.market())
        .put("side", v.side().name())
        .put("price", PolyWire.num(v.price().micros()))
        .put("original_size", PolyWire.num(v.initialQuantity().micros()))
        .put("size_matched", PolyWire.num(v.filledQuantity().micros()))
        .put("outcome", meta.outcome())
        .put("order_type", meta.orderType())
        .put("maker_address", meta.makerAddress())
        .put("expiration", Long.toString(meta.expiration()))
        .put("associate_trades", new JsonArray(new ArrayList<>(meta.trades())))
        .put("status", openOrderJson(v, meta).getString("status"))
        .put("timestamp", Long.toString(v.lastUpdateTime().toEpochMilli()));
    feed.user(v.account(), m.conditionId(), event);
  }

  private void onTicksChanged(PolymarketSimMarket m, ExchangeEvent.TicksChanged t) {
    String old = lastTick.getOrDefault(t.market(), m.tickSize());
    String now = PolyWire.num(t.ticks().bands().get(0).stepMicros());
    lastTick.put(t.market(), now);
    feed.market(t.market(), new JsonObject()
        .put("event_type", "tick_size_change")
        .put("asset_id", t.market())
        .put("market", m.conditionId())
        .put("old_tick_size", PolyWire.num(Fixed.parse(old)))
        .put("new_tick_size", now)
        .put("timestamp", Long.toString(t.time().toEpochMilli())));
    feed.market(t.market(), PolyWire.wsBook(m, t.market(), book(t.market()), nowMillis()));
  }

  /** The market-channel snapshot sent on subscribe. */
  public JsonObject wsBook(String tokenId) {
    return PolyWire.wsBook(byToken.get(tokenId), tokenId, book(tokenId), nowMillis());
  }

  public Vertx vertx() {
    return vertx;
  }
}
