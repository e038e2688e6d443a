package io.github.crossarb.kalshi.ws;

import static io.github.crossarb.kalshi.KalshiTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.venue.BookListener;
import io.github.crossarb.kalshi.KalshiConfig;
import io.github.crossarb.kalshi.KalshiTestSupport;
import io.github.crossarb.kalshi.auth.KalshiSigner;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The WebSocket client against an in-process fake Kalshi stream on 127.0.0.1. */
@Timeout(60)
class KalshiWsClientIT {
  private static final String A = "KXA-1";
  private static final String B = "KXB-1";
  private static final String C = "KXC-1";

  private Vertx vertx;
  private Context context;
  private HttpServer server;
  private final BlockingQueue<ServerWebSocket> connections = new LinkedBlockingQueue<>();
  private final BlockingQueue<MultiMap> upgrades = new LinkedBlockingQueue<>();
  private final BlockingQueue<JsonObject> inbound = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private KalshiWsClient client;
  /** The server side of the connection opened by {@link #subscribed}. */
  private ServerWebSocket current;

  private final BookListener listener = new BookListener() {
    @Override
    public void onBookUpdated(OrderBook book) {
      events.add("updated " + book.instrument().symbol());
    }

    @Override
    public void onBookUntrusted(OrderBook book, UntrustedReason reason) {
      events.add("untrusted " + book.instrument().symbol() + " " + reason);
    }
  };

