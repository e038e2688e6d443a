package io.github.crossarb.simulator.scenario;

/**
 * One event listed on both venues.
 *
 * @param id a short name for the pair
 * @param fairYes the starting fair probability of YES, a decimal string in (0, 1)
 */
public record PairSpec(String id, String fairYes, KalshiMarketSpec kalshi, PolymarketMarketSpec polymarket,
    InitialBooks initialBooks) {}
