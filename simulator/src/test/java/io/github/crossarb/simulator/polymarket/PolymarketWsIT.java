package io.github.crossarb.simulator.polymarket;

import static io.github.crossarb.simulator.polymarket.PolySimFixture.CONDITION;
import static io.github.crossarb.simulator.polymarket.PolySimFixture.NO;
import static io.github.crossarb.simulator.polymarket.PolySimFixture.YES;
import static io.github.crossarb.simulator.polymarket.PolySimFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Side;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The market and user channels, driven with a raw Vert.x WebSocket client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PolymarketWsIT {
  static final long M = 1_000_000L;
  PolySimFixture sim;

  @BeforeEach
  void start() throws Exception {
    sim = new PolySimFixture();
  }

  @AfterEach
  void stop() throws Exception {
    sim.close();
  }

  PolySimFixture.Socket market(String... assets) throws Exception {
    PolySimFixture.Socket s = sim.socket("/ws/market");
    s.send(new JsonObject().put("assets_ids", new JsonArray(java.util.List.of((Object[]) assets)))
        .put("type", "market").encode());
    return s;
  }

  PolySimFixture.Socket user() throws Exception {
    PolySimFixture.Socket s = sim.socket("/ws/user");
    s.send(new JsonObject().put("auth", new JsonObject().put("apiKey", sim.aliceAccount.apiKey())
            .put("secret", sim.aliceAccount.secret()).put("passphrase", sim.aliceAccount.passphrase()))
        .put("markets", new JsonArray().add(CONDITION)).put("type", "user").encode());
    s.send("PING");
    assertThat(s.frames().poll(5, TimeUnit.SECONDS)).isEqualTo("PONG"); // subscribed before anything trades
    return s;
  }

  @Test
  void bookOnSubscribeThenAbsolutePriceChanges() throws Exception {
    sim.house(YES, Side.BUY, "0.40", "100");
    PolySimFixture.Socket s = market(YES);
    JsonObject book = s.next("book");
    assertThat(book.fieldNames()).containsExactly("event_type", "asset_id", "market", "bids", "asks", "timestamp",
        "hash");
    assertThat(book.getString("market")).isEqualTo(CONDITION);
    assertThat(book.getJsonArray("bids")).containsExactly(new JsonObject().put("price", "0.4").put("size", "100"));
    assertThat(book.getString("timestamp")).isEqualTo(Long.toString(sim.clock.millis()));

    sim.house(YES, Side.SELL, "0.47", "20");
    JsonObject change = s.next("price_change");
    assertThat(change.getString("market")).isEqualTo(CONDITION);
    JsonObject c = change.getJsonArray("price_changes").getJsonObject(0);
    assertThat(c.fieldNames()).containsExactly("asset_id", "price", "size", "side", "hash", "best_bid", "best_ask");
    assertThat(c.getString("price")).isEqualTo("0.47");
    assertThat(c.getString("size")).isEqualTo("20");
    assertThat(c.getString("side")).isEqualTo("SELL");
    assertThat(c.getString("best_bid")).isEqualTo("0.4");
    assertThat(c.getString("best_ask")).isEqualTo("0.47");
    assertThat(c.getString("hash")).matches("[0-9a-f]{40}");

    sim.house(YES, Side.SELL, "0.47", "5");
    assertThat(s.next("price_change").getJsonArray("price_changes").getJsonObject(0).getString("size"))
        .isEqualTo("25"); // the new total, not the delta
  }

  @Test
  void fillsSendLastTradePriceAndEmptiedLevels() throws Exception {
    sim.house(YES, Side.SELL, "0.45", "10");
    PolySimFixture.Socket s = market(YES);
    s.next("book");
    assertThat(sim.post(sim.limitOrder(sim.alice, YES, "BUY", 450_000, 10 * M), "GTC").status()).isEqualTo(200);
    JsonObject last = null;
    JsonObject emptied = null;
    while (last == null || emptied == null) { // the engine's order of the two is not part of the protocol
      String f = s.frames().poll(5, TimeUnit.SECONDS);
      assertThat(f).as("a frame within 5 s").isNotNull();
      JsonObject e = new JsonObject(f);
      if ("last_trade_price".equals(e.getString("event_type"))) {
        last = e;
      } else if ("price_change".equals(e.getString("event_type"))) {
        emptied = e.getJsonArray("price_changes").getJsonObject(0);
      }
    }
    assertThat(last.getString("asset_id")).isEqualTo(YES);
    assertThat(last.getString("price")).isEqualTo("0.45");
    assertThat(last.getString("side")).isEqualTo("BUY");
    assertThat(last.getString("size")).isEqualTo("10");
    assertThat(last.getString("fee_rate_bps")).isEqualTo("300");
    assertThat(emptied.getString("size")).isEqualTo("0");
    assertThat(sim.get("/book?token_id=" + YES).json().getString("last_trade_price")).isEqualTo("0.45");
  }

  @Test
  void tradesAreFollowedByAFreshBook() throws Exception {
    sim.house(YES, Side.SELL, "0.45", "10");
    sim.house(YES, Side.SELL, "0.46", "10");
    PolySimFixture.Socket s = market(YES);
    s.next("book");
    sim.post(sim.limitOrder(sim.alice, YES, "BUY", 460_000, 15 * M), "GTC");
    JsonObject book = s.next("book");
    assertThat(book.getJsonArray("asks")).containsExactly(new JsonObject().put("price", "0.46").put("size", "5"));
  }

  @Test
  void partialFillOnEntryIsPlacedThenUpdatedAndKilledOrdersStaySilent() throws Exception {
    PolySimFixture.Socket u = user();
    sim.house(YES, Side.SELL, "0.45", "5");
    JsonObject fok = sim.limitOrder(sim.alice, YES, "BUY", 450_000, 10 * M);
    assertThat(sim.post(fok, "FOK").status()).isEqualTo(400);
    String id = sim.post(sim.limitOrder(sim.alice, YES, "BUY", 450_000, 10 * M), "GTC").json().getString("orderID");
    JsonObject first = u.next("order");
    assertThat(first.getString("id")).isEqualTo(id); // nothing about the killed FOK came first
    assertThat(first.getString("type")).isEqualTo("PLACEMENT");
    assertThat(first.getString("size_matched")).isEqualTo("5");
    assertThat(sim.l2(sim.aliceAccount, HttpMethod.GET, "/data/order/" + TestWallet.orderId(fok, 2, false), null)
        .status()).isEqualTo(404);
  }

  @Test
  void subscribingAgainToASubscribedAssetSendsItsBookAgain() throws Exception {
    // The client's silence watchdog resubscribes a quiet token to get a fresh snapshot.
    PolySimFixture.Socket s = market(YES);
    s.next("book");
    sim.house(YES, Side.BUY, "0.30", "10");
    s.next("price_change");
    s.send("{\"assets_ids\":[\"" + YES + "\"],\"operation\":\"subscribe\"}");
    JsonObject book = s.next("book");
    assertThat(book.getString("asset_id")).isEqualTo(YES);
    assertThat(book.getJsonArray("bids").encode()).contains("0.3");
  }

  @Test
  void pingPongAndLaterSubscriptions() throws Exception {
    PolySimFixture.Socket s = market(YES);
    s.next("book");
    s.send("PING");
    assertThat(s.frames().poll(5, TimeUnit.SECONDS)).isEqualTo("PONG");
    s.send("{\"assets_ids\":[\"" + NO + "\"],\"operation\":\"subscribe\"}");
    assertThat(s.next("book").getString("asset_id")).isEqualTo(NO);
    s.send("{\"assets_ids\":[\"" + YES + "\"],\"operation\":\"unsubscribe\"}");
    s.send("PING");
    assertThat(s.frames().poll(5, TimeUnit.SECONDS)).isEqualTo("PONG"); // the unsubscribe was handled
    sim.house(YES, Side.BUY, "0.30", "10");
    sim.house(NO, Side.BUY, "0.30", "10");
    assertThat(s.next("price_change").getJsonArray("price_changes").getJsonObject(0).getString("asset_id"))
        .isEqualTo(NO);
  }

  @Test
  void tickSizeChangeSendsEventAndFreshBook() throws Exception {
    PolySimFixture.Socket s = market(YES);
    s.next("book");
    await(sim.server.faults().changeTickSize(YES, "0.001"));
    JsonObject tick = s.next("tick_size_change");
    assertThat(tick.getString("asset_id")).isEqualTo(YES);
    assertThat(tick.getString("market")).isEqualTo(CONDITION);
    assertThat(tick.getString("old_tick_size")).isEqualTo("0.01");
    assertThat(tick.getString("new_tick_size")).isEqualTo("0.001");
    assertThat(s.next("book").getString("asset_id")).isEqualTo(YES);
    assertThat(sim.get("/tick-size?token_id=" + YES).json().getValue("minimum_tick_size")).isEqualTo(0.001);
    assertThat(sim.get("/book?token_id=" + YES).json().getString("tick_size")).isEqualTo("0.001");
    assertThat(sim.get("/clob-markets/" + CONDITION).json().getValue("mts")).isEqualTo(0.001);
    assertThat(sim.post(sim.limitOrder(sim.alice, YES, "BUY", 455_000, 10 * M), "GTC").status()).isEqualTo(200);
  }

  @Test
  void coarserTickCancelsOffGridOrders() throws Exception {
    PolySimFixture.Socket u = user();
    String id = sim.post(sim.limitOrder(sim.alice, YES, "BUY", 450_000, 10 * M), "GTC").json().getString("orderID");
    assertThat(u.next("order").getString("type")).isEqualTo("PLACEMENT");
    await(sim.server.faults().changeTickSize(YES, "0.1"));
    JsonObject cancel = u.next("order");
    assertThat(cancel.getString("type")).isEqualTo("CANCELLATION");
    assertThat(cancel.getString("id")).isEqualTo(id);
  }

  @Test
  void userChannelOnlyCarriesTheKeysOwnEventsForItsMarkets() throws Exception {
    long ts = sim.clock.instant().getEpochSecond();
    JsonObject c = sim.request(HttpMethod.POST, "/auth/api-key", null, sim.bob.l1Headers(ts, 0)).json();
    PolySimFixture.Socket bob = sim.socket("/ws/user");
    bob.send(new JsonObject().put("auth", c).put("markets", new JsonArray()).put("type", "user").encode());
    PolySimFixture.Socket aliceOther = sim.socket("/ws/user");
    aliceOther.send(new JsonObject().put("auth", new JsonObject().put("apiKey", sim.aliceAccount.apiKey())
            .put("secret", sim.aliceAccount.secret()).put("passphrase", sim.aliceAccount.passphrase()))
        .put("markets", new JsonArray().add(PolySimFixture.NR_CONDITION)).put("type", "user").encode());
    PolySimFixture.Socket alice = user();
    sim.post(sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M), "GTC");
    assertThat(alice.next("order").getString("type")).isEqualTo("PLACEMENT");
    for (PolySimFixture.Socket quiet : java.util.List.of(bob, aliceOther)) {
      quiet.send("PING");
      assertThat(quiet.frames().poll(5, TimeUnit.SECONDS)).isEqualTo("PONG"); // nothing queued before it
    }
  }

  @Test
  void userChannelRefusesBadCredentials() throws Exception {
    PolySimFixture.Socket s = sim.socket("/ws/user");
    s.send(new JsonObject().put("auth", new JsonObject().put("apiKey", sim.aliceAccount.apiKey())
        .put("secret", "wrong").put("passphrase", sim.aliceAccount.passphrase())).put("type", "user").encode());
    assertThat(s.closes().poll(5, TimeUnit.SECONDS)).isEqualTo((short) 1008);
  }

  @Test
  void ordersAndTradesGoMatchedMinedConfirmed() throws Exception {
    PolySimFixture.Socket u = user();
    String id = sim.post(sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M), "GTC").json().getString("orderID");
    JsonObject placement = u.next("order");
    assertThat(placement.getString("type")).isEqualTo("PLACEMENT");
    assertThat(placement.getString("id")).isEqualTo(id);
    assertThat(placement.getString("owner")).isEqualTo(sim.aliceAccount.apiKey());
    assertThat(placement.getString("original_size")).isEqualTo("10");
    assertThat(placement.getString("size_matched")).isEqualTo("0");
    assertThat(placement.getString("outcome")).isEqualTo("Yes");

    sim.house(YES, Side.SELL, "0.40", "6"); // the house takes part of alice's bid
    JsonObject matched = u.next("trade");
    assertThat(matched.getString("status")).isEqualTo("MATCHED");
    assertThat(matched.getString("trader_side")).isEqualTo("MAKER");
    assertThat(matched.getString("side")).isEqualTo("SELL"); // the taker's side
    assertThat(matched.getString("size")).isEqualTo("6");
    assertThat(matched.getJsonArray("maker_orders").getJsonObject(0).getString("order_id")).isEqualTo(id);
    JsonObject update = u.next("order");
    assertThat(update.getString("type")).isEqualTo("UPDATE");
    assertThat(update.getString("size_matched")).isEqualTo("6");
    assertThat(update.getJsonArray("associate_trades")).containsExactly(matched.getString("id"));

    await(sim.server.advanceTrades());
    JsonObject mined = u.next("trade");
    assertThat(mined.getString("status")).isEqualTo("MINED");
    assertThat(mined.getString("transaction_hash")).matches("0x[0-9a-f]{64}");
    await(sim.server.advanceTrades());
    assertThat(u.next("trade").getString("status")).isEqualTo("CONFIRMED");
    JsonObject trade = sim.l2(sim.aliceAccount, HttpMethod.GET, "/data/trades?id=" + matched.getString("id"), null)
        .json().getJsonArray("data").getJsonObject(0);
    assertThat(trade.getString("status")).isEqualTo("CONFIRMED");
    assertThat(trade.getString("transaction_hash")).isEqualTo(mined.getString("transaction_hash"));
  }

  @Test
  void aFailedTradeGoesRetryingThenFailedAndIsUndone() throws Exception {
    sim.server.faults().failNextTrades(YES, 1);
    sim.house(YES, Side.SELL, "0.45", "10");
    PolySimFixture.Socket u = user();
    assertThat(sim.post(sim.limitOrder(sim.alice, YES, "BUY", 450_000, 10 * M), "GTC").json()
        .getString("status")).isEqualTo("matched");
    assertThat(u.next("trade").getString("status")).isEqualTo("MATCHED");
    String paid = sim.l2(sim.aliceAccount, HttpMethod.GET, "/balance-allowance?asset_type=COLLATERAL", null).json()
        .getString("balance");
    assertThat(paid).isEqualTo("995425750"); // 1000 − 4.5 − 0.07425 fee
    await(sim.server.advanceTrades());
    assertThat(u.next("trade").getString("status")).isEqualTo("RETRYING");
    await(sim.server.advanceTrades());
    JsonObject failed = u.next("trade");
    assertThat(failed.getString("status")).isEqualTo("FAILED");
    assertThat(sim.l2(sim.aliceAccount, HttpMethod.GET, "/balance-allowance?asset_type=COLLATERAL", null).json()
        .getString("balance")).isEqualTo("1000000000");
    assertThat(sim.l2(sim.aliceAccount, HttpMethod.GET,
        "/balance-allowance?asset_type=CONDITIONAL&token_id=" + YES, null).json().getString("balance")).isEqualTo("0");
    // The next trade settles normally.
    sim.house(YES, Side.SELL, "0.45", "10");
    sim.post(sim.limitOrder(sim.alice, YES, "BUY", 450_000, 10 * M), "GTC");
    assertThat(u.next("trade").getString("status")).isEqualTo("MATCHED");
    await(sim.server.advanceTrades());
    assertThat(u.next("trade").getString("status")).isEqualTo("MINED");
  }
}
