package io.github.crossarb.simulator.polymarket;

import static io.github.crossarb.simulator.polymarket.PolySimFixture.CONDITION;
import static io.github.crossarb.simulator.polymarket.PolySimFixture.NO;
import static io.github.crossarb.simulator.polymarket.PolySimFixture.NR_CONDITION;
import static io.github.crossarb.simulator.polymarket.PolySimFixture.YES;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Side;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Public endpoints and authentication, with raw HTTP calls, against the shapes in the reference. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PolymarketRestIT {
  PolySimFixture sim;

  @BeforeEach
  void start() throws Exception {
    sim = new PolySimFixture(cfg -> cfg.withPageSize(1));
  }

  @AfterEach
  void stop() throws Exception {
    sim.close();
  }

  @Test
  void versionTimeAndOk() throws Exception {
    assertThat(sim.get("/version").json()).isEqualTo(new JsonObject().put("version", 2));
    PolySimFixture.Resp time = sim.get("/time");
    assertThat(time.body()).isEqualTo(Long.toString(sim.clock.instant().getEpochSecond()));
    assertThat(sim.get("/ok").body()).isEqualTo("\"OK\"");
  }

  @Test
  void servesVersionThreeWhenConfigured() throws Exception {
    try (var v3 = new PolySimFixture(cfg -> cfg.withOrderVersion(3))) {
      assertThat(v3.get("/version").json().getInteger("version")).isEqualTo(3);
    }
  }

  @Test
  void bookHasStringNumbersBestLevelLast() throws Exception {
    sim.house(YES, Side.BUY, "0.40", "100");
    sim.house(YES, Side.BUY, "0.41", "50.5");
    sim.house(YES, Side.SELL, "0.45", "20");
    sim.house(YES, Side.SELL, "0.44", "10");
    JsonObject book = sim.get("/book?token_id=" + YES).json();
    assertThat(book.fieldNames()).containsExactly("market", "asset_id", "timestamp", "hash", "bids", "asks",
        "min_order_size", "tick_size", "neg_risk", "last_trade_price");
    assertThat(book.getString("market")).isEqualTo(CONDITION);
    assertThat(book.getString("asset_id")).isEqualTo(YES);
    assertThat(book.getJsonArray("bids")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("price", "0.4").put("size", "100"))
        .add(new JsonObject().put("price", "0.41").put("size", "50.5")));
    assertThat(book.getJsonArray("asks")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("price", "0.45").put("size", "20"))
        .add(new JsonObject().put("price", "0.44").put("size", "10")));
    assertThat(book.getString("tick_size")).isEqualTo("0.01");
    assertThat(book.getString("min_order_size")).isEqualTo("5");
    assertThat(book.getBoolean("neg_risk")).isFalse();
    assertThat(book.getString("timestamp")).isEqualTo(Long.toString(sim.clock.millis()));
    assertThat(book.getString("hash")).matches("[0-9a-f]{40}");
  }

  @Test
  void pricesMidpointSpreadAndLastTrade() throws Exception {
    sim.house(YES, Side.BUY, "0.40", "100");
    sim.house(YES, Side.SELL, "0.44", "10");
    assertThat(sim.get("/price?token_id=" + YES + "&side=BUY").json()).isEqualTo(new JsonObject().put("price", "0.4"));
    assertThat(sim.get("/price?token_id=" + YES + "&side=SELL").json().getString("price")).isEqualTo("0.44");
    assertThat(sim.get("/price?token_id=" + YES + "&side=UP").status()).isEqualTo(400);
    assertThat(sim.get("/midpoint?token_id=" + YES).json()).isEqualTo(new JsonObject().put("mid", "0.42"));
    assertThat(sim.get("/spread?token_id=" + YES).json()).isEqualTo(new JsonObject().put("spread", "0.04"));
    assertThat(sim.get("/midpoint?token_id=" + NO).status()).isEqualTo(404);
    sim.post(sim.limitOrder(sim.alice, YES, "BUY", 440_000, 5_000_000), "GTC");
    assertThat(sim.get("/last-trade-price?token_id=" + YES).json())
        .isEqualTo(new JsonObject().put("price", "0.44").put("side", "BUY"));
  }

  @Test
  void bookErrorsUseTheVenueShape() throws Exception {
    PolySimFixture.Resp missing = sim.get("/book");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json()).isEqualTo(new JsonObject().put("error", "Invalid token id"));
    PolySimFixture.Resp unknown = sim.get("/book?token_id=123");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().getString("error")).isEqualTo("No orderbook exists for the requested token id");
  }

  @Test
  void booksTickSizeNegRisk() throws Exception {
    JsonArray books = sim.request(HttpMethod.POST, "/books",
        "[{\"token_id\":\"" + YES + "\"},{\"token_id\":\"" + NO + "\",\"side\":\"BUY\"}]", Map.of()).array();
    assertThat(books).hasSize(2);
    assertThat(books.getJsonObject(1).getString("asset_id")).isEqualTo(NO);
    assertThat(sim.get("/tick-size?token_id=" + YES).body()).isEqualTo("{\"minimum_tick_size\":0.01}");
    assertThat(sim.get("/neg-risk?token_id=" + PolySimFixture.NR_YES).body()).isEqualTo("{\"neg_risk\":true}");
    assertThat(sim.request(HttpMethod.POST, "/books", "{}", Map.of()).status()).isEqualTo(400);
  }

  @Test
  void marketsPaginateWithCursorsUntilLte() throws Exception {
    JsonObject first = sim.get("/markets?next_cursor=MA%3D%3D").json();
    assertThat(first.fieldNames()).containsExactly("limit", "count", "next_cursor", "data");
    assertThat(first.getInteger("count")).isEqualTo(1);
    assertThat(first.getJsonArray("data").getJsonObject(0).getString("condition_id")).isEqualTo(CONDITION);
    JsonObject second = sim.get("/markets?next_cursor=" + first.getString("next_cursor")).json();
    assertThat(second.getJsonArray("data").getJsonObject(0).getString("condition_id")).isEqualTo(NR_CONDITION);
    assertThat(second.getString("next_cursor")).isEqualTo("LTE=");
    JsonObject market = sim.get("/markets/" + CONDITION).json();
    assertThat(market.getJsonArray("tokens").getJsonObject(0).getString("token_id")).isEqualTo(YES);
    assertThat(market.getValue("minimum_tick_size")).isEqualTo(0.01);
    assertThat(sim.get("/markets/0x" + "00".repeat(32)).status()).isEqualTo(404);
  }

  @Test
  void clobMarketDetailsCarryCompactKeys() throws Exception {
    JsonObject d = sim.get("/clob-markets/" + CONDITION).json();
    assertThat(d.getString("c")).isEqualTo(CONDITION);
    assertThat(d.getJsonArray("t")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("t", YES).put("o", "Yes")).add(new JsonObject().put("t", NO).put("o", "No")));
    assertThat(d.getValue("mts")).isEqualTo(0.01);
    assertThat(d.getBoolean("nr")).isFalse();
    assertThat(d.getJsonObject("fd").encode()).isEqualTo("{\"r\":0.03,\"e\":1,\"to\":true}");
    assertThat(d.getValue("mos")).isEqualTo(5);
    assertThat(d.containsKey("r")).isTrue();
  }

  @Test
  void gammaDoubleEncodesOutcomesAndTokenIds() throws Exception {
    JsonArray markets = sim.get("/gamma/markets?slug=will-it-rain").array();
    assertThat(markets).hasSize(1);
    JsonObject m = markets.getJsonObject(0);
    assertThat(m.getValue("outcomes")).isEqualTo("[\"Yes\",\"No\"]");
    assertThat(new JsonArray(m.getString("clobTokenIds"))).containsExactly(YES, NO);
    assertThat(new JsonArray(m.getString("outcomePrices"))).hasSize(2);
    assertThat(m.getString("conditionId")).isEqualTo(CONDITION);
    assertThat(m.getValue("orderPriceMinTickSize")).isEqualTo(0.01);
    assertThat(sim.get("/gamma/markets?clob_token_ids=" + PolySimFixture.NR_NO).array().getJsonObject(0)
        .getString("conditionId")).isEqualTo(NR_CONDITION);
    JsonArray events = sim.get("/gamma/events?slug=who-wins").array();
    assertThat(events.getJsonObject(0).getJsonArray("markets").getJsonObject(0).getString("clobTokenIds"))
        .isEqualTo("[\"1111\",\"2222\"]");
  }

  @Test
  void geoblockAnswersAsConfigured() throws Exception {
    assertThat(sim.get("/api/geoblock").json().getBoolean("blocked")).isFalse();
    try (var blocked = new PolySimFixture(cfg -> cfg.withGeoblocked(true))) {
      assertThat(blocked.get("/api/geoblock").json().getBoolean("blocked")).isTrue();
    }
  }

  // ------------------------------------------------------------------ authentication

  @Test
  void l1CreatesThenDerivesTheSameKeyAndRefusesASecondCreate() throws Exception {
    long ts = sim.clock.instant().getEpochSecond();
    PolySimFixture.Resp created = sim.request(HttpMethod.POST, "/auth/api-key", null, sim.bob.l1Headers(ts, 0));
    assertThat(created.status()).isEqualTo(200);
    JsonObject creds = created.json();
    assertThat(creds.fieldNames()).containsExactly("apiKey", "secret", "passphrase");
    assertThat(creds.getString("apiKey")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    PolySimFixture.Resp derived = sim.request(HttpMethod.GET, "/auth/derive-api-key", null, sim.bob.l1Headers(ts, 0));
    assertThat(derived.json()).isEqualTo(creds);
    PolySimFixture.Resp again = sim.request(HttpMethod.POST, "/auth/api-key", null, sim.bob.l1Headers(ts, 0));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().containsKey("error")).isTrue();
    PolySimFixture.Resp otherNonce = sim.request(HttpMethod.GET, "/auth/derive-api-key", null, sim.bob.l1Headers(ts, 1));
    assertThat(otherNonce.status()).isEqualTo(400);

    // The new key works for L2 right away, with a fresh pUSD balance.
    var bobCreds = new PolymarketSimAccount(sim.bob.address, null, creds.getString("apiKey"),
        creds.getString("secret"), creds.getString("passphrase"), 0, null);
    PolySimFixture.Resp balance = sim.l2(bobCreds, HttpMethod.GET,
        "/balance-allowance?asset_type=COLLATERAL&signature_type=0", null);
    assertThat(balance.status()).isEqualTo(200);
    assertThat(balance.json().getString("balance")).isEqualTo("1000000000");
  }

  @Test
  void l1SignatureFromAnotherWalletIs401() throws Exception {
    Map<String, String> h = new java.util.HashMap<>(sim.bob.l1Headers(sim.clock.instant().getEpochSecond(), 0));
    h.put("POLY_ADDRESS", sim.alice.address);
    PolySimFixture.Resp r = sim.request(HttpMethod.POST, "/auth/api-key", null, h);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json()).isEqualTo(new JsonObject().put("error", "Invalid L1 Request headers"));
  }

  @Test
  void l2SignsPathWithoutQueryAndTheExactBody() throws Exception {
    PolySimFixture.Resp orders = sim.l2(sim.aliceAccount, HttpMethod.GET,
        "/data/orders?market=" + CONDITION + "&next_cursor=MA%3D%3D", null);
    assertThat(orders.status()).isEqualTo(200);
    assertThat(orders.json().getString("next_cursor")).isEqualTo("LTE=");
    PolySimFixture.Resp cancel = sim.l2(sim.aliceAccount, HttpMethod.DELETE, "/order", "{\"orderID\":\"0x01\"}");
    assertThat(cancel.status()).isEqualTo(200);
    assertThat(cancel.json()).isEqualTo(new JsonObject().put("canceled", new JsonArray())
        .put("not_canceled", new JsonObject().put("0x01", "order not found")));
  }

  @Test
  void badHmacWrongPassphraseAndUnknownKeyAre401() throws Exception {
    var wrongSecret = new PolymarketSimAccount(sim.alice.address, null, sim.aliceAccount.apiKey(),
        "d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldC13cm9uZyE=", sim.aliceAccount.passphrase(), 0, null);
    var wrongPass = new PolymarketSimAccount(sim.alice.address, null, sim.aliceAccount.apiKey(),
        sim.aliceAccount.secret(), "nope", 0, null);
    var unknown = new PolymarketSimAccount(sim.alice.address, null, "00000000-0000-4000-8000-000000000000",
        sim.aliceAccount.secret(), sim.aliceAccount.passphrase(), 0, null);
    for (var creds : java.util.List.of(wrongSecret, wrongPass, unknown)) {
      PolySimFixture.Resp r = sim.l2(creds, HttpMethod.GET, "/data/orders", null);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json()).isEqualTo(new JsonObject().put("error", "Unauthorized/Invalid api key"));
    }
    // A body that differs from the signed one by a single space fails too.
    String ts = Long.toString(sim.clock.instant().getEpochSecond());
    String sig = io.github.crossarb.simulator.polymarket.internal.PolySignatures.l2Signature(
        sim.aliceAccount.secret(), ts, "DELETE", "/order", "{\"orderID\":\"0x01\"}".getBytes());
    PolySimFixture.Resp tampered = sim.request(HttpMethod.DELETE, "/order", "{\"orderID\": \"0x01\"}",
        Map.of("POLY_ADDRESS", sim.alice.address, "POLY_SIGNATURE", sig, "POLY_TIMESTAMP", ts,
            "POLY_API_KEY", sim.aliceAccount.apiKey(), "POLY_PASSPHRASE", sim.aliceAccount.passphrase()));
    assertThat(tampered.status()).isEqualTo(401);
    assertThat(sim.get("/data/orders").status()).isEqualTo(401);
  }

  @Test
  void officialClientGoldenL2RequestsAuthenticate() throws Exception {
    // The golden vectors were signed by the official client with the fixture's credentials.
    JsonArray vectors;
    try (var in = getClass().getResourceAsStream("/polymarket/golden_l2_headers.json")) {
      vectors = new JsonArray(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    JsonObject v = vectors.getJsonObject(0);
    assertThat(v.getString("name")).isEqualTo("GET /data/orders");
    @SuppressWarnings("unchecked")
    Map<String, String> headers = (Map<String, String>) (Map<?, ?>) v.getJsonObject("headers").getMap();
    PolySimFixture.Resp r = sim.request(HttpMethod.GET, v.getString("url"), null, headers);
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void secretsNeverPrint() {
    assertThat(sim.aliceAccount.toString()).doesNotContain(sim.aliceAccount.secret())
        .doesNotContain(sim.aliceAccount.passphrase()).doesNotContain(sim.aliceAccount.apiKey());
  }
}
