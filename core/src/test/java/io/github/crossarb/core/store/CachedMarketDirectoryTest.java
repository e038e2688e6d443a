package io.github.crossarb.core.store;

import static io.github.crossarb.core.store.MarketCacheTest.K;
import static io.github.crossarb.core.store.MarketCacheTest.KALSHI;
import static io.github.crossarb.core.store.MarketCacheTest.NO;
import static io.github.crossarb.core.store.MarketCacheTest.POLY;
import static io.github.crossarb.core.store.MarketCacheTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pricing.FeeModel;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.MarketDataClient;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.MarketQuery;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.core.venue.VenueUnavailableException;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedMarketDirectoryTest {
  @TempDir Path dir;

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final InstantSource clock = () -> now.get();
  private final List<IOException> problems = new ArrayList<>();

  /** A venue that answers market() from a field and counts the calls; everything else is unused. */
  static final class CountingVenue implements Venue {
    final VenueId id;
    MarketInfo answer;
    RuntimeException failure;
    int calls;

    CountingVenue(VenueId id, MarketInfo answer) {
      this.id = id;
      this.answer = answer;
    }

    @Override public VenueId id() { return id; }
    @Override public VenueCapabilities capabilities() { throw new UnsupportedOperationException(); }
    @Override public Future<List<MarketInfo>> markets(MarketQuery query) { throw new UnsupportedOperationException(); }
    @Override public Future<MarketInfo> market(InstrumentId instrument) {
      calls++;
      return failure != null ? Future.failedFuture(failure) : Future.succeededFuture(answer);
    }
    @Override public Future<Instrument> instrument(InstrumentId instrument) { throw new UnsupportedOperationException(); }
    @Override public Future<FeeModel> fees(InstrumentId instrument) { throw new UnsupportedOperationException(); }
    @Override public MarketDataClient marketData() { throw new UnsupportedOperationException(); }
    @Override public ExecutionClient execution() { throw new UnsupportedOperationException(); }
    @Override public Future<Void> close() { return Future.succeededFuture(); }
  }

  private CachedMarketDirectory open() {
    return CachedMarketDirectory.open(dir, Duration.ofHours(24), clock, Runnable::run, problems::add);
  }

  private static MarketInfo get(Future<MarketInfo> future) {
    assertThat(future.isComplete()).isTrue();
    if (future.failed()) {
      throw new AssertionError(future.cause());
    }
    return future.result();
  }

  @Test
  void aRestartAnswersFromTheFileUntilTheTtlThenAsksTheVenue() {
    CountingVenue kalshi = new CountingVenue(VenueId.KALSHI, KALSHI);
    CountingVenue poly = new CountingVenue(VenueId.POLYMARKET, POLY);
    CachedMarketDirectory first = open();
    assertThat(get(first.market(kalshi, K))).isEqualTo(KALSHI);
    assertThat(get(first.market(poly, NO))).isEqualTo(POLY);
    assertThat(get(first.market(poly, POLY.yes()))).isEqualTo(POLY);
    assertThat(kalshi.calls + poly.calls).isEqualTo(2);
    assertThat(Files.exists(dir.resolve("market-cache.json"))).isTrue();

    now.set(T0.plus(Duration.ofHours(23)));
    CachedMarketDirectory restarted = open();
    assertThat(get(restarted.market(kalshi, K))).isEqualTo(KALSHI);
    assertThat(kalshi.calls).as("served from market-cache.json").isEqualTo(1);

    now.set(T0.plus(Duration.ofHours(24)));
    MarketInfo changed = new MarketInfo(VenueId.KALSHI, K.symbol(), "t", "active", true, null, "new rules", K, K);
    kalshi.answer = changed;
    assertThat(get(restarted.market(kalshi, K))).isEqualTo(changed);
    assertThat(kalshi.calls).isEqualTo(2);
    assertThat(problems).isEmpty();
  }

  @Test
  void anExpiredEntryIsNeverServedWhenTheVenueFails() {
    CountingVenue kalshi = new CountingVenue(VenueId.KALSHI, KALSHI);
    CachedMarketDirectory directory = open();
    get(directory.market(kalshi, K));
    now.set(T0.plus(Duration.ofDays(2)));
    kalshi.failure = new VenueUnavailableException(VenueId.KALSHI, "down", null, null);
    Future<MarketInfo> answer = directory.market(kalshi, K);
    assertThat(answer.failed()).isTrue();
    assertThat(answer.cause()).isSameAs(kalshi.failure);
  }

  @Test
  void aBadCacheFileIsReportedAndRebuilt() throws IOException {
    Files.writeString(dir.resolve("market-cache.json"), "{ not json");
    CachedMarketDirectory directory = open();
    assertThat(problems).singleElement().satisfies(e -> assertThat(e).isInstanceOf(DataFileException.class));
    CountingVenue kalshi = new CountingVenue(VenueId.KALSHI, KALSHI);
    assertThat(get(directory.market(kalshi, K))).isEqualTo(KALSHI);
    assertThat(MarketCache.read(dir).fresh(K, now.get())).contains(KALSHI);
  }

  @Test
  void aFailedWriteIsReportedAndTheLookupStillSucceeds() throws IOException {
    Path missing = dir.resolve("gone");
    CachedMarketDirectory directory = new CachedMarketDirectory(missing, MarketCache.empty(), Duration.ofHours(1),
        clock, Runnable::run, problems::add);
    assertThat(get(directory.market(new CountingVenue(VenueId.KALSHI, KALSHI), K))).isEqualTo(KALSHI);
    assertThat(problems).hasSize(1);
  }

  @Test
  void anInstrumentOfAnotherVenueIsRefused() {
    Future<MarketInfo> answer = open().market(new CountingVenue(VenueId.POLYMARKET, POLY), K);
    assertThat(answer.failed()).isTrue();
  }
}
