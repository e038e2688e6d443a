package io.github.crossarb.link.trader.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.SubmitResult;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The trader's own small JSON forms (journal lines, the status file): written compactly, read
 * strictly (duplicate keys, trailing tokens and missing fields are errors with a short message).
 */
public final class JournalJson {
  public static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private JournalJson() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static String line(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** The object on {@code text}, or null when it is valid JSON but not an object. */
  public static ObjectNode parseObject(String text) throws JsonProcessingException {
    JsonNode node = MAPPER.readTree(text);
    return node instanceof ObjectNode object ? object : null;
  }

  public static ObjectNode submitResult(SubmitResult result) {
    ObjectNode o = object();
    o.put("clientOrderId", result.clientOrderId().value());
    if (result instanceof SubmitResult.Accepted a) {
      o.put("outcome", "accepted");
      o.put("venueOrderId", a.venueOrderId().value());
      o.put("status", a.status().name());
      o.put("filled", a.filled().toString());
    } else if (result instanceof SubmitResult.Rejected r) {
      o.put("outcome", "rejected");
      o.put("venueCode", r.venueCode());
      o.put("message", r.message());
    } else if (result instanceof SubmitResult.Denied d) {
      o.put("outcome", "denied");
      o.put("reason", d.reason());
    } else if (result instanceof SubmitResult.Unknown u) {
      o.put("outcome", "unknown");
      o.put("reason", u.reason());
    } else {
      throw new IllegalArgumentException("unknown submit result " + result.getClass().getName());
    }
    return o;
  }

  public static SubmitResult submitResult(JsonNode node) {
    if (!(node instanceof ObjectNode o)) {
      throw new IllegalArgumentException("field \"result\" must be an object");
    }
    ClientOrderId id = new ClientOrderId(text(o, "clientOrderId"));
    String outcome = text(o, "outcome");
    return switch (outcome) {
      case "accepted" -> new SubmitResult.Accepted(id, new VenueOrderId(text(o, "venueOrderId")),
          OrderStatus.valueOf(text(o, "status")), Quantity.parse(text(o, "filled")));
      case "rejected" -> new SubmitResult.Rejected(id, text(o, "venueCode"), text(o, "message"));
      case "denied" -> new SubmitResult.Denied(id, text(o, "reason"));
      case "unknown" -> new SubmitResult.Unknown(id, text(o, "reason"));
      default -> throw new IllegalArgumentException("unknown result outcome \"" + outcome + "\"");
    };
  }

  /** The text field {@code name}; a clear error when it is missing or not text. */
  public static String text(JsonNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException("field \"" + name + "\" must be text");
    }
    return n.asText();
  }

  /** The text field {@code name}, or null when absent or null. */
  public static String optionalText(JsonNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new IllegalArgumentException("field \"" + name + "\" must be text");
    }
    return n.asText();
  }

  public static long whole(JsonNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new IllegalArgumentException("field \"" + name + "\" must be a whole number");
    }
    return n.asLong();
  }

  public static boolean bool(JsonNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null || !n.isBoolean()) {
      throw new IllegalArgumentException("field \"" + name + "\" must be true or false");
    }
    return n.asBoolean();
  }

  public static Instant instant(JsonNode o, String name) {
    String text = text(o, name);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("field \"" + name + "\" is not an ISO instant: \"" + text + "\"");
    }
  }

  public static Instant optionalInstant(JsonNode o, String name) {
    String text = optionalText(o, name);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("field \"" + name + "\" is not an ISO instant: \"" + text + "\"");
    }
  }
}
