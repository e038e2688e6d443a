package io.github.crossarb.simulator.kalshi;

import static io.github.crossarb.simulator.testing.KalshiHarness.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.simulator.fault.FaultInjector;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.github.crossarb.simulator.fault.FaultRule;
import io.github.crossarb.simulator.scenario.FaultsSpec;
import io.github.crossarb.simulator.testing.KalshiHarness;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class KalshiFaultIT {
  static final String FED = KalshiRestIT.FED;
  static final String CREATE = "POST /trade-api/v2/portfolio/events/orders";
  @TempDir
  Path dir;
  KalshiHarness h;
  FaultInjector faults;

  @BeforeEach
  void setUp() throws Exception {
    h = new KalshiHarness(KalshiRestIT.scenario(), dir, Duration.ofMillis(200));
    faults = h.sim.faults(VenueId.KALSHI);
  }

  @AfterEach
  void tearDown() throws Exception {
    h.close();
  }

  private JsonArray restingOrders() throws Exception {
    return h.get("/portfolio/orders").bodyAsJsonObject().getJsonArray("orders");
  }

  @Test
  void rateLimitAnswers429WithKalshisBodyAndProcessesNothing() throws Exception {
    faults.add(FaultRule.once(FaultKinds.HTTP_429, CREATE));
    var r = h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "1", "0.30", "good_till_canceled"));
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.bodyAsJsonObject().encode()).isEqualTo("{\"error\":\"too many requests\"}");
    assertThat(r.getHeader("Retry-After")).isNull();
    assertThat(restingOrders()).isEmpty();
    assertThat(h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "1", "0.30",
        "good_till_canceled")).statusCode()).isEqualTo(201);
  }

  @Test
  void serverErrorAnswersTheScriptedStatus() throws Exception {
    faults.add(FaultRule.once(FaultKinds.HTTP_5XX, "GET /trade-api/v2/portfolio/balance").withStatus(502));
    var r = h.get("/portfolio/balance");
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(r.bodyAsJsonObject().fieldNames()).containsExactlyInAnyOrder("code", "message", "details");
    assertThat(h.get("/portfolio/balance").statusCode()).isEqualTo(200);
  }

  @Test
  void droppedConnectionProcessesNothing() throws Exception {
    faults.add(FaultRule.once(FaultKinds.DROP_CONNECTION, CREATE));
    assertThatThrownBy(() -> h.send(HttpMethod.POST, "/portfolio/events/orders",
        order(FED, "bid", "1", "0.30", "good_till_canceled").put("client_order_id", "lost")))
        .isInstanceOf(ExecutionException.class);
    assertThat(restingOrders()).isEmpty();
  }

  @Test
  void latencyDelaysTheAnswerButNotTheResult() throws Exception {
    faults.add(FaultRule.once(FaultKinds.LATENCY, "GET /trade-api/v2/exchange/status").withMillis(3_000));
    assertThatThrownBy(() -> KalshiHarness.await(h.raw(HttpMethod.GET, "/exchange/status").timeout(100).send()))
        .isInstanceOf(ExecutionException.class);
    faults.add(FaultRule.once(FaultKinds.LATENCY, "GET /trade-api/v2/exchange/status").withMillis(100));
    assertThat(KalshiHarness.await(h.raw(HttpMethod.GET, "/exchange/status").send()).statusCode()).isEqualTo(200);
  }

  @Test
  void acceptedOrderWhoseAnswerComesTooLateIsFoundByClientOrderId() throws Exception {
    faults.add(FaultRule.once(FaultKinds.ACCEPT_THEN_DELAY, CREATE).withMillis(5_000));
    var req = h.signed(HttpMethod.POST, "/portfolio/events/orders").timeout(200);
    assertThatThrownBy(() -> KalshiHarness.await(req.sendJsonObject(
        order(FED, "bid", "3", "0.30", "good_till_canceled").put("client_order_id", "late-1"))))
        .isInstanceOf(ExecutionException.class);
    JsonArray orders = restingOrders();
    assertThat(orders).hasSize(1);
    assertThat(orders.getJsonObject(0).getString("client_order_id")).isEqualTo("late-1");
    assertThat(orders.getJsonObject(0).getString("status")).isEqualTo("resting");
    // Blindly resending would be refused: the client order id is taken.
    assertThat(h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "3", "0.30",
        "good_till_canceled").put("client_order_id", "late-1")).statusCode()).isEqualTo(409);
  }

  @Test
  void acceptedOrderWhoseConnectionDropsIsFoundByClientOrderId() throws Exception {
    faults.add(FaultRule.once(FaultKinds.ACCEPT_THEN_DROP, CREATE));
    assertThatThrownBy(() -> h.send(HttpMethod.POST, "/portfolio/events/orders",
        order(FED, "bid", "2", "0.44", "immediate_or_cancel").put("client_order_id", "dropped-1")))
        .isInstanceOf(ExecutionException.class);
    JsonObject fill = h.get("/portfolio/fills").bodyAsJsonObject().getJsonArray("fills").getJsonObject(0);
    assertThat(fill.getString("client_order_id")).isEqualTo("dropped-1");
    assertThat(fill.getString("count_fp")).isEqualTo("2.00");
  }

  private KalshiHarness.Stream subscribedBook() throws Exception {
    KalshiHarness.Stream s = h.connect();
    s.send("subscribe", new JsonObject().put("channels", new JsonArray().add("orderbook_delta"))
        .put("market_ticker", FED));
    assertThat(s.next("orderbook_snapshot").getLong("seq")).isEqualTo(1);
    return s;
  }

  private void rest(String price) throws Exception {
    h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "1", price, "good_till_canceled"));
  }

  @Test
  void sequenceGapSkipsOneNumber() throws Exception {
    KalshiHarness.Stream s = subscribedBook();
    faults.add(FaultRule.once(FaultKinds.SEQ_GAP, FED));
    rest("0.30");
    assertThat(s.next("orderbook_delta").getLong("seq")).isEqualTo(3);
    rest("0.31");
    assertThat(s.next("orderbook_delta").getLong("seq")).isEqualTo(4);
  }

  @Test
  void duplicateDeltaRepeatsTheSameSeq() throws Exception {
    KalshiHarness.Stream s = subscribedBook();
    faults.add(FaultRule.once(FaultKinds.SEQ_DUPLICATE, FED));
    rest("0.30");
    JsonObject first = s.next("orderbook_delta");
    JsonObject again = s.next("orderbook_delta");
    assertThat(again).isEqualTo(first);
    rest("0.31");
    assertThat(s.next("orderbook_delta").getLong("seq")).isEqualTo(3);
  }

  @Test
  void silentFeedStopsMarketDataButKeepsTheSocketAndPings() throws Exception {
    KalshiHarness.Stream s = subscribedBook();
    faults.add(FaultRule.always(FaultKinds.SILENT_FEED, FED));
    rest("0.30");
    h.sim.process().step();
    assertThat(s.frames.poll(500, TimeUnit.MILLISECONDS)).isNull();
    s.pings.clear();
    assertThat(s.pings.poll(10, TimeUnit.SECONDS)).isEqualTo("heartbeat");
    assertThat(s.closed).isEmpty();
    faults.clear(FaultKinds.SILENT_FEED);
    rest("0.31");
    assertThat(s.next("orderbook_delta").getLong("seq")).isEqualTo(2);
  }

  @Test
  void streamConnectionDropClosesTheSocket() throws Exception {
    KalshiHarness.Stream s = subscribedBook();
    faults.add(FaultRule.once(FaultKinds.DROP_CONNECTION, "ws"));
    rest("0.30");
    assertThat(s.closed.poll(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void scriptedTickSizeChangeHappensAtItsStep() throws Exception {
    h.close();
    var scenario = KalshiRestIT.scenario().withFaults(new FaultsSpec(List.of(
        FaultRule.once(FaultKinds.TICK_SIZE_CHANGE, FED).atStep(2, Map.of("step", "0.02"))), List.of()));
    h = new KalshiHarness(scenario, dir.resolve("again"), Duration.ofSeconds(10));
    rest("0.31");
    h.sim.process().step();
    String step = h.get("/markets/" + FED).bodyAsJsonObject().getJsonObject("market").getJsonArray("price_ranges")
        .getJsonObject(0).getString("step");
    assertThat(step).isEqualTo("0.0100");
    h.sim.process().step();
    JsonObject market = h.get("/markets/" + FED).bodyAsJsonObject().getJsonObject("market");
    assertThat(market.getJsonArray("price_ranges").getJsonObject(0).getString("step")).isEqualTo("0.0200");
    // Our 0.31 bid was off the new grid and got cancelled; new orders must use the new tick.
    assertThat(h.get("/portfolio/orders?status=resting").bodyAsJsonObject().getJsonArray("orders")).isEmpty();
    assertThat(h.send(HttpMethod.POST, "/portfolio/events/orders", order(FED, "bid", "1", "0.31",
        "good_till_canceled")).statusCode()).isEqualTo(400);
  }
}
