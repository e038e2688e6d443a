package io.github.crossarb.simulator.scenario;

import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.pricing.KalshiFeeModel;
import io.github.crossarb.core.pricing.PolymarketFeeModel;
import io.github.crossarb.simulator.exchange.MarketSpec;
import io.github.crossarb.simulator.exchange.PositionModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns the scenario's venue metadata into engine markets. Inputs are validated already. */
public final class ScenarioMarkets {
  private ScenarioMarkets() {}

  /** The Kalshi market's tick grid from its {@code price_ranges} (default: one cent everywhere). */
  public static TickGrid kalshiTicks(KalshiMarketSpec market) {
    if (market.priceRanges().isEmpty()) {
      return TickGrid.fixed(Price.parse("0.01"));
    }
    List<TickGrid.Band> bands = new ArrayList<>();
    for (PriceRangeSpec r : market.priceRanges()) {
      bands.add(new TickGrid.Band(Price.parse(r.start()), Price.parse(r.end()), Price.parse(r.step()).micros()));
    }
    return TickGrid.banded(bands);
  }

  public static KalshiFeeModel kalshiFees(KalshiMarketSpec market) {
    return KalshiFeeModel.of(market.series().feeType(), market.series().feeMultiplier());
  }

  /** The engine book of a Kalshi market: one book in YES prices, netted YES/NO positions. */
  public static MarketSpec kalshi(KalshiMarketSpec market) {
    return new MarketSpec(market.ticker(), PositionModel.NETTED_BINARY, kalshiTicks(market),
        market.fractional() ? Quantity.parse("0.01") : Quantity.of(1), Quantity.ZERO, kalshiFees(market),
        market.closeTime() == null ? null : Instant.parse(market.closeTime()));
  }

  public static TickGrid polymarketTicks(PolymarketMarketSpec market) {
    return TickGrid.fixed(Price.parse(market.tickSize()));
  }

  public static PolymarketFeeModel polymarketFees(PolymarketMarketSpec market) {
    return PolymarketFeeModel.of(market.feeRate(), market.feeExponent());
  }

  /** The engine book of one Polymarket token (YES or NO): its own book and inventory. */
  public static MarketSpec polymarketToken(PolymarketMarketSpec market, String tokenId) {
    return new MarketSpec(tokenId, PositionModel.TOKEN, polymarketTicks(market), Quantity.parse("0.01"),
        Quantity.parse(market.minOrderSize()), polymarketFees(market),
        market.endDate() == null ? null : Instant.parse(market.endDate()));
  }
}
