package io.github.crossarb.simulator.polymarket;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.simulator.exchange.Exchange;
import io.github.crossarb.simulator.exchange.NewOrder;
import io.github.crossarb.simulator.polymarket.internal.PolySignatures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One simulator on loopback plus raw HTTP and WebSocket clients, for the integration tests. */
final class PolySimFixture implements AutoCloseable {
  static final String CONDITION = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";
  static final String YES = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
  static final String NO = "52114319501245915516055106046884209969926127482827954674443846427813813222426";
  static final String NR_CONDITION = "0x" + "ab".repeat(32);
  static final String NR_YES = "1111";
  static final String NR_NO = "2222";
  static final String HOUSE = "house";

  static final PolymarketSimMarket MARKET = new PolymarketSimMarket(CONDITION, "Will it rain?", "will-it-rain",
      YES, NO, "0.01", "5", false, "0.03", 1, "2026-12-31T00:00:00Z",
      "Resolves Yes if it rains.");
  static final PolymarketSimMarket NR_MARKET = new PolymarketSimMarket(NR_CONDITION, "Who wins?", "who-wins",
      NR_YES, NR_NO, "0.001", "5", true, "0", 1, "2026-12-31T00:00:00Z", null);

  final TestWallet alice = new TestWallet(TestWallet.KEY_0);
  final TestWallet bob = new TestWallet(TestWallet.KEY_1);
  final PolymarketSimAccount aliceAccount = new PolymarketSimAccount(alice.address, null,
      "2f8c0e47-52c1-4d3a-9b6e-0e7c51a2f4d1", "c2VjcmV0LWZvci1nb2xkZW4tdmVjdG9ycy0xMjM0NTY3OA==", "f00dfeedcafebabe",
      1_000_000_000L, null);
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T04:00:00Z"));
  final Vertx vertx = Vertx.vertx();
  final Exchange exchange = new Exchange("polymarket", clock, 7L);
  final PolymarketSimServer server;
  final WebClient web;
  final int version;
  private long salt = 1000;

  PolySimFixture() throws Exception {
    this(cfg -> cfg);
  }

  PolySimFixture(java.util.function.UnaryOperator<PolymarketSimConfig> tweak) throws Exception {
    PolymarketSimConfig config = tweak.apply(
        PolymarketSimConfig.defaults(List.of(MARKET, NR_MARKET), List.of(aliceAccount)));
    this.version = config.orderVersion();
    exchange.openAccount(HOUSE, Money.ZERO, true);
    server = await(PolymarketSimServer.start(vertx, exchange, config));
    web = WebClient.create(vertx);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** A resting order of the market maker. */
  void house(String token, Side side, String price, String size) {
    exchange.submit(NewOrder.limit(HOUSE, token, side, Price.parse(price), Quantity.parse(size), TimeInForce.GTC));
  }

  record Resp(int status, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }

    JsonArray array() {
      return new JsonArray(body);
    }
  }

  Resp request(HttpMethod method, String uri, String body, Map<String, String> headers) throws Exception {
    HttpRequest<Buffer> req = web.request(method, server.port(), "127.0.0.1", uri);
    headers.forEach(req::putHeader);
    Future<HttpResponse<Buffer>> f = body == null ? req.send()
        : req.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body));
    HttpResponse<Buffer> r = await(f);
    return new Resp(r.statusCode(), r.bodyAsString() == null ? "" : r.bodyAsString());
  }

  Resp get(String uri) throws Exception {
    return request(HttpMethod.GET, uri, null, Map.of());
  }

  /** An L2-signed request: HMAC over timestamp + METHOD + path (no query) + exact body. */
  Resp l2(PolymarketSimAccount creds, HttpMethod method, String uri, String body) throws Exception {
    String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    String ts = Long.toString(clock.instant().getEpochSecond());
    String sig = PolySignatures.l2Signature(creds.secret(), ts, method.name(), path,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    return request(method, uri, body, Map.of("POLY_ADDRESS", creds.address(), "POLY_SIGNATURE", sig,
        "POLY_TIMESTAMP", ts, "POLY_API_KEY", creds.apiKey(), "POLY_PASSPHRASE", creds.passphrase()));
  }

  /** A signed limit order (price × size in 6-decimal units, as the SDK computes them). */
  JsonObject limitOrder(TestWallet w, String token, String side, long priceMicros, long sizeMicros) {
    long notional = Math.multiplyExact(priceMicros, sizeMicros) / 1_000_000L;
    boolean buy = "BUY".equals(side);
    return w.order(new TestWallet.OrderArgs(token, side, buy ? notional : sizeMicros, buy ? sizeMicros : notional,
        w.address, 0, salt++, clock.millis(), 0), version, token.equals(NR_YES) || token.equals(NR_NO));
  }

  /** The POST /order body in the SDK's key order. */
  static String postBody(JsonObject order, String owner, String orderType, boolean postOnly) {
    return new JsonObject().put("deferExec", false).put("postOnly", postOnly).put("order", order)
        .put("owner", owner).put("orderType", orderType).encode();
  }

  Resp post(JsonObject order, String orderType) throws Exception {
    return l2(aliceAccount, HttpMethod.POST, "/order", postBody(order, aliceAccount.apiKey(), orderType, false));
  }

  /** A WebSocket with every text frame queued. */
  record Socket(WebSocket ws, BlockingQueue<String> frames, BlockingQueue<Short> closes) {
    void send(String text) throws Exception {
      await(ws.writeTextMessage(text));
    }

    JsonObject next(String eventType) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (true) {
        long left = deadline - System.nanoTime();
        String f = frames.poll(Math.max(1, left), TimeUnit.NANOSECONDS);
        if (f == null) {
          throw new AssertionError("no " + eventType + " event within 5 s");
        }
        if (f.startsWith("{") && eventType.equals(new JsonObject(f).getString("event_type"))) {
          return new JsonObject(f);
        }
      }
    }
  }

  Socket socket(String path) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    BlockingQueue<Short> closes = new LinkedBlockingQueue<>();
    WebSocket ws = await(client.connect(server.port(), "127.0.0.1", path));
    ws.textMessageHandler(frames::add);
    ws.closeHandler(v -> closes.add(ws.closeStatusCode() == null ? -1 : ws.closeStatusCode()));
    return new Socket(ws, frames, closes);
  }

  Duration timeout() {
    return Duration.ofSeconds(5);
  }

  @Override
  public void close() throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while closing", e);
    }
  }
}
