package io.github.crossarb.kalshi.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.RateLimitedException;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.core.venue.VenueUnavailableException;
import io.github.crossarb.kalshi.KalshiConfig;
import io.github.crossarb.kalshi.KalshiRateTier;
import io.github.crossarb.kalshi.auth.KalshiSigner;
import io.github.crossarb.kalshi.auth.PresignedHeaders;
import io.github.crossarb.kalshi.dto.KalshiMarketData;
import io.github.crossarb.kalshi.dto.KalshiOrders;
import io.github.crossarb.kalshi.dto.KalshiPortfolio;
import io.github.crossarb.kalshi.internal.TokenBucket;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The raw Kalshi Trade API v2 over REST: one method per endpoint, named after it, returning the
 * wire DTOs. Every call is signed when credentials are configured (private calls fail with
 * {@link VenueConfigException} without them), waits for the read or write token bucket of the
 * configured tier, and fails with a {@link VenueException} subclass (see {@link KalshiErrors}).
 * A call answered 429 is sent again after a backoff, newly signed: the 429 proves the venue did
 * not act on it. Reads are also retried after a 5xx or a transport failure; writes never are.
 */
public final class KalshiRestClient {
  /** Read or write budget. */
  public enum Budget { READ, WRITE }

  /** One endpoint call; the path is relative to the base URL (e.g. {@code /portfolio/balance}). */
  public record Call(
      String name,
      HttpMethod method,
      String path,
      List<Map.Entry<String, String>> query,
      Object body,
      boolean requiresAuth,
      Budget budget,
      int cost) {
    public Call {
      query = List.copyOf(query);
    }
  }

  /** A request as it will go on the wire, headers in sending order. */
  public record Prepared(HttpMethod method, String url, String pathAndQuery, List<Map.Entry<String, String>> headers, String body) {}

  private static final VenueId KALSHI = VenueId.KALSHI;
  /** Where orders are created ({@code POST}), under the base path. */
  static final String CREATE_ORDER_PATH = "/portfolio/events/orders";

  private final Vertx vertx;
  private final KalshiConfig config;
  private final WebClient web;
  private final KalshiSigner signer;
  /** The order-create request's auth headers, signed ahead off the event loop (null without credentials). */
  private final PresignedHeaders orderHeaders;
  private final TokenBucket readBucket;
  /** Write budgets per exchange shard ({@code exchange_index}): shards ≥ 1 have their own bucket. */
  private final Map<Integer, TokenBucket> writeBuckets = new java.util.HashMap<>();
  private final ObjectMapper json;
  private final String basePath;

