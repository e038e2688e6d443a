package io.github.crossarb.core.pair;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import java.util.Objects;

/**
 * A Kalshi market and a Polymarket market that settle on the same event, with the relation
 * between their outcomes. Pairs come from the reviewed registry, never from a guess.
 *
 * @param suspendedReason why the pair is suspended; null while it is approved
 */
public record MarketPair(
    String id,
    String kalshiTicker,
    PolymarketMarket polymarket,
    PairRelation relation,
    PairStatus status,
    String suspendedReason) {

  public MarketPair {
    PolymarketMarket.requireText(id, "pair id");
    PolymarketMarket.requireText(kalshiTicker, "Kalshi ticker");
    Objects.requireNonNull(polymarket, "polymarket");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(status, "status");
    if ((status == PairStatus.SUSPENDED) != (suspendedReason != null && !suspendedReason.isBlank())) {
      throw new IllegalArgumentException("a suspended pair needs a reason and an approved one has none: " + id);
    }
  }

  public static MarketPair approved(String id, String kalshiTicker, PolymarketMarket polymarket, PairRelation relation) {
    return new MarketPair(id, kalshiTicker, polymarket, relation, PairStatus.APPROVED, null);
  }

  public boolean isApproved() {
    return status == PairStatus.APPROVED;
  }

  public MarketPair suspend(String reason) {
    return new MarketPair(id, kalshiTicker, polymarket, relation, PairStatus.SUSPENDED, reason);
  }

  public MarketPair approve() {
    return new MarketPair(id, kalshiTicker, polymarket, relation, PairStatus.APPROVED, null);
  }

  public InstrumentId kalshiInstrument() {
    return InstrumentId.kalshi(kalshiTicker);
  }

  /** The Polymarket token that pays exactly when Kalshi's {@code kalshiOutcome} pays. */
  public InstrumentId polymarketTokenEquivalentTo(Outcome kalshiOutcome) {
    return polymarket.token(relation.polymarketEquivalent(kalshiOutcome));
  }
}
