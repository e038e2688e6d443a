package io.github.crossarb.polymarket.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.polymarket.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The answer of every cancel endpoint: {@code {canceled:[ids], not_canceled:{id: reason}}}. */
public record CancelResponse(List<String> canceled, Map<String, String> notCanceled) {
  public CancelResponse {
    canceled = List.copyOf(canceled);
    notCanceled = Map.copyOf(notCanceled);
  }

  public static CancelResponse decode(JsonNode node) {
    return Json.decode("cancel response", () -> {
      Json.object(node, "cancel response");
      Map<String, String> notCanceled = new LinkedHashMap<>();
      JsonNode nc = node.get("not_canceled");
      if (nc != null && !nc.isNull()) {
        Json.object(nc, "field \"not_canceled\"");
        nc.properties().forEach(e -> notCanceled.put(e.getKey(), e.getValue().asText()));
      }
      return new CancelResponse(Json.list(node, "canceled", JsonNode::asText), notCanceled);
    });
  }
}
