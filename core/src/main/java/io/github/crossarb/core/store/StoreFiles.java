package io.github.crossarb.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the registry's files share: strict JSON reading (duplicate keys, trailing tokens, unknown
 * and missing fields are errors); they are replaced with {@link AtomicFile}.
 */
final class StoreFiles {
  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private StoreFiles() {}

  /**
   * The JSON object in {@code file}; empty if the file does not exist.
   *
   * @throws DataFileException if it is not UTF-8, not JSON or not an object
   */
  static Optional<ObjectNode> readObject(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new DataFileException(file, "not UTF-8 text", e);
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DataFileException(file, "not valid JSON" + (line > 0 ? " at line " + line : "") + ": "
          + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " "), e);
    }
    if (node == null || !node.isObject()) {
      throw new DataFileException(file, "not a JSON object", null);
    }
    return Optional.of((ObjectNode) node);
  }

  static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static int version(ObjectNode o, int expected) {
    JsonNode n = o.get("schemaVersion");
    if (n == null || !n.isIntegralNumber()) {
      throw new IllegalArgumentException("field \"schemaVersion\" must be a whole number");
    }
    if (n.asLong() != expected) {
      throw new IllegalArgumentException("unsupported schemaVersion " + n.asText() + " (this version reads "
          + expected + ")");
    }
    return expected;
  }

}
