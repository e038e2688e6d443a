package io.github.crossarb.simulator.polymarket;

import static io.github.crossarb.simulator.polymarket.PolySimFixture.YES;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests and orders produced by the official {@code @polymarket/clob-client-v2} 1.1.0 (recorded
 * on loopback with the fixture's key and credentials), replayed byte for byte into the simulator.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PolymarketGoldenIT {

  static JsonArray fixture(String name) throws Exception {
    try (InputStream in = PolymarketGoldenIT.class.getResourceAsStream("/polymarket/" + name)) {
      return new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static PolySimFixture.Resp replay(PolySimFixture sim, JsonObject v) throws Exception {
    Map<String, String> headers = new HashMap<>();
    v.getJsonObject("headers").forEach(e -> headers.put(e.getKey(), e.getValue().toString()));
    String body = v.getString("body");
    return sim.request(HttpMethod.valueOf(v.getString("method")), v.getString("url"),
        body == null || body.isEmpty() ? null : body, headers);
  }

  @Test
  void officialClientRequestsAreAcceptedByTheVersionTheyWereSignedFor() throws Exception {
    // The recordings use two keys of the same wallet; the second has a url-safe secret ('-', '_').
    JsonObject second = fixture("golden_l2_headers.json").getJsonObject(7);
    var alice2 = new PolymarketSimAccount(second.getJsonObject("headers").getString("POLY_ADDRESS"), null,
        second.getString("apiKey"), second.getString("secret"), second.getString("passphrase"), 0, null);
    java.util.function.UnaryOperator<PolymarketSimConfig> twoKeys = cfg -> new PolymarketSimConfig(cfg.host(),
        cfg.port(), cfg.orderVersion(), cfg.geoblocked(), cfg.markets(), List.of(cfg.accounts().get(0), alice2),
        cfg.newAccountBalanceMicros(), cfg.tradeStepPeriod(), cfg.heartbeatTimeout(), cfg.pageSize(), cfg.seed());
    assertThat(alice2.secret()).contains("-").contains("_");
    try (var v2 = new PolySimFixture(twoKeys); var v3 = new PolySimFixture(cfg -> twoKeys.apply(cfg.withOrderVersion(3)))) {
      int accepted = 0;
      for (Object o : fixture("golden_l2_headers.json")) {
        JsonObject v = (JsonObject) o;
        PolySimFixture.Resp a = replay(v2, v);
        PolySimFixture.Resp b = replay(v3, v);
        String name = v.getString("name");
        if (name.equals("POST /order")) {
          List<PolySimFixture.Resp> both = List.of(a, b);
          assertThat(both).as(name).filteredOn(r -> r.status() == 200).singleElement()
              .satisfies(r -> assertThat(r.json().getString("status")).isEqualTo("live"));
          assertThat(both).as(name).filteredOn(r -> r.status() == 400).singleElement()
              .satisfies(r -> assertThat(r.json().getString("error")).contains("order_version_mismatch"));
          accepted++;
        } else if (name.equals("POST /orders")) {
          assertThat(a.status()).isEqualTo(200);
          assertThat(b.status()).isEqualTo(200);
          boolean v2Took = a.array().getJsonObject(0).getBoolean("success");
          JsonArray took = v2Took ? a.array() : b.array();
          JsonArray refused = v2Took ? b.array() : a.array();
          assertThat(took.getJsonObject(0).getBoolean("success")).as(name).isTrue();
          // The recorded GTD order carries expiration 0: refused by the venue's expiration rule.
          assertThat(took.getJsonObject(1).getBoolean("success")).isFalse();
          assertThat(took.getJsonObject(1).getString("errorMsg")).contains("expiration");
          refused.forEach(r -> assertThat(((JsonObject) r).getString("errorMsg")).contains("order_version_mismatch"));
          accepted++;
        } else {
          assertThat(a.status()).as(name + " " + a.body()).isEqualTo(200);
          assertThat(b.status()).as(name + " " + b.body()).isEqualTo(200);
        }
      }
      assertThat(accepted).isEqualTo(4);
    }
  }

  @Test
  void officialClientOrdersOfEverySignatureTypeVerify() throws Exception {
    for (int version : new int[] {2, 3}) {
      var bobKey = new TestWallet(TestWallet.KEY_1);
      var bob = new PolymarketSimAccount(bobKey.address, null, "6f1c2a8e-0b7d-4c3e-9a51-2d4e8f0c1b3a",
          "Ym9iLXNlY3JldC1mb3ItZ29sZGVuLXJlcGxheS10ZXN0cw==", "b0bpass", 1_000_000_000L, Map.of(YES, 100_000_000L));
      try (var sim = new PolySimFixture(cfg -> new PolymarketSimConfig(cfg.host(), cfg.port(), version,
          cfg.geoblocked(), cfg.markets(), List.of(cfg.accounts().get(0), bob), cfg.newAccountBalanceMicros(),
          cfg.tradeStepPeriod(), cfg.heartbeatTimeout(), cfg.pageSize(), cfg.seed()))) {
        int checked = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Object o : fixture("golden_orders.json")) {
          JsonObject v = (JsonObject) o;
          if (v.getInteger("version") != version) {
            continue;
          }
          int type = v.getInteger("signatureType");
          if (type != 0 && "SELL".equals(v.getString("side"))) {
            continue; // the funder holds no shares
          }
          JsonObject order = v.getJsonObject("order");
          order.put("salt", Long.parseLong(order.getString("salt"))); // posted as a JSON number
          String body = PolySimFixture.postBody(order, bob.apiKey(), "GTC", false);
          PolySimFixture.Resp r = sim.l2(bob, HttpMethod.POST, "/order", body);
          if (v.getBoolean("negRisk") && version == 2) {
            // Signed for the Neg Risk exchange, posted on a market that is not neg-risk.
            assertThat(r.json().getString("error")).as(v.encode()).isEqualTo("invalid order signature");
          } else if (!seen.add(v.getString("hash"))) {
            // ExchangeV3 signs neg-risk and plain markets alike: the same order again is a duplicate.
            assertThat(r.json().getString("error")).contains("Duplicated");
          } else {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().getString("orderID")).isEqualTo(v.getString("hash"));
            JsonObject open = sim.l2(bob, HttpMethod.GET, "/data/order/" + v.getString("hash"), null).json();
            assertThat(open.getString("maker_address")).isEqualToIgnoringCase(order.getString("maker"));
            assertThat(open.getString("price")).isEqualTo("0.3");
            assertThat(open.getString("original_size")).isEqualTo("12.34");
          }
          checked++;
        }
        assertThat(checked).isEqualTo(8);
      }
    }
  }
}
