package io.github.crossarb.core.pair;

import java.time.Instant;
import java.util.Objects;

/**
 * One pair of the reviewed registry ({@code pairs.json}): which Kalshi market and which Polymarket
 * market settle on the same event, how their outcomes map, who approved it, and the fingerprint
 * of what they approved.
 *
 * @param statusReason why the pair is suspended; null while approved
 * @param approvedBy who approved it (an operator's name)
 * @param approvedAt when it was approved
 * @param fingerprint the rules and close times the approval was for
 */
public record PairEntry(
    String id,
    String kalshiTicker,
    PolymarketMarket polymarket,
    PairRelation relation,
    PairStatus status,
    String statusReason,
    String approvedBy,
    Instant approvedAt,
    PairFingerprint fingerprint) {

  public PairEntry {
    // MarketPair checks id, ticker, market, relation, status and the reason rule.
    toMarketPairChecked(id, kalshiTicker, polymarket, relation, status, statusReason);
    PolymarketMarket.requireText(approvedBy, "approved by");
    Objects.requireNonNull(approvedAt, "approvedAt");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** A newly approved pair. */
  public static PairEntry approve(String id, String kalshiTicker, PolymarketMarket polymarket, PairRelation relation,
      String approvedBy, Instant approvedAt, PairFingerprint fingerprint) {
    return new PairEntry(id, kalshiTicker, polymarket, relation, PairStatus.APPROVED, null, approvedBy, approvedAt,
        fingerprint);
  }

  public boolean isApproved() {
    return status == PairStatus.APPROVED;
  }

  public PairEntry suspend(String reason) {
    return new PairEntry(id, kalshiTicker, polymarket, relation, PairStatus.SUSPENDED, reason, approvedBy, approvedAt,
        fingerprint);
  }

  /** Approves again (an operator re-reviewed it), recording the fingerprint they reviewed now. */
  public PairEntry reapprove(String by, Instant at, PairFingerprint reviewed) {
    return new PairEntry(id, kalshiTicker, polymarket, relation, PairStatus.APPROVED, null, by, at, reviewed);
  }

  /** The pair as pricing, the ledger and the engine use it. */
  public MarketPair toMarketPair() {
    return new MarketPair(id, kalshiTicker, polymarket, relation, status, statusReason);
  }

  private static void toMarketPairChecked(String id, String kalshiTicker, PolymarketMarket polymarket,
      PairRelation relation, PairStatus status, String statusReason) {
    new MarketPair(id, kalshiTicker, polymarket, relation, status, statusReason);
  }
}
