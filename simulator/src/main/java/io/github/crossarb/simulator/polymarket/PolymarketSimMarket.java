package io.github.crossarb.simulator.polymarket;

import io.github.crossarb.core.model.Fixed;
import java.util.Objects;

/**
 * One binary Polymarket market as the simulator serves it: a condition with two outcome tokens,
 * each its own book.
 *
 * @param conditionId 0x-prefixed hex condition id (32 bytes on the venue)
 * @param question the market question (Gamma {@code question})
 * @param slug the market slug; the event of the same slug carries it on {@code /events}
 * @param yesTokenId decimal ERC-1155 id of the first outcome ("Yes")
 * @param noTokenId decimal id of the second outcome ("No")
 * @param tickSize the starting minimum tick, e.g. {@code "0.01"}
 * @param minOrderSize the smallest order in shares, e.g. {@code "5"}
 * @param negRisk whether orders sign against the Neg Risk exchange
 * @param feeRate taker fee rate {@code fd.r}, e.g. {@code "0.03"}
 * @param feeExponent taker fee exponent {@code fd.e}, e.g. {@code 1}
 * @param endDate ISO-8601 end date, e.g. {@code "2026-12-31T00:00:00Z"}
 * @param description the resolution text (Gamma {@code description}), or null
 */
public record PolymarketSimMarket(
    String conditionId, String question, String slug, String yesTokenId, String noTokenId, String tickSize,
    String minOrderSize, boolean negRisk, String feeRate, int feeExponent, String endDate, String description) {
  public PolymarketSimMarket {
    Objects.requireNonNull(conditionId, "conditionId");
    Objects.requireNonNull(yesTokenId, "yesTokenId");
    Objects.requireNonNull(noTokenId, "noTokenId");
    Objects.requireNonNull(tickSize, "tickSize");
    Objects.requireNonNull(minOrderSize, "minOrderSize");
    Objects.requireNonNull(feeRate, "feeRate");
    question = question == null ? "" : question;
    slug = slug == null ? conditionId : slug;
    endDate = endDate == null ? "2099-01-01T00:00:00Z" : endDate;
    if (!conditionId.matches("0x[0-9a-fA-F]+")) { // real ones are 32 bytes; test scenarios use short ones
      throw new IllegalArgumentException("condition id must be 0x-prefixed hex: " + conditionId);
    }
    if (!yesTokenId.matches("[0-9]+") || !noTokenId.matches("[0-9]+") || yesTokenId.equals(noTokenId)) {
      throw new IllegalArgumentException("token ids must be two different decimal numbers");
    }
    Fixed.parse(tickSize);
    Fixed.parse(minOrderSize);
    Fixed.parse(feeRate);
  }

  /** The outcome name of {@code tokenId} in this market ("Yes"/"No"), or null if it is not one of its tokens. */
  public String outcomeOf(String tokenId) {
    return yesTokenId.equals(tokenId) ? "Yes" : noTokenId.equals(tokenId) ? "No" : null;
  }
}
