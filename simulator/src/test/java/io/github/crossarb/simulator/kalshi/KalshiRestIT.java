package io.github.crossarb.simulator.kalshi;

import static io.github.crossarb.simulator.testing.KalshiHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.simulator.scenario.Scenario;
import io.github.crossarb.simulator.scenario.ScenarioLoader;
import io.github.crossarb.simulator.testing.KalshiHarness;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class KalshiRestIT {
  static final String FED = "KXFED-26DEC-T4.25";
  static final String BTC = "KXBTCY-26DEC31-T100000";
  @TempDir
  Path dir;
  KalshiHarness h;

  static Scenario scenario() throws Exception {
    return ScenarioLoader.load(Path.of(KalshiRestIT.class.getResource("/scenarios/two-pairs.yaml").toURI()));
  }

  @BeforeEach
  void setUp() throws Exception {
    h = new KalshiHarness(scenario(), dir, Duration.ofSeconds(10));
  }

  @AfterEach
  void tearDown() throws Exception {
    h.close();
  }

  static void assertError(HttpResponse<Buffer> r, int status, String code) {
    assertThat(r.statusCode()).isEqualTo(status);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("code", "message", "details");
    assertThat(body.getString("code")).isEqualTo(code);
  }

  @Test
  void responsesCarryTheExchangeClockAsAnHttpDate() throws Exception {
    // IMF-fixdate (RFC 9110), from the simulated exchange's clock: `controller doctor` reads skew from it.
    assertThat(h.get("/exchange/status").getHeader("Date")).isEqualTo("Fri, 27 Nov 2026 00:00:00 GMT");
    h.clock.advance(Duration.ofDays(10).plusSeconds(3_723));
    assertThat(h.get("/markets/" + FED).getHeader("Date")).isEqualTo("Mon, 07 Dec 2026 01:02:03 GMT");
  }

  @Test
  void publicReadsHaveTheDocumentedShapes() throws Exception {
    JsonObject status = h.get("/exchange/status").bodyAsJsonObject();
    assertThat(status.getBoolean("exchange_active")).isTrue();
    assertThat(status.getBoolean("trading_active")).isTrue();
    assertThat(h.get("/exchange/schedule").bodyAsJsonObject().getJsonObject("schedule").fieldNames())
        .contains("standard_hours", "maintenance_windows");
    JsonObject series = h.get("/series/KXBTCY").bodyAsJsonObject().getJsonObject("series");
    assertThat(series.getString("fee_type")).isEqualTo("quadratic_with_maker_fees");

    JsonObject market = h.get("/markets/" + BTC).bodyAsJsonObject().getJsonObject("market");
    assertThat(market.getString("status")).isEqualTo("active");
    assertThat(market.getBoolean("fractional_trading_enabled")).isTrue();
    assertThat(market.getJsonArray("price_ranges").getJsonObject(0).encode())
        .isEqualTo("{\"start\":\"0.0000\",\"end\":\"0.1000\",\"step\":\"0.0010\"}");
    JsonObject fed = h.get("/markets/" + FED).bodyAsJsonObject().getJsonObject("market");
    assertThat(fed.getString("yes_bid_dollars")).isEqualTo("0.4100");
    assertThat(fed.getString("yes_ask_dollars")).isEqualTo("0.4400");
    assertThat(fed.getString("no_bid_dollars")).isEqualTo("0.5600");
    assertThat(fed.getString("rules_primary")).isEqualTo("Resolves Yes if above 4.25%.");
    assertError(h.get("/markets/NOPE"), 404, "not_found");

    JsonObject events = h.get("/events?with_nested_markets=true").bodyAsJsonObject();
    assertThat(events.getJsonArray("events")).hasSize(2);
    assertThat(events.getJsonArray("events").getJsonObject(0).getJsonArray("markets")).hasSize(1);
  }

  @Test
  void orderbookFpListsBidsAscendingWithNoBidsAtNoPrices() throws Exception {
    JsonObject book = h.get("/markets/" + FED + "/orderbook").bodyAsJsonObject().getJsonObject("orderbook_fp");
    assertThat(book.getJsonArray("yes_dollars").encode()).isEqualTo("[[\"0.4000\",\"100.00\"],[\"0.4100\",\"50.00\"]]");
    // YES asks 0.44 and 0.45 are NO bids at 0.56 and 0.55, ascending: the best NO bid is last.
    assertThat(book.getJsonArray("no_dollars").encode()).isEqualTo("[[\"0.5500\",\"60.00\"],[\"0.5600\",\"30.00\"]]");
    JsonObject top = h.get("/markets/" + FED + "/orderbook?depth=1").bodyAsJsonObject().getJsonObject("orderbook_fp");
    assertThat(top.getJsonArray("yes_dollars").encode()).isEqualTo("[[\"0.4100\",\"50.00\"]]");
    assertThat(top.getJsonArray("no_dollars").encode()).isEqualTo("[[\"0.5600\",\"30.00\"]]");
    JsonObject many = h.get("/markets/orderbooks?tickers=" + FED + "&tickers=" + BTC).bodyAsJsonObject();
    assertThat(many.getJsonArray("orderbooks")).hasSize(2);
  }

  @Test
  void marketsPageWithCursors() throws Exception {
    List<String> tickers = new ArrayList<>();
    String cursor = "";
    int pages = 0;
    do {
      JsonObject page = h.get("/markets?limit=1" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)).bodyAsJsonObject();
      page.getJsonArray("markets").forEach(m -> tickers.add(((JsonObject) m).getString("ticker")));
      cursor = page.getString("cursor", "");
      pages++;
    } while (!cursor.isEmpty() && pages < 10);
    assertThat(tickers).containsExactly(FED, BTC);
    assertThat(h.get("/markets?tickers=" + BTC).bodyAsJsonObject().getJsonArray("markets")).hasSize(1);
    assertThat(h.get("/markets?status=open").bodyAsJsonObject().getJsonArray("markets")).hasSize(2);
    assertThat(h.get("/markets?status=settled").bodyAsJsonObject().getJsonArray("markets")).isEmpty();
    assertError(h.get("/markets?limit=1001"), 400, "invalid_parameters");
    assertError(h.get("/markets?cursor=garbage"), 400, "invalid_parameters");
  }

  @Test
  void privateCallsNeedAValidFreshSignatureOverThePathWithoutQuery() throws Exception {
    assertError(KalshiHarness.await(h.raw(HttpMethod.GET, "/portfolio/balance").send()), 401, "authentication_error");

    var wrongPath = h.raw(HttpMethod.GET, "/portfolio/balance");
    h.signer.headers("GET", "/portfolio/balance", h.clock.millis()).forEach(wrongPath::putHeader); // no prefix
    assertError(KalshiHarness.await(wrongPath.send()), 401, "authentication_error");

    var withQuery = h.raw(HttpMethod.GET, "/portfolio/orders?limit=5");
    h.signer.headers("GET", "/trade-api/v2/portfolio/orders?limit=5", h.clock.millis()).forEach(withQuery::putHeader);
    assertError(KalshiHarness.await(withQuery.send()), 401, "authentication_error");

    var stale = h.raw(HttpMethod.GET, "/portfolio/balance");
    h.signer.headers("GET", "/trade-api/v2/portfolio/balance", h.clock.millis() - 120_000).forEach(stale::putHeader);
    assertError(KalshiHarness.await(stale.send()), 401, "authentication_error");

    var seconds = h.raw(HttpMethod.GET, "/portfolio/balance");
    h.signer.headers("GET", "/trade-api/v2/portfolio/balance", h.clock.millis() / 1000).forEach(seconds::putHeader);
    assertError(KalshiHarness.await(seconds.send()), 401, "authentication_error");

    var otherKey = h.raw(HttpMethod.GET, "/portfolio/balance");
    h.signer.headers("GET", "/trade-api/v2/portfolio/balance", h.clock.millis()).forEach(otherKey::putHeader);
    otherKey.putHeader("KALSHI-ACCESS-KEY", "00000000-0000-4000-8000-000000000000");
    assertError(KalshiHarness.await(otherKey.send()), 401, "authentication_error");

    JsonObject balance = h.get("/portfolio/balance").bodyAsJsonObject();
    assertThat(balance.getLong("balance")).isEqualTo(100_000L); // cents
    assertThat(balance.getString("balance_dollars")).isEqualTo("1000.0000");
    JsonObject orders = h.get("/portfolio/orders?limit=5").bodyAsJsonObject();
    assertThat(orders.getJsonArray("orders")).isEmpty();
  }

  @Test
  void v2OrderBuysYesAndReportsFillsPositionsAndBalance() throws Exception {
    HttpResponse<Buffer> r = h.send(HttpMethod.POST, "/portfolio/events/orders",
        order(FED, "bid", "40", "0.45", "immediate_or_cancel").put("client_order_id", "c-1"));
    assertThat(r.statusCode()).isEqualTo(201);
    JsonObject created = r.bodyAsJsonObject();
    assertThat(created.getString("client_order_id")).isEqualTo("c-1");
    assertThat(created.getString("fill_count")).isEqualTo("40.00");
    assertThat(created.getString("remaining_count")).isEqualTo("0.00");
    assertThat(created.getString("average_fill_price")).isEqualTo("0.4425"); // 30 @ 0.44 + 10 @ 0.45
    assertThat(created.getLong("ts_ms")).isEqualTo(KalshiHarness.START.toEpochMilli());

    JsonArray fills = h.get("/portfolio/fills?ticker=" + FED).bodyAsJsonObject().getJsonArray("fills");
    assertThat(fills).hasSize(2);
    JsonObject fill = fills.getJsonObject(0);
    assertThat(fill.getString("outcome_side")).isEqualTo("yes");
    assertThat(fill.getString("book_side")).isEqualTo("bid");
    assertThat(fill.getBoolean("is_taker")).isTrue();
    assertThat(fill.getString("fee_cost")).matches("0\\.\\d{4}");

    JsonObject position = h.get("/portfolio/positions").bodyAsJsonObject().getJsonArray("market_positions")
        .getJsonObject(0);
    assertThat(position.getString("ticker")).isEqualTo(FED);
    assertThat(position.getString("position_fp")).isEqualTo("40.00");
    assertThat(position.getString("market_exposure_dollars")).isEqualTo("17.7000");
    // fees: 0.07×30×0.44×0.56 = 0.51744 → 0.5175; 0.07×10×0.45×0.55 = 0.17325 → 0.1733
    assertThat(position.getString("fees_paid_dollars")).isEqualTo("0.6908");
    JsonObject balance = h.get("/portfolio/balance").bodyAsJsonObject();
    assertThat(balance.getString("balance_dollars")).isEqualTo("981.6092"); // 1000 − 17.70 − 0.6908

    JsonObject byId = h.get("/portfolio/orders/" + created.getString("order_id")).bodyAsJsonObject()
        .getJsonObject("order");
    assertThat(byId.getString("status")).isEqualTo("executed");
    assertThat(byId.getString("fill_count_fp")).isEqualTo("40.00");
    assertThat(byId.getString("yes_price_dollars")).isEqualTo("0.4500");
  }

  @Test
  void buyingNoIsAnAskAtTheYesComplementAndOpensANegativePosition() throws Exception {
    // "Buy NO @ 0.59" is side=ask, price=0.41: it hits the 0.41 YES bid.
    JsonObject created = h.send(HttpMethod.POST, "/portfolio/events/orders",
        order(FED, "ask", "20", "0.41", "fill_or_kill")).bodyAsJsonObject();
    assertThat(created.getString("fill_count")).isEqualTo("20.00");
    JsonObject position = h.get("/portfolio/positions?ticker=" + FED).bodyAsJsonObject()
        .getJsonArray("market_positions").getJsonObject(0);
    assertThat(position.getString("position_fp")).isEqualTo("-20.00");
    assertThat(position.getString("market_exposure_dollars")).isEqualTo("11.8000"); // 20 × 0.59
    JsonObject fill = h.get("/portfolio/fills").bodyAsJsonObject().getJsonArray("fills").getJsonObject(0);
    assertThat(fill.getString("outcome_side")).isEqualTo("no");
    assertThat(fill.getString("no_price_dollars")).isEqualTo("0.5900");
  }

  @Test
  void fillOrKillThatCannotFillIsCanceledWithNothingFilled() throws Exception {
    JsonObject created = h.send(HttpMethod.POST, "/portfolio/events/orders",
        order(FED, "bid", "31", "0.44", "fill_or_kill")).bodyAsJsonObject();
    assertThat(created.getString("fill_count")).isEqualTo("0.00");
    JsonObject o = h.get("/portfolio/orders/" + created.getString("order_id")).bodyAsJsonObject().getJsonObject("order");
    assertThat(o.getString("status")).isEqualTo("canceled");
  }

  @Test
  void restingOrdersCanBeAmendedDecreasedAndCanceled() throws Exception {
    String id = h.send(HttpMethod.POST, "/portfolio/events/orders",
        order(FED, "bid", "10", "0.38", "good_till_canceled").put("client_order_id", "rest-1"))
        .bodyAsJsonObject().getString("order_id");
    JsonObject listed = h.get("/portfolio/orders?status=resting").bodyAsJsonObject();
    assertThat(listed.getJsonArray("orders")).hasSize(1);

    JsonObject decreased = h.send(HttpMethod.POST, "/portfolio/events/orders/" + id + "/decrease",
        new JsonObject().put("reduce_by", "4")).bodyAsJsonObject();
    assertThat(decreased.getString("reduced_by")).isEqualTo("4.00");
    assertThat(decreased.getString("remaining_count")).isEqualTo("6.00");
    assertError(h.send(HttpMethod.POST, "/portfolio/events/orders/" + id + "/decrease",
        new JsonObject().put("reduce_by", "1").put("reduce_to", "1")), 400, "invalid_parameters");

    JsonObject amended = h.send(HttpMethod.POST, "/portfolio/events/orders/" + id + "/amend",
        new JsonObject().put("ticker", FED).put("side", "bid").put("price", "0.39").put("count", "8")
            .put("updated_client_order_id", "rest-2")).bodyAsJsonObject();
    assertThat(amended.getString("client_order_id")).isEqualTo("rest-2");
    assertThat(amended.getString("remaining_count")).isEqualTo("8.00");
    assertThat(amended.getJsonObject("order").getString("yes_price_dollars")).isEqualTo("0.3900");

    JsonObject canceled = h.send(HttpMethod.DELETE, "/portfolio/events/orders/" + id, null).bodyAsJsonObject();
    assertThat(canceled.getString("order_id")).isEqualTo(id);
    assertThat(canceled.getString("reduced_by")).isEqualTo("8.00");
    assertError(h.send(HttpMethod.DELETE, "/portfolio/events/orders/" + id, null), 400, "order_not_resting");
    assertError(h.send(HttpMethod.DELETE, "/portfolio/events/orders/nope", null), 404, "not_found");
  }

  @Test
  void batchesSucceedOrFailPerItemAndCancelAllClearsTheBook() throws Exception {
    JsonObject batch = new JsonObject().put("orders", new JsonArray()
        .add(order(FED, "bid", "5", "0.30", "good_till_canceled").put("client_order_id", "b-1"))
        .add(order(FED, "bid", "5", "0.305", "good_till_canceled").put("client_order_id", "b-2"))
        .add(order(BTC, "bid", "1.5", "0.050", "good_till_canceled").put("client_order_id", "b-3")));
    HttpResponse<Buffer> r = h.send(HttpMethod.POST, "/portfolio/events/orders/batched", batch);
    assertThat(r.statusCode()).isEqualTo(201);
    JsonArray items = r.bodyAsJsonObject().getJsonArray("orders");
    assertThat(items.getJsonObject(0).getString("order_id")).isNotBlank();
    assertThat(items.getJsonObject(1).getJsonObject("error").getString("code")).isEqualTo("invalid_parameters");
    assertThat(items.getJsonObject(1).getString("client_order_id")).isEqualTo("b-2");
    assertThat(items.getJsonObject(2).getString("remaining_count")).isEqualTo("1.50"); // fractional market

    String first = items.getJsonObject(0).getString("order_id");
    JsonObject cancels = h.send(HttpMethod.DELETE, "/portfolio/events/orders/batched", new JsonObject()
        .put("orders", new JsonArray().add(new JsonObject().put("order_id", first))
            .add(new JsonObject().put("order_id", "missing")))).bodyAsJsonObject();
    assertThat(cancels.getJsonArray("orders").getJsonObject(0).getString("reduced_by")).isEqualTo("5.00");
    assertThat(cancels.getJsonArray("orders").getJsonObject(1).getJsonObject("error").getString("code"))
        .isEqualTo("not_found");

    JsonObject all = h.send(HttpMethod.DELETE, "/portfolio/events/orders", null).bodyAsJsonObject();
    assertThat(all.getJsonArray("orders")).hasSize(1);
    assertThat(h.get("/portfolio/orders?status=resting").bodyAsJsonObject().getJsonArray("orders")).isEmpty();
  }

  @Test
  void refusalsUseKalshiErrorBodies() throws Exception {
    assertError(h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "buy", "1", "0.40", "good_till_canceled")),
        400, "invalid_parameters");
    assertError(h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "1", "0.4", "good_till_canceled")),
        400, "invalid_parameters"); // prices need 2-4 decimals; "0.4" has one
    assertError(h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "1.5", "0.40", "good_till_canceled")),
        400, "invalid_parameters"); // not a fractional market
    assertError(h.send(HttpMethod.POST, "/portfolio/events/orders", order("KXNOPE", "bid", "1", "0.40",
        "good_till_canceled")), 404, "market_not_found");
    assertError(h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "5000", "0.40",
        "good_till_canceled")), 400, "insufficient_balance");
    h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "1", "0.30", "good_till_canceled")
        .put("client_order_id", "dup"));
    assertError(h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "1", "0.30", "good_till_canceled")
        .put("client_order_id", "dup")), 409, "order_already_exists");
    assertError(h.send(HttpMethod.POST, "/portfolio/orders", new JsonObject().put("ticker", FED)), 400,
        "deprecated_endpoint");
    h.clock.set(java.time.Instant.parse("2028-01-01T00:00:00Z"));
    assertError(h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "1", "0.30",
        "good_till_canceled")), 400, "MARKET_INACTIVE");
  }
  @Test
  void expirationTimeMakesAGoodTillDateOrderThatExpires() throws Exception {
    long at = KalshiHarness.START.getEpochSecond() + 60;
    String id = h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "2", "0.30",
        "good_till_canceled").put("expiration_time", at)).bodyAsJsonObject().getString("order_id");
    JsonObject o = h.get("/portfolio/orders/" + id).bodyAsJsonObject().getJsonObject("order");
    assertThat(o.getString("status")).isEqualTo("resting");
    assertThat(o.getString("expiration_time")).isEqualTo("2026-11-27T00:01:00Z");
    h.clock.advance(Duration.ofSeconds(61));
    assertThat(h.get("/portfolio/orders/" + id).bodyAsJsonObject().getJsonObject("order").getString("status"))
        .isEqualTo("canceled");
    assertError(h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "2", "0.30",
        "immediate_or_cancel").put("expiration_time", at + 600)), 400, "invalid_parameters");
  }
}
