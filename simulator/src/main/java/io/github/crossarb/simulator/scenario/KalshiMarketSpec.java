package io.github.crossarb.simulator.scenario;

import java.util.List;

/**
 * A Kalshi market of a pair, as the simulator serves it.
 *
 * @param priceRanges tick bands; empty means one band {@code 0.01} over {@code [0, 1]} ({@code linear_cent})
 * @param fractional whether counts may have 2 decimals (lot 0.01) instead of whole contracts
 * @param openTime ISO-8601 instant
 * @param closeTime ISO-8601 instant; after it, orders are refused
 */
public record KalshiMarketSpec(
    String ticker, String eventTicker, String eventTitle, String title, String subtitle, String yesSubTitle,
    String noSubTitle, KalshiSeriesSpec series, List<PriceRangeSpec> priceRanges, boolean fractional,
    String rulesPrimary, String rulesSecondary, String openTime, String closeTime) {
  public KalshiMarketSpec {
    priceRanges = priceRanges == null ? List.of() : List.copyOf(priceRanges);
  }
}