  public KalshiRestClient(Vertx vertx, KalshiConfig config) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.config = Objects.requireNonNull(config, "config");
    this.web = WebClient.create(vertx, new WebClientOptions()
        .setUserAgent("crossarb-kalshi")
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis())));
    this.signer = config.credentials() == null ? null : new KalshiSigner(config.credentials());
    KalshiRateTier tier = config.rateTier();
    this.readBucket = new TokenBucket(tier.readCapacity(), tier.readPerSecond(), this::nanos);
    this.json = mapper();
    String path = config.restBaseUrl().getRawPath();
    this.basePath = path == null ? "" : path;
    this.orderHeaders = signer == null ? null : new PresignedHeaders(signer, HttpMethod.POST.name(),
        basePath + CREATE_ORDER_PATH, PresignedHeaders.DEFAULT_SIZE, PresignedHeaders.DEFAULT_MAX_AGE, config.clock());
  }

  /** The mapper for Kalshi JSON: snake_case, unknown fields ignored, exact decimals. */
  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();
  }

  public KalshiConfig config() {
    return config;
  }

  public boolean hasCredentials() {
    return signer != null;
  }

  public void close() {
    if (orderHeaders != null) {
      orderHeaders.close();
    }
    web.close();
  }

  // ---------------------------------------------------------------- exchange, series, markets

  public Future<KalshiMarketData.ExchangeStatus> getExchangeStatus() {
    return execute(read("getExchangeStatus", "/exchange/status", List.of(), false), KalshiMarketData.ExchangeStatus.class);
  }

  public Future<KalshiMarketData.ScheduleResponse> getExchangeSchedule() {
    return execute(read("getExchangeSchedule", "/exchange/schedule", List.of(), false), KalshiMarketData.ScheduleResponse.class);
  }

  public Future<KalshiMarketData.Series> getSeries(String seriesTicker) {
    return execute(read("getSeries", "/series/" + segment(seriesTicker), List.of(), false),
        KalshiMarketData.SeriesResponse.class)
        .compose(r -> r.series() == null ? Future.failedFuture(KalshiErrors.malformed("series answer (no series)", null))
            : Future.succeededFuture(r.series()));
  }

  /** {@code GET /events}; null filter fields are left out. */
  public record EventsFilter(Integer limit, String cursor, String status, String seriesTicker, Boolean withNestedMarkets, Long minCloseTs) {
    public EventsFilter withCursor(String next) {
      return new EventsFilter(limit, next, status, seriesTicker, withNestedMarkets, minCloseTs);
    }
  }

  public Future<KalshiMarketData.EventsPage> getEvents(EventsFilter filter) {
    List<Map.Entry<String, String>> q = new ArrayList<>();
    add(q, "limit", filter.limit());
    add(q, "cursor", filter.cursor());
    add(q, "status", filter.status());
    add(q, "series_ticker", filter.seriesTicker());
    add(q, "with_nested_markets", filter.withNestedMarkets());
    add(q, "min_close_ts", filter.minCloseTs());
    return execute(read("getEvents", "/events", q, false), KalshiMarketData.EventsPage.class);
  }

  public Future<KalshiMarketData.Event> getEvent(String eventTicker) {
    return execute(read("getEvent", "/events/" + segment(eventTicker), List.of(), false), KalshiMarketData.EventResponse.class)
        .compose(r -> r.event() == null ? Future.failedFuture(KalshiErrors.malformed("event answer (no event)", null))
            : Future.succeededFuture(r.event()));
  }

  /**
   * {@code GET /markets}; null fields are left out. {@code status} filters with
   * {@code unopened|open|paused|closed|settled}; {@code tickers} are sent comma-separated.
   */
  public record MarketsFilter(
      Integer limit, String cursor, String eventTicker, String seriesTicker, String status,
      List<String> tickers, Long minCloseTs, Long maxCloseTs, String mveFilter) {
    public static MarketsFilter open(int limit) {
      return new MarketsFilter(limit, null, null, null, "open", null, null, null, null);
    }

    public MarketsFilter withCursor(String next) {
      return new MarketsFilter(limit, next, eventTicker, seriesTicker, status, tickers, minCloseTs, maxCloseTs, mveFilter);
    }
  }

  public Future<KalshiMarketData.MarketsPage> getMarkets(MarketsFilter filter) {
    List<Map.Entry<String, String>> q = new ArrayList<>();
    add(q, "limit", filter.limit());
    add(q, "cursor", filter.cursor());
    add(q, "event_ticker", filter.eventTicker());
    add(q, "series_ticker", filter.seriesTicker());
    add(q, "status", filter.status());
    add(q, "tickers", filter.tickers() == null || filter.tickers().isEmpty() ? null : String.join(",", filter.tickers()));
    add(q, "min_close_ts", filter.minCloseTs());
    add(q, "max_close_ts", filter.maxCloseTs());
    add(q, "mve_filter", filter.mveFilter());
    return execute(read("getMarkets", "/markets", q, false), KalshiMarketData.MarketsPage.class);
  }

  public Future<KalshiMarketData.Market> getMarket(String ticker) {
    return execute(read("getMarket", "/markets/" + segment(ticker), List.of(), false), KalshiMarketData.MarketResponse.class)
        .compose(r -> r.market() == null ? Future.failedFuture(KalshiErrors.malformed("market answer (no market)", null))
            : Future.succeededFuture(r.market()));
  }

  /** {@code depth} ≤ 0 means every level. */
  public Future<KalshiMarketData.OrderbookFp> getOrderbook(String ticker, int depth) {
    List<Map.Entry<String, String>> q = new ArrayList<>();
    if (depth > 0) {
      add(q, "depth", depth);
    }
    return execute(read("getOrderbook", "/markets/" + segment(ticker) + "/orderbook", q, false),
        KalshiMarketData.OrderbookResponse.class)
        .compose(r -> r.orderbookFp() == null
            ? Future.failedFuture(KalshiErrors.malformed("order book (no orderbook_fp)", null))
            : Future.succeededFuture(r.orderbookFp()));
  }

  // ---------------------------------------------------------------- portfolio

  public Future<KalshiPortfolio.Balance> getBalance() {
    return execute(read("getBalance", "/portfolio/balance", List.of(), true), KalshiPortfolio.Balance.class);
  }

  public Future<KalshiPortfolio.PositionsPage> getPositions(String cursor, Integer limit, String ticker, String countFilter) {
    List<Map.Entry<String, String>> q = new ArrayList<>();
    add(q, "cursor", cursor);
    add(q, "limit", limit);
    add(q, "count_filter", countFilter);
    add(q, "ticker", ticker);
    return execute(read("getPositions", "/portfolio/positions", q, true), KalshiPortfolio.PositionsPage.class);
  }

  public Future<KalshiPortfolio.FillsPage> getFills(String ticker, String orderId, Long minTs, Long maxTs, Integer limit, String cursor) {
    List<Map.Entry<String, String>> q = new ArrayList<>();
    add(q, "ticker", ticker);
    add(q, "order_id", orderId);
    add(q, "min_ts", minTs);
    add(q, "max_ts", maxTs);
    add(q, "limit", limit);
    add(q, "cursor", cursor);
    return execute(read("getFills", "/portfolio/fills", q, true), KalshiPortfolio.FillsPage.class);
  }

  /** {@code status} is {@code resting|canceled|executed} or null for all. */
  public Future<KalshiPortfolio.OrdersPage> getOrders(String ticker, String status, Integer limit, String cursor) {
    List<Map.Entry<String, String>> q = new ArrayList<>();
    add(q, "ticker", ticker);
    add(q, "status", status);
    add(q, "limit", limit);
    add(q, "cursor", cursor);
    return execute(read("getOrders", "/portfolio/orders", q, true), KalshiPortfolio.OrdersPage.class);
  }

  /**
   * Our order with {@code client_order_id} = {@code clientOrderId}, found by paging
   * {@code GET /portfolio/orders} (narrowed to {@code ticker} when given; at most {@code maxPages}
   * pages); empty when Kalshi has no such order. This is how an unknown create is settled.
   */
  public Future<java.util.Optional<KalshiPortfolio.Order>> findOrderByClientOrderId(String clientOrderId, String ticker,
      int maxPages) {
    return findOrderPage(clientOrderId, ticker, null, 0, maxPages);
  }

  private Future<java.util.Optional<KalshiPortfolio.Order>> findOrderPage(String clientOrderId, String ticker, String cursor,
      int page, int maxPages) {
    return getOrders(ticker, null, 200, cursor).compose(result -> {
      if (result.orders() != null) {
        for (KalshiPortfolio.Order order : result.orders()) {
          if (clientOrderId.equals(order.clientOrderId())) {
            return Future.succeededFuture(java.util.Optional.of(order));
          }
        }
      }
      String next = result.cursor();
      if (next == null || next.isEmpty() || page + 1 >= maxPages) {
        return Future.succeededFuture(java.util.Optional.<KalshiPortfolio.Order>empty());
      }
      return findOrderPage(clientOrderId, ticker, next, page + 1, maxPages);
    });
  }

  public Future<KalshiPortfolio.Order> getOrder(String orderId) {
    Call call = new Call("getOrder", HttpMethod.GET, "/portfolio/orders/" + segment(orderId), List.of(), null, true,
        Budget.READ, KalshiRateTier.CANCEL_COST);
    return execute(call, KalshiPortfolio.OrderResponse.class)
        .compose(r -> r.order() == null ? Future.failedFuture(KalshiErrors.malformed("order answer (no order)", null))
            : Future.succeededFuture(r.order()));
  }

  // ---------------------------------------------------------------- V2 order entry

  public Call createOrderCall(KalshiOrders.CreateOrderRequest request) {
    return new Call("createOrder", HttpMethod.POST, CREATE_ORDER_PATH, List.of(), request, true,
        Budget.WRITE, KalshiRateTier.DEFAULT_COST);
  }

  public Future<KalshiOrders.CreateOrderResponse> createOrder(KalshiOrders.CreateOrderRequest request) {
    return execute(createOrderCall(request), KalshiOrders.CreateOrderResponse.class);
  }

  /** Each item succeeds or fails on its own; the cost is charged per order. */
  public Future<KalshiOrders.BatchCreateResponse> batchCreateOrders(List<KalshiOrders.CreateOrderRequest> orders) {
    Call call = new Call("batchCreateOrders", HttpMethod.POST, "/portfolio/events/orders/batched", List.of(),
        new KalshiOrders.BatchCreateRequest(List.copyOf(orders)), true, Budget.WRITE,
        KalshiRateTier.DEFAULT_COST * Math.max(1, orders.size()));
    return execute(call, KalshiOrders.BatchCreateResponse.class);
  }

  /** {@code marketTicker} and {@code exchangeIndex} route the cancel directly when known (else null). */
  public Future<KalshiOrders.CancelResponse> cancelOrder(String orderId, String marketTicker, Integer exchangeIndex) {
    List<Map.Entry<String, String>> q = new ArrayList<>();
    add(q, "market_ticker", marketTicker);
    add(q, "exchange_index", exchangeIndex);
    Call call = new Call("cancelOrder", HttpMethod.DELETE, "/portfolio/events/orders/" + segment(orderId), q, null, true,
        Budget.WRITE, KalshiRateTier.CANCEL_COST);
    return execute(call, KalshiOrders.CancelResponse.class);
  }

  public Future<KalshiOrders.BatchCancelResponse> batchCancelOrders(List<KalshiOrders.BatchCancelItem> orders) {
    Call call = new Call("batchCancelOrders", HttpMethod.DELETE, "/portfolio/events/orders/batched", List.of(),
        new KalshiOrders.BatchCancelRequest(List.copyOf(orders)), true, Budget.WRITE,
        KalshiRateTier.CANCEL_COST * Math.max(1, orders.size()));
    return execute(call, KalshiOrders.BatchCancelResponse.class);
  }

  public Future<KalshiOrders.AmendResponse> amendOrder(String orderId, KalshiOrders.AmendRequest request) {
    Call call = new Call("amendOrder", HttpMethod.POST, "/portfolio/events/orders/" + segment(orderId) + "/amend", List.of(),
        request, true, Budget.WRITE, KalshiRateTier.DEFAULT_COST);
    return execute(call, KalshiOrders.AmendResponse.class);
  }

  public Future<KalshiOrders.DecreaseResponse> decreaseOrder(String orderId, KalshiOrders.DecreaseRequest request) {
    Call call = new Call("decreaseOrder", HttpMethod.POST, "/portfolio/events/orders/" + segment(orderId) + "/decrease",
        List.of(), request, true, Budget.WRITE, KalshiRateTier.DEFAULT_COST);
    return execute(call, KalshiOrders.DecreaseResponse.class);
  }

  /** {@code DELETE /portfolio/events/orders}: cancels every resting order; Kalshi answers without a body. */
  public Future<Void> cancelAllOrders() {
    Call call = new Call("cancelAllOrders", HttpMethod.DELETE, "/portfolio/events/orders", List.of(), null, true,
        Budget.WRITE, KalshiRateTier.DEFAULT_COST);
    return send(call, 0).mapEmpty();
  }

  // ---------------------------------------------------------------- machinery

  /** The request {@code call} would send now, signed here (secret header values as they are). */
  public Prepared prepare(Call call) {
    return prepare(call, false);
  }

  /** {@code presigned}: an order submit may take a pre-signed header set (only for a request that is sent). */
  private Prepared prepare(Call call, boolean presigned) {
    if (call.requiresAuth() && signer == null) {
      throw new VenueConfigException(KALSHI, "Kalshi " + call.name()
          + " needs credentials: set KALSHI_API_KEY_ID and KALSHI_KEY_FILE or KALSHI_KEY_B64");
    }
    StringBuilder pathAndQuery = new StringBuilder(basePath).append(call.path());
    for (int i = 0; i < call.query().size(); i++) {
      Map.Entry<String, String> p = call.query().get(i);
      pathAndQuery.append(i == 0 ? '?' : '&').append(encode(p.getKey())).append('=').append(encode(p.getValue()));
    }
    String body;
    try {
      body = call.body() == null ? null : json.writeValueAsString(call.body());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + call.name() + " body", e);
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry("Accept", "application/json"));
    if (body != null) {
      headers.add(Map.entry("Content-Type", "application/json"));
    }
    if (signer != null) {
      // An order submit takes a pre-signed set (used once, fresh); anything else, or none ready, signs here.
      List<Map.Entry<String, String>> auth = presigned && orderHeaders != null
          && orderHeaders.covers(call.method().name(), pathAndQuery.toString()) ? orderHeaders.take() : null;
      headers.addAll(auth != null ? auth
          : signer.headers(config.clock().millis(), call.method().name(), pathAndQuery.toString()));
    }
    String origin = config.restBaseUrl().getScheme() + "://" + config.restBaseUrl().getRawAuthority();
    return new Prepared(call.method(), origin + pathAndQuery, pathAndQuery.toString(), headers, body);
  }

  /** Sends {@code call} and decodes a 2xx body as {@code type}. */
  public <T> Future<T> execute(Call call, Class<T> type) {
    return send(call, 0).compose(body -> {
      try {
        return Future.succeededFuture(decode(json, body.getBytes(), type, call.name()));
      } catch (VenueException e) {
        return Future.failedFuture(e);
      }
    });
  }

  /**
   * Decodes a 2xx body; anything unreadable is a {@link io.github.crossarb.core.venue.VenueProtocolException}.
   */
  public static <T> T decode(ObjectMapper json, byte[] body, Class<T> type, String what) {
    T value;
    try {
      value = json.readValue(body, type);
    } catch (Exception e) {
      throw KalshiErrors.malformed(what + " answer", e);
    }
    if (value == null) {
      throw KalshiErrors.malformed(what + " answer (empty)", null);
    }
    return value;
  }

  private Future<Buffer> send(Call call, int attempt) {
    Prepared prepared;
    try {
      prepared = prepare(call, true);
    } catch (VenueException e) {
      return Future.failedFuture(e);
    }
    TokenBucket bucket = call.budget() == Budget.READ ? readBucket : writeBucket(shardOf(call));
    long wait = bucket.reserve(call.cost());
    Future<Buffer> sent = wait == 0 ? sendNow(call, prepared) : delay(wait).compose(v -> sendNow(call, prepare(call, true)));
    return sent.recover(failure -> {
      boolean retryable = failure instanceof RateLimitedException
          // Reads are idempotent: a 5xx or a lost connection may be retried. Writes never are.
          || call.budget() == Budget.READ && call.method() == HttpMethod.GET && failure instanceof VenueUnavailableException;
      if (failure instanceof RateLimitedException) {
        bucket.drain();
      }
      if (!retryable || attempt >= config.maxRateLimitRetries()) {
        return Future.failedFuture(failure);
      }
      return delay(backoffMillis(attempt)).compose(v -> send(call, attempt + 1));
    });
  }

  private Future<Buffer> sendNow(Call call, Prepared prepared) {
    String what = call.method() + " " + basePath + call.path();
    HttpRequest<Buffer> request = web.requestAbs(prepared.method(), prepared.url())
        .timeout(config.requestTimeout().toMillis());
    for (Map.Entry<String, String> header : prepared.headers()) {
      request.putHeader(header.getKey(), header.getValue());
    }
    Future<HttpResponse<Buffer>> response = prepared.body() == null
        ? request.send()
        : request.sendBuffer(Buffer.buffer(prepared.body()));
    return response.transform(ar -> {
      if (ar.failed()) {
        return Future.failedFuture(KalshiErrors.fromTransport(what, ar.cause()));
      }
      HttpResponse<Buffer> r = ar.result();
      Buffer body = r.body() == null ? Buffer.buffer() : r.body();
      if (r.statusCode() / 100 == 2) {
        return Future.succeededFuture(body.length() == 0 ? Buffer.buffer("{}") : body);
      }
      return Future.failedFuture(KalshiErrors.fromResponse(what, r.statusCode(), body.toString(StandardCharsets.UTF_8)));
    });
  }

  /** Read tokens left now (negative while calls wait). */
  public double readTokens() {
    return readBucket.available();
  }

  /** Write tokens left now on shard {@code exchangeIndex} (negative while calls wait). */
  public double writeTokens(int exchangeIndex) {
    return writeBucket(exchangeIndex).available();
  }

  private TokenBucket writeBucket(int shard) {
    KalshiRateTier tier = config.rateTier();
    return writeBuckets.computeIfAbsent(shard, s -> new TokenBucket(tier.writeCapacity(), tier.writePerSecond(), this::nanos));
  }

  /** The shard a write goes to when the call names it; 0 (the main exchange) otherwise. */
  static int shardOf(Call call) {
    Integer shard = null;
    if (call.body() instanceof KalshiOrders.CreateOrderRequest create) {
      shard = create.exchangeIndex();
    } else if (call.body() instanceof KalshiOrders.BatchCreateRequest batch) {
      shard = common(batch.orders().stream().map(KalshiOrders.CreateOrderRequest::exchangeIndex).toList());
    } else if (call.body() instanceof KalshiOrders.BatchCancelRequest batch) {
      shard = common(batch.orders().stream().map(KalshiOrders.BatchCancelItem::exchangeIndex).toList());
    } else {
      for (Map.Entry<String, String> parameter : call.query()) {
        if (parameter.getKey().equals("exchange_index")) {
          shard = Integer.valueOf(parameter.getValue());
        }
      }
    }
    return shard == null || shard < 0 ? 0 : shard;
  }

  private static Integer common(List<Integer> shards) {
    Integer first = shards.isEmpty() ? null : shards.get(0);
    return shards.stream().allMatch(s -> Objects.equals(s, first)) ? first : null;
  }

  /** The bucket clock follows the configured clock, so tests can hold time still. */
  private long nanos() {
    return Math.multiplyExact(config.clock().millis(), 1_000_000L);
  }

  private long backoffMillis(int attempt) {
    long base = Math.max(1, config.reconnectMin().toMillis());
    long capped = Math.min(config.reconnectMax().toMillis(), base << Math.min(attempt, 16));
    return capped + ThreadLocalRandom.current().nextLong(0, Math.max(1, capped / 2));
  }

  private Future<Void> delay(long millis) {
    Promise<Void> promise = Promise.promise();
    vertx.setTimer(Math.max(1, millis), id -> promise.complete());
    return promise.future();
  }

  private static Call read(String name, String path, List<Map.Entry<String, String>> query, boolean auth) {
    return new Call(name, HttpMethod.GET, path, query, null, auth, Budget.READ, KalshiRateTier.DEFAULT_COST);
  }

  private static void add(List<Map.Entry<String, String>> query, String key, Object value) {
    if (value != null) {
      query.add(Map.entry(key, value.toString()));
    }
  }

  private static String segment(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("empty path segment");
    }
    return encode(value);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
