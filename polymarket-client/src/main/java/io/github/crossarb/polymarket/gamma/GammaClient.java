package io.github.crossarb.polymarket.gamma;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.polymarket.PolymarketConfig;
import io.github.crossarb.polymarket.clob.HttpCall;
import io.github.crossarb.polymarket.clob.PolymarketRestClient;
import io.github.crossarb.polymarket.internal.Json;
import io.vertx.core.Future;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Gamma API (market metadata, no auth): {@code /markets} and {@code /events}; and the Data
 * API's {@code /positions}; and the geoblock check. All public, all read-only.
 */
public final class GammaClient {
  private final PolymarketRestClient transport;
  private final PolymarketConfig config;

  public GammaClient(PolymarketRestClient transport, PolymarketConfig config) {
    this.transport = transport;
    this.config = config;
  }

  /** {@code GET /markets?…}: e.g. {@code clob_token_ids}, {@code condition_ids}, {@code active}, {@code limit}, {@code offset}. */
  public Future<List<GammaMarket>> getMarkets(Map<String, String> query) {
    return get(config.gammaUrl() + "/markets" + query(query), "GET gamma /markets")
        .map(node -> Json.decode("gamma markets", () -> Json.each(Json.array(node, "gamma markets"), GammaMarket::decode)));
  }

  /** {@code GET /events?…}: each event with its markets. */
  public Future<List<GammaEvent>> getEvents(Map<String, String> query) {
    return get(config.gammaUrl() + "/events" + query(query), "GET gamma /events")
        .map(node -> Json.decode("gamma events", () -> Json.each(Json.array(node, "gamma events"), GammaEvent::decode)));
  }

  /** Data API {@code GET /positions?user=…}: each token held. */
  public Future<List<DataPosition>> getPositions(String user) {
    return get(config.dataUrl() + "/positions" + query(Map.of("user", user, "sizeThreshold", "0")), "GET data /positions")
        .map(node -> Json.decode("positions", () -> Json.each(Json.array(node, "positions"), DataPosition::decode)));
  }

  /**
   * The geoblock check: whether this host may place orders. {@code true} when blocked. Without a
   * configured URL the check is skipped (not blocked).
   */
  public Future<Boolean> isGeoblocked() {
    if (config.geoblockUrl() == null) {
      return Future.succeededFuture(false);
    }
    return get(config.geoblockUrl().toString(), "GET geoblock").map(node -> Json.decode("geoblock", () -> {
      Json.field(node, "blocked");
      return Json.bool(node, "blocked", true);
    }));
  }

  private Future<JsonNode> get(String url, String what) {
    HttpCall call = new HttpCall("GET", url, List.of(), null);
    return transport.send(call, what).map(r -> Json.parse(r.body(), what + " response"));
  }

  private static String query(Map<String, String> query) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : query.entrySet()) {
      out.append(out.length() == 0 ? '?' : '&').append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }
}
