package io.github.crossarb.cli.command.pairs;

import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.MarketQuery;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.github.crossarb.polymarket.PolymarketVenue;
import io.github.crossarb.polymarket.gamma.GammaMarket;
import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    MarketInfo market = kalshi.call(venue -> venue.market(InstrumentId.kalshi(ticker)));
    if (market.venue() != VenueId.KALSHI || !market.marketId().equals(ticker)) {
      throw new VenueRejectedException(VenueId.KALSHI, 404, "not_found",
          "asked for market " + ticker + ", got " + market.marketId());
    }
    return market;
  }

  /** The Polymarket market with condition id {@code conditionId} as the venue describes it now. */
  MarketInfo polymarketMarket(String conditionId) {
    MarketInfo market = polymarket.call(venue -> byCondition(venue, conditionId));
    if (market.venue() != VenueId.POLYMARKET || !market.marketId().equalsIgnoreCase(conditionId)) {
      throw new VenueRejectedException(VenueId.POLYMARKET, 404, "not_found",
          "no Polymarket market with condition id " + conditionId);
    }
    return market;
  }

  private static Future<MarketInfo> byCondition(Venue venue, String conditionId) {
    if (venue instanceof PolymarketVenue real) {
      // Gamma filters by condition id directly; the market's description then comes through the
      // SPI (by one of its tokens), exactly as the engine will later fetch it for the fingerprint.
      return real.gamma().getMarkets(Map.of("condition_ids", conditionId)).compose(found -> {
        for (GammaMarket m : found) {
          if (m.conditionId() != null && m.conditionId().equalsIgnoreCase(conditionId) && m.tokenIds().size() >= 2) {
            return venue.market(InstrumentId.polymarket(m.tokenIds().get(0)));
          }
        }
        return Future.failedFuture(notFound(conditionId));
      });
    }
    // Any other implementation (tests): the SPI's search, which matches condition ids too.
    return venue.markets(new MarketQuery(conditionId, false, 10)).compose(found -> {
      for (MarketInfo m : found) {
        if (m.marketId().toLowerCase(Locale.ROOT).equals(conditionId.toLowerCase(Locale.ROOT))) {
          return Future.succeededFuture(m);
        }
      }
      return Future.failedFuture(notFound(conditionId));
    });
  }

  private static VenueRejectedException notFound(String conditionId) {
    return new VenueRejectedException(VenueId.POLYMARKET, 404, "not_found",
        "no Polymarket market with condition id " + conditionId);
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