  @BeforeEach
  void startFake() throws Exception {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .webSocketHandler(ws -> {
          upgrades.add(MultiMap.caseInsensitiveMultiMap().addAll(ws.headers()).add(":path", ws.path()));
          ws.textMessageHandler(text -> inbound.add(new JsonObject(text)));
          ws.pongHandler(buffer -> pongs.add(buffer.toString()));
          connections.add(ws);
        });
    await(server.listen());
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      await(onContext(() -> client.close()));
    }
    await(vertx.close());
  }

  private KalshiConfig config(Duration silence) {
    return KalshiConfig.builder()
        .restBaseUrl("http://127.0.0.1:1/trade-api/v2")
        .wsUrl("ws://127.0.0.1:" + server.actualPort() + "/trade-api/ws/v2")
        .credentials(KalshiTestSupport.credentials())
        .silenceThreshold(silence)
        .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
        .subscribeBatch(2)
        .requestTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Runs {@code action} on the client's context (the client is single-threaded by contract). */
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

  private String nextEvent() throws InterruptedException {
    return next(events);
  }

  private static void send(ServerWebSocket ws, String json) {
    ws.writeTextMessage(json);
  }

  private List<OrderBook> books(String... tickers) {
    List<OrderBook> books = new ArrayList<>();
    for (String ticker : tickers) {
      books.add(new OrderBook(InstrumentId.kalshi(ticker), InstantSource.system()));
    }
    return books;
  }

  private static String snapshot(long sid, long seq, String ticker, String yes, String no) {
    return "{\"type\":\"orderbook_snapshot\",\"sid\":" + sid + ",\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\"" + ticker
        + "\",\"market_id\":\"m\",\"yes_dollars_fp\":" + yes + ",\"no_dollars_fp\":" + no + "}}";
  }

  private static String delta(long sid, long seq, String ticker, String side, String price, String delta) {
    return "{\"type\":\"orderbook_delta\",\"sid\":" + sid + ",\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\"" + ticker
        + "\",\"market_id\":\"m\",\"price_dollars\":\"" + price + "\",\"delta_fp\":\"" + delta + "\",\"side\":\"" + side
        + "\",\"ts_ms\":1}}";
  }

  /** Connects, subscribes A, B (one command) and C (another), acknowledges them as sids 1 and 2. */
  private List<OrderBook> subscribed(Duration silence) throws Exception {
    client = new KalshiWsClient(vertx, config(silence));
    List<OrderBook> books = books(A, B, C);
    await(onContext(() -> client.subscribeBooks(books, listener)));
    ServerWebSocket ws = next(connections);
    current = ws;
    JsonObject first = next(inbound);
    JsonObject second = next(inbound);
    send(ws, "{\"id\":" + first.getInteger("id") + ",\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":1}}");
    send(ws, "{\"id\":" + second.getInteger("id") + ",\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":2}}");
    return books;
  }

  @Test
  void signsTheUpgradeAndBatchesSubscriptionsWithUseYesPriceSet() throws Exception {
    client = new KalshiWsClient(vertx, config(Duration.ofSeconds(30)));
    await(onContext(() -> client.subscribeBooks(books(A, B, C), listener)));

    MultiMap headers = next(upgrades);
    assertThat(headers.get(":path")).isEqualTo("/trade-api/ws/v2");
    assertThat(headers.get("KALSHI-ACCESS-KEY")).isEqualTo(KalshiTestSupport.KEY_ID);
    assertThat(KalshiSigner.verify(KalshiTestSupport.publicKey(),
        headers.get("KALSHI-ACCESS-TIMESTAMP") + "GET/trade-api/ws/v2", headers.get("KALSHI-ACCESS-SIGNATURE"))).isTrue();
    JsonObject first = next(inbound);
    JsonObject second = next(inbound);
    assertThat(first.getString("cmd")).isEqualTo("subscribe");
    assertThat(first.getJsonObject("params").getJsonArray("channels").stream().toList()).containsExactly("orderbook_delta");
    assertThat(first.getJsonObject("params").getJsonArray("market_tickers").stream().toList()).containsExactly(A, B);
    assertThat(first.getJsonObject("params").getBoolean("use_yes_price")).isFalse();
    assertThat(second.getJsonObject("params").getString("market_ticker")).isEqualTo(C);
    assertThat(second.getInteger("id")).isNotEqualTo(first.getInteger("id"));
  }

  @Test
  void snapshotThenDeltasBuildTheBookAndDuplicatesAreIgnored() throws Exception {
    List<OrderBook> books = subscribed(Duration.ofSeconds(30));
    ServerWebSocket ws = current;
    OrderBook a = books.get(0);

    send(ws, snapshot(1, 1, A, "[[\"0.4100\",\"13.00\"],[\"0.0050\",\"1.50\"]]", "[[\"0.5500\",\"2.00\"]]"));
    assertThat(nextEvent()).isEqualTo("updated " + A);
    send(ws, delta(1, 2, A, "no", "0.5700", "40.00"));
    assertThat(nextEvent()).isEqualTo("updated " + A);
    send(ws, delta(1, 2, A, "no", "0.5700", "40.00")); // duplicate: ignored
    send(ws, delta(1, 3, A, "yes", "0.4100", "-3.00"));
    assertThat(nextEvent()).isEqualTo("updated " + A);

    assertThat(read(a::isTrusted)).isTrue();
    assertThat(read(() -> a.bestBid(Outcome.YES))).contains(Price.parse("0.41"));
    assertThat(read(() -> a.bestAsk(Outcome.YES))).contains(Price.parse("0.43")); // 1 − best NO bid 0.57
    assertThat(read(() -> a.levels(Outcome.YES, io.github.crossarb.core.book.BookSide.ASK).sizeMicros(0)))
        .isEqualTo(Quantity.of(40).micros());
    assertThat(read(() -> a.levels(Outcome.YES, io.github.crossarb.core.book.BookSide.BID).sizeMicros(0)))
        .isEqualTo(Quantity.of(10).micros());
    assertThat(events).isEmpty();
  }

  @Test
  void aSequenceGapMarksEveryBookOfTheSidAndAsksForSnapshots() throws Exception {
    List<OrderBook> books = subscribed(Duration.ofSeconds(30));
    ServerWebSocket ws = current;
    send(ws, snapshot(1, 1, A, "[[\"0.4100\",\"13.00\"]]", "[]"));
    send(ws, snapshot(1, 2, B, "[[\"0.2000\",\"1.00\"]]", "[[\"0.7000\",\"1.00\"]]"));
    send(ws, snapshot(2, 1, C, "[[\"0.3000\",\"1.00\"]]", "[]"));
    assertThat(List.of(nextEvent(), nextEvent(), nextEvent())).containsExactly("updated " + A, "updated " + B, "updated " + C);

    send(ws, delta(1, 4, A, "yes", "0.4100", "1.00")); // seq 3 lost

    assertThat(List.of(nextEvent(), nextEvent()))
        .containsExactlyInAnyOrder("untrusted " + A + " SEQUENCE_GAP", "untrusted " + B + " SEQUENCE_GAP");
    JsonObject resync = next(inbound);
    assertThat(resync.getString("cmd")).isEqualTo("update_subscription");
    assertThat(resync.getJsonObject("params").getJsonArray("sids").stream().toList()).containsExactly(1);
    assertThat(resync.getJsonObject("params").getString("action")).isEqualTo("get_snapshot");
    assertThat(resync.getJsonObject("params").getJsonArray("market_tickers").stream().toList()).containsExactly(A, B);
    assertThat(read(() -> books.get(2).isTrusted())).as("other sid untouched").isTrue();

    send(ws, delta(1, 5, A, "yes", "0.4100", "1.00")); // dropped until the snapshot
    send(ws, snapshot(1, 6, A, "[[\"0.4200\",\"5.00\"]]", "[]"));
    assertThat(nextEvent()).isEqualTo("updated " + A);
    assertThat(read(() -> books.get(0).isTrusted())).isTrue();
    assertThat(read(() -> books.get(0).bestBid(Outcome.YES))).contains(Price.parse("0.42"));
    // The delta that revealed the gap and the one after it.
    assertThat(read(() -> books.get(0).droppedUpdates())).isEqualTo(2);
    assertThat(read(() -> books.get(1).isTrusted())).isFalse();
  }

  @Test
  void whenASnapshotRequestIsRefusedTheSubscriptionIsMadeAnew() throws Exception {
    List<OrderBook> books = subscribed(Duration.ofSeconds(30));
    ServerWebSocket ws = current;
    send(ws, snapshot(1, 1, A, "[[\"0.4100\",\"13.00\"]]", "[]"));
    assertThat(nextEvent()).isEqualTo("updated " + A);
    send(ws, delta(1, 3, A, "yes", "0.4100", "1.00")); // gap
    assertThat(nextEvent()).isEqualTo("untrusted " + A + " SEQUENCE_GAP");
    JsonObject resync = next(inbound);
    assertThat(resync.getString("cmd")).isEqualTo("update_subscription");

    send(ws, "{\"id\":" + resync.getInteger("id") + ",\"type\":\"error\",\"msg\":{\"code\":8,\"msg\":\"Unknown command\"}}");

    JsonObject unsubscribe = next(inbound);
    assertThat(unsubscribe.getString("cmd")).isEqualTo("unsubscribe");
    assertThat(unsubscribe.getJsonObject("params").getJsonArray("sids").stream().toList()).containsExactly(1);
    JsonObject subscribe = next(inbound);
    assertThat(subscribe.getString("cmd")).isEqualTo("subscribe");
    assertThat(subscribe.getJsonObject("params").getJsonArray("market_tickers").stream().toList()).containsExactly(A, B);
    send(ws, "{\"id\":" + subscribe.getInteger("id") + ",\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":9}}");
    send(ws, delta(1, 4, A, "yes", "0.4100", "1.00")); // the old sid: ignored
    send(ws, snapshot(9, 1, A, "[[\"0.4300\",\"2.00\"]]", "[]"));
    assertThat(nextEvent()).isEqualTo("updated " + A);
    assertThat(read(() -> books.get(0).bestBid(Outcome.YES))).contains(Price.parse("0.43"));
  }

  @Test
  void aMalformedMessageIsATypedErrorThatUntrustsItsBooks() throws Exception {
    List<OrderBook> books = subscribed(Duration.ofSeconds(30));
    ServerWebSocket ws = current;
    BlockingQueue<String> errors = new LinkedBlockingQueue<>();
    await(onContext(() -> {
      client.addProtocolErrorListener(e -> errors.add(e.getClass().getSimpleName() + ": " + e.getMessage()));
      return Future.succeededFuture();
    }));
    send(ws, snapshot(1, 1, A, "[[\"0.4100\",\"13.00\"]]", "[]"));
    send(ws, snapshot(2, 1, C, "[[\"0.3000\",\"1.00\"]]", "[]"));
    assertThat(List.of(nextEvent(), nextEvent())).containsExactly("updated " + A, "updated " + C);

    send(ws, "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"" + A
        + "\",\"price_dollars\":\"1.7\",\"delta_fp\":\"1\",\"side\":\"yes\"}}");

    assertThat(next(errors)).startsWith("VenueProtocolException: malformed Kalshi WebSocket message");
    assertThat(nextEvent()).isEqualTo("untrusted " + A + " INVALID_UPDATE");
    assertThat(next(inbound).getString("cmd")).isEqualTo("update_subscription");
    assertThat(read(() -> books.get(2).isTrusted())).isTrue();

    send(ws, "this is not json {");
    assertThat(next(errors)).contains("not JSON");
    assertThat(nextEvent()).isEqualTo("untrusted " + C + " INVALID_UPDATE");
    assertThat(read(() -> client.protocolErrors())).isEqualTo(2);
    assertThat(read(() -> client.isConnected())).isTrue();
  }

  @Test
  void silenceMarksTrustedBooksSilent() throws Exception {
    List<OrderBook> books = subscribed(Duration.ofMillis(200));
    ServerWebSocket ws = current;
    send(ws, snapshot(1, 1, A, "[[\"0.4100\",\"13.00\"]]", "[]"));
    assertThat(nextEvent()).isEqualTo("updated " + A);

    assertThat(nextEvent()).isEqualTo("untrusted " + A + " SILENT");
    assertThat(read(() -> books.get(0).integrity().reason())).isEqualTo(UntrustedReason.SILENT);
    // A delta resumes a book that was only silent.
    send(ws, delta(1, 2, A, "yes", "0.4100", "1.00"));
    assertThat(nextEvent()).isEqualTo("updated " + A);
  }

  @Test
  void aDropMarksBooksDisconnectedAndReconnectReSignsAndReplaysLiveSubscriptions() throws Exception {
    client = new KalshiWsClient(vertx, config(Duration.ofSeconds(30)));
    List<OrderBook> books = books(A, B, C);
    List<KalshiWsClient.Subscription> subs = await(onContext(() -> client.subscribeBooks(books, listener)));
    BlockingQueue<String> connection = new LinkedBlockingQueue<>();
    await(onContext(() -> {
      client.addConnectionListener(new KalshiWsClient.ConnectionListener() {
        @Override
        public void onDisconnected(String reason) {
          connection.add("lost");
        }

        @Override
        public void onReconnected() {
          connection.add("restored");
        }
      });
      return Future.succeededFuture();
    }));
    ServerWebSocket ws = next(connections);
    String firstTimestamp = next(upgrades).get("KALSHI-ACCESS-TIMESTAMP");
    JsonObject first = next(inbound);
    JsonObject second = next(inbound);
    send(ws, "{\"id\":" + first.getInteger("id") + ",\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":1}}");
    send(ws, "{\"id\":" + second.getInteger("id") + ",\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":2}}");
    send(ws, snapshot(1, 1, A, "[[\"0.4100\",\"13.00\"]]", "[]"));
    assertThat(nextEvent()).isEqualTo("updated " + A);
    // C's subscription is cancelled before the drop: it must not come back.
    await(onContext(() -> subs.get(1).cancel()));
    assertThat(next(inbound).getString("cmd")).isEqualTo("unsubscribe");

    ws.close();

    assertThat(nextEvent()).isEqualTo("untrusted " + A + " DISCONNECTED");
    assertThat(next(connection)).isEqualTo("lost");
    ServerWebSocket again = next(connections);
    MultiMap headers = next(upgrades);
    assertThat(Long.parseLong(headers.get("KALSHI-ACCESS-TIMESTAMP"))).isGreaterThanOrEqualTo(Long.parseLong(firstTimestamp));
    assertThat(KalshiSigner.verify(KalshiTestSupport.publicKey(),
        headers.get("KALSHI-ACCESS-TIMESTAMP") + "GET/trade-api/ws/v2", headers.get("KALSHI-ACCESS-SIGNATURE"))).isTrue();
    JsonObject replay = next(inbound);
    assertThat(replay.getString("cmd")).isEqualTo("subscribe");
    assertThat(replay.getJsonObject("params").getJsonArray("market_tickers").stream().toList()).containsExactly(A, B);
    assertThat(inbound.poll(300, TimeUnit.MILLISECONDS)).as("no replay of the cancelled subscription").isNull();
    assertThat(next(connection)).isEqualTo("restored");
    assertThat(read(() -> books.get(0).integrity().reason())).isEqualTo(UntrustedReason.DISCONNECTED);

    send(again, "{\"id\":" + replay.getInteger("id") + ",\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":7}}");
    send(again, snapshot(7, 1, A, "[[\"0.4000\",\"1.00\"]]", "[]"));
    assertThat(nextEvent()).isEqualTo("updated " + A);
    assertThat(read(() -> books.get(0).isTrusted())).isTrue();
  }

  @Test
  void aConnectionThatStopsAnsweringIsDroppedAndReplaced() throws Exception {
    client = new KalshiWsClient(vertx, KalshiConfig.builder()
        .restBaseUrl("http://127.0.0.1:1/trade-api/v2")
        .wsUrl("ws://127.0.0.1:" + server.actualPort() + "/trade-api/ws/v2")
        .credentials(KalshiTestSupport.credentials())
        .pingInterval(Duration.ofMillis(100))
        .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
        .build());
    BlockingQueue<String> connection = new LinkedBlockingQueue<>();
    await(onContext(() -> {
      client.addConnectionListener(new KalshiWsClient.ConnectionListener() {
        @Override
        public void onDisconnected(String reason) {
          connection.add("lost: " + reason);
        }

        @Override
        public void onReconnected() {
          connection.add("restored");
        }
      });
      return client.subscribeBooks(books(A), listener);
    }));
    ServerWebSocket ws = next(connections);
    assertThat(next(inbound).getString("cmd")).isEqualTo("subscribe");
    // Six ping intervals without a single message: only the server's pongs keep it alive.
    assertThat(connection.poll(600, TimeUnit.MILLISECONDS)).isNull();

    ws.pause(); // half-open: the server reads nothing more, so it answers no ping

    assertThat(next(connection)).startsWith("lost: no answer to pings");
    next(connections);
    assertThat(next(inbound).getString("cmd")).isEqualTo("subscribe");
    assertThat(next(connection)).isEqualTo("restored");
    ws.resume(); // lets the old connection finish its close handshake instead of timing out at teardown
  }

  @Test
  void aRefusedLoginIsAnAuthErrorAndNothingStaysSubscribed() throws Exception {
    HttpServer refusing = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .webSocketHandshakeHandler(handshake -> handshake.reject(401))
        .webSocketHandler(ws -> connections.add(ws));
    await(refusing.listen());
    client = new KalshiWsClient(vertx, KalshiConfig.builder()
        .restBaseUrl("http://127.0.0.1:1/trade-api/v2")
        .wsUrl("ws://127.0.0.1:" + refusing.actualPort() + "/trade-api/ws/v2")
        .credentials(KalshiTestSupport.credentials())
        .build());
    List<OrderBook> books = books(A);

    Throwable failure = KalshiTestSupport.failure(onContext(() -> client.subscribeBooks(books, listener)));

    assertThat(failure).isInstanceOf(io.github.crossarb.core.venue.VenueAuthException.class)
        .hasMessageContaining("401").hasMessageNotContaining(KalshiTestSupport.KEY_ID);
    assertThat(read(() -> client.isConnected())).isFalse();
    assertThat(read(() -> books.get(0).integrity().reason())).isEqualTo(UntrustedReason.AWAITING_SNAPSHOT);
    assertThat(connections).isEmpty();
  }

  @Test
  void pingsAreAnsweredWithPongs() throws Exception {
    subscribed(Duration.ofSeconds(30));
    ServerWebSocket ws = current;

    ws.writePing(Buffer.buffer("heartbeat"));

    assertThat(next(pongs)).isEqualTo("heartbeat");
  }

  @Test
  void privateChannelsDeliverDecodedMessages() throws Exception {
    client = new KalshiWsClient(vertx, config(Duration.ofSeconds(30)));
    BlockingQueue<KalshiWsMessage> received = new LinkedBlockingQueue<>();
    await(onContext(() -> client.subscribe("fill", List.of(), received::add)));
    ServerWebSocket ws = next(connections);
    JsonObject command = next(inbound);
    assertThat(command.getJsonObject("params").containsKey("market_ticker")).isFalse();
    assertThat(command.getJsonObject("params").containsKey("market_tickers")).isFalse();
    send(ws, "{\"id\":" + command.getInteger("id") + ",\"type\":\"subscribed\",\"msg\":{\"channel\":\"fill\",\"sid\":3}}");

    send(ws, "{\"type\":\"fill\",\"sid\":3,\"msg\":{\"trade_id\":\"t-1\",\"order_id\":\"o-1\",\"market_ticker\":\"" + A
        + "\",\"is_taker\":true,\"yes_price_dollars\":\"0.5510\",\"count_fp\":\"2.50\",\"fee_cost\":\"0.0300\","
        + "\"outcome_side\":\"no\",\"book_side\":\"ask\",\"post_position_fp\":\"-2.50\",\"client_order_id\":\"c-1\","
        + "\"ts_ms\":1795752151153}}");

    KalshiWsMessage message = next(received);
    assertThat(message).isInstanceOf(KalshiWsMessage.Fill.class);
    KalshiWsMessage.Fill fill = (KalshiWsMessage.Fill) message;
    assertThat(fill.tradeId()).isEqualTo("t-1");
    assertThat(fill.count()).isEqualTo(Quantity.parse("2.5"));
    assertThat(fill.yesPrice()).isEqualTo(Price.parse("0.551"));
  }
}
