package io.github.crossarb.polymarket.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.core.book.BookSide;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.polymarket.clob.OpenOrder;
import io.github.crossarb.polymarket.clob.PolymarketBook;
import io.github.crossarb.polymarket.clob.PolymarketTrade;
import io.github.crossarb.polymarket.internal.Json;
import io.github.crossarb.polymarket.order.TickSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The events of both channels, tagged by {@code event_type}. {@link #decode} reads one frame (an
 * object or an array of them); anything unreadable is a {@code VenueProtocolException}, never
 * another exception.
 */
public sealed interface PolymarketWsMessage {

  /** A full snapshot of one token's book. */
  record Book(PolymarketBook book) implements PolymarketWsMessage {}

  /** Absolute sizes at price levels ({@code size} is the new total, 0 removes the level). */
  record PriceChange(String market, List<Change> changes) implements PolymarketWsMessage {
    public PriceChange {
      changes = List.copyOf(changes);
    }
  }

  /** One level change of a {@code price_change}. */
  record Change(String assetId, BookSide side, Price price, Quantity size, String hash) {}

  record TickSizeChange(String assetId, String market, TickSize oldTickSize, TickSize newTickSize)
      implements PolymarketWsMessage {}

  record LastTradePrice(String assetId, Price price) implements PolymarketWsMessage {}

  /** User channel: an order of ours was placed, updated (matched) or cancelled. */
  record OrderEvent(String type, OpenOrder order) implements PolymarketWsMessage {}

  /** User channel: a trade involving us, with its on-chain status. */
  record TradeEvent(PolymarketTrade trade) implements PolymarketWsMessage {}

  /** An event type we do not use ({@code best_bid_ask}, {@code new_market}, ...). */
  record Ignored(String eventType) implements PolymarketWsMessage {}

  static List<PolymarketWsMessage> decode(String text) {
    JsonNode root = Json.parse(text, "WebSocket message");
    return Json.decode("WebSocket message", () -> {
      List<PolymarketWsMessage> out = new ArrayList<>();
      if (root.isArray()) {
        for (JsonNode element : root) {
          out.add(one(element));
        }
      } else {
        out.add(one(root));
      }
      return out;
    });
  }

  private static PolymarketWsMessage one(JsonNode node) {
    Json.object(node, "WebSocket event");
    String type = Json.text(node, "event_type");
    switch (type) {
      case "book":
        return new Book(PolymarketBook.decode(node));
      case "price_change":
        return new PriceChange(Json.optText(node, "market"), Json.list(node, "price_changes", c -> new Change(
            Json.text(c, "asset_id"), bookSide(Json.text(c, "side")), Json.price(c, "price"), Json.quantity(c, "size"),
            Json.optText(c, "hash"))));
      case "tick_size_change":
        return new TickSizeChange(Json.text(node, "asset_id"), Json.optText(node, "market"),
            TickSize.parse(Json.optText(node, "old_tick_size")).orElse(null),
            TickSize.parse(Json.text(node, "new_tick_size"))
                .orElseThrow(() -> Json.error("unknown tick size " + Json.clip(Json.text(node, "new_tick_size")))));
      case "last_trade_price":
        return new LastTradePrice(Json.text(node, "asset_id"), Json.price(node, "price"));
      case "order":
        return new OrderEvent(Json.optText(node, "type"), userOrder(node));
      case "trade":
        return new TradeEvent(PolymarketTrade.decode(node));
      default:
        return new Ignored(type);
    }
  }

  /** A user-channel order carries the OpenOrder fields, with {@code timestamp} instead of {@code created_at}. */
  private static OpenOrder userOrder(JsonNode node) {
    return new OpenOrder(Json.text(node, "id"), statusOf(node), Json.optText(node, "owner"),
        Json.optText(node, "maker_address"), Json.optText(node, "market"), Json.text(node, "asset_id"),
        Json.text(node, "side"), Json.quantity(node, "original_size"), Json.quantity(node, "size_matched"),
        Json.price(node, "price"), Json.optText(node, "outcome"), null, Json.optText(node, "order_type"),
        Json.list(node, "associate_trades", JsonNode::asText));
  }

  private static String statusOf(JsonNode node) {
    String status = Json.optText(node, "status");
    if (status != null) {
      return status;
    }
    String type = Json.optText(node, "type");
    if (type == null) {
      throw Json.error("order event without type or status");
    }
    switch (type.toUpperCase(Locale.ROOT)) {
      case "PLACEMENT":
      case "UPDATE":
        return "LIVE";
      case "CANCELLATION":
        return "CANCELED";
      default:
        throw Json.error("unknown order event type " + Json.clip(type));
    }
  }

  private static BookSide bookSide(String side) {
    switch (side.toUpperCase(Locale.ROOT)) {
      case "BUY":
        return BookSide.BID;
      case "SELL":
        return BookSide.ASK;
      default:
        throw Json.error("unknown side " + Json.clip(side));
    }
  }
}
