package io.github.crossarb.polymarket.gamma;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.polymarket.internal.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A market from the Gamma API. {@code outcomes}, {@code outcomePrices} and {@code clobTokenIds}
 * arrive as JSON-encoded strings and are parsed a second time; {@code positionIds} (Protocol-V2
 * markets) is a real array, and for those markets it names the tradable tokens.
 *
 * @param version {@code v1} (CTF, exchange V2) or {@code v2} (ExchangeV3), or null
 */
public record GammaMarket(
    String id, String conditionId, String question, String slug, String description, String resolutionSource,
    List<String> outcomes, List<String> tokenIds, boolean active, boolean closed, boolean acceptingOrders,
    boolean enableOrderBook, Instant endDate, boolean negRisk, String version) {

  public GammaMarket {
    outcomes = List.copyOf(outcomes);
    tokenIds = List.copyOf(tokenIds);
  }

  /** Whether orders can be placed now. */
  public boolean tradable() {
    return active && !closed && acceptingOrders && enableOrderBook;
  }

  /** The resolution text: description, then the resolution source when there is one. */
  public String rules() {
    if (description == null || description.isBlank()) {
      return resolutionSource == null || resolutionSource.isBlank() ? null : "Resolution source: " + resolutionSource;
    }
    return resolutionSource == null || resolutionSource.isBlank()
        ? description
        : description + "\n\nResolution source: " + resolutionSource;
  }

  public static GammaMarket decode(JsonNode node) {
    return Json.decode("gamma market", () -> {
      Json.object(node, "gamma market");
      String version = Json.optText(node, "version");
      List<String> tokens = "v2".equals(version) && node.hasNonNull("positionIds")
          ? Json.list(node, "positionIds", JsonNode::asText)
          : encodedList(node, "clobTokenIds");
      List<String> outcomes = encodedList(node, "outcomes");
      String end = Json.optText(node, "endDate");
      Instant endDate = null;
      if (end != null && !end.isBlank()) {
        try {
          endDate = Instant.parse(end);
        } catch (DateTimeParseException e) {
          throw Json.error("field \"endDate\" is not a time: " + Json.clip(end));
        }
      }
      return new GammaMarket(Json.text(node, "id"), Json.optText(node, "conditionId"),
          orEmpty(Json.optText(node, "question")), Json.optText(node, "slug"), Json.optText(node, "description"),
          Json.optText(node, "resolutionSource"), outcomes, tokens, Json.bool(node, "active", false),
          Json.bool(node, "closed", false), Json.bool(node, "acceptingOrders", false),
          Json.bool(node, "enableOrderBook", false), endDate, Json.bool(node, "negRisk", false), version);
    });
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** A list field that may be a real array or a JSON string holding one (Gamma encodes some lists twice). */
  static List<String> encodedList(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (value.isTextual()) {
      if (value.asText().isBlank()) {
        return List.of();
      }
      value = Json.parse(value.asText(), "field \"" + name + "\"");
    }
    return Json.each(Json.array(value, "field \"" + name + "\""), element -> {
      if (!element.isTextual() && !element.isNumber()) {
        throw Json.error("field \"" + name + "\" holds a non-string");
      }
      return element.asText();
    });
  }
}
