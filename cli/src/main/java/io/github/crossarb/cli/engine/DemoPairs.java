package io.github.crossarb.cli.engine;

import io.github.crossarb.cli.command.pairs.PairApproval;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.simulator.scenario.PairSpec;
import io.github.crossarb.simulator.scenario.Scenario;
import java.time.InstantSource;

/**
 * The demo's registry: the scenario's pairs, approved by "demo" through the same steps as
 * {@code pairs approve} (both markets fetched from the venues, fingerprinted), automated because
 * the scenario says which markets are the same event.
 */
public final class DemoPairs {
  static final String APPROVER = "demo";

  private DemoPairs() {}

  public static PairRegistry approveAll(Scenario scenario, VenueSession kalshi, VenueSession polymarket,
      InstantSource clock) {
    PairRegistry registry = PairRegistry.empty();
    for (PairSpec pair : scenario.pairs()) {
      MarketInfo k = kalshi.call(v -> PairApproval.kalshiMarket(v, pair.kalshi().ticker()));
      MarketInfo p = polymarket.call(v -> PairApproval.polymarketMarket(v, pair.polymarket().conditionId()));
      registry = registry.approve(PairApproval.entry(pair.id(), k, p, PairRelation.SAME, APPROVER, clock.instant()));
    }
    return registry;
  }
}
