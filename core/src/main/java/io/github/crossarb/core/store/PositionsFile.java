package io.github.crossarb.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.core.position.LedgerSnapshot;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code positions.json}: the ledger snapshot, pretty-printed for people ({@code cat} it), with
 * {@code "schemaVersion": 1}, {@code updatedAt} and {@code journalEntries} (how many journal
 * entries it reflects). Money, prices and sizes are decimal strings.
 *
 * <p>Written atomically: to {@value #TEMP_NAME} in the same directory, forced, renamed over the
 * old file ({@code ATOMIC_MOVE}), then the directory is forced. A reader sees the old or the new
 * file, whole.
 */
public final class PositionsFile {
  public static final String FILE_NAME = "positions.json";
  static final String TEMP_NAME = FILE_NAME + ".tmp"; // AtomicFile.replace's temp file

  /** A snapshot read back, with when it was written. */
  public record Saved(LedgerSnapshot snapshot, Instant updatedAt) {
    public Saved {
      Objects.requireNonNull(snapshot, "snapshot");
      Objects.requireNonNull(updatedAt, "updatedAt");
    }
  }

  private PositionsFile() {}

  /** Replaces {@code dataDir/positions.json} atomically with {@code snapshot}. */
  public static void write(Path dataDir, LedgerSnapshot snapshot, Instant updatedAt) throws IOException {
    AtomicFile.replace(dataDir, FILE_NAME, LedgerJson.snapshotDocument(snapshot, updatedAt));
  }

  /**
   * Reads {@code dataDir/positions.json}; empty if there is none.
   *
   * @throws LedgerFileException if it is malformed or of an unknown schema version
   */
  public static Optional<Saved> read(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return Optional.of(parse(file, bytes));
  }

  static Saved parse(Path file, byte[] bytes) throws LedgerFileException {
    ObjectNode object;
    try {
      object = LedgerJson.parseObject(LedgerJson.decodeUtf8(bytes));
    } catch (CharacterCodingException e) {
      throw new LedgerFileException(file, 0, "not UTF-8 text", e);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      throw new LedgerFileException(file, line, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (object == null) {
      throw new LedgerFileException(file, 0, "not a JSON object", null);
    }
    try {
      return LedgerJson.snapshot(object);
    } catch (RuntimeException e) {
      throw new LedgerFileException(file, 0, "bad positions document: " + e.getMessage(), e);
    }
  }
}
