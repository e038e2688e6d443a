package io.github.crossarb.polymarket.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.RateLimitedException;
import io.github.crossarb.core.venue.VenueAuthException;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.core.venue.VenueProtocolException;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.github.crossarb.core.venue.VenueUnavailableException;
import io.github.crossarb.polymarket.internal.Json;
import java.time.Duration;
import java.util.Locale;

/**
 * The one place where Polymarket failures become core's {@link VenueException} taxonomy:
 * transport errors and 5xx → unavailable, 429 → rate limited, 401 → auth, venue error bodies →
 * rejected with a stable code, unreadable payloads → protocol.
 */
public final class PolymarketErrors {
  private static final VenueId VENUE = VenueId.POLYMARKET;

  /** The venue's error text when the order version moved (V2 → V3). */
  public static final String ORDER_VERSION_MISMATCH = "order_version_mismatch";

  private PolymarketErrors() {}

  /** An HTTP response that is not 2xx. Messages carry the venue's error text, never our headers. */
  public static VenueException fromStatus(int status, String body, String retryAfterHeader, String what) {
    String message = errorText(body);
    if (status == 429) {
      return new RateLimitedException(VENUE, what + ": rate limited (429) " + message, retryAfter(retryAfterHeader));
    }
    if (status >= 500) {
      return new VenueUnavailableException(VENUE, what + ": HTTP " + status + " " + message,
          retryAfter(retryAfterHeader), null);
    }
    if (status == 401) {
      return new VenueAuthException(VENUE, what + ": unauthorized (401) " + message);
    }
    if (status == 403 && !isGeoblock(message)) {
      return new VenueAuthException(VENUE, what + ": forbidden (403) " + message);
    }
    return new VenueRejectedException(VENUE, status, code(status, message), what + ": " + message);
  }

  /** A 2xx order response with {@code success:false} or an {@code errorMsg}. */
  public static VenueRejectedException orderRejected(int status, String errorMsg) {
    String message = errorMsg == null || errorMsg.isBlank() ? "order not accepted" : errorMsg;
    return new VenueRejectedException(VENUE, status, code(status, message), Json.clip(message));
  }

  public static VenueUnavailableException transport(String what, Throwable cause) {
    String reason = cause == null ? "failed" : cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + Json.clip(cause.getMessage()));
    return new VenueUnavailableException(VENUE, what + ": " + reason, null, cause);
  }

  public static VenueProtocolException protocol(String what, String message) {
    return new VenueProtocolException(VENUE, what + ": " + message);
  }

  /** Whether a rejection means the tick size moved and must be fetched again. */
  public static boolean isTickSizeRejection(VenueRejectedException e) {
    return e.venueCode().equals("invalid_tick_size");
  }

  public static boolean isVersionMismatch(String text) {
    return text != null && text.contains(ORDER_VERSION_MISMATCH);
  }

  /** The error text of a Polymarket error body ({@code {"error": ...}} or {@code errorMsg}), clipped. */
  static String errorText(String body) {
    if (body == null || body.isBlank()) {
      return "(no body)";
    }
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node != null && node.isObject()) {
        for (String field : new String[] {"error", "errorMsg", "message"}) {
          JsonNode value = node.get(field);
          if (value != null && !value.isNull()) {
            return Json.clip(value.isTextual() ? value.asText() : value.toString());
          }
        }
      }
    } catch (Exception e) {
      // Not JSON: quote the text itself.
    }
    return Json.clip(body);
  }

  /** A stable code for an error text: known venue errors get a name, others the HTTP status. */
  static String code(int status, String message) {
    String m = message.toLowerCase(Locale.ROOT);
    if (m.contains(ORDER_VERSION_MISMATCH)) {
      return ORDER_VERSION_MISMATCH;
    }
    if (isGeoblock(m)) {
      return "geoblocked";
    }
    if (m.contains("not enough balance") || m.contains("allowance")) {
      return "insufficient_balance";
    }
    if (m.contains("tick size") || m.contains("tick_size") || m.contains("min_tick")) {
      return "invalid_tick_size";
    }
    if (m.contains("lower than the minimum") || m.contains("min_size") || m.contains("minimum size")) {
      return "size_below_minimum";
    }
    if (m.contains("post-only") || m.contains("post only") || m.contains("crosses")) {
      return "post_only_would_cross";
    }
    if (m.contains("fok") && m.contains("fill")) {
      return "fok_not_filled";
    }
    if (m.contains("no orders found to match")) {
      return "no_match";
    }
    if (m.contains("duplicat") || m.contains("already exists")) {
      return "duplicate_order";
    }
    if (m.contains("not found") || status == 404) {
      return "not_found";
    }
    if (m.contains("invalid signature") || m.contains("signer")) {
      return "invalid_signature";
    }
    if (m.contains("market") && (m.contains("closed") || m.contains("not accepting"))) {
      return "market_closed";
    }
    return "http_" + status;
  }

  private static boolean isGeoblock(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    return m.contains("region") || m.contains("geoblock") || m.contains("restricted");
  }

  private static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
