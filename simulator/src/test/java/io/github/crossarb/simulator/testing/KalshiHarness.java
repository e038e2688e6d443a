package io.github.crossarb.simulator.testing;

import io.github.crossarb.simulator.Simulation;
import io.github.crossarb.simulator.SimulationOptions;
import io.github.crossarb.simulator.exchange.ManualClock;
import io.github.crossarb.simulator.internal.RsaPem;
import io.github.crossarb.simulator.scenario.Scenario;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A running simulation on a manual clock plus raw HTTP and WebSocket clients that sign like Kalshi's. */
public final class KalshiHarness implements AutoCloseable {
  public static final Instant START = Instant.parse("2026-11-27T00:00:00Z");
  public final Vertx vertx = Vertx.vertx();
  public final ManualClock clock = new ManualClock(START);
  public final Simulation sim;
  public final WebClient http;
  public final TestKalshiSigner signer;
  public final String base;

  public KalshiHarness(Scenario scenario, Path dir, Duration pingInterval) throws Exception {
    SimulationOptions options = SimulationOptions.defaults(dir).withClock(clock, false).withPingInterval(pingInterval);
    sim = await(Simulation.start(vertx, scenario, options));
    http = WebClient.create(vertx);
    var keys = RsaPem.read(Files.readString(sim.kalshiKeyFile(), StandardCharsets.US_ASCII));
    signer = new TestKalshiSigner(sim.kalshiKeyId(), keys.getPrivate());
    base = sim.kalshi().apiUrl();
  }

  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  /** An unsigned request to {@code pathAndQuery} under /trade-api/v2. */
  public HttpRequest<Buffer> raw(HttpMethod method, String pathAndQuery) {
    return http.requestAbs(method, base + pathAndQuery);
  }

  /** A request signed over its path (without the query) at the clock's time. */
  public HttpRequest<Buffer> signed(HttpMethod method, String pathAndQuery) {
    HttpRequest<Buffer> req = raw(method, pathAndQuery);
    String path = "/trade-api/v2" + (pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
        : pathAndQuery);
    signer.headers(method.name(), path, clock.millis()).forEach(req::putHeader);
    return req;
  }

  public HttpResponse<Buffer> get(String pathAndQuery) throws Exception {
    return await(signed(HttpMethod.GET, pathAndQuery).send());
  }

  public HttpResponse<Buffer> send(HttpMethod method, String path, JsonObject body) throws Exception {
    HttpRequest<Buffer> req = signed(method, path);
    return await(body == null ? req.send() : req.sendJsonObject(body));
  }

  public static JsonObject order(String ticker, String side, String count, String price, String tif) {
    return new JsonObject().put("ticker", ticker).put("side", side).put("count", count).put("price", price)
        .put("time_in_force", tif).put("self_trade_prevention_type", "taker_at_cross");
  }

  /** A signed WebSocket whose text frames go to the returned queue. */
  public Stream connect() throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(sim.kalshi().port()).setURI("/trade-api/ws/v2");
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    signer.headers("GET", "/trade-api/ws/v2", clock.millis()).forEach(headers::add);
    options.setHeaders(headers);
    Stream stream = new Stream();
    WebSocket ws = await(client.connect(options));
    ws.textMessageHandler(t -> stream.frames.add(new JsonObject(t)));
    ws.frameHandler(f -> {
      if (f.isPing()) {
        stream.pings.add(f.binaryData().toString(StandardCharsets.UTF_8));
      }
    });
    ws.closeHandler(v -> stream.closed.add(Boolean.TRUE));
    stream.ws = ws;
    return stream;
  }

  /** A connected test socket. */
  public static final class Stream {
    public final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    public final BlockingQueue<String> pings = new LinkedBlockingQueue<>();
    public final BlockingQueue<Boolean> closed = new LinkedBlockingQueue<>();
    public WebSocket ws;
    private int nextId = 1;

    public int send(String cmd, JsonObject params) {
      int id = nextId++;
      ws.writeTextMessage(new JsonObject().put("id", id).put("cmd", cmd).put("params", params).encode());
      return id;
    }

    public JsonObject next() throws InterruptedException {
      JsonObject f = frames.poll(10, TimeUnit.SECONDS);
      if (f == null) {
        throw new AssertionError("no frame within 10 s");
      }
      return f;
    }

    /** The next frame of {@code type}, skipping others. */
    public JsonObject next(String type) throws InterruptedException {
      while (true) {
        JsonObject f = next();
        if (type.equals(f.getString("type"))) {
          return f;
        }
      }
    }
  }

  @Override
  public void close() throws Exception {
    await(sim.close());
    await(vertx.close());
  }
}
