package io.github.crossarb.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.MarketInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The cache's indexed lookups and its in-place builder answer exactly what a scan of the entries
 * in order answers, whatever markets are remembered in whatever order, also when two markets
 * hold the same instrument or a market is remembered again with other instruments.
 */
class MarketCacheProperties {
  private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
  private static final List<InstrumentId> INSTRUMENTS = List.of(InstrumentId.polymarket("1"),
      InstrumentId.polymarket("2"), InstrumentId.polymarket("3"), InstrumentId.polymarket("4"),
      InstrumentId.kalshi("A"), InstrumentId.kalshi("B"));

  @Provide
  Arbitrary<List<Integer>> steps() {
    return Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(1).ofMaxSize(30);
  }

  @Property(tries = 300)
  void lookupsEqualAScanInOrder(@ForAll("steps") List<Integer> steps) {
    MarketCache cache = MarketCache.empty();
    MarketCache.Builder builder = MarketCache.empty().toBuilder();
    for (int step : steps) {
      MarketInfo market = market(step);
      Instant at = T0.plusSeconds(step % 100);
      Duration ttl = Duration.ofSeconds(step % 50);
      cache = cache.with(market, at, ttl);
      builder.put(market, at, ttl);
      MarketCache built = builder.build();
      assertThat(built).isEqualTo(cache);
      for (InstrumentId id : INSTRUMENTS) {
        Optional<MarketCache.Entry> expected = scan(cache, id);
        assertThat(cache.find(id)).isEqualTo(expected);
        assertThat(built.find(id)).isEqualTo(expected);
        assertThat(builder.find(id)).isEqualTo(expected);
        Instant now = T0.plusSeconds(step % 150);
        assertThat(builder.fresh(id, now)).isEqualTo(cache.fresh(id, now));
        assertThat(cache.withoutExpiredAt(now).find(id)).isEqualTo(scan(cache.withoutExpiredAt(now), id));
      }
    }
  }

  /** A market of one of few ids, over one or two of few instruments of its venue. */
  private static MarketInfo market(int step) {
    boolean kalshi = step % 5 == 0;
    String id = "m" + (step / 5) % 4;
    if (kalshi) {
      InstrumentId k = INSTRUMENTS.get(4 + (step / 20) % 2);
      return new MarketInfo(VenueId.KALSHI, id, "t", "open", true, null, null, k, k);
    }
    InstrumentId yes = INSTRUMENTS.get((step / 7) % 4);
    InstrumentId no = INSTRUMENTS.get((step / 11) % 4);
    return new MarketInfo(VenueId.POLYMARKET, id, "t", "open", true, null, null, yes, no);
  }

  private static Optional<MarketCache.Entry> scan(MarketCache cache, InstrumentId id) {
    return cache.entries().stream()
        .filter(e -> e.market().venue() == id.venue() && (e.market().yes().equals(id) || e.market().no().equals(id)))
        .findFirst();
  }
}
