package io.github.crossarb.polymarket;

import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.pricing.PolymarketFeeModel;
import io.github.crossarb.polymarket.order.TickSize;
import java.util.List;
import java.util.Objects;

/**
 * What trading one token requires now, from {@code /clob-markets}: tick, neg-risk, fees, minimum size.
 *
 * @param tokens the market's tokens in the venue's order (the first is YES for Yes/No markets)
 * @param outcomes the venue's outcome names, aligned with {@code tokens}
 */
public record MarketRules(
    String tokenId, String conditionId, TickSize tickSize, boolean negRisk, PolymarketFeeModel fees,
    Quantity minOrderSize, List<String> tokens, List<String> outcomes) {
  /** Polymarket sizes have 2 decimals. */
  public static final Quantity SIZE_STEP = Quantity.parse("0.01");

  public MarketRules {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(tickSize, "tickSize");
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(minOrderSize, "minOrderSize");
    tokens = List.copyOf(tokens);
    outcomes = List.copyOf(outcomes);
  }

  public Instrument instrument() {
    return new Instrument(InstrumentId.polymarket(tokenId), TickGrid.fixed(tickSize.price()), minOrderSize, SIZE_STEP);
  }

  /**
   * The outcome {@code token} stands for: by name when the venue says Yes or No, else by position
   * (first token YES, second NO).
   */
  public Outcome outcomeOf(String token, String outcomeName) {
    if (outcomeName != null) {
      if (outcomeName.equalsIgnoreCase("yes")) {
        return Outcome.YES;
      }
      if (outcomeName.equalsIgnoreCase("no")) {
        return Outcome.NO;
      }
    }
    return tokens.indexOf(token) == 1 ? Outcome.NO : Outcome.YES;
  }
}
