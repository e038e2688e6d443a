package io.github.crossarb.simulator.kalshi;

import static io.github.crossarb.simulator.testing.KalshiHarness.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.simulator.testing.KalshiHarness;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class KalshiStreamIT {
  static final String FED = KalshiRestIT.FED;
  @TempDir
  Path dir;
  KalshiHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new KalshiHarness(KalshiRestIT.scenario(), dir, Duration.ofMillis(200));
  }

  @AfterEach
  void tearDown() throws Exception {
    h.close();
  }

  @Test
  void unsignedOrBadlySignedUpgradeIsRejectedWith401() throws Exception {
    var client = h.vertx.createWebSocketClient();
    var options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(h.sim.kalshi().port())
        .setURI("/trade-api/ws/v2");
    assertThatThrownBy(() -> KalshiHarness.await(client.connect(options)))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(UpgradeRejectedException.class, e -> {
          assertThat(e.getStatus()).isEqualTo(401);
          assertThat(new JsonObject(e.getBody()).getString("code")).isEqualTo("authentication_error");
        });
    // Signed for the REST prefix instead of the WebSocket path.
    h.signer.headers("GET", "/trade-api/v2", h.clock.millis()).forEach(options::addHeader);
    assertThatThrownBy(() -> KalshiHarness.await(client.connect(options)))
        .cause().isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(401));
  }

  @Test
  void orderbookSnapshotThenDeltasWithPerSubscriptionSeq() throws Exception {
    KalshiHarness.Stream s = h.connect();
    int id = s.send("subscribe", new JsonObject().put("channels", new JsonArray().add("orderbook_delta"))
        .put("market_tickers", new JsonArray().add(FED)));
    JsonObject ack = s.next();
    assertThat(ack.encode()).isEqualTo("{\"id\":" + id + ",\"type\":\"subscribed\",\"msg\":{\"channel\":"
        + "\"orderbook_delta\",\"sid\":1}}");
    JsonObject snap = s.next();
    assertThat(snap.getString("type")).isEqualTo("orderbook_snapshot");
    assertThat(snap.getInteger("sid")).isEqualTo(1);
    assertThat(snap.getLong("seq")).isEqualTo(1);
    assertThat(snap.getJsonObject("msg").getString("market_ticker")).isEqualTo(FED);
    assertThat(snap.getJsonObject("msg").getJsonArray("yes_dollars_fp").encode())
        .isEqualTo("[[\"0.4000\",\"100.00\"],[\"0.4100\",\"50.00\"]]");
    assertThat(snap.getJsonObject("msg").getJsonArray("no_dollars_fp").encode())
        .isEqualTo("[[\"0.5500\",\"60.00\"],[\"0.5600\",\"30.00\"]]");

    // Our resting bid adds to the YES side and is tagged with its client order id.
    h.send(HttpMethod.POST, "/portfolio/events/orders",
        order(FED, "bid", "7", "0.39", "good_till_canceled").put("client_order_id", "mine"));
    JsonObject delta = s.next("orderbook_delta");
    assertThat(delta.getLong("seq")).isEqualTo(2);
    JsonObject msg = delta.getJsonObject("msg");
    assertThat(msg.getString("side")).isEqualTo("yes");
    assertThat(msg.getString("price_dollars")).isEqualTo("0.3900");
    assertThat(msg.getString("delta_fp")).isEqualTo("7.00");
    assertThat(msg.getString("client_order_id")).isEqualTo("mine");

    // Taking 10 of the 0.44 YES ask shrinks the NO bid at 0.56.
    h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "10", "0.44", "immediate_or_cancel"));
    JsonObject taken = s.next("orderbook_delta");
    assertThat(taken.getLong("seq")).isEqualTo(3);
    assertThat(taken.getJsonObject("msg").getString("side")).isEqualTo("no");
    assertThat(taken.getJsonObject("msg").getString("price_dollars")).isEqualTo("0.5600");
    assertThat(taken.getJsonObject("msg").getString("delta_fp")).isEqualTo("-10.00");

    // A second subscription counts its own seq from 1.
    s.send("subscribe", new JsonObject().put("channels", new JsonArray().add("orderbook_delta"))
        .put("market_ticker", KalshiRestIT.BTC).put("use_yes_price", true));
    assertThat(s.next("subscribed").getJsonObject("msg").getInteger("sid")).isEqualTo(2);
    JsonObject snap2 = s.next("orderbook_snapshot");
    assertThat(snap2.getInteger("sid")).isEqualTo(2);
    assertThat(snap2.getLong("seq")).isEqualTo(1);
  }

  @Test
  void processStepsStreamDeltasWhoseSumRebuildsTheBook() throws Exception {
    KalshiHarness.Stream s = h.connect();
    s.send("subscribe", new JsonObject().put("channels", new JsonArray().add("orderbook_delta"))
        .put("market_ticker", FED));
    s.next("orderbook_snapshot");
    java.util.Map<String, Long> yes = new java.util.TreeMap<>(java.util.Map.of("0.4000", 100_000_000L,
        "0.4100", 50_000_000L));
    java.util.Map<String, Long> no = new java.util.TreeMap<>(java.util.Map.of("0.5500", 60_000_000L,
        "0.5600", 30_000_000L));
    for (int i = 0; i < 5; i++) {
      h.sim.process().step();
    }
    // Drain until the book is quiet; every delta counts seq up by one.
    long seq = 1;
    JsonObject f;
    while ((f = s.frames.poll(1, TimeUnit.SECONDS)) != null) {
      assertThat(f.getLong("seq")).isEqualTo(++seq);
      JsonObject m = f.getJsonObject("msg");
      var side = m.getString("side").equals("yes") ? yes : no;
      side.merge(m.getString("price_dollars"), io.github.crossarb.core.model.Fixed.parse(m.getString("delta_fp")),
          Long::sum);
      side.values().removeIf(v -> v == 0);
    }
    JsonObject rest = h.get("/markets/" + FED + "/orderbook").bodyAsJsonObject().getJsonObject("orderbook_fp");
    assertThat(levels(yes)).isEqualTo(rest.getJsonArray("yes_dollars").encode());
    assertThat(levels(no)).isEqualTo(rest.getJsonArray("no_dollars").encode());
  }

  private static String levels(java.util.Map<String, Long> side) {
    JsonArray out = new JsonArray();
    side.forEach((p, q) -> out.add(new JsonArray().add(p).add(io.github.crossarb.core.model.Fixed.format(q, 2))));
    return out.encode();
  }

  @Test
  void privateChannelsCarryOurFillsAndOrders() throws Exception {
    KalshiHarness.Stream s = h.connect();
    s.send("subscribe", new JsonObject().put("channels", new JsonArray().add("fill").add("user_orders").add("trade")));
    assertThat(s.next("subscribed").getJsonObject("msg").getString("channel")).isEqualTo("fill");
    h.send(HttpMethod.POST, "/portfolio/events/orders",
        order(FED, "ask", "5", "0.41", "immediate_or_cancel").put("client_order_id", "no-5"));
    JsonObject fill = s.next("fill").getJsonObject("msg");
    assertThat(fill.getString("market_ticker")).isEqualTo(FED);
    assertThat(fill.getString("outcome_side")).isEqualTo("no");
    assertThat(fill.getString("book_side")).isEqualTo("ask");
    assertThat(fill.getString("count_fp")).isEqualTo("5.00");
    assertThat(fill.getString("yes_price_dollars")).isEqualTo("0.4100");
    assertThat(fill.getString("post_position_fp")).isEqualTo("-5.00");
    assertThat(fill.getString("client_order_id")).isEqualTo("no-5");
    assertThat(fill.getBoolean("is_taker")).isTrue();
    JsonObject order = s.next("user_order").getJsonObject("msg");
    assertThat(order.getString("client_order_id")).isEqualTo("no-5");
    assertThat(order.getString("status")).isEqualTo("executed");
  }

  @Test
  void commandErrorsUnsubscribeUpdateAndPings() throws Exception {
    KalshiHarness.Stream s = h.connect();
    int bad = s.send("subscribe", new JsonObject().put("channels", new JsonArray().add("orderbook_delta"))
        .put("market_ticker", "KXNOPE"));
    JsonObject err = s.next();
    assertThat(err.getInteger("id")).isEqualTo(bad);
    assertThat(err.getString("type")).isEqualTo("error");
    assertThat(err.getJsonObject("msg").getInteger("code")).isEqualTo(16);

    s.send("subscribe", new JsonObject().put("channels", new JsonArray().add("orderbook_delta"))
        .put("market_ticker", FED));
    s.next("orderbook_snapshot");
    s.send("subscribe", new JsonObject().put("channels", new JsonArray().add("orderbook_delta"))
        .put("market_ticker", FED));
    assertThat(s.next("error").getJsonObject("msg").getInteger("code")).isEqualTo(6);

    s.send("update_subscription", new JsonObject().put("sid", 1).put("market_tickers", new JsonArray().add(FED))
        .put("action", "get_snapshot"));
    JsonObject ok = s.next("ok");
    assertThat(ok.getInteger("sid")).isEqualTo(1);
    assertThat(ok.getJsonObject("msg").getJsonArray("market_tickers").encode()).isEqualTo("[\"" + FED + "\"]");
    assertThat(s.next("orderbook_snapshot").getLong("seq")).isEqualTo(2);

    s.send("update_subscription", new JsonObject().put("sids", new JsonArray().add(1))
        .put("market_tickers", new JsonArray().add(KalshiRestIT.BTC)).put("action", "add_markets"));
    s.next("ok");
    assertThat(s.next("orderbook_snapshot").getJsonObject("msg").getString("market_ticker"))
        .isEqualTo(KalshiRestIT.BTC);

    s.send("unsubscribe", new JsonObject().put("sids", new JsonArray().add(1)));
    assertThat(s.next("unsubscribed").getInteger("sid")).isEqualTo(1);
    s.send("list_subscriptions", new JsonObject());
    assertThat(s.next("ok").getJsonArray("msg")).isEmpty();

    assertThat(s.pings.poll(10, TimeUnit.SECONDS)).isEqualTo("heartbeat");
  }

  @Test
  void lifecycleReportsATickSizeChange() throws Exception {
    KalshiHarness.Stream s = h.connect();
    s.send("subscribe", new JsonObject().put("channels", new JsonArray().add("market_lifecycle_v2")));
    s.next("subscribed");
    h.sim.exchange(io.github.crossarb.core.model.VenueId.KALSHI).changeTicks(FED,
        io.github.crossarb.core.model.TickGrid.fixed(io.github.crossarb.core.model.Price.parse("0.02")));
    JsonObject msg = s.next("market_lifecycle_v2").getJsonObject("msg");
    assertThat(msg.getString("event_type")).isEqualTo("price_level_structure_updated");
    assertThat(msg.getJsonArray("price_ranges").getJsonObject(0).getString("step")).isEqualTo("0.0200");
  }

  @Test
  void tickerAndTradeChannelsFollowThePublicTape() throws Exception {
    KalshiHarness.Stream s = h.connect();
    s.send("subscribe", new JsonObject().put("channels", new JsonArray().add("ticker").add("trade"))
        .put("market_tickers", new JsonArray().add(FED)).put("send_initial_snapshot", true));
    s.next("subscribed");
    JsonObject first = s.next("ticker").getJsonObject("msg"); // the initial snapshot follows its ack
    s.next("subscribed");
    assertThat(first.getString("yes_bid_dollars")).isEqualTo("0.4100");
    assertThat(first.getString("yes_ask_dollars")).isEqualTo("0.4400");
    h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "30", "0.44", "immediate_or_cancel"));
    // Each subscription reports in its own order: collect until both the trade and the new top arrive.
    JsonObject trade = null;
    JsonObject ticker = null;
    while (trade == null || ticker == null) {
      JsonObject f = s.next();
      if (f.getString("type").equals("trade")) {
        trade = f.getJsonObject("msg");
      } else if (f.getString("type").equals("ticker")
          && f.getJsonObject("msg").getString("yes_ask_dollars").equals("0.4500")) {
        ticker = f.getJsonObject("msg");
      }
    }
    assertThat(trade.getString("yes_price_dollars")).isEqualTo("0.4400");
    assertThat(trade.getString("no_price_dollars")).isEqualTo("0.5600");
    assertThat(trade.getString("count_fp")).isEqualTo("30.00");
    assertThat(trade.getString("taker_book_side")).isEqualTo("bid");
    assertThat(ticker.getString("volume_fp")).isEqualTo("30.00");
    assertThat(ticker.getString("price_dollars")).isEqualTo("0.4400");
  }
}
