package io.github.crossarb.cli.command.pairs;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairFingerprint;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PolymarketMarket;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.MarketQuery;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.github.crossarb.polymarket.PolymarketVenue;
import io.github.crossarb.polymarket.gamma.GammaMarket;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The steps of an approval, for {@code pairs approve} and for wiring that builds a registry itself
 * (e.g. the demo on the simulator): fetch both markets as the venues describe them now, and build
 * the entry with their fingerprint. Call on the venues' context.
 */
public final class PairApproval {
  private PairApproval() {}

  /** The Kalshi market {@code ticker} now; fails if the venue answers with another market. */
  public static Future<MarketInfo> kalshiMarket(Venue kalshi, String ticker) {
    return kalshi.market(InstrumentId.kalshi(ticker)).compose(market -> {
      if (market.venue() != VenueId.KALSHI || !market.marketId().equals(ticker)) {
        return Future.failedFuture(new VenueRejectedException(VenueId.KALSHI, 404, "not_found",
            "asked for market " + ticker + ", got " + market.marketId()));
      }
      return Future.succeededFuture(market);
    });
  }

  /** The Polymarket market with condition id {@code conditionId} now (any case). */
  public static Future<MarketInfo> polymarketMarket(Venue polymarket, String conditionId) {
    Future<MarketInfo> found;
    if (polymarket instanceof PolymarketVenue real) {
      // Gamma filters by condition id directly; the description then comes through the SPI (by one
      // of the market's tokens), exactly as the engine will fetch it for the fingerprint check.
      found = real.gamma().getMarkets(Map.of("condition_ids", conditionId)).compose(markets -> {
        for (GammaMarket m : markets) {
          if (m.conditionId() != null && m.conditionId().equalsIgnoreCase(conditionId) && m.tokenIds().size() >= 2) {
            return polymarket.market(InstrumentId.polymarket(m.tokenIds().get(0)));
          }
        }
        return Future.failedFuture(notFound(conditionId));
      });
    } else {
      // Any other implementation (tests, fakes): the SPI's search, which matches condition ids too.
      found = polymarket.markets(new MarketQuery(conditionId, false, 10)).compose(markets -> {
        for (MarketInfo m : markets) {
          if (m.marketId().toLowerCase(Locale.ROOT).equals(conditionId.toLowerCase(Locale.ROOT))) {
            return Future.succeededFuture(m);
          }
        }
        return Future.failedFuture(notFound(conditionId));
      });
    }
    return found.compose(market -> market.venue() == VenueId.POLYMARKET && market.marketId().equalsIgnoreCase(conditionId)
        ? Future.succeededFuture(market) : Future.failedFuture(notFound(conditionId)));
  }

  /**
   * A newly approved entry for the two markets as described, with their fingerprint. The condition
   * id is the venue's spelling; the YES/NO tokens are the venue's {@code yes()}/{@code no()}.
   *
   * @throws IllegalArgumentException if the id is malformed or the markets are not a Kalshi and a
   *     binary Polymarket market
   */
  public static PairEntry entry(String id, MarketInfo kalshi, MarketInfo polymarket, PairRelation relation, String by,
      Instant at) {
    io.github.crossarb.core.pair.PairRegistry.requireId(id);
    return PairEntry.approve(id, kalshi.marketId(), polymarketMarket(polymarket), relation, by, at,
        PairFingerprint.of(kalshi, polymarket));
  }

  /** The registry's view of a Polymarket market: condition id and the two outcome tokens. */
  public static PolymarketMarket polymarketMarket(MarketInfo polymarket) {
    if (polymarket.venue() != VenueId.POLYMARKET) {
      throw new IllegalArgumentException("not a Polymarket market: " + polymarket.marketId());
    }
    return new PolymarketMarket(polymarket.marketId(), polymarket.yes().symbol(), polymarket.no().symbol());
  }

  private static VenueRejectedException notFound(String conditionId) {
    return new VenueRejectedException(VenueId.POLYMARKET, 404, "not_found",
        "no Polymarket market with condition id " + conditionId);
  }
}
