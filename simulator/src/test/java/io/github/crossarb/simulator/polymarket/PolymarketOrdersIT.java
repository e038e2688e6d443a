package io.github.crossarb.simulator.polymarket;

import static io.github.crossarb.simulator.polymarket.PolySimFixture.CONDITION;
import static io.github.crossarb.simulator.polymarket.PolySimFixture.NR_YES;
import static io.github.crossarb.simulator.polymarket.PolySimFixture.YES;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Side;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Signed orders through POST /order into the shared engine, with raw HTTP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PolymarketOrdersIT {
  static final long M = 1_000_000L;
  PolySimFixture sim;

  @BeforeEach
  void start() throws Exception {
    sim = new PolySimFixture(cfg -> cfg.withPageSize(1));
  }

  @AfterEach
  void stop() throws Exception {
    sim.close();
  }

  String balance(String query) throws Exception {
    return sim.l2(sim.aliceAccount, HttpMethod.GET, "/balance-allowance?" + query, null).json().getString("balance");
  }

  @Test
  void restingGtcIsLiveAndListed() throws Exception {
    JsonObject order = sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M);
    PolySimFixture.Resp r = sim.post(order, "GTC");
    assertThat(r.status()).isEqualTo(200);
    String id = TestWallet.orderId(order, 2, false);
    assertThat(r.json()).isEqualTo(new JsonObject().put("success", true).put("errorMsg", "").put("orderID", id)
        .put("status", "live").put("takingAmount", "").put("makingAmount", "")
        .put("transactionsHashes", new JsonArray()).put("tradeIDs", new JsonArray()));

    JsonObject page = sim.l2(sim.aliceAccount, HttpMethod.GET, "/data/orders?market=" + CONDITION, null).json();
    JsonObject open = page.getJsonArray("data").getJsonObject(0);
    assertThat(open.fieldNames()).containsExactly("id", "status", "owner", "maker_address", "market", "asset_id",
        "side", "original_size", "size_matched", "price", "associate_trades", "outcome", "created_at", "expiration",
        "order_type");
    assertThat(open.getString("id")).isEqualTo(id);
    assertThat(open.getString("status")).isEqualTo("LIVE");
    assertThat(open.getString("owner")).isEqualTo(sim.aliceAccount.apiKey());
    assertThat(open.getString("maker_address")).isEqualTo(sim.alice.lower());
    assertThat(open.getString("asset_id")).isEqualTo(YES);
    assertThat(open.getString("original_size")).isEqualTo("10");
    assertThat(open.getString("size_matched")).isEqualTo("0");
    assertThat(open.getString("price")).isEqualTo("0.4");
    assertThat(open.getString("outcome")).isEqualTo("Yes");
    assertThat(open.getString("order_type")).isEqualTo("GTC");
    assertThat(open.getLong("created_at")).isEqualTo(sim.clock.instant().getEpochSecond());
    assertThat(sim.l2(sim.aliceAccount, HttpMethod.GET, "/data/order/" + id, null).json()).isEqualTo(open);
    assertThat(sim.l2(sim.aliceAccount, HttpMethod.GET, "/data/order/0x02", null).status()).isEqualTo(404);
    assertThat(sim.get("/book?token_id=" + YES).json().getJsonArray("bids"))
        .containsExactly(new JsonObject().put("price", "0.4").put("size", "10"));
  }

  @Test
  void partialFillTakesFeeAndRestsTheRemainder() throws Exception {
    sim.house(YES, Side.SELL, "0.45", "6");
    PolySimFixture.Resp r = sim.post(sim.limitOrder(sim.alice, YES, "BUY", 450_000, 10 * M), "GTC");
    assertThat(r.status()).isEqualTo(200);
    JsonObject body = r.json();
    assertThat(body.getString("status")).isEqualTo("matched");
    assertThat(body.getString("takingAmount")).isEqualTo("6");
    assertThat(body.getString("makingAmount")).isEqualTo("2.7");
    assertThat(body.getJsonArray("tradeIDs")).hasSize(1);

    // 1000 − 6 × 0.45 − fee (6 × 0.03 × 0.45 × 0.55 = 0.04455)
    assertThat(balance("asset_type=COLLATERAL&signature_type=0")).isEqualTo("997255450");
    assertThat(balance("asset_type=CONDITIONAL&token_id=" + YES + "&signature_type=0")).isEqualTo("6000000");
    JsonObject open = sim.l2(sim.aliceAccount, HttpMethod.GET, "/data/orders", null).json()
        .getJsonArray("data").getJsonObject(0);
    assertThat(open.getString("size_matched")).isEqualTo("6");
    assertThat(open.getJsonArray("associate_trades")).containsExactly(body.getJsonArray("tradeIDs").getString(0));

    JsonObject trade = sim.l2(sim.aliceAccount, HttpMethod.GET, "/data/trades", null).json()
        .getJsonArray("data").getJsonObject(0);
    assertThat(trade.getString("id")).isEqualTo(body.getJsonArray("tradeIDs").getString(0));
    assertThat(trade.getString("taker_order_id")).isEqualTo(body.getString("orderID"));
    assertThat(trade.getString("market")).isEqualTo(CONDITION);
    assertThat(trade.getString("side")).isEqualTo("BUY");
    assertThat(trade.getString("size")).isEqualTo("6");
    assertThat(trade.getString("price")).isEqualTo("0.45");
    assertThat(trade.getString("fee_rate_bps")).isEqualTo("300");
    assertThat(trade.getString("status")).isEqualTo("MATCHED");
    assertThat(trade.getString("trader_side")).isEqualTo("TAKER");
    assertThat(trade.getString("owner")).isEqualTo(sim.aliceAccount.apiKey());
    assertThat(trade.getJsonArray("maker_orders").getJsonObject(0).getString("matched_amount")).isEqualTo("6");
    JsonArray positions = sim.get("/data-api/positions?user=" + sim.alice.address).array();
    assertThat(positions.getJsonObject(0).getString("asset")).isEqualTo(YES);
    assertThat(positions.getJsonObject(0).getValue("size").toString()).isEqualTo("6");
  }

  @Test
  void fokFillsCompletelyOrIsKilled() throws Exception {
    sim.house(YES, Side.SELL, "0.45", "5");
    // Market BUY of $2.70 at 0.45 wants 6 shares: only 5 there.
    JsonObject tooBig = sim.alice.order(new TestWallet.OrderArgs(YES, "BUY", 2_700_000, 6 * M, sim.alice.address, 0,
        11, sim.clock.millis(), 0), 2, false);
    PolySimFixture.Resp killed = sim.post(tooBig, "FOK");
    assertThat(killed.status()).isEqualTo(400);
    assertThat(killed.json().getString("error")).contains("FOK orders are fully filled or killed");
    assertThat(sim.get("/book?token_id=" + YES).json().getJsonArray("asks")).hasSize(1);

    JsonObject fits = sim.alice.order(new TestWallet.OrderArgs(YES, "BUY", 2_250_000, 5 * M, sim.alice.address, 0,
        12, sim.clock.millis(), 0), 2, false);
    PolySimFixture.Resp filled = sim.post(fits, "FOK");
    assertThat(filled.status()).isEqualTo(200);
    assertThat(filled.json().getString("status")).isEqualTo("matched");
    assertThat(filled.json().getString("takingAmount")).isEqualTo("5");
    assertThat(filled.json().getString("makingAmount")).isEqualTo("2.25");
  }

  @Test
  void fakFillsWhatItCanAndNeverRests() throws Exception {
    sim.house(YES, Side.SELL, "0.45", "6");
    PolySimFixture.Resp r = sim.post(sim.limitOrder(sim.alice, YES, "BUY", 450_000, 10 * M), "FAK");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getString("takingAmount")).isEqualTo("6");
    assertThat(sim.l2(sim.aliceAccount, HttpMethod.GET, "/data/orders", null).json().getJsonArray("data")).isEmpty();
    PolySimFixture.Resp nothing = sim.post(sim.limitOrder(sim.alice, YES, "BUY", 450_000, 10 * M), "FAK");
    assertThat(nothing.status()).isEqualTo(400);
    assertThat(nothing.json().getString("error")).contains("FAK");
  }

  @Test
  void marketOrdersMustUseTheCoarserAmounts() throws Exception {
    sim.house(YES, Side.SELL, "0.58", "10");
    // A limit-style BUY of 5.74 shares at 0.58 pays 3.3292 pUSD: four decimals on the maker side.
    PolySimFixture.Resp fine = sim.post(sim.limitOrder(sim.alice, YES, "BUY", 580_000, 5_740_000), "FAK");
    assertThat(fine.status()).isEqualTo(400);
    assertThat(fine.json().getString("error")).isEqualTo("invalid amounts, the market buy orders maker amount"
        + " supports a max accuracy of 2 decimals, taker amount a max of 4 decimals");
    // The same as a GTC is fine, and so is a FAK paying 3.32 for 5.7241 shares.
    JsonObject coarse = sim.alice.order(new TestWallet.OrderArgs(YES, "BUY", 3_320_000, 5_724_100, sim.alice.address,
        0, 21, sim.clock.millis(), 0), 2, false);
    PolySimFixture.Resp filled = sim.post(coarse, "FAK");
    assertThat(filled.status()).as(filled.json().encode()).isEqualTo(200);
    assertThat(sim.post(sim.limitOrder(sim.alice, YES, "BUY", 580_000, 5_740_000), "GTC").status()).isEqualTo(200);
  }

  @Test
  void sellNeedsSharesAndBuyNeedsCash() throws Exception {
    PolySimFixture.Resp sell = sim.post(sim.limitOrder(sim.alice, YES, "SELL", 500_000, 5 * M), "GTC");
    assertThat(sell.status()).isEqualTo(400);
    assertThat(sell.json()).isEqualTo(new JsonObject().put("error", "not enough balance / allowance"));
    PolySimFixture.Resp buy = sim.post(sim.limitOrder(sim.alice, YES, "BUY", 500_000, 3000 * M), "GTC");
    assertThat(buy.json().getString("error")).isEqualTo("not enough balance / allowance");
  }

  @Test
  void sellAfterBuyMatchesAgainstTheHouseBid() throws Exception {
    sim.house(YES, Side.SELL, "0.45", "10");
    sim.house(YES, Side.BUY, "0.43", "100");
    assertThat(sim.post(sim.limitOrder(sim.alice, YES, "BUY", 450_000, 10 * M), "GTC").status()).isEqualTo(200);
    PolySimFixture.Resp sell = sim.post(sim.limitOrder(sim.alice, YES, "SELL", 430_000, 10 * M), "GTC");
    assertThat(sell.json().getString("status")).isEqualTo("matched");
    assertThat(sell.json().getString("makingAmount")).isEqualTo("10");
    assertThat(sell.json().getString("takingAmount")).isEqualTo("4.3");
    assertThat(balance("asset_type=CONDITIONAL&token_id=" + YES)).isEqualTo("0");
  }

  @Test
  void postOnlyThatCrossesIsRejected() throws Exception {
    sim.house(YES, Side.SELL, "0.45", "10");
    String body = PolySimFixture.postBody(sim.limitOrder(sim.alice, YES, "BUY", 450_000, 10 * M),
        sim.aliceAccount.apiKey(), "GTC", true);
    PolySimFixture.Resp r = sim.l2(sim.aliceAccount, HttpMethod.POST, "/order", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().getString("error")).isEqualTo("invalid post-only order: order crosses book");
    String fok = PolySimFixture.postBody(sim.limitOrder(sim.alice, YES, "BUY", 440_000, 10 * M),
        sim.aliceAccount.apiKey(), "FOK", true);
    assertThat(sim.l2(sim.aliceAccount, HttpMethod.POST, "/order", fok).status()).isEqualTo(400);
    String resting = PolySimFixture.postBody(sim.limitOrder(sim.alice, YES, "BUY", 440_000, 10 * M),
        sim.aliceAccount.apiKey(), "GTC", true);
    assertThat(sim.l2(sim.aliceAccount, HttpMethod.POST, "/order", resting).json().getString("status"))
        .isEqualTo("live");
  }

  @Test
  void offTickAndBelowMinimumAreRejected() throws Exception {
    PolySimFixture.Resp offTick = sim.post(sim.limitOrder(sim.alice, YES, "BUY", 455_000, 10 * M), "GTC");
    assertThat(offTick.status()).isEqualTo(400);
    assertThat(offTick.json().getString("error")).contains("breaks minimum tick size rule: 0.01");
    PolySimFixture.Resp small = sim.post(sim.limitOrder(sim.alice, YES, "BUY", 450_000, 4 * M), "GTC");
    assertThat(small.status()).isEqualTo(400);
    assertThat(small.json().getString("error")).contains("lower than the minimum: 5");
    // 0.455 is on the neg-risk market's 0.001 grid.
    assertThat(sim.post(sim.limitOrder(sim.alice, NR_YES, "BUY", 455_000, 10 * M), "GTC").status()).isEqualTo(200);
  }

  @Test
  void signatureMustRecoverToTheSignerOfTheKey() throws Exception {
    JsonObject tampered = sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M).put("takerAmount", "20000000");
    PolySimFixture.Resp bad = sim.post(tampered, "GTC");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("error")).isEqualTo("invalid order signature");
    JsonObject bobs = sim.limitOrder(sim.bob, YES, "BUY", 400_000, 10 * M);
    PolySimFixture.Resp wrongSigner = sim.post(bobs, "GTC");
    assertThat(wrongSigner.status()).isEqualTo(400);
    assertThat(wrongSigner.json().getString("error")).contains("signer");
    JsonObject negRiskDomainMismatch = sim.alice.order(new TestWallet.OrderArgs(NR_YES, "BUY", 4 * M, 10 * M,
        sim.alice.address, 0, 5, sim.clock.millis(), 0), 2, false);
    assertThat(sim.post(negRiskDomainMismatch, "GTC").json().getString("error")).isEqualTo("invalid order signature");
    String otherOwner = PolySimFixture.postBody(sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M),
        "00000000-0000-4000-8000-000000000000", "GTC", false);
    assertThat(sim.l2(sim.aliceAccount, HttpMethod.POST, "/order", otherOwner).json().getString("error"))
        .contains("owner");
  }

  @Test
  void wrongVersionAndV1OrdersGetOrderVersionMismatch() throws Exception {
    JsonObject v3 = sim.alice.order(new TestWallet.OrderArgs(YES, "BUY", 4 * M, 10 * M, sim.alice.address, 0, 9,
        sim.clock.millis(), 0), 3, false);
    PolySimFixture.Resp r = sim.post(v3, "GTC");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().getString("error")).contains("order_version_mismatch");
    JsonObject v1 = new JsonObject().put("salt", 1).put("maker", sim.alice.address).put("signer", sim.alice.address)
        .put("taker", "0x0000000000000000000000000000000000000000").put("tokenId", YES)
        .put("makerAmount", "4000000").put("takerAmount", "10000000").put("expiration", "0").put("nonce", "0")
        .put("feeRateBps", "0").put("side", "BUY").put("signatureType", 0).put("signature", "0x00");
    assertThat(sim.post(v1, "GTC").json().getString("error")).contains("order_version_mismatch");

    try (var served3 = new PolySimFixture(cfg -> cfg.withOrderVersion(3))) {
      JsonObject ok = served3.alice.order(new TestWallet.OrderArgs(YES, "BUY", 4 * M, 10 * M,
          served3.alice.address, 0, 9, served3.clock.millis(), 0), 3, false);
      assertThat(served3.post(ok, "GTC").json().getString("status")).isEqualTo("live");
      JsonObject v2 = served3.alice.order(new TestWallet.OrderArgs(YES, "BUY", 4 * M, 10 * M,
          served3.alice.address, 0, 10, served3.clock.millis(), 0), 2, false);
      assertThat(served3.post(v2, "GTC").json().getString("error")).contains("order_version_mismatch");
    }
  }

  @Test
  void malformedOrdersGetTheVenueErrorShape() throws Exception {
    JsonObject huge = sim.alice.order(new TestWallet.OrderArgs(YES, "BUY", Long.MAX_VALUE / 2, Long.MAX_VALUE / 4,
        sim.alice.address, 0, 41, sim.clock.millis(), 0), 2, false);
    PolySimFixture.Resp r = sim.post(huge, "GTC");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json()).isEqualTo(new JsonObject().put("error", "invalid order amounts"));
    JsonObject noSide = sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M).put("side", "HOLD");
    assertThat(sim.post(noSide, "GTC").json().getString("error")).contains("side");
    assertThat(sim.l2(sim.aliceAccount, HttpMethod.POST, "/order", "{not json").json())
        .isEqualTo(new JsonObject().put("error", "Invalid order payload"));
    String badType = PolySimFixture.postBody(sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M),
        sim.aliceAccount.apiKey(), "IOC", false);
    assertThat(sim.l2(sim.aliceAccount, HttpMethod.POST, "/order", badType).json().getString("error"))
        .contains("order type");
  }

  @Test
  void versionSwitchAtRunTimeMakesOldOrdersMismatch() throws Exception {
    assertThat(sim.post(sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M), "GTC").status()).isEqualTo(200);
    PolySimFixture.await(sim.server.setOrderVersion(3));
    assertThat(sim.get("/version").json().getInteger("version")).isEqualTo(3);
    JsonObject v2 = sim.alice.order(new TestWallet.OrderArgs(YES, "BUY", 4 * M, 10 * M, sim.alice.address, 0, 51,
        sim.clock.millis(), 0), 2, false);
    assertThat(sim.post(v2, "GTC").json().getString("error")).contains("order_version_mismatch");
    JsonObject v3 = sim.alice.order(new TestWallet.OrderArgs(YES, "BUY", 4 * M, 10 * M, sim.alice.address, 0, 52,
        sim.clock.millis(), 0), 3, false);
    assertThat(sim.post(v3, "GTC").json().getString("status")).isEqualTo("live");
  }

  @Test
  void duplicateOrderIsRejected() throws Exception {
    JsonObject order = sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M);
    assertThat(sim.post(order, "GTC").status()).isEqualTo(200);
    PolySimFixture.Resp again = sim.post(order, "GTC");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().getString("error")).contains("Duplicated");
  }

  @Test
  void cancelsByIdListAllAndMarket() throws Exception {
    String a = sim.post(sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M), "GTC").json().getString("orderID");
    String b = sim.post(sim.limitOrder(sim.alice, YES, "BUY", 390_000, 10 * M), "GTC").json().getString("orderID");
    String c = sim.post(sim.limitOrder(sim.alice, YES, "BUY", 380_000, 10 * M), "GTC").json().getString("orderID");
    String d = sim.post(sim.limitOrder(sim.alice, NR_YES, "BUY", 380_000, 10 * M), "GTC").json().getString("orderID");
    JsonObject one = sim.l2(sim.aliceAccount, HttpMethod.DELETE, "/order", "{\"orderID\":\"" + a + "\"}").json();
    assertThat(one.getJsonArray("canceled")).containsExactly(a);
    JsonObject twice = sim.l2(sim.aliceAccount, HttpMethod.DELETE, "/order", "{\"orderID\":\"" + a + "\"}").json();
    assertThat(twice.getJsonObject("not_canceled").getString(a)).isEqualTo("order already canceled");
    JsonObject many = sim.l2(sim.aliceAccount, HttpMethod.DELETE, "/orders", "[\"" + b + "\"]").json();
    assertThat(many.getJsonArray("canceled")).containsExactly(b);
    JsonObject market = sim.l2(sim.aliceAccount, HttpMethod.DELETE, "/cancel-market-orders",
        "{\"market\":\"\",\"asset_id\":\"" + NR_YES + "\"}").json();
    assertThat(market.getJsonArray("canceled")).containsExactly(d);
    JsonObject all = sim.l2(sim.aliceAccount, HttpMethod.DELETE, "/cancel-all", null).json();
    assertThat(all.getJsonArray("canceled")).containsExactly(c);
    assertThat(sim.l2(sim.aliceAccount, HttpMethod.GET, "/data/order/" + c, null).json().getString("status"))
        .isEqualTo("CANCELED");
  }

  @Test
  void batchAnswersEachOrder() throws Exception {
    JsonArray batch = new JsonArray()
        .add(new JsonObject(PolySimFixture.postBody(sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M),
            sim.aliceAccount.apiKey(), "GTC", false)))
        .add(new JsonObject(PolySimFixture.postBody(sim.limitOrder(sim.alice, YES, "BUY", 400_000, 1 * M),
            sim.aliceAccount.apiKey(), "GTC", false)));
    JsonArray r = sim.l2(sim.aliceAccount, HttpMethod.POST, "/orders", batch.encode()).array();
    assertThat(r.getJsonObject(0).getBoolean("success")).isTrue();
    assertThat(r.getJsonObject(1).getBoolean("success")).isFalse();
    assertThat(r.getJsonObject(1).getString("errorMsg")).contains("lower than the minimum");
  }

  @Test
  void tradesPaginateWithCursors() throws Exception {
    sim.house(YES, Side.SELL, "0.45", "5");
    sim.house(YES, Side.SELL, "0.46", "5");
    assertThat(sim.post(sim.limitOrder(sim.alice, YES, "BUY", 460_000, 10 * M), "GTC").json()
        .getJsonArray("tradeIDs")).hasSize(2);
    JsonObject first = sim.l2(sim.aliceAccount, HttpMethod.GET, "/data/trades?next_cursor=MA%3D%3D", null).json();
    assertThat(first.getInteger("count")).isEqualTo(1);
    assertThat(first.getString("next_cursor")).isNotEqualTo("LTE=");
    JsonObject second = sim.l2(sim.aliceAccount, HttpMethod.GET,
        "/data/trades?next_cursor=" + first.getString("next_cursor"), null).json();
    assertThat(second.getJsonArray("data").getJsonObject(0).getString("price")).isEqualTo("0.46");
    assertThat(second.getString("next_cursor")).isEqualTo("LTE=");
    String id = second.getJsonArray("data").getJsonObject(0).getString("id");
    assertThat(sim.l2(sim.aliceAccount, HttpMethod.GET, "/data/trades?id=" + id, null).json()
        .getJsonArray("data")).hasSize(1);
  }

  @Test
  void gtdNeedsTheSixtySecondThresholdAndExpires() throws Exception {
    long now = sim.clock.instant().getEpochSecond();
    JsonObject tooSoon = sim.alice.order(new TestWallet.OrderArgs(YES, "BUY", 4 * M, 10 * M, sim.alice.address, 0,
        21, sim.clock.millis(), now + 30), 2, false);
    assertThat(sim.post(tooSoon, "GTD").json().getString("error")).contains("expiration");
    JsonObject ok = sim.alice.order(new TestWallet.OrderArgs(YES, "BUY", 4 * M, 10 * M, sim.alice.address, 0,
        22, sim.clock.millis(), now + 90), 2, false);
    String id = sim.post(ok, "GTD").json().getString("orderID");
    sim.clock.advance(Duration.ofSeconds(91));
    sim.exchange.expireDue();
    JsonObject order = sim.l2(sim.aliceAccount, HttpMethod.GET, "/data/order/" + id, null).json();
    assertThat(order.getString("status")).isEqualTo("CANCELED");
    assertThat(order.getString("expiration")).isEqualTo(Long.toString(now + 90));
  }

  @Test
  void proxyOrdersTradeTheFunderBalance() throws Exception {
    long ts = sim.clock.instant().getEpochSecond();
    JsonObject c = sim.request(HttpMethod.POST, "/auth/api-key", null, sim.bob.l1Headers(ts, 0)).json();
    var bob = new PolymarketSimAccount(sim.bob.address, null, c.getString("apiKey"), c.getString("secret"),
        c.getString("passphrase"), 0, null);
    String safe = "0x1234567890abcdef1234567890abcdef12345678";
    JsonObject order = sim.bob.order(new TestWallet.OrderArgs(YES, "BUY", 4 * M, 10 * M, safe, 2, 31,
        sim.clock.millis(), 0), 2, false);
    PolySimFixture.Resp r = sim.l2(bob, HttpMethod.POST, "/order", PolySimFixture.postBody(order, bob.apiKey(), "GTC",
        false));
    assertThat(r.json().getString("status")).isEqualTo("live");
    JsonObject open = sim.l2(bob, HttpMethod.GET, "/data/orders", null).json().getJsonArray("data").getJsonObject(0);
    assertThat(open.getString("maker_address")).isEqualTo(safe);
    assertThat(sim.l2(bob, HttpMethod.GET, "/balance-allowance?asset_type=COLLATERAL&signature_type=2", null).json()
        .getString("balance")).isEqualTo("1000000000");
    // An EOA order whose maker is not the signer is refused.
    JsonObject eoaWithOtherMaker = sim.bob.order(new TestWallet.OrderArgs(YES, "BUY", 4 * M, 10 * M, safe, 0, 32,
        sim.clock.millis(), 0), 2, false);
    assertThat(sim.l2(bob, HttpMethod.POST, "/order", PolySimFixture.postBody(eoaWithOtherMaker, bob.apiKey(), "GTC",
        false)).status()).isEqualTo(400);
  }
}
