package io.github.crossarb.link.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Strict reading of one JSON object: every field read is typed and checked, and {@link #end()}
 * refuses fields nobody read. Failures are {@link LinkCodecException}s naming the field, never the
 * value.
 */
final class JsonIn {
  private final JsonNode node;
  private final String where;
  private final Set<String> used = new HashSet<>();

  private JsonIn(JsonNode node, String where) {
    this.node = node;
    this.where = where;
  }

  static JsonIn of(JsonNode node, String where) throws LinkCodecException {
    if (node == null || !node.isObject()) {
      throw new LinkCodecException(where + ": expected an object");
    }
    return new JsonIn(node, where);
  }

  String where() {
    return where;
  }

  private JsonNode field(String name, boolean required) throws LinkCodecException {
    used.add(name);
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        throw new LinkCodecException(where + ": missing field " + name);
      }
      return null;
    }
    return value;
  }

  private LinkCodecException wrongType(String name, String expected) {
    return new LinkCodecException(where + ": field " + name + " must be " + expected);
  }

  String str(String name) throws LinkCodecException {
    return text(name, field(name, true));
  }

  /** Absent or null reads as null. */
  String optStr(String name) throws LinkCodecException {
    JsonNode value = field(name, false);
    return value == null ? null : text(name, value);
  }

  private String text(String name, JsonNode value) throws LinkCodecException {
    if (!value.isTextual()) {
      throw wrongType(name, "a string");
    }
    return value.textValue();
  }

  long lng(String name) throws LinkCodecException {
    JsonNode value = field(name, true);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw wrongType(name, "an integer");
    }
    return value.longValue();
  }

  int integer(String name) throws LinkCodecException {
    JsonNode value = field(name, true);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw wrongType(name, "a 32-bit integer");
    }
    return value.intValue();
  }

  boolean bool(String name) throws LinkCodecException {
    JsonNode value = field(name, true);
    if (!value.isBoolean()) {
      throw wrongType(name, "true or false");
    }
    return value.booleanValue();
  }

  JsonIn obj(String name) throws LinkCodecException {
    JsonNode value = field(name, true);
    if (!value.isObject()) {
      throw wrongType(name, "an object");
    }
    return new JsonIn(value, where + "." + name);
  }

  /** Absent or null reads as null. */
  JsonIn optObj(String name) throws LinkCodecException {
    JsonNode value = field(name, false);
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      throw wrongType(name, "an object");
    }
    return new JsonIn(value, where + "." + name);
  }

  private JsonNode array(String name) throws LinkCodecException {
    JsonNode value = field(name, true);
    if (!value.isArray()) {
      throw wrongType(name, "an array");
    }
    return value;
  }

  List<JsonIn> objs(String name) throws LinkCodecException {
    JsonNode array = array(name);
    List<JsonIn> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode element = array.get(i);
      if (!element.isObject()) {
        throw wrongType(name, "an array of objects");
      }
      out.add(new JsonIn(element, where + "." + name + "[" + i + "]"));
    }
    return out;
  }

  List<String> strs(String name) throws LinkCodecException {
    JsonNode array = array(name);
    List<String> out = new ArrayList<>(array.size());
    for (JsonNode element : array) {
      if (!element.isTextual()) {
        throw wrongType(name, "an array of strings");
      }
      out.add(element.textValue());
    }
    return out;
  }

  /** The names of an object-valued field, in order, with their values. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  JsonNode node() {
    return node;
  }

  JsonIn objAt(String key) throws LinkCodecException {
    return obj(key);
  }

  /** Refuses any field that was not read: a sender must not believe it said something we ignored. */
  void end() throws LinkCodecException {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!used.contains(name)) {
        throw new LinkCodecException(where + ": unknown field " + LinkCodecException.quote(name));
      }
    }
  }
}
