package io.github.crossarb.simulator.scenario;

/**
 * Optional explicit starting books of a pair (any may be null: the price process then quotes it).
 *
 * @param kalshi the Kalshi market's book in YES prices (asks are YES asks)
 * @param polymarketYes the YES token's book
 * @param polymarketNo the NO token's book
 */
public record InitialBooks(BookSpec kalshi, BookSpec polymarketYes, BookSpec polymarketNo) {}
