package io.github.crossarb.polymarket.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.polymarket.internal.Json;
import java.util.List;

/**
 * An order from {@code GET /data/orders} or {@code GET /data/order/{id}}.
 *
 * @param status the venue's word: {@code LIVE}, {@code MATCHED}, {@code CANCELED}, {@code DELAYED}, ...
 * @param createdAt unix seconds, or null
 */
public record OpenOrder(
    String id, String status, String owner, String makerAddress, String market, String assetId, String side,
    Quantity originalSize, Quantity sizeMatched, Price price, String outcome, Long createdAt, String orderType,
    List<String> associateTrades) {

  public OpenOrder {
    associateTrades = List.copyOf(associateTrades);
  }

  public static OpenOrder decode(JsonNode node) {
    return Json.decode("order", () -> {
      Json.object(node, "order");
      String created = Json.optText(node, "created_at");
      Long createdAt = null;
      if (created != null && !created.isEmpty()) {
        try {
          createdAt = Long.parseLong(created);
        } catch (NumberFormatException e) {
          throw Json.error("field \"created_at\" is not an integer: " + Json.clip(created));
        }
      }
      return new OpenOrder(Json.text(node, "id"), Json.text(node, "status"), Json.optText(node, "owner"),
          Json.optText(node, "maker_address"), Json.optText(node, "market"), Json.text(node, "asset_id"),
          Json.text(node, "side"), Json.quantity(node, "original_size"), Json.quantity(node, "size_matched"),
          Json.price(node, "price"), Json.optText(node, "outcome"), createdAt, Json.optText(node, "order_type"),
          Json.list(node, "associate_trades", JsonNode::asText));
    });
  }
}
