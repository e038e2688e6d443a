package io.github.crossarb.cli.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.TestKeys;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.BookListener;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.kalshi.auth.KalshiSigner;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the configuration: only {@code KALSHI_API_URL} points at a loopback fake
 * that serves REST and the WebSocket on one port and checks every signature like Kalshi would.
 */
@Timeout(60)
class KalshiVenuesIT {
  @TempDir Path dataDir;

  private Vertx vertx;
  private Context context;
  private HttpServer fake;
  private KeyPair keys;
  private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    fake = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(request -> {
          if (!signed(request.headers(), request.method().name(), request.path())) {
            request.response().setStatusCode(401).end("{\"code\":\"authentication_error\",\"message\":\"bad signature\"}");
            return;
          }
          seen.add(request.method() + " " + request.uri());
          if (request.path().equals("/trade-api/v2/portfolio/balance")) {
            request.response().putHeader("Content-Type", "application/json")
                .end("{\"balance\":4200,\"balance_dollars\":\"42.0050\",\"portfolio_value\":0,\"updated_ts\":1}");
          } else {
            request.response().setStatusCode(404).end("{\"code\":\"not_found\",\"message\":\"no such path\"}");
          }
        })
        .webSocketHandshakeHandler(handshake -> {
          if (signed(handshake.headers(), "GET", handshake.path())) {
            handshake.accept();
          } else {
            handshake.reject(401);
          }
        })
        .webSocketHandler(ws -> {
          seen.add("WS " + ws.path());
          ws.textMessageHandler(text -> {
            JsonObject command = new JsonObject(text);
            String ticker = command.getJsonObject("params").getString("market_ticker");
            ws.writeTextMessage("{\"id\":" + command.getInteger("id") + ",\"type\":\"subscribed\",\"msg\":{\"channel\":\""
                + command.getJsonObject("params").getJsonArray("channels").getString(0) + "\",\"sid\":"
                + command.getInteger("id") + "}}");
            if ("orderbook_delta".equals(command.getJsonObject("params").getJsonArray("channels").getString(0))) {
              ws.writeTextMessage("{\"type\":\"orderbook_snapshot\",\"sid\":" + command.getInteger("id")
                  + ",\"seq\":1,\"msg\":{\"market_ticker\":\"" + ticker + "\",\"yes_dollars_fp\":[[\"0.3000\",\"10.00\"]],"
                  + "\"no_dollars_fp\":[[\"0.6500\",\"4.00\"]]}}");
            }
          });
        });
    fake.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private boolean signed(MultiMap headers, String method, String path) {
    String timestamp = headers.get("KALSHI-ACCESS-TIMESTAMP");
    String signature = headers.get("KALSHI-ACCESS-SIGNATURE");
    return TestKeys.KALSHI_KEY_ID.equals(headers.get("KALSHI-ACCESS-KEY")) && timestamp != null && signature != null
        && KalshiSigner.verify(keys.getPublic(), timestamp + method + path, signature);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private <T> T onContext(Supplier<Future<T>> action) throws Exception {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aVenueOpenedFromTheConfigurationTalksToTheFakeOnBothChannels() throws Exception {
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    Configuration config = Configuration.resolve(Map.of(), CliRunner.environment(dataDir,
        "KALSHI_API_URL", "http://127.0.0.1:" + fake.actualPort() + "/trade-api/v2",
        "KALSHI_API_KEY_ID", TestKeys.KALSHI_KEY_ID,
        "KALSHI_KEY_B64", Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))));
    Venue venue = onContext(() -> Future.succeededFuture(KalshiVenues.open(vertx, config)));

    Balance balance = onContext(() -> venue.execution().balance());
    OrderBook book = new OrderBook(InstrumentId.kalshi("KXSIM-1"), InstantSource.system());
    BlockingQueue<OrderBook> updates = new LinkedBlockingQueue<>();
    onContext(() -> venue.marketData().subscribe(List.of(book), updates::add));

    assertThat(balance.available()).isEqualTo(Money.parse("42.005"));
    assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("GET /trade-api/v2/portfolio/balance");
    assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("WS /trade-api/ws/v2");
    assertThat(updates.poll(10, TimeUnit.SECONDS)).isSameAs(book);
    assertThat(onContext(() -> Future.succeededFuture(book.bestAsk(Outcome.YES)))).contains(Price.parse("0.35"));
    assertThat(onContext(() -> Future.succeededFuture(book.isTrusted()))).isTrue();
    onContext(venue::close);
  }
}
