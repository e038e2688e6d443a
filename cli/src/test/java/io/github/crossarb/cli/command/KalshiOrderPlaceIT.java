package io.github.crossarb.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.CliRunner.Result;
import io.github.crossarb.cli.TestKeys;
import io.github.crossarb.kalshi.auth.KalshiSigner;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code controller order place --venue kalshi} against a loopback fake that checks signatures
 * as Kalshi does: exactly one V2 create goes out, signed, with NO mapped to an ask at the YES price.
 */
@Timeout(60)
class KalshiOrderPlaceIT {
  private static final String TICKER = "KXFED-26DEC-T4.25";
  private static final String MARKET = "{\"market\":{\"ticker\":\"" + TICKER + "\",\"event_ticker\":\"KXFED-26DEC\","
      + "\"market_type\":\"binary\",\"title\":\"Fed funds rate above 4.25%?\",\"status\":\"active\","
      + "\"close_time\":\"2026-12-16T18:55:00Z\",\"price_level_structure\":\"linear_cent\","
      + "\"price_ranges\":[{\"start\":\"0.0000\",\"end\":\"1.0000\",\"step\":\"0.0100\"}],\"exchange_index\":0}}";

  /** One request as the fake saw it. */
  record Seen(String method, String path, boolean signed, String body) {}

  @TempDir Path dataDir;

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private HttpServer fake;
  private KeyPair keys;

  @BeforeEach
  void start() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    vertx = Vertx.vertx();
    fake = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(request -> request.body().onSuccess(body -> {
          String timestamp = request.getHeader("KALSHI-ACCESS-TIMESTAMP");
          String signature = request.getHeader("KALSHI-ACCESS-SIGNATURE");
          boolean signed = TestKeys.KALSHI_KEY_ID.equals(request.getHeader("KALSHI-ACCESS-KEY"))
              && timestamp != null && signature != null
              && KalshiSigner.verify(keys.getPublic(), timestamp + request.method().name() + request.path(), signature);
          seen.add(new Seen(request.method().name(), request.path(), signed, body.toString()));
          if (request.path().equals("/trade-api/v2/markets/" + TICKER)) {
            request.response().putHeader("Content-Type", "application/json").end(MARKET);
          } else if (request.path().equals("/trade-api/v2/portfolio/events/orders") && signed) {
            request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                .end("{\"order_id\":\"ord-1\",\"client_order_id\":\"cid-7\",\"fill_count\":\"0.00\","
                    + "\"remaining_count\":\"3.00\",\"ts_ms\":1}");
          } else {
            request.response().setStatusCode(signed ? 404 : 401)
                .end("{\"code\":\"" + (signed ? "not_found" : "authentication_error") + "\",\"message\":\"no\"}");
          }
        }));
    fake.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void buyingNoSendsOneSignedAskAtTheYesPrice() throws Exception {
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    Result result = CliRunner.controller(CliRunner.environment(dataDir,
            "KALSHI_API_URL", "http://127.0.0.1:" + fake.actualPort() + "/trade-api/v2",
            "KALSHI_WS_URL", "ws://127.0.0.1:" + fake.actualPort() + "/trade-api/ws/v2",
            "KALSHI_API_KEY_ID", TestKeys.KALSHI_KEY_ID,
            "KALSHI_KEY_B64", Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))),
        "order", "place", "--venue", "kalshi", "--market", TICKER, "--outcome", "no", "--side", "buy",
        "--price", "0.45", "--size", "3", "--client-order-id", "cid-7");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("accepted: order ord-1 (client order id cid-7), open, filled 0");
    List<Seen> creates = seen.stream().filter(s -> s.method().equals("POST")).toList();
    assertThat(creates).hasSize(1);
    Seen create = creates.get(0);
    assertThat(create.path()).isEqualTo("/trade-api/v2/portfolio/events/orders");
    assertThat(create.signed()).isTrue();
    JsonNode body = new ObjectMapper().readTree(create.body());
    assertThat(body.get("ticker").asText()).isEqualTo(TICKER);
    assertThat(body.get("client_order_id").asText()).isEqualTo("cid-7");
    assertThat(body.get("side").asText()).isEqualTo("ask");
    assertThat(body.get("price").asText()).isEqualTo("0.5500");
    assertThat(body.get("count").asText()).isEqualTo("3.00");
    assertThat(seen).allSatisfy(request -> assertThat(request.signed()).as(request.path()).isTrue());
  }
}
