package io.github.crossarb.polymarket.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.polymarket.internal.Json;
import io.github.crossarb.polymarket.order.TickSize;
import java.util.List;

/**
 * {@code GET /clob-markets/{conditionId}}: the market's trading rules in compact keys
 * ({@code c, t:[{t,o}], mts, nr, fd:{r,e}, mos}).
 *
 * @param feeRate the taker fee rate as a decimal string ({@code fd.r}), "0" when absent
 * @param feeExponent the fee exponent ({@code fd.e}), "0" when absent
 * @param minOrderSize the minimum order size in shares, or null when absent
 */
public record ClobMarketInfo(
    String conditionId, List<Token> tokens, TickSize minTickSize, boolean negRisk, String feeRate,
    String feeExponent, Quantity minOrderSize) {

  /** One outcome token. */
  public record Token(String tokenId, String outcome) {}

  public ClobMarketInfo {
    tokens = List.copyOf(tokens);
  }

  public static ClobMarketInfo decode(JsonNode node) {
    return Json.decode("clob market", () -> {
      Json.object(node, "clob market");
      List<Token> tokens = Json.list(node, "t", t -> new Token(Json.text(t, "t"), Json.optText(t, "o")));
      String mts = Json.text(node, "mts");
      TickSize tick = TickSize.parse(mts).orElseThrow(() -> Json.error("unknown tick size " + Json.clip(mts)));
      String rate = "0";
      String exponent = "0";
      JsonNode fd = node.get("fd");
      if (fd != null && !fd.isNull()) {
        Json.object(fd, "field \"fd\"");
        rate = fd.hasNonNull("r") ? Json.text(fd, "r") : "0";
        exponent = fd.hasNonNull("e") ? Json.text(fd, "e") : "0";
      }
      Quantity mos = node.hasNonNull("mos") ? Json.quantity(node, "mos") : null;
      return new ClobMarketInfo(Json.text(node, "c"), tokens, tick, Json.bool(node, "nr", false), rate, exponent, mos);
    });
  }
}
