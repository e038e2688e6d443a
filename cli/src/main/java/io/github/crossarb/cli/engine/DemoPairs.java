package io.github.crossarb.cli.engine;

import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairFingerprint;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PolymarketMarket;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.simulator.scenario.PairSpec;
import io.github.crossarb.simulator.scenario.Scenario;
import java.time.InstantSource;

/**
 * The demo's registry: the scenario's pairs, approved by "demo" with the fingerprints of the
 * markets as the simulated venues describe them (the review a human does with {@code pairs
 * approve}, automated because the scenario says which markets are the same event).
 */
public final class DemoPairs {
  static final String APPROVER = "demo";

  private DemoPairs() {}

  /** Fetches both markets of every scenario pair and approves it. */
  public static PairRegistry approveAll(Scenario scenario, VenueSession kalshi, VenueSession polymarket,
      InstantSource clock) {
    PairRegistry registry = PairRegistry.empty();
    for (PairSpec pair : scenario.pairs()) {
      MarketInfo k = kalshi.call(v -> v.market(InstrumentId.kalshi(pair.kalshi().ticker())));
      MarketInfo p = polymarket.call(v -> v.market(new InstrumentId(VenueId.POLYMARKET, pair.polymarket().yesTokenId())));
      registry = registry.approve(PairEntry.approve(pair.id(), pair.kalshi().ticker(),
          new PolymarketMarket(pair.polymarket().conditionId(), pair.polymarket().yesTokenId(),
              pair.polymarket().noTokenId()),
          PairRelation.SAME, APPROVER, clock.instant(), PairFingerprint.of(k, p)));
    }
    return registry;
  }
}
