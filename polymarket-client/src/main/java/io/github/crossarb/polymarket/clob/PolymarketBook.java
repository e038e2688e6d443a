package io.github.crossarb.polymarket.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.polymarket.internal.Json;
import io.github.crossarb.polymarket.order.TickSize;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A token's book from {@code GET /book}, {@code POST /books} or a WebSocket {@code book} event.
 * The venue does not promise an order, so levels are sorted here: bids highest first, asks lowest
 * first. Zero-size levels are dropped.
 *
 * @param tickSize null on WebSocket events, which do not carry it
 */
public record PolymarketBook(
    String assetId, String market, List<Level> bids, List<Level> asks, String timestamp, String hash,
    TickSize tickSize, Quantity minOrderSize, Boolean negRisk) {

  public PolymarketBook {
    bids = List.copyOf(bids);
    asks = List.copyOf(asks);
  }

  public BookSnapshot toSnapshot() {
    return new BookSnapshot(InstrumentId.polymarket(assetId), bids, asks);
  }

  public static PolymarketBook decode(JsonNode node) {
    return Json.decode("book", () -> {
      Json.object(node, "book");
      List<Level> bids = levels(node, "bids");
      List<Level> asks = levels(node, "asks");
      bids.sort(Comparator.comparing(Level::price).reversed());
      asks.sort(Comparator.comparing(Level::price));
      String tick = Json.optText(node, "tick_size");
      TickSize tickSize = tick == null ? null
          : TickSize.parse(tick).orElseThrow(() -> Json.error("unknown tick size " + Json.clip(tick)));
      Quantity min = node.hasNonNull("min_order_size") ? Json.quantity(node, "min_order_size") : null;
      Boolean negRisk = node.hasNonNull("neg_risk") ? Json.bool(node, "neg_risk", false) : null;
      return new PolymarketBook(Json.text(node, "asset_id"), Json.optText(node, "market"), bids, asks,
          Json.optText(node, "timestamp"), Json.optText(node, "hash"), tickSize, min, negRisk);
    });
  }

  private static List<Level> levels(JsonNode node, String name) {
    List<Level> out = new ArrayList<>();
    for (Level level : Json.list(node, name, l -> new Level(Json.price(l, "price"), Json.quantity(l, "size")))) {
      if (!level.size().isZero()) {
        out.add(level);
      }
    }
    return out;
  }
}
