package io.github.crossarb.kalshi;

import static io.github.crossarb.kalshi.KalshiTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.venue.BookListener;
import io.github.crossarb.core.venue.BookSubscription;
import io.github.crossarb.core.venue.ExecutionListener;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderStatus;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The venue's streams (books, lifecycle, fills, orders) against an in-process fake on 127.0.0.1. */
@Timeout(60)
class KalshiVenueIT {
  private static final String A = "KXA-1";

  private Vertx vertx;
  private Context context;
  private HttpServer server;
  private KalshiVenue venue;
  private final BlockingQueue<ServerWebSocket> connections = new LinkedBlockingQueue<>();
  private final BlockingQueue<JsonObject> inbound = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  /** sids the fake handed out, by channel. */
  private final Map<String, Integer> sids = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)).webSocketHandler(ws -> {
      ws.textMessageHandler(text -> {
        JsonObject command = new JsonObject(text);
        if ("subscribe".equals(command.getString("cmd"))) {
          // Acknowledge like Kalshi: one sid per channel.
          String channel = command.getJsonObject("params").getJsonArray("channels").getString(0);
          int sid = sids.computeIfAbsent(channel, c -> sids.size() + 1);
          ws.writeTextMessage("{\"id\":" + command.getInteger("id") + ",\"type\":\"subscribed\",\"msg\":{\"channel\":\""
              + channel + "\",\"sid\":" + sid + "}}");
        }
        // Recorded after the ack is written, so the test's next frame follows the ack.
        inbound.add(command);
      });
      connections.add(ws);
    });
    await(server.listen());
    KalshiConfig config = KalshiConfig.builder()
        .restBaseUrl("http://127.0.0.1:1/trade-api/v2")
        .wsUrl("ws://127.0.0.1:" + server.actualPort() + "/trade-api/ws/v2")
        .credentials(KalshiTestSupport.credentials())
        .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(40))
        .build();
    venue = await(onContext(() -> Future.succeededFuture(new KalshiVenue(vertx, config))));
  }

  @AfterEach
  void stop() throws Exception {
    await(onContext(() -> venue.close()));
    await(vertx.close());
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  private <T> T read(Supplier<T> read) throws Exception {
    return await(onContext(() -> Future.succeededFuture(read.get())));
  }

  private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
    T value = queue.poll(10, TimeUnit.SECONDS);
    assertThat(value).as("nothing arrived within 10 s").isNotNull();
    return value;
  }

  /** Waits until the fake acknowledged {@code count} subscribe commands (in order of arrival). */
  private void subscribes(int count) throws InterruptedException {
    for (int i = 0; i < count; i++) {
      assertThat(next(inbound).getString("cmd")).isEqualTo("subscribe");
    }
  }

  @Test
  void booksFollowTheStreamAndATickChangeUntrustsThemUntilTheirSnapshot() throws Exception {
    OrderBook book = new OrderBook(InstrumentId.kalshi(A), InstantSource.system());
    BookListener listener = new BookListener() {
      @Override
      public void onBookUpdated(OrderBook b) {
        events.add("updated");
      }

      @Override
      public void onBookUntrusted(OrderBook b, UntrustedReason reason) {
        events.add("untrusted " + reason);
      }
    };
    BookSubscription subscription = await(onContext(() -> venue.marketData().subscribe(List.of(book), listener)));
    ServerWebSocket ws = next(connections);
    subscribes(2);
    int bookSid = sids.get("orderbook_delta");
    int lifecycleSid = sids.get("market_lifecycle_v2");

    ws.writeTextMessage("{\"type\":\"orderbook_snapshot\",\"sid\":" + bookSid + ",\"seq\":1,\"msg\":{\"market_ticker\":\"" + A
        + "\",\"yes_dollars_fp\":[[\"0.4000\",\"5.00\"]],\"no_dollars_fp\":[[\"0.5500\",\"3.00\"]]}}");
    assertThat(next(events)).isEqualTo("updated");
    assertThat(read(() -> book.bestAsk(Outcome.YES))).contains(Price.parse("0.45"));

    ws.writeTextMessage("{\"type\":\"market_lifecycle_v2\",\"sid\":" + lifecycleSid + ",\"msg\":{\"market_ticker\":\"" + A
        + "\",\"event_type\":\"price_level_structure_updated\",\"price_ranges\":[]}}");
    assertThat(next(events)).isEqualTo("untrusted TICK_SIZE_CHANGED");
    JsonObject resync = next(inbound);
    assertThat(resync.getJsonObject("params").getString("action")).isEqualTo("get_snapshot");

    await(onContext(subscription::cancel));
    assertThat(List.of(next(inbound).getString("cmd"), next(inbound).getString("cmd")))
        .containsExactly("unsubscribe", "unsubscribe");
  }

  @Test
  void listenDeliversFillsAndOrderUpdatesAndReportsStreamLossAndRestore() throws Exception {
    BlockingQueue<Fill> fills = new LinkedBlockingQueue<>();
    BlockingQueue<OrderReport> orders = new LinkedBlockingQueue<>();
    ExecutionListener listener = new ExecutionListener() {
      @Override
      public void onFill(Fill fill) {
        fills.add(fill);
      }

      @Override
      public void onOrderUpdate(OrderReport order) {
        orders.add(order);
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
    await(onContext(() -> venue.execution().listen(listener)));
    ServerWebSocket ws = next(connections);
    subscribes(2);

    ws.writeTextMessage("{\"type\":\"fill\",\"sid\":" + sids.get("fill") + ",\"msg\":{\"trade_id\":\"t-9\",\"order_id\":\"o\","
        + "\"market_ticker\":\"" + A + "\",\"is_taker\":true,\"yes_price_dollars\":\"0.5510\",\"count_fp\":\"2.50\","
        + "\"fee_cost\":\"0.0300\",\"outcome_side\":\"no\",\"book_side\":\"ask\",\"client_order_id\":\"c-9\","
        + "\"ts_ms\":1795752151153}}");
    ws.writeTextMessage("{\"type\":\"user_order\",\"sid\":" + sids.get("user_orders") + ",\"msg\":{\"order_id\":\"o\","
        + "\"client_order_id\":\"c-9\",\"ticker\":\"" + A + "\",\"status\":\"executed\",\"outcome_side\":\"no\","
        + "\"book_side\":\"ask\",\"yes_price_dollars\":\"0.5500\",\"fill_count_fp\":\"2.50\",\"remaining_count_fp\":\"0.00\","
        + "\"initial_count_fp\":\"2.50\"}}");

    Fill fill = next(fills);
    assertThat(fill.fillId()).isEqualTo("t-9");
    assertThat(fill.outcome()).isEqualTo(Outcome.NO);
    assertThat(fill.side()).isEqualTo(Side.BUY);
    assertThat(fill.price()).isEqualTo(Price.parse("0.449"));
    assertThat(fill.quantity()).isEqualTo(Quantity.parse("2.5"));
    assertThat(fill.fee()).isEqualTo(Money.parse("0.03"));
    assertThat(fill.time()).isEqualTo(Instant.ofEpochMilli(1795752151153L));
    OrderReport order = next(orders);
    assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(order.filled()).isEqualTo(Quantity.parse("2.5"));
    assertThat(order.price()).isEqualTo(Price.parse("0.45"));

    ws.close();
    assertThat(next(events)).isEqualTo("lost");
    next(connections);
    subscribes(2);
    assertThat(next(events)).isEqualTo("restored");
  }
}
