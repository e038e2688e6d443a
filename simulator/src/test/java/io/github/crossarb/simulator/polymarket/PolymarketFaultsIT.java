package io.github.crossarb.simulator.polymarket;

import static io.github.crossarb.simulator.polymarket.PolySimFixture.YES;
import static io.github.crossarb.simulator.polymarket.PolySimFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.Side;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.github.crossarb.simulator.fault.FaultRule;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every Polymarket fault, armed through the shared fault injector and observed with raw clients. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PolymarketFaultsIT {
  static final long M = 1_000_000L;
  PolySimFixture sim;
  PolymarketFaults faults;

  @BeforeEach
  void start() throws Exception {
    sim = new PolySimFixture();
    faults = sim.server.faults();
  }

  @AfterEach
  void stop() throws Exception {
    sim.close();
  }

  int openOrders() throws Exception {
    return sim.l2(sim.aliceAccount, HttpMethod.GET, "/data/orders", null).json().getJsonArray("data").size();
  }

  @Test
  void tooManyRequestsThenNormal() throws Exception {
    faults.failNextRequests("GET /book", 429, 1);
    HttpResponse<Buffer> r = await(sim.web.request(HttpMethod.GET, sim.server.port(), "127.0.0.1",
        "/book?token_id=" + YES).send());
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.getHeader("Retry-After")).isEqualTo("1");
    assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", "Too Many Requests"));
    assertThat(sim.get("/book?token_id=" + YES).status()).isEqualTo(200);
  }

  @Test
  void serverErrorIsAnsweredWithoutProcessing() throws Exception {
    faults.failNextRequests("POST /order", 503, 1);
    PolySimFixture.Resp r = sim.post(sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M), "GTC");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.json().containsKey("error")).isTrue();
    assertThat(openOrders()).isZero();
    faults.failNextRequests("GET /time", 500, 1);
    assertThat(sim.get("/time").status()).isEqualTo(500);
  }

  @Test
  void seededErrorRateFailsSomeRequests() throws Exception {
    faults.add(FaultRule.always(FaultKinds.HTTP_5XX, "GET /time").withChancePermille(500));
    int failed = 0;
    for (int i = 0; i < 40; i++) {
      if (sim.get("/time").status() == 503) {
        failed++;
      }
    }
    assertThat(failed).isBetween(1, 39);
  }

  @Test
  void latencyDelaysTheAnswer() throws Exception {
    faults.latency("GET /version", Duration.ofMillis(1500));
    var slow = sim.web.request(HttpMethod.GET, sim.server.port(), "127.0.0.1", "/version").timeout(200).send();
    assertThatThrownBy(() -> await(slow)).isInstanceOf(ExecutionException.class);
    faults.clear();
    assertThat(sim.get("/version").status()).isEqualTo(200);
  }

  @Test
  void droppedRestConnectionIsNotAnswered() throws Exception {
    faults.add(FaultRule.once(FaultKinds.DROP_CONNECTION, "GET /book"));
    assertThatThrownBy(() -> sim.get("/book?token_id=" + YES)).isInstanceOf(ExecutionException.class);
    assertThat(sim.get("/book?token_id=" + YES).status()).isEqualTo(200);
  }

  @Test
  void acceptedOrderWhoseAnswerIsLost() throws Exception {
    faults.acceptThenDrop(1);
    assertThatThrownBy(() -> sim.post(sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M), "GTC"))
        .isInstanceOf(ExecutionException.class);
    assertThat(openOrders()).isEqualTo(1); // the venue has it: only reconciliation can tell
  }

  @Test
  void acceptedOrderAnsweredTooLate() throws Exception {
    faults.acceptThenDelay(1, Duration.ofSeconds(3));
    String body = PolySimFixture.postBody(sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M),
        sim.aliceAccount.apiKey(), "GTC", false);
    String ts = Long.toString(sim.clock.instant().getEpochSecond());
    var late = sim.web.request(HttpMethod.POST, sim.server.port(), "127.0.0.1", "/order").timeout(300)
        .putHeader("POLY_ADDRESS", sim.alice.address).putHeader("POLY_TIMESTAMP", ts)
        .putHeader("POLY_API_KEY", sim.aliceAccount.apiKey()).putHeader("POLY_PASSPHRASE", sim.aliceAccount.passphrase())
        .putHeader("POLY_SIGNATURE", io.github.crossarb.simulator.polymarket.internal.PolySignatures.l2Signature(
            sim.aliceAccount.secret(), ts, "POST", "/order", body.getBytes()))
        .sendBuffer(Buffer.buffer(body));
    assertThatThrownBy(() -> await(late)).isInstanceOf(ExecutionException.class);
    assertThat(openOrders()).isEqualTo(1);
  }

  @Test
  void silentFeedKeepsTheSocketButSendsNothing() throws Exception {
    PolySimFixture.Socket s = sim.socket("/ws/market");
    s.send("{\"assets_ids\":[\"" + YES + "\"],\"type\":\"market\"}");
    s.next("book");
    faults.silentFeed(YES);
    sim.house(YES, Side.BUY, "0.40", "10");
    s.send("PING");
    assertThat(s.frames().poll(5, TimeUnit.SECONDS)).isEqualTo("PONG"); // no price_change queued before it
    faults.resumeFeed();
    sim.house(YES, Side.BUY, "0.41", "10");
    assertThat(s.next("price_change").getJsonArray("price_changes").getJsonObject(0).getString("price"))
        .isEqualTo("0.41");
  }

  @Test
  void droppedSocketsCloseAndReconnectGetsAFreshBook() throws Exception {
    PolySimFixture.Socket market = sim.socket("/ws/market");
    market.send("{\"assets_ids\":[\"" + YES + "\"],\"type\":\"market\"}");
    market.next("book");
    await(faults.dropConnections());
    assertThat(market.closes().poll(5, TimeUnit.SECONDS)).isNotNull();
    PolySimFixture.Socket again = sim.socket("/ws/market");
    again.send("{\"assets_ids\":[\"" + YES + "\"],\"type\":\"market\"}");
    assertThat(again.next("book").getString("asset_id")).isEqualTo(YES);

    faults.add(FaultRule.once(FaultKinds.DROP_CONNECTION, "ws")); // the next market message drops instead
    sim.house(YES, Side.BUY, "0.40", "10");
    assertThat(again.closes().poll(5, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void missedHeartbeatCancelsOpenOrders() throws Exception {
    PolySimFixture.Resp first = sim.l2(sim.aliceAccount, HttpMethod.POST, "/v1/heartbeats", "{\"heartbeat_id\":\"\"}");
    assertThat(first.status()).isEqualTo(200);
    String id = first.json().getString("heartbeat_id");
    assertThat(id).isNotBlank();
    PolySimFixture.Resp wrong = sim.l2(sim.aliceAccount, HttpMethod.POST, "/v1/heartbeats",
        "{\"heartbeat_id\":\"not-the-last-one\"}");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(sim.l2(sim.aliceAccount, HttpMethod.POST, "/v1/heartbeats", "{\"heartbeat_id\":\"" + id + "\"}")
        .status()).isEqualTo(200);
    sim.post(sim.limitOrder(sim.alice, YES, "BUY", 400_000, 10 * M), "GTC");
    sim.clock.advance(Duration.ofSeconds(5));
    await(sim.server.checkHeartbeats());
    assertThat(openOrders()).isEqualTo(1);
    sim.clock.advance(Duration.ofSeconds(6));
    await(sim.server.checkHeartbeats());
    assertThat(openOrders()).isZero();
  }
}
