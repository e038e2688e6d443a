package io.github.crossarb.polymarket.gamma;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.polymarket.internal.Json;
import java.util.List;

/** A Gamma event: a title and description shared by its markets. */
public record GammaEvent(String id, String title, String description, List<GammaMarket> markets) {
  public GammaEvent {
    markets = List.copyOf(markets);
  }

  public static GammaEvent decode(JsonNode node) {
    return Json.decode("gamma event", () -> {
      Json.object(node, "gamma event");
      return new GammaEvent(Json.text(node, "id"), Json.optText(node, "title"), Json.optText(node, "description"),
          Json.list(node, "markets", GammaMarket::decode));
    });
  }
}
