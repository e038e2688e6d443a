package io.github.crossarb.core.pair;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.MarketInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What an operator reviewed when approving a pair: a SHA-256 of each market's resolution text and
 * each market's close time. If either venue later changes its rules or its close time, the pair
 * is no longer the contract the operator approved, and it must stop trading.
 *
 * @param kalshiRulesSha256 hex SHA-256 of the Kalshi rules text (UTF-8; empty text when absent)
 * @param kalshiCloseTime Kalshi's close time, or null when the venue gave none
 * @param polymarketRulesSha256 hex SHA-256 of the Polymarket description and resolution source
 * @param polymarketCloseTime Polymarket's end date, or null when the venue gave none
 */
public record PairFingerprint(
    String kalshiRulesSha256, Instant kalshiCloseTime, String polymarketRulesSha256, Instant polymarketCloseTime) {

  public PairFingerprint {
    requireHash(kalshiRulesSha256, "Kalshi rules hash");
    requireHash(polymarketRulesSha256, "Polymarket rules hash");
  }

  /** The fingerprint of the two markets as the venues describe them now. */
  public static PairFingerprint of(MarketInfo kalshi, MarketInfo polymarket) {
    Objects.requireNonNull(kalshi, "kalshi");
    Objects.requireNonNull(polymarket, "polymarket");
    if (kalshi.venue() != VenueId.KALSHI || polymarket.venue() != VenueId.POLYMARKET) {
      throw new IllegalArgumentException("a fingerprint needs a Kalshi and a Polymarket market, got "
          + kalshi.venue() + " and " + polymarket.venue());
    }
    return new PairFingerprint(sha256(kalshi.rules()), kalshi.closeTime(), sha256(polymarket.rules()),
        polymarket.closeTime());
  }

  /** One combined hash of the four parts, to show and compare at a glance. */
  public String hash() {
    return sha256(kalshiRulesSha256 + "\n" + kalshiCloseTime + "\n" + polymarketRulesSha256 + "\n" + polymarketCloseTime);
  }

  /**
   * What changed from this (approved) fingerprint to {@code now}, one human-readable line per
   * change; empty when nothing did.
   */
  public List<String> changesTo(PairFingerprint now) {
    List<String> changes = new ArrayList<>();
    if (!kalshiRulesSha256.equals(now.kalshiRulesSha256)) {
      changes.add("Kalshi rules text changed");
    }
    if (!Objects.equals(kalshiCloseTime, now.kalshiCloseTime)) {
      changes.add("Kalshi close time changed from " + kalshiCloseTime + " to " + now.kalshiCloseTime);
    }
    if (!polymarketRulesSha256.equals(now.polymarketRulesSha256)) {
      changes.add("Polymarket resolution text changed");
    }
    if (!Objects.equals(polymarketCloseTime, now.polymarketCloseTime)) {
      changes.add("Polymarket close time changed from " + polymarketCloseTime + " to " + now.polymarketCloseTime);
    }
    return changes;
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(digest.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e); // every JVM must have it
    }
  }

  private static void requireHash(String hash, String what) {
    if (hash == null || !hash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(what + " must be 64 lowercase hex digits: " + hash);
    }
  }
}
