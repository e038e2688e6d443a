package io.github.crossarb.polymarket.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.venue.ExecutionListener;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.polymarket.Golden;
import io.github.crossarb.polymarket.PolymarketVenue;
import io.github.crossarb.polymarket.VenueHarness;
import io.github.crossarb.polymarket.internal.Json;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class PolymarketUserStreamIT {
  private static final String CONDITION = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";
  private final VenueHarness h = new VenueHarness();
  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final ExecutionListener listener = new ExecutionListener() {
    @Override
    public void onFill(Fill fill) {
      events.add(fill);
    }

    @Override
    public void onFillConfirmed(VenueId venue, String fillId) {
      events.add("confirmed " + venue.label() + " " + fillId);
    }

    @Override
    public void onFillVoid(FillVoid fillVoid) {
      events.add(fillVoid);
    }

    @Override
    public void onOrderUpdate(OrderReport order) {
      events.add(order);
    }

    @Override
    public void onStreamLost(String reason) {
      events.add("lost");
    }

    @Override
    public void onStreamRestored() {
      events.add("restored");
    }
  };
  private FakePolymarketWs fake;
  private PolymarketVenue venue;

  @BeforeEach
  void start() throws Exception {
    fake = new FakePolymarketWs(h.vertx);
    fake.rest.put("/markets-by-token/1111", "{\"condition_id\":\"" + CONDITION + "\"}");
    fake.rest.put("/clob-markets/" + CONDITION, Golden.text("polymarket/http_get_clob_market.json"));
    venue = h.venue(VenueHarness.config(fake.base()).privateKey(VenueHarness.KEY).credentials(VenueHarness.CREDS)
        .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100)).build());
    h.call(() -> venue.execution().listen(listener));
  }

  @AfterEach
  void stop() throws Exception {
    h.call(() -> venue.close());
    fake.close();
    h.close();
  }

  private Object next() throws InterruptedException {
    Object e = events.poll(10, TimeUnit.SECONDS);
    assertThat(e).as("an event within 10 s").isNotNull();
    return e;
  }

  private static String trade(String id, String status, String takerOrder) {
    return "{\"event_type\":\"trade\",\"id\":\"" + id + "\",\"taker_order_id\":\"" + takerOrder + "\",\"market\":\""
        + CONDITION + "\",\"asset_id\":\"1111\",\"side\":\"BUY\",\"size\":\"10\",\"price\":\"0.45\",\"fee_rate_bps\":\"0\","
        + "\"status\":\"" + status + "\",\"outcome\":\"Yes\",\"owner\":\"api-key-1\",\"maker_address\":\""
        + VenueHarness.ADDRESS + "\",\"trader_side\":\"TAKER\",\"timestamp\":\"1767225600123\",\"maker_orders\":[]}";
  }

  @Test
  void authenticatesWithTheUserSubscription() throws Exception {
    String frame = fake.nextFrame();
    assertThat(frame).startsWith("/ws/user ");
    var node = Json.parse(frame.substring("/ws/user ".length()), "auth");
    assertThat(node.get("type").asText()).isEqualTo("user");
    assertThat(node.get("auth").get("apiKey").asText()).isEqualTo("api-key-1");
    assertThat(node.get("auth").get("passphrase").asText()).isEqualTo("pass-1");
    assertThat(node.get("auth").get("secret").asText()).isEqualTo(VenueHarness.CREDS.secret());
  }

  @Test
  void aTradeIsOneProvisionalFillThroughItsStatusesAndAFailedTradeVoidsIt() throws Exception {
    fake.nextFrame();
    fake.push(trade("t-1", "MATCHED", "0xabc"));
    Fill fill = (Fill) next();
    assertThat(fill.fillId()).isEqualTo("t-1:0xabc");
    assertThat(fill.side()).isEqualTo(Side.BUY);
    assertThat(fill.quantity()).isEqualTo(Quantity.parse("10"));
    assertThat(fill.fee()).isEqualTo(Money.parse("0.07425"));
    fake.push(trade("t-1", "MINED", "0xabc"));
    fake.push(trade("t-1", "CONFIRMED", "0xabc"));
    assertThat(next()).as("MINED is still provisional; CONFIRMED makes the fill final").isEqualTo("confirmed polymarket t-1:0xabc");
    fake.push(trade("t-1", "CONFIRMED", "0xabc")); // a repeated status (e.g. after a reconnect) says nothing new
    // A second trade shows the previous ones produced nothing new.
    fake.push(trade("t-2", "MATCHED", "0xdef"));
    assertThat(((Fill) next()).fillId()).isEqualTo("t-2:0xdef");
    fake.push(trade("t-2", "RETRYING", "0xdef"));
    fake.push(trade("t-2", "FAILED", "0xdef"));
    FillVoid voided = (FillVoid) next();
    assertThat(voided.fillId()).isEqualTo("t-2:0xdef");
    assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void aTradeFirstSeenConfirmedIsReportedAsAFillAndThenConfirmed() throws Exception {
    fake.nextFrame();
    // Missed while disconnected, for example: the fill must still come before its confirmation.
    fake.push(trade("t-5", "CONFIRMED", "0x555"));
    assertThat(((Fill) next()).fillId()).isEqualTo("t-5:0x555");
    assertThat(next()).isEqualTo("confirmed polymarket t-5:0x555");
    // A late MATCHED of the same trade reports nothing again.
    fake.push(trade("t-5", "MATCHED", "0x555"));
    assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void aFailedTradeIsNeverConfirmed() throws Exception {
    fake.nextFrame();
    fake.push(trade("t-6", "MATCHED", "0x666"));
    assertThat(((Fill) next()).fillId()).isEqualTo("t-6:0x666");
    fake.push(trade("t-6", "FAILED", "0x666"));
    assertThat(((FillVoid) next()).fillId()).isEqualTo("t-6:0x666");
    fake.push(trade("t-6", "CONFIRMED", "0x666")); // contradicts the void: ignored, the void is final
    assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void orderEventsBecomeOrderUpdates() throws Exception {
    fake.nextFrame();
    fake.push("{\"event_type\":\"order\",\"type\":\"UPDATE\",\"id\":\"0xo1\",\"owner\":\"api-key-1\",\"market\":\""
        + CONDITION + "\",\"asset_id\":\"1111\",\"side\":\"BUY\",\"price\":\"0.45\",\"original_size\":\"10\","
        + "\"size_matched\":\"4\",\"outcome\":\"Yes\",\"order_type\":\"GTC\",\"timestamp\":\"1767225600\","
        + "\"associate_trades\":[\"t-9\"]}");
    OrderReport report = (OrderReport) next();
    assertThat(report.filled()).isEqualTo(Quantity.parse("4"));
    assertThat(report.status()).isEqualTo(OrderStatus.OPEN);
  }

  @Test
  void aDropIsReportedAndTheStreamReauthenticatesOnReconnect() throws Exception {
    fake.nextFrame();
    fake.drop();
    assertThat(next()).isEqualTo("lost");
    assertThat(fake.nextFrame()).startsWith("/ws/user {\"auth\"");
    assertThat(next()).isEqualTo("restored");
  }

  @Test
  void malformedFramesNeverEscapeAndTheStreamRecovers() throws Exception {
    fake.nextFrame();
    fake.push("{\"event_type\":\"trade\",\"id\":\"x\",\"status\":\"SOMETHING_NEW\"");
    assertThat(next()).isEqualTo("lost");
    assertThat(fake.nextFrame()).startsWith("/ws/user {\"auth\"");
    assertThat(next()).isEqualTo("restored");
    fake.push(trade("t-3", "MATCHED", "0x123"));
    assertThat(((Fill) next()).fillId()).isEqualTo("t-3:0x123");
  }
}
