package io.github.crossarb.polymarket.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.polymarket.internal.Json;
import java.util.List;

/**
 * A market from the CLOB's {@code GET /markets} or {@code GET /markets/{conditionId}}.
 *
 * @param minimumTickSize the tick as the venue wrote it (e.g. {@code "0.01"}), or null
 * @param minimumOrderSize the minimum size as written, or null
 */
public record ClobMarket(
    String conditionId, String question, List<ClobMarketInfo.Token> tokens, String minimumTickSize,
    String minimumOrderSize, boolean negRisk, boolean active, boolean closed, boolean acceptingOrders,
    boolean enableOrderBook, String endDateIso, String description) {

  public ClobMarket {
    tokens = List.copyOf(tokens);
  }

  public static ClobMarket decode(JsonNode node) {
    return Json.decode("clob market", () -> {
      Json.object(node, "clob market");
      return new ClobMarket(Json.text(node, "condition_id"), Json.optText(node, "question"),
          Json.list(node, "tokens", t -> new ClobMarketInfo.Token(Json.text(t, "token_id"), Json.optText(t, "outcome"))),
          Json.optText(node, "minimum_tick_size"), Json.optText(node, "minimum_order_size"),
          Json.bool(node, "neg_risk", false), Json.bool(node, "active", false), Json.bool(node, "closed", false),
          Json.bool(node, "accepting_orders", false), Json.bool(node, "enable_order_book", false),
          Json.optText(node, "end_date_iso"), Json.optText(node, "description"));
    });
  }
}
