package io.github.crossarb.polymarket.gamma;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.polymarket.internal.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A position from the Data API ({@code /positions}); numbers are JSON numbers there, and are
 * floored to 6 decimals (share and pUSD micros).
 *
 * @param asset the token id
 * @param initialValue what the position cost, or null
 */
public record DataPosition(String asset, String conditionId, String outcome, long sizeMicros, Long initialValueMicros) {

  public static DataPosition decode(JsonNode node) {
    return Json.decode("position", () -> {
      Json.object(node, "position");
      Long initial = node.hasNonNull("initialValue") ? micros(node, "initialValue") : null;
      return new DataPosition(Json.text(node, "asset"), Json.optText(node, "conditionId"),
          Json.optText(node, "outcome"), micros(node, "size"), initial);
    });
  }

  private static long micros(JsonNode node, String name) {
    String text = Json.text(node, name);
    try {
      return new BigDecimal(text.strip()).setScale(6, RoundingMode.FLOOR).movePointRight(6).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw Json.error("field \"" + name + "\" is not a number: " + Json.clip(text));
    }
  }
}
