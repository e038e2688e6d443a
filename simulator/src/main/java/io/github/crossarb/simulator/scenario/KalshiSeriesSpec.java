package io.github.crossarb.simulator.scenario;

/**
 * A Kalshi series.
 *
 * @param feeType {@code quadratic}, {@code quadratic_with_maker_fees} or {@code quadratic_with_combo_maker_fees}
 * @param feeMultiplier a plain decimal such as {@code "1"}
 */
public record KalshiSeriesSpec(String ticker, String title, String category, String frequency, String feeType,
    String feeMultiplier) {}
