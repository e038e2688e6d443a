package io.github.crossarb.core.pair.suggest;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.venue.MarketInfo;
import java.util.List;
import java.util.Objects;

/**
 * A candidate pair: a Kalshi market and a Polymarket market that look like the same event. Only a
 * proposal: an operator must read both rule texts and approve it ({@code pairs approve}); titles
 * that match are often different contracts.
 *
 * @param score 0..100, higher is more alike (titles, rules text, dates, thresholds, close times)
 * @param relation SAME, or COMPLEMENT when the questions are asked in opposite directions
 * @param reasons what agrees, one short phrase each
 * @param warnings what the operator must check, one short phrase each
 */
public record PairSuggestion(MarketInfo kalshi, MarketInfo polymarket, int score, PairRelation relation,
    List<String> reasons, List<String> warnings) {
  public PairSuggestion {
    Objects.requireNonNull(kalshi, "kalshi");
    Objects.requireNonNull(polymarket, "polymarket");
    Objects.requireNonNull(relation, "relation");
    if (kalshi.venue() != VenueId.KALSHI || polymarket.venue() != VenueId.POLYMARKET) {
      throw new IllegalArgumentException("a suggestion pairs a Kalshi market with a Polymarket market");
    }
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be in [0, 100], got " + score);
    }
    reasons = List.copyOf(reasons);
    warnings = List.copyOf(warnings);
  }

  /** A short id for the pair, from the Kalshi ticker: {@code KXFED-26DEC-T4.25} becomes {@code kxfed-26dec-t4.25}. */
  public String proposedId() {
    String id = kalshi.marketId().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    id = id.replaceAll("^[^a-z0-9]+", "");
    if (id.isEmpty()) {
      id = "pair";
    }
    return id.length() > 64 ? id.substring(0, 64) : id;
  }
}
