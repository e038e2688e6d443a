package io.github.crossarb.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.MarketInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketCacheTest {
  static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
  static final InstrumentId K = InstrumentId.kalshi("KXFED-26DEC-T4.25");
  static final InstrumentId YES = InstrumentId.polymarket("860");
  static final InstrumentId NO = InstrumentId.polymarket("337");
  static final MarketInfo KALSHI = new MarketInfo(VenueId.KALSHI, K.symbol(), "Fed above 4.25%?", "active", true,
      T0.plusSeconds(86_400), "If the upper bound ... resolves to Yes.", K, K);
  static final MarketInfo POLY = new MarketInfo(VenueId.POLYMARKET, "0xd5", "Fed rate above 4.25%?", "active", true,
      null, null, YES, NO);

  @TempDir Path dir;

  @Test
  void findsByEitherOutcomeAndServesOnlyFreshEntries() {
    MarketCache cache = MarketCache.empty().with(KALSHI, T0, Duration.ofHours(24)).with(POLY, T0, Duration.ofHours(1));
    assertThat(cache.fresh(NO, T0.plusSeconds(10))).contains(POLY);
    assertThat(cache.fresh(YES, T0.plusSeconds(10))).contains(POLY);
    assertThat(cache.fresh(YES, T0.plusSeconds(3600))).as("expiry is exclusive").isEmpty();
    assertThat(cache.fresh(K, T0.plusSeconds(3600))).contains(KALSHI);
    assertThat(cache.fresh(InstrumentId.kalshi("860"), T0)).as("the venue is part of the key").isEmpty();
    assertThat(cache.findMarket(VenueId.POLYMARKET, "0xd5")).isPresent();
    assertThat(cache.withoutExpiredAt(T0.plusSeconds(3600)).entries()).extracting(e -> e.market().marketId())
        .containsExactly(K.symbol());
  }

  @Test
  void aRefetchReplacesTheEntry() {
    MarketInfo changed = new MarketInfo(VenueId.KALSHI, K.symbol(), "Fed above 4.25%?", "active", true, null,
        "new rules", K, K);
    MarketCache cache = MarketCache.empty().with(KALSHI, T0, Duration.ofHours(1)).with(changed, T0.plusSeconds(7200),
        Duration.ofHours(1));
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.fresh(K, T0.plusSeconds(7300))).contains(changed);
  }

  @Test
  void roundTripsThroughTheFile() throws IOException {
    MarketCache cache = MarketCache.empty().with(KALSHI, T0, Duration.ofHours(24)).with(POLY, T0, Duration.ofHours(24));
    cache.write(dir);
    assertThat(MarketCache.read(dir)).isEqualTo(cache);
    assertThat(Files.readString(dir.resolve("market-cache.json"))).contains("\"fetchedAt\" : \"2026-11-27T08:00:00Z\"",
        "\"expiresAt\" : \"2026-11-28T08:00:00Z\"", "\"yes\" : \"POLYMARKET:860\"");
    assertThat(MarketCache.read(dir.resolve("nothing-here"))).isEqualTo(MarketCache.empty());
  }

  @Test
  void aMalformedEntryIsNamed() throws IOException {
    MarketCache.empty().with(KALSHI, T0, Duration.ofHours(24)).with(POLY, T0, Duration.ofHours(24)).write(dir);
    Path file = dir.resolve("market-cache.json");
    Files.writeString(file, Files.readString(file).replace("\"no\" : \"POLYMARKET:337\"", "\"no\" : \"KALSHI:337\""));
    assertThatThrownBy(() -> MarketCache.read(dir)).isInstanceOf(DataFileException.class)
        .hasMessage(file + ": market #2 (0xd5): instruments POLYMARKET:860 and KALSHI:337 are not at POLYMARKET");
  }
}
