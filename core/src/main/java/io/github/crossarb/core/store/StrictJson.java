package io.github.crossarb.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Strict field access for the data files (ledger, journal, registry, cache, event log): a field
 * that is missing, unknown or of the wrong type is an {@link IllegalArgumentException} naming it,
 * which each file's reader turns into one line naming the file and the entry.
 */
final class StrictJson {
  private StrictJson() {}

  /** Exactly {@code required} (all present) plus any of {@code optional}; {@code what} names the object, or "". */
  static void onlyFields(ObjectNode o, Set<String> required, Set<String> optional, String what) {
    String in = what.isEmpty() ? "" : " in " + what;
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!required.contains(name) && !optional.contains(name)) {
        throw new IllegalArgumentException("unknown field \"" + name + "\"" + in);
      }
    }
    for (String name : required) {
      if (!o.has(name)) {
        throw new IllegalArgumentException("missing field \"" + name + "\"" + in);
      }
    }
  }

  static JsonNode field(ObjectNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null) {
      throw new IllegalArgumentException("missing field \"" + name + "\"");
    }
    return n;
  }

  static String text(ObjectNode o, String name) {
    JsonNode n = field(o, name);
    if (!n.isTextual()) {
      throw new IllegalArgumentException("field \"" + name + "\" must be a string, found "
          + n.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return n.textValue();
  }

  /** The text, or null when the field is absent or null. */
  static String optionalText(ObjectNode o, String name) {
    JsonNode n = o.get(name);
    return n == null || n.isNull() ? null : text(o, name);
  }

  static Instant instant(ObjectNode o, String name) {
    String text = text(o, name);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("field \"" + name + "\" must be an ISO-8601 instant, got \"" + text + "\"");
    }
  }

  static Instant optionalInstant(ObjectNode o, String name) {
    return optionalText(o, name) == null ? null : instant(o, name);
  }

  static Duration duration(ObjectNode o, String name) {
    String text = text(o, name);
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("field \"" + name + "\" must be an ISO-8601 duration, got \"" + text + "\"");
    }
  }

  static boolean bool(ObjectNode o, String name) {
    JsonNode n = field(o, name);
    if (!n.isBoolean()) {
      throw new IllegalArgumentException("field \"" + name + "\" must be true or false");
    }
    return n.booleanValue();
  }

  static long longField(ObjectNode o, String name) {
    JsonNode n = field(o, name);
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new IllegalArgumentException("field \"" + name + "\" must be a whole number, found " + n);
    }
    return n.longValue();
  }

  static int intField(ObjectNode o, String name) {
    long v = longField(o, name);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("field \"" + name + "\" out of range: " + v);
    }
    return (int) v;
  }

  static ArrayNode array(ObjectNode o, String name) {
    JsonNode n = field(o, name);
    if (!n.isArray()) {
      throw new IllegalArgumentException("field \"" + name + "\" must be an array");
    }
    return (ArrayNode) n;
  }

  /** {@code n} as an object; {@code what} names it in the error. */
  static ObjectNode object(JsonNode n, String what) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(what + " must be a JSON object");
    }
    return (ObjectNode) n;
  }

  static <E extends Enum<E>> E enumValue(ObjectNode o, String name, Class<E> type) {
    String text = text(o, name);
    for (E value : type.getEnumConstants()) {
      if (value.name().equals(text)) {
        return value;
      }
    }
    throw new IllegalArgumentException("field \"" + name + "\" must be one of "
        + Arrays.toString(type.getEnumConstants()) + ", got \"" + text + "\"");
  }
}
