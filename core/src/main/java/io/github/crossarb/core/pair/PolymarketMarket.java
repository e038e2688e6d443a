package io.github.crossarb.core.pair;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.VenueId;

/** A Polymarket binary market: its condition id and the token ids of its two outcomes. */
public record PolymarketMarket(String conditionId, String yesTokenId, String noTokenId) {
  public PolymarketMarket {
    requireText(conditionId, "condition id");
    requireText(yesTokenId, "YES token id");
    requireText(noTokenId, "NO token id");
    if (yesTokenId.equals(noTokenId)) {
      throw new IllegalArgumentException("YES and NO token ids must differ: " + yesTokenId);
    }
  }

  /** The token instrument of {@code outcome}. */
  public InstrumentId token(Outcome outcome) {
    return new InstrumentId(VenueId.POLYMARKET, outcome == Outcome.YES ? yesTokenId : noTokenId);
  }

  static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must be non-blank");
    }
  }
}
