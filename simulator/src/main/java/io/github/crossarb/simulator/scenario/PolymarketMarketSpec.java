package io.github.crossarb.simulator.scenario;

/**
 * A Polymarket market of a pair (a binary condition with a YES and a NO token).
 *
 * @param tickSize the minimum tick, e.g. {@code "0.01"}
 * @param feeRate taker fee rate ({@code fd.r}), e.g. {@code "0.03"}
 * @param feeExponent the fee curve exponent ({@code fd.e}), a whole number
 * @param minOrderSize the smallest order in shares
 * @param endDate ISO-8601 instant
 */
public record PolymarketMarketSpec(
    String conditionId, String questionId, String slug, String question, String description, String yesTokenId,
    String noTokenId, String tickSize, boolean negRisk, String feeRate, String feeExponent, String minOrderSize,
    String endDate) {}
