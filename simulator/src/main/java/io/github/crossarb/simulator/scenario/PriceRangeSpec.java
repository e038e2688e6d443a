package io.github.crossarb.simulator.scenario;

/** One Kalshi {@code price_ranges} band: prices {@code start + k·step} within {@code [start, end]}. */
public record PriceRangeSpec(String start, String end, String step) {}
