package io.github.crossarb.polymarket.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.polymarket.internal.Json;
import java.util.List;

/**
 * A trade from {@code GET /data/trades} or a user-channel {@code trade} event. A trade moves
 * MATCHED → MINED → CONFIRMED, or RETRYING → FAILED; only FAILED undoes it.
 *
 * @param timestamp the match time (unix seconds) or the event time, as the venue wrote it
 * @param traderSide {@code TAKER} or {@code MAKER}: which side of the trade the owner was on
 */
public record PolymarketTrade(
    String id, String takerOrderId, String market, String assetId, String side, Quantity size, Price price,
    String feeRateBps, TradeStatus status, String timestamp, String outcome, String owner, String makerAddress,
    List<MakerOrder> makerOrders, String traderSide, String transactionHash) {

  /** A maker order filled by the trade. */
  public record MakerOrder(
      String orderId, String owner, String makerAddress, Quantity matchedAmount, Price price, String feeRateBps,
      String assetId, String outcome, String side) {

    static MakerOrder decode(JsonNode node) {
      return new MakerOrder(Json.text(node, "order_id"), Json.optText(node, "owner"),
          Json.optText(node, "maker_address"), Json.quantity(node, "matched_amount"), Json.price(node, "price"),
          Json.optText(node, "fee_rate_bps"), Json.optText(node, "asset_id"), Json.optText(node, "outcome"),
          Json.optText(node, "side"));
    }
  }

  public PolymarketTrade {
    makerOrders = List.copyOf(makerOrders);
  }

  public static PolymarketTrade decode(JsonNode node) {
    return Json.decode("trade", () -> {
      Json.object(node, "trade");
      String time = Json.optText(node, "match_time");
      if (time == null) {
        time = Json.optText(node, "timestamp");
      }
      return new PolymarketTrade(Json.text(node, "id"), Json.optText(node, "taker_order_id"),
          Json.optText(node, "market"), Json.text(node, "asset_id"), Json.text(node, "side"),
          Json.quantity(node, "size"), Json.price(node, "price"), Json.optText(node, "fee_rate_bps"),
          TradeStatus.parse(Json.text(node, "status")), time, Json.optText(node, "outcome"),
          Json.optText(node, "owner"), Json.optText(node, "maker_address"),
          Json.list(node, "maker_orders", MakerOrder::decode), Json.optText(node, "trader_side"),
          Json.optText(node, "transaction_hash"));
    });
  }
}
