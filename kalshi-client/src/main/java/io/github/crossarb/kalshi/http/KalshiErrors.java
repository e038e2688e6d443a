package io.github.crossarb.kalshi.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.RateLimitedException;
import io.github.crossarb.core.venue.VenueAuthException;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.core.venue.VenueProtocolException;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.github.crossarb.core.venue.VenueUnavailableException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * The one place where Kalshi's failures become core's {@link VenueException}s. Error bodies are
 * {@code {code, message, details}} (older answers wrap them in {@code error}); a 429 carries
 * {@code {"error":"too many requests"}} and no {@code Retry-After}. Messages never carry headers,
 * so no credential can leak through them.
 */
public final class KalshiErrors {
  private static final VenueId KALSHI = VenueId.KALSHI;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TEXT = 200;

  private KalshiErrors() {}

  /** An answer with a non-2xx status. */
  public static VenueException fromResponse(String call, int status, String body) {
    String code = "http_" + status;
    String message = null;
    JsonNode node = parse(body);
    if (node != null) {
      JsonNode error = node.has("code") || node.has("message") ? node : node.get("error");
      if (error != null && error.isObject()) {
        code = text(error.get("code"), code);
        message = text(error.get("message"), null);
        String details = text(error.get("details"), null);
        if (details != null && !details.isBlank()) {
          message = (message == null ? "" : message + ": ") + details;
        }
      } else if (error != null && error.isTextual()) {
        message = error.asText();
      }
    }
    if (message == null) {
      message = body == null || body.isBlank() ? "(no body)" : clip(body);
    }
    String text = "Kalshi " + call + " answered " + status + " " + code + ": " + clip(message);
    if (status == 429) {
      return new RateLimitedException(KALSHI, text, null);
    }
    if (status == 401 || status == 403) {
      return new VenueAuthException(KALSHI, text
          + " (check that KALSHI_API_KEY_ID matches the private key and the environment, prod or demo)");
    }
    if (status >= 500) {
      return new VenueUnavailableException(KALSHI, text, null, null);
    }
    return new VenueRejectedException(KALSHI, status, code, text);
  }

  /** The call failed without an answer: timeout, refused or dropped connection. */
  public static VenueUnavailableException fromTransport(String call, Throwable failure) {
    if (failure instanceof VenueUnavailableException unavailable) {
      return unavailable;
    }
    String kind;
    if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
      kind = "timed out";
    } else if (failure instanceof ConnectException) {
      kind = "could not connect";
    } else {
      kind = "failed in transport (" + failure.getClass().getSimpleName() + ")";
    }
    return new VenueUnavailableException(KALSHI, "Kalshi " + call + " " + kind, null, failure);
  }

  /** A 2xx answer we cannot read. */
  public static VenueProtocolException malformed(String what, Throwable cause) {
    String reason = cause == null ? "" : ": " + clip(firstLine(cause.getMessage()));
    return new VenueProtocolException(KALSHI, "Kalshi sent a malformed " + what + reason, cause);
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      return null;
    }
  }

  private static String text(JsonNode node, String fallback) {
    return node == null || node.isNull() ? fallback : node.asText();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String clip(String text) {
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "…";
  }
}
