package io.github.crossarb.polymarket.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.venue.BookListener;
import io.github.crossarb.core.venue.BookSubscription;
import io.github.crossarb.polymarket.PolymarketConfig;
import io.github.crossarb.polymarket.PolymarketVenue;
import io.github.crossarb.polymarket.VenueHarness;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class PolymarketMarketStreamIT {
  private final VenueHarness h = new VenueHarness();
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
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
  private FakePolymarketWs fake;
  private PolymarketVenue venue;
  private OrderBook yes;
  private OrderBook no;

  @BeforeEach
  void start() throws Exception {
    fake = new FakePolymarketWs(h.vertx);
    PolymarketConfig config = VenueHarness.config(fake.base()).clock(InstantSource.system())
        .pingInterval(Duration.ofMillis(200)).silenceThreshold(Duration.ofMillis(400))
        .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100)).subscribeBatchSize(1).build();
    venue = h.venue(config);
    yes = new OrderBook(InstrumentId.polymarket("1111"), InstantSource.system());
    no = new OrderBook(InstrumentId.polymarket("2222"), InstantSource.system());
  }

  @AfterEach
  void stop() throws Exception {
    h.call(() -> venue.close());
    fake.close();
    h.close();
  }

  private BookSubscription subscribeBoth() throws Exception {
    return h.call(() -> venue.marketData().subscribe(List.of(yes, no), listener));
  }

  private static String book(String asset, String bids, String asks) {
    return "{\"event_type\":\"book\",\"asset_id\":\"" + asset + "\",\"market\":\"0xm\",\"bids\":" + bids + ",\"asks\":"
        + asks + ",\"timestamp\":\"1767225600123\",\"hash\":\"0x1\"}";
  }

  private String next() throws InterruptedException {
    String e = events.poll(10, TimeUnit.SECONDS);
    assertThat(e).as("an event within 10 s").isNotNull();
    return e;
  }

  private String nextMatching(String prefix) throws InterruptedException {
    while (true) {
      String e = next();
      if (e.startsWith(prefix)) {
        return e;
      }
    }
  }

  private <T> T onContext(java.util.function.Supplier<T> read) throws Exception {
    return h.call(() -> Future.succeededFuture(read.get()));
  }

  @Test
  void subscribesInBatchesThenAppliesSnapshotsAndAbsolutePriceChanges() throws Exception {
    subscribeBoth();
    assertThat(fake.nextFrame()).isEqualTo("/ws/market {\"assets_ids\":[\"1111\"],\"type\":\"market\"}");
    assertThat(fake.nextFrame()).isEqualTo("/ws/market {\"assets_ids\":[\"2222\"],\"operation\":\"subscribe\"}");

    fake.push("[" + book("1111", "[{\"price\":\"0.40\",\"size\":\"10\"},{\"price\":\"0.45\",\"size\":\"5\"}]",
        "[{\"price\":\"0.55\",\"size\":\"7\"}]") + "]");
    assertThat(next()).isEqualTo("updated 1111");
    assertThat(onContext(() -> yes.bestBid(Outcome.YES))).contains(Price.parse("0.45"));

    fake.push("{\"event_type\":\"price_change\",\"market\":\"0xm\",\"timestamp\":\"1\",\"price_changes\":["
        + "{\"asset_id\":\"1111\",\"price\":\"0.45\",\"size\":\"0\",\"side\":\"BUY\",\"hash\":\"h1\"},"
        + "{\"asset_id\":\"1111\",\"price\":\"0.50\",\"size\":\"3\",\"side\":\"SELL\",\"hash\":\"h2\"}]}");
    assertThat(next()).isEqualTo("updated 1111");
    assertThat(onContext(() -> yes.bestBid(Outcome.YES))).contains(Price.parse("0.40"));
    assertThat(onContext(() -> yes.bestAsk(Outcome.YES))).contains(Price.parse("0.50"));
    assertThat(onContext(() -> no.isTrusted())).isFalse(); // still awaiting its snapshot
  }

  @Test
  void aSnapshotThatDisagreesWithTheBuiltBookWinsAndIsCounted() throws Exception {
    subscribeBoth();
    fake.push(book("1111", "[{\"price\":\"0.40\",\"size\":\"10\"}]", "[]"));
    assertThat(next()).isEqualTo("updated 1111");
    fake.push(book("1111", "[{\"price\":\"0.40\",\"size\":\"10\"}]", "[]"));
    assertThat(next()).isEqualTo("updated 1111");
    PolymarketMarketStream stream = (PolymarketMarketStream) venue.marketData();
    assertThat(onContext(stream::snapshotDisagreements)).isZero();
    fake.push(book("1111", "[{\"price\":\"0.39\",\"size\":\"4\"}]", "[]"));
    assertThat(next()).isEqualTo("updated 1111");
    assertThat(onContext(stream::snapshotDisagreements)).isEqualTo(1);
    assertThat(onContext(() -> yes.bestBid(Outcome.YES))).contains(Price.parse("0.39"));
  }

  @Test
  void tickSizeChangeMarksTheBookUntrustedUntilTheNextSnapshot() throws Exception {
    String condition = "0xc0";
    fake.rest.put("/markets-by-token/1111", "{\"condition_id\":\"" + condition + "\"}");
    fake.rest.put("/clob-markets/" + condition, "{\"c\":\"0xc0\",\"t\":[{\"t\":\"1111\",\"o\":\"Yes\"},"
        + "{\"t\":\"2222\",\"o\":\"No\"}],\"mts\":0.01,\"nr\":false,\"mos\":5}");
    assertThat(h.call(() -> venue.instrument(yes.instrument())).tickGrid().stepAt(Price.parse("0.5"))).isEqualTo(10_000);
    subscribeBoth();
    fake.push(book("1111", "[{\"price\":\"0.40\",\"size\":\"10\"}]", "[]"));
    assertThat(next()).isEqualTo("updated 1111");
    fake.push("{\"event_type\":\"tick_size_change\",\"asset_id\":\"1111\",\"market\":\"0xm\",\"old_tick_size\":\"0.01\","
        + "\"new_tick_size\":\"0.001\",\"timestamp\":\"2\"}");
    assertThat(next()).isEqualTo("untrusted 1111 TICK_SIZE_CHANGED");
    assertThat(onContext(() -> yes.integrity().reason())).isEqualTo(UntrustedReason.TICK_SIZE_CHANGED);
    fake.push(book("1111", "[{\"price\":\"0.401\",\"size\":\"10\"}]", "[]"));
    assertThat(next()).isEqualTo("updated 1111");
    assertThat(onContext(() -> yes.isTrusted())).isTrue();
    // The cached rules were dropped: the next read sees the new tick.
    fake.rest.put("/clob-markets/" + condition, fake.rest.get("/clob-markets/" + condition).replace("0.01", "0.001"));
    assertThat(h.call(() -> venue.instrument(yes.instrument())).tickGrid().stepAt(Price.parse("0.5"))).isEqualTo(1_000);
  }

  @Test
  void silenceMarksTrustedBooksSilentAndOnlyTheSnapshotOfAFreshSubscribeRestoresThem() throws Exception {
    subscribeBoth();
    fake.nextFrame();
    fake.nextFrame();
    fake.push(book("1111", "[{\"price\":\"0.40\",\"size\":\"10\"}]", "[]"));
    assertThat(next()).isEqualTo("updated 1111");
    assertThat(nextMatching("untrusted")).isEqualTo("untrusted 1111 SILENT");
    // The token is subscribed again, for the snapshot that comes with a subscribe.
    assertThat(fake.nextFrame()).isEqualTo("/ws/market {\"assets_ids\":[\"1111\"],\"operation\":\"subscribe\"}");
    // A change alone cannot be trusted: others may have been lost while the feed was silent.
    fake.push("{\"event_type\":\"price_change\",\"market\":\"0xm\",\"price_changes\":[{\"asset_id\":\"1111\","
        + "\"price\":\"0.41\",\"size\":\"1\",\"side\":\"BUY\"}]}");
    fake.push(book("1111", "[{\"price\":\"0.41\",\"size\":\"1\"}]", "[]"));
    assertThat(nextMatching("updated")).isEqualTo("updated 1111");
    // Frames are handled in order: the change came first, and was dropped, not trusted.
    assertThat(onContext(() -> yes.droppedUpdates())).isEqualTo(1L);
    assertThat(onContext(() -> yes.isTrusted())).isTrue();
  }

  @Test
  void disconnectMarksBooksUntrustedAndTheReconnectResubscribesEverything() throws Exception {
    BookSubscription subscription = subscribeBoth();
    fake.nextFrame();
    fake.nextFrame();
    fake.push(book("1111", "[{\"price\":\"0.40\",\"size\":\"10\"}]", "[]"));
    assertThat(next()).isEqualTo("updated 1111");
    fake.drop();
    assertThat(nextMatching("untrusted 1111")).isEqualTo("untrusted 1111 DISCONNECTED");
    // Reconnected: the whole subscription again, in batches.
    assertThat(fake.nextFrame()).isEqualTo("/ws/market {\"assets_ids\":[\"1111\"],\"type\":\"market\"}");
    assertThat(fake.nextFrame()).isEqualTo("/ws/market {\"assets_ids\":[\"2222\"],\"operation\":\"subscribe\"}");
    assertThat(onContext(() -> yes.isTrusted())).isFalse();
    fake.push(book("1111", "[{\"price\":\"0.42\",\"size\":\"10\"}]", "[]"));
    assertThat(nextMatching("updated")).isEqualTo("updated 1111");
    assertThat(onContext(() -> yes.bestBid(Outcome.YES))).contains(Price.parse("0.42"));

    h.call(subscription::cancel);
    assertThat(fake.nextFrame()).contains("\"operation\":\"unsubscribe\"");
  }

  @Test
  void malformedFramesAreTypedErrorsThatDistrustBooksAndReconnect() throws Exception {
    subscribeBoth();
    fake.nextFrame();
    fake.nextFrame();
    fake.push(book("1111", "[{\"price\":\"0.40\",\"size\":\"10\"}]", "[]"));
    assertThat(next()).isEqualTo("updated 1111");
    fake.push("{\"event_type\":\"price_change\",\"price_changes\":[{\"asset_id\":\"1111\",\"price\":\"1.5\"}]}");
    assertThat(nextMatching("untrusted 1111")).isEqualTo("untrusted 1111 INVALID_UPDATE");
    assertThat(fake.nextFrame()).contains("\"type\":\"market\"");
    assertThat(((PolymarketMarketStream) venue.marketData()).malformedFrames()).isEqualTo(1);
  }

  @Test
  void aFirstConnectThatFailsFailsTheSubscribeAndLeavesNothingBehind() throws Exception {
    PolymarketVenue unreachable = h.venue(VenueHarness.config("http://127.0.0.1:1").wsUrl("ws://127.0.0.1:1/ws")
        .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100)).build());
    Throwable failure = h.failure(() -> unreachable.marketData().subscribe(List.of(yes), listener));
    assertThat(failure).isInstanceOf(io.github.crossarb.core.venue.VenueUnavailableException.class);
    assertThat(onContext(() -> yes.isTrusted())).isFalse();
    h.call(() -> unreachable.close());
  }

  @Test
  void sendsTextPings() throws Exception {
    subscribeBoth();
    assertThat(fake.nextPing()).isEqualTo("/ws/market PING");
  }
}
