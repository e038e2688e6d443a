package io.github.crossarb.cli.command.pairs;

import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.MarketQuery;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Both venues for the length of a pairs command, and the market look-ups the commands need. */
final class PairVenues implements AutoCloseable {
  private final VenueSession kalshi;
  private final VenueSession polymarket;

  private PairVenues(VenueSession kalshi, VenueSession polymarket) {
    this.kalshi = kalshi;
    this.polymarket = polymarket;
  }

  static PairVenues open(CommandSpec spec) {
    RootCommand root = RootCommand.of(spec);
    VenueSession kalshi = VenueSession.open(root.venueFactory(), VenueId.KALSHI, root.configuration());
    try {
      return new PairVenues(kalshi, VenueSession.open(root.venueFactory(), VenueId.POLYMARKET, root.configuration()));
    } catch (RuntimeException | Error e) {
      kalshi.close();
      throw e;
    }
  }

  List<MarketInfo> kalshiMarkets(MarketQuery query) {
    return kalshi.call(venue -> venue.markets(query));
  }

  List<MarketInfo> polymarketMarkets(MarketQuery query) {
    return polymarket.call(venue -> venue.markets(query));
  }

  /** The Kalshi market {@code ticker} as the venue describes it now. */
  MarketInfo kalshiMarket(String ticker) {
    return kalshi.call(venue -> PairApproval.kalshiMarket(venue, ticker));
  }

  /** The Polymarket market with condition id {@code conditionId} as the venue describes it now. */
  MarketInfo polymarketMarket(String conditionId) {
    return polymarket.call(venue -> PairApproval.polymarketMarket(venue, conditionId));
  }

  @Override
  public void close() {
    try {
      polymarket.close();
    } finally {
      kalshi.close();
    }
  }
}
