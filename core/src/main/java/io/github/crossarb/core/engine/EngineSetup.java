package io.github.crossarb.core.engine;

import io.github.crossarb.core.event.EventSink;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.venue.Venue;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the engine is built from.
 *
 * @param kalshi the Kalshi venue: market descriptions, instruments, fees and market data
 * @param polymarket the Polymarket venue, likewise
 * @param pairs the registry's pairs (only APPROVED ones trade)
 * @param pairChanged told when the engine suspends a pair (its rules or close time changed), to
 *     persist it in the registry; called on the engine's context
 * @param markets market descriptions at start (cached); re-checks go to the venues directly
 * @param books the engine's book table (shared with paper execution)
 * @param events the audit trail
 * @param trading one per tradable mode (PAPER, LIVE); none for DRY_RUN
 * @param probe told of book updates and tick-to-order latencies (metrics); {@link EngineProbe#NONE}
 *     when nothing measures
 */
public record EngineSetup(
    Venue kalshi,
    Venue polymarket,
    List<PairEntry> pairs,
    Consumer<PairEntry> pairChanged,
    MarketDirectory markets,
    EngineBooks books,
    EventSink events,
    Map<EngineMode, Trading> trading,
    EngineConfig config,
    InstantSource clock,
    EngineProbe probe) {
  /** A setup nothing measures. */
  public EngineSetup(Venue kalshi, Venue polymarket, List<PairEntry> pairs, Consumer<PairEntry> pairChanged,
      MarketDirectory markets, EngineBooks books, EventSink events, Map<EngineMode, Trading> trading,
      EngineConfig config, InstantSource clock) {
    this(kalshi, polymarket, pairs, pairChanged, markets, books, events, trading, config, clock, EngineProbe.NONE);
  }

  public EngineSetup {
    Objects.requireNonNull(kalshi, "kalshi");
    Objects.requireNonNull(polymarket, "polymarket");
    pairs = List.copyOf(Objects.requireNonNull(pairs, "pairs"));
    Objects.requireNonNull(pairChanged, "pairChanged");
    Objects.requireNonNull(markets, "markets");
    Objects.requireNonNull(books, "books");
    Objects.requireNonNull(events, "events");
    trading = Map.copyOf(Objects.requireNonNull(trading, "trading"));
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(probe, "probe");
    if (kalshi.id() != VenueId.KALSHI || polymarket.id() != VenueId.POLYMARKET) {
      throw new IllegalArgumentException("venues must be Kalshi then Polymarket, got " + kalshi.id() + " and "
          + polymarket.id());
    }
    if (trading.containsKey(EngineMode.DRY_RUN)) {
      throw new IllegalArgumentException("dry-run trades nothing: give trading only for PAPER and LIVE");
    }
    Set<String> ids = new HashSet<>();
    for (PairEntry pair : pairs) {
      if (!ids.add(pair.id())) {
        throw new IllegalArgumentException("duplicate pair id " + pair.id());
      }
    }
  }
}
