package io.github.crossarb.polymarket.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.polymarket.PolymarketConfig;
import io.github.crossarb.polymarket.auth.ApiCredentials;
import io.github.crossarb.polymarket.auth.ClobAuthSigner;
import io.github.crossarb.polymarket.auth.L2HeaderSigner;
import io.github.crossarb.polymarket.internal.Json;
import io.github.crossarb.polymarket.order.TickSize;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The raw CLOB REST API, one method per endpoint, named after it. Public endpoints need nothing;
 * {@code /auth/*} is signed with the wallet (L1); everything else with the API credentials (L2).
 * Futures fail with core's {@code VenueException}s, mapped in {@link PolymarketErrors}.
 */
public final class PolymarketRestClient {
  private static final VenueId VENUE = VenueId.POLYMARKET;

  private final WebClient web;
  private final PolymarketConfig config;
  private final String base;
  private final ClobAuthSigner l1;
  private volatile L2HeaderSigner l2;
  private volatile Integer orderVersion;

  public PolymarketRestClient(WebClient web, PolymarketConfig config) {
    this.web = Objects.requireNonNull(web, "web");
    this.config = Objects.requireNonNull(config, "config");
    this.base = config.clobUrl().toString();
    this.l1 = config.wallet() == null ? null : new ClobAuthSigner(config.wallet(), config.chainId());
    if (config.credentials() != null && config.wallet() != null) {
      setCredentials(config.credentials());
    }
  }

  /** Uses {@code credentials} for L2 calls from now on. */
  public void setCredentials(ApiCredentials credentials) {
    if (config.wallet() == null) {
      throw new VenueConfigException(VENUE, "Polymarket API credentials need POLY_PRIVATE_KEY too (L2 headers carry the EOA)");
    }
    try {
      this.l2 = new L2HeaderSigner(config.wallet().address(), credentials);
    } catch (IllegalArgumentException e) {
      throw new VenueConfigException(VENUE, e.getMessage());
    }
  }

  public boolean hasCredentials() {
    return l2 != null;
  }

  public ApiCredentials credentials() {
    L2HeaderSigner signer = l2;
    return signer == null ? null : signer.credentials();
  }

  // ---------------------------------------------------------------- public

  /** {@code GET /version}: the order version to sign (2 or 3); 2 when the server does not say. */
  public Future<Integer> getVersion() {
    return json(publicCall("GET", "/version", Map.of()), "GET /version").map(node -> Json.decode("version", () -> {
      JsonNode v = node.isObject() ? node.get("version") : null;
      if (v == null || v.isNull()) {
        return 2;
      }
      if (!v.canConvertToInt()) {
        throw Json.error("version is not an integer");
      }
      return v.asInt();
    }));
  }

  /** The cached order version, read from {@code /version} on first use or when {@code refresh}. */
  public Future<Integer> orderVersion(boolean refresh) {
    Integer cached = orderVersion;
    if (cached != null && !refresh) {
      return Future.succeededFuture(cached);
    }
    return getVersion().map(v -> {
      orderVersion = v;
      return v;
    });
  }

  /** {@code GET /time}: server time, unix seconds. */
  public Future<Long> getTime() {
    return json(publicCall("GET", "/time", Map.of()), "GET /time").map(node -> Json.decode("time", () -> {
      if (!node.canConvertToLong()) {
        throw Json.error("time is not an integer");
      }
      return node.asLong();
    }));
  }

  public Future<ClobMarketInfo> getClobMarket(String conditionId) {
    String path = "/clob-markets/" + segment(conditionId);
    return json(publicCall("GET", path, Map.of()), "GET /clob-markets").map(ClobMarketInfo::decode);
  }

  /** {@code GET /markets?next_cursor=}: one page of CLOB markets (start with {@link Page#FIRST}). */
  public Future<Page<ClobMarket>> getMarkets(String cursor) {
    return json(publicCall("GET", "/markets", Map.of("next_cursor", cursor)), "GET /markets")
        .map(node -> Json.decode("markets page", () -> {
          Json.object(node, "markets page");
          return new Page<>(Json.list(node, "data", ClobMarket::decode), Json.optText(node, "next_cursor"));
        }));
  }

  /** {@code GET /markets/{conditionId}}. */
  public Future<ClobMarket> getMarket(String conditionId) {
    return json(publicCall("GET", "/markets/" + segment(conditionId), Map.of()), "GET /markets/{id}")
        .map(ClobMarket::decode);
  }

  /** {@code GET /markets-by-token/{tokenId}}: the condition id of the token's market. */
  public Future<String> getConditionIdByToken(String tokenId) {
    String path = "/markets-by-token/" + segment(tokenId);
    return json(publicCall("GET", path, Map.of()), "GET /markets-by-token")
        .map(node -> Json.decode("market by token", () -> Json.text(Json.object(node, "market"), "condition_id")));
  }

  public Future<PolymarketBook> getBook(String tokenId) {
    return json(publicCall("GET", "/book", Map.of("token_id", tokenId)), "GET /book").map(PolymarketBook::decode);
  }

  /** {@code POST /books} with {@code [{token_id}]}. */
  public Future<List<PolymarketBook>> getBooks(List<String> tokenIds) {
    var array = Json.MAPPER.createArrayNode();
    tokenIds.forEach(id -> array.addObject().put("token_id", id));
    HttpCall call = new HttpCall("POST", base + "/books", List.of(Map.entry("Content-Type", "application/json")),
        array.toString());
    return json(call, "POST /books").map(node -> Json.decode("books", () -> Json.each(Json.array(node, "books"),
        PolymarketBook::decode)));
  }

  public Future<TickSize> getTickSize(String tokenId) {
    return json(publicCall("GET", "/tick-size", Map.of("token_id", tokenId)), "GET /tick-size")
        .map(node -> Json.decode("tick size", () -> {
          String text = Json.text(node, "minimum_tick_size");
          return TickSize.parse(text).orElseThrow(() -> Json.error("unknown tick size " + Json.clip(text)));
        }));
  }

  public Future<Boolean> getNegRisk(String tokenId) {
    return json(publicCall("GET", "/neg-risk", Map.of("token_id", tokenId)), "GET /neg-risk")
        .map(node -> Json.decode("neg risk", () -> {
          Json.field(node, "neg_risk");
          return Json.bool(node, "neg_risk", false);
        }));
  }

  // ---------------------------------------------------------------- L1

  /** {@code POST /auth/api-key} (empty body): a new key for {@code nonce}. */
  public Future<ApiCredentials> createApiKey(long nonce) {
    return l1Call("POST", "/auth/api-key", nonce).compose(call -> json(call, "POST /auth/api-key"))
        .map(PolymarketRestClient::credentialsOf);
  }

  /** {@code GET /auth/derive-api-key}: the existing key for {@code nonce}. */
  public Future<ApiCredentials> deriveApiKey(long nonce) {
    return l1Call("GET", "/auth/derive-api-key", nonce).compose(call -> json(call, "GET /auth/derive-api-key"))
        .map(PolymarketRestClient::credentialsOf);
  }

  /** Create first; when that fails or gives no key (it exists already), derive. */
  public Future<ApiCredentials> createOrDeriveApiKey(long nonce) {
    return createApiKey(nonce).recover(e -> {
      if (e instanceof VenueConfigException || e instanceof io.github.crossarb.core.venue.VenueUnavailableException) {
        return Future.failedFuture(e);
      }
      return deriveApiKey(nonce);
    });
  }

  private static ApiCredentials credentialsOf(JsonNode node) {
    return Json.decode("api key", () -> {
      Json.object(node, "api key");
      try {
        return new ApiCredentials(Json.text(node, "apiKey"), Json.text(node, "secret"), Json.text(node, "passphrase"));
      } catch (IllegalArgumentException e) {
        throw Json.error("api key response has an empty field");
      }
    });
  }

  // ---------------------------------------------------------------- L2: orders

  /** The signed {@code POST /order} call for {@code body}, not sent. */
  public HttpCall postOrderCall(String body) {
    return l2Call("POST", "/order", Map.of(), body);
  }

  public Future<PostOrderResponse> postOrder(HttpCall call) {
    return send(call, "POST /order").map(r -> PostOrderResponse.decode(Json.parse(r.body, "POST /order response")));
  }

  /** {@code POST /orders}: one response per order, in order. */
  public Future<List<PostOrderResponse>> postOrders(String body) {
    HttpCall call = l2Call("POST", "/orders", Map.of(), body);
    return json(call, "POST /orders").map(node -> Json.decode("orders response",
        () -> Json.each(Json.array(node, "orders response"), PostOrderResponse::decode)));
  }

  /** {@code DELETE /order} with body {@code {"orderID": hash}}. */
  public Future<CancelResponse> cancelOrder(String orderId) {
    var body = Json.MAPPER.createObjectNode().put("orderID", orderId).toString();
    return json(l2Call("DELETE", "/order", Map.of(), body), "DELETE /order").map(CancelResponse::decode);
  }

  /** {@code DELETE /orders} with a bare array of hashes. */
  public Future<CancelResponse> cancelOrders(List<String> orderIds) {
    var array = Json.MAPPER.createArrayNode();
    orderIds.forEach(array::add);
    return json(l2Call("DELETE", "/orders", Map.of(), array.toString()), "DELETE /orders").map(CancelResponse::decode);
  }

  /** {@code DELETE /cancel-all} (no body). */
  public Future<CancelResponse> cancelAll() {
    return json(l2Call("DELETE", "/cancel-all", Map.of(), null), "DELETE /cancel-all").map(CancelResponse::decode);
  }

  /** {@code GET /data/orders}, every page. {@code filters}: {@code id}, {@code market}, {@code asset_id}. */
  public Future<List<OpenOrder>> getOrders(Map<String, String> filters) {
    return allPages("/data/orders", filters, OpenOrder::decode);
  }

  /** {@code GET /data/order/{id}}; empty when the venue does not know the order. */
  public Future<java.util.Optional<OpenOrder>> getOrder(String orderId) {
    HttpCall call = l2Call("GET", "/data/order/" + segment(orderId), Map.of(), null);
    return send(call, "GET /data/order").map(r -> {
      JsonNode node = Json.parse(r.body, "GET /data/order");
      // The venue answers an unknown id with 200 and an empty body, null or {}.
      if (node.isNull() || (node.isObject() && node.isEmpty())) {
        return java.util.Optional.<OpenOrder>empty();
      }
      return java.util.Optional.of(OpenOrder.decode(node));
    }).recover(e -> e instanceof io.github.crossarb.core.venue.VenueRejectedException rejected
        && rejected.httpStatus() == 404 ? Future.succeededFuture(java.util.Optional.empty()) : Future.failedFuture(e));
  }

  /** {@code GET /data/trades}, every page. {@code filters}: {@code id, market, asset_id, maker_address, before, after}. */
  public Future<List<PolymarketTrade>> getTrades(Map<String, String> filters) {
    return allPages("/data/trades", filters, PolymarketTrade::decode);
  }

  // ---------------------------------------------------------------- L2: account

  /** {@code GET /balance-allowance?asset_type=COLLATERAL|CONDITIONAL[&token_id]&signature_type=N}. */
  public Future<BalanceAllowance> getBalanceAllowance(String assetType, String tokenId) {
    return json(l2Call("GET", "/balance-allowance", balanceQuery(assetType, tokenId), null), "GET /balance-allowance")
        .map(BalanceAllowance::decode);
  }

  /** {@code GET /balance-allowance/update}: makes the venue re-read the chain after approvals or a wrap. */
  public Future<Void> updateBalanceAllowance(String assetType, String tokenId) {
    return send(l2Call("GET", "/balance-allowance/update", balanceQuery(assetType, tokenId), null),
        "GET /balance-allowance/update").mapEmpty();
  }

  private Map<String, String> balanceQuery(String assetType, String tokenId) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("asset_type", assetType);
    if (tokenId != null) {
      query.put("token_id", tokenId);
    }
    query.put("signature_type", Integer.toString(config.signatureType().code()));
    return query;
  }

  /**
   * {@code POST /v1/heartbeats}: keeps the orders alive; once started, a missed beat (~10 s)
   * cancels every open order. Returns the id for the next beat.
   */
  public Future<String> postHeartbeat(String previousId) {
    String body = Json.MAPPER.createObjectNode().put("heartbeat_id", previousId == null ? "" : previousId).toString();
    return json(l2Call("POST", "/v1/heartbeats", Map.of(), body), "POST /v1/heartbeats")
        .map(node -> Json.decode("heartbeat", () -> Json.text(node, "heartbeat_id")));
  }

  // ---------------------------------------------------------------- machinery

  private <T> Future<List<T>> allPages(String path, Map<String, String> filters, Function<JsonNode, T> decoder) {
    List<T> all = new ArrayList<>();
    return page(path, filters, Page.FIRST, decoder, all, 0);
  }

  private <T> Future<List<T>> page(String path, Map<String, String> filters, String cursor,
      Function<JsonNode, T> decoder, List<T> all, int pages) {
    if (pages >= 1000) {
      return Future.failedFuture(PolymarketErrors.protocol("GET " + path, "more than 1000 pages: cursor loop?"));
    }
    Map<String, String> query = new LinkedHashMap<>(filters);
    query.put("next_cursor", cursor);
    HttpCall call;
    try {
      call = l2Call("GET", path, query, null);
    } catch (VenueException e) {
      return Future.failedFuture(e);
    }
    return json(call, "GET " + path).compose(node -> {
      Page<T> p = Json.decode(path + " page", () -> {
        Json.object(node, path + " page");
        return new Page<>(Json.list(node, "data", decoder), Json.optText(node, "next_cursor"));
      });
      all.addAll(p.data());
      if (p.isLast() || p.nextCursor().equals(cursor)) {
        return Future.succeededFuture(all);
      }
      return page(path, filters, p.nextCursor(), decoder, all, pages + 1);
    });
  }

  private HttpCall publicCall(String method, String path, Map<String, String> query) {
    return new HttpCall(method, base + path + queryString(query), List.of(), null);
  }

  private Future<HttpCall> l1Call(String method, String path, long nonce) {
    if (l1 == null) {
      return Future.failedFuture(new VenueConfigException(VENUE, "Polymarket API keys need POLY_PRIVATE_KEY"));
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>(l1.headers(nowSeconds(), nonce));
    headers.add(Map.entry("Content-Type", "application/json"));
    // POST /auth/api-key goes with an empty body (Content-Length: 0), like the official client.
    return Future.succeededFuture(new HttpCall(method, base + path, headers, method.equals("POST") ? "" : null));
  }

  /**
   * A signed L2 call: the signature covers the path without the query, and the exact body.
   *
   * @throws VenueConfigException without credentials
   */
  public HttpCall l2Call(String method, String path, Map<String, String> query, String body) {
    L2HeaderSigner signer = l2;
    if (signer == null) {
      throw new VenueConfigException(VENUE, "Polymarket private endpoints need POLY_PRIVATE_KEY (and API credentials,"
          + " given or derived)");
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>(signer.headers(nowSeconds(), method, path, body));
    headers.add(Map.entry("Content-Type", "application/json"));
    return new HttpCall(method, base + path + queryString(query), headers, body);
  }

  private long nowSeconds() {
    return Math.floorDiv(config.clock().millis(), 1000L);
  }

  private Future<JsonNode> json(HttpCall call, String what) {
    return send(call, what).map(r -> Json.parse(r.body, what + " response"));
  }

  /** A 2xx response's status and body. */
  public record Response(int status, String body) {}

  /** Sends {@code call} once; non-2xx answers and transport failures fail the future, mapped. */
  public Future<Response> send(HttpCall call, String what) {
    HttpRequest<Buffer> request;
    try {
      request = web.requestAbs(HttpMethod.valueOf(call.method()), call.url())
          .timeout(config.requestTimeout().toMillis());
    } catch (RuntimeException e) {
      return Future.failedFuture(new VenueConfigException(VENUE, "bad Polymarket URL " + Json.clip(call.url())));
    }
    for (Map.Entry<String, String> h : call.headers()) {
      request.putHeader(h.getKey(), h.getValue());
    }
    Future<io.vertx.ext.web.client.HttpResponse<Buffer>> sent = call.body() == null
        ? request.send()
        : request.sendBuffer(Buffer.buffer(call.body(), "UTF-8"));
    return sent.transform(ar -> {
      if (ar.failed()) {
        return Future.failedFuture(PolymarketErrors.transport(what, ar.cause()));
      }
      var response = ar.result();
      String body = response.bodyAsString("UTF-8");
      int status = response.statusCode();
      if (status / 100 != 2) {
        return Future.failedFuture(PolymarketErrors.fromStatus(status, body, response.getHeader("Retry-After"), what));
      }
      return Future.succeededFuture(new Response(status, body));
    });
  }

  static String queryString(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("?");
    for (Map.Entry<String, String> e : query.entrySet()) {
      if (out.length() > 1) {
        out.append('&');
      }
      out.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static String segment(String id) {
    return URLEncoder.encode(Objects.requireNonNull(id, "id"), StandardCharsets.UTF_8);
  }
}
