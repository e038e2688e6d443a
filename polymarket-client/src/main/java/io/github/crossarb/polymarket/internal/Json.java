package io.github.crossarb.polymarket.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Strict reading of venue JSON: every failure (malformed text, a missing field, a wrong type, a
 * number out of range) is a {@link VenueProtocolException} with a one-line message, never another
 * exception. Polymarket writes most numbers as strings; both forms are accepted.
 */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    // Bound what a hostile payload can cost.
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(64).maxNumberLength(100).maxStringLength(5_000_000).build());
  }

  private Json() {}

  public static VenueProtocolException error(String message) {
    return new VenueProtocolException(VenueId.POLYMARKET, message);
  }

  public static JsonNode parse(String text, String what) {
    if (text == null || text.isBlank()) {
      throw error("empty " + what);
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw error("empty " + what);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new VenueProtocolException(VenueId.POLYMARKET, "malformed JSON in " + what + ": "
          + e.getOriginalMessage().lines().findFirst().orElse(""), e);
    } catch (RuntimeException e) {
      throw new VenueProtocolException(VenueId.POLYMARKET, "unreadable JSON in " + what, e);
    }
  }

  public static JsonNode object(JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw error(what + " is not a JSON object");
    }
    return node;
  }

  public static JsonNode array(JsonNode node, String what) {
    if (node == null || !node.isArray()) {
      throw error(what + " is not a JSON array");
    }
    return node;
  }

  public static JsonNode field(JsonNode node, String name) {
    JsonNode value = object(node, "message").get(name);
    if (value == null || value.isNull()) {
      throw error("missing field \"" + name + "\"");
    }
    return value;
  }

  /** A string or number field as text. */
  public static String text(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isTextual() && !value.isNumber()) {
      throw error("field \"" + name + "\" is not a string");
    }
    return value.asText();
  }

  public static String optText(JsonNode node, String name) {
    JsonNode value = object(node, "message").get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
      throw error("field \"" + name + "\" is not a string");
    }
    return value.asText();
  }

  public static boolean bool(JsonNode node, String name, boolean fallback) {
    JsonNode value = object(node, "message").get(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
      return Boolean.parseBoolean(value.asText());
    }
    throw error("field \"" + name + "\" is not a boolean");
  }

  public static long longValue(JsonNode node, String name) {
    String text = text(node, name);
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw error("field \"" + name + "\" is not an integer: " + clip(text));
    }
  }

  /** A decimal field in micros (at most 6 decimals; "1e-3" style is refused). */
  public static long micros(JsonNode node, String name) {
    String text = text(node, name);
    try {
      return Fixed.parse(text.strip());
    } catch (NumberFormatException | ArithmeticException e) {
      throw error("field \"" + name + "\" is not a decimal: " + clip(text));
    }
  }

  public static Price price(JsonNode node, String name) {
    long micros = micros(node, name);
    if (micros < 0 || micros > Fixed.SCALE) {
      throw error("field \"" + name + "\" is not a price in [0, 1]: " + Fixed.format(micros));
    }
    return new Price(micros);
  }

  public static Quantity quantity(JsonNode node, String name) {
    long micros = micros(node, name);
    if (micros < 0) {
      throw error("field \"" + name + "\" is negative");
    }
    return new Quantity(micros);
  }

  /** Each element of the array field {@code name} (absent or null gives an empty list). */
  public static <T> List<T> list(JsonNode node, String name, Function<JsonNode, T> decoder) {
    JsonNode value = object(node, "message").get(name);
    if (value == null || value.isNull()) {
      return List.of();
    }
    return each(array(value, "field \"" + name + "\""), decoder);
  }

  public static <T> List<T> each(JsonNode array, Function<JsonNode, T> decoder) {
    List<T> out = new ArrayList<>(array.size());
    for (JsonNode element : array) {
      out.add(decoder.apply(element));
    }
    return out;
  }

  /** Runs a decoder, turning any stray runtime failure into a protocol error. */
  public static <T> T decode(String what, java.util.function.Supplier<T> decoder) {
    try {
      return decoder.get();
    } catch (VenueProtocolException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new VenueProtocolException(VenueId.POLYMARKET, "cannot read " + what + ": " + e.getMessage(), e);
    }
  }

  public static String clip(String text) {
    if (text == null) {
      return "null";
    }
    String line = text.replaceAll("[\\r\\n\\t]", " ");
    return line.length() > 80 ? line.substring(0, 80) + "…" : line;
  }
}
