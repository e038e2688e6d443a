package io.github.crossarb.polymarket.internal;

import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.pricing.PolymarketFeeModel;
import io.github.crossarb.polymarket.MarketRules;
import io.github.crossarb.polymarket.clob.ClobMarketInfo;
import io.github.crossarb.polymarket.clob.PolymarketRestClient;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Market rules per token, fetched from {@code /markets-by-token} and {@code /clob-markets}. Never
 * cached forever: entries expire after {@code ttl}, and a {@code tick_size_change} event or an
 * order rejected for its tick drops them at once. The token → market mapping does not change and
 * stays. Used on the venue's context only.
 */
public final class RulesCache {
  /** The venue's usual minimum when {@code /clob-markets} does not give one. */
  private static final Quantity DEFAULT_MIN_SIZE = Quantity.of(5);

  private record Entry(MarketRules rules, long fetchedMillis) {}

  private final PolymarketRestClient rest;
  private final InstantSource clock;
  private final Duration ttl;
  private final Map<String, String> conditionByToken = new HashMap<>();
  private final Map<String, Entry> byToken = new HashMap<>();

  public RulesCache(PolymarketRestClient rest, InstantSource clock, Duration ttl) {
    this.rest = rest;
    this.clock = clock;
    this.ttl = ttl;
  }

  public Future<MarketRules> get(String tokenId) {
    Entry entry = byToken.get(tokenId);
    if (entry != null && clock.millis() - entry.fetchedMillis() < ttl.toMillis()) {
      return Future.succeededFuture(entry.rules());
    }
    return refresh(tokenId);
  }

  /** The rules if cached and fresh, else null (for synchronous paths such as stream events). */
  public MarketRules peek(String tokenId) {
    Entry entry = byToken.get(tokenId);
    return entry == null ? null : entry.rules();
  }

  /** Forgets the token's rules (tick size changed, or an order was refused for its tick). */
  public void invalidate(String tokenId) {
    byToken.remove(tokenId);
  }

  public Future<MarketRules> refresh(String tokenId) {
    String known = conditionByToken.get(tokenId);
    Future<String> condition = known != null ? Future.succeededFuture(known) : rest.getConditionIdByToken(tokenId);
    return condition.compose(rest::getClobMarket).map(info -> store(tokenId, info));
  }

  private MarketRules store(String tokenId, ClobMarketInfo info) {
    List<String> tokens = new ArrayList<>();
    List<String> outcomes = new ArrayList<>();
    for (ClobMarketInfo.Token t : info.tokens()) {
      tokens.add(t.tokenId());
      outcomes.add(t.outcome() == null ? "" : t.outcome());
    }
    if (!tokens.contains(tokenId)) {
      throw Json.error("market " + Json.clip(info.conditionId()) + " does not list token " + Json.clip(tokenId));
    }
    PolymarketFeeModel fees;
    try {
      fees = PolymarketFeeModel.of(info.feeRate(), info.feeExponent());
    } catch (IllegalArgumentException e) {
      throw Json.error("bad fee data for market " + Json.clip(info.conditionId()) + ": " + e.getMessage());
    }
    Quantity min = info.minOrderSize() == null ? DEFAULT_MIN_SIZE : info.minOrderSize();
    long now = clock.millis();
    MarketRules result = null;
    for (String token : tokens) {
      conditionByToken.put(token, info.conditionId());
      MarketRules rules = new MarketRules(token, info.conditionId(), info.minTickSize(), info.negRisk(), fees, min,
          tokens, outcomes);
      byToken.put(token, new Entry(rules, now));
      if (token.equals(tokenId)) {
        result = rules;
      }
    }
    return result;
  }
}
