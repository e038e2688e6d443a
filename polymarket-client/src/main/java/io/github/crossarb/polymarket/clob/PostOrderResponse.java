package io.github.crossarb.polymarket.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.polymarket.internal.Json;
import java.util.List;

/**
 * The answer to one order of {@code POST /order(s)}:
 * {@code {success, errorMsg, orderID, status, takingAmount, makingAmount, tradeIDs?}}.
 *
 * @param status {@code live}, {@code matched}, {@code delayed} or {@code unmatched}
 */
public record PostOrderResponse(
    boolean success, String errorMsg, String orderId, String status, String makingAmount, String takingAmount,
    List<String> tradeIds) {

  public PostOrderResponse {
    tradeIds = List.copyOf(tradeIds);
  }

  public boolean accepted() {
    return success && (errorMsg == null || errorMsg.isEmpty()) && orderId != null && !orderId.isEmpty();
  }

  public static PostOrderResponse decode(JsonNode node) {
    return Json.decode("order response", () -> {
      Json.object(node, "order response");
      return new PostOrderResponse(
          Json.bool(node, "success", false), Json.optText(node, "errorMsg"), Json.optText(node, "orderID"),
          Json.optText(node, "status"), Json.optText(node, "makingAmount"), Json.optText(node, "takingAmount"),
          Json.list(node, "tradeIDs", JsonNode::asText));
    });
  }
}
