package io.github.crossarb.cli.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.config.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The daemon's control files in {@code $ARB_DATA_DIR}: {@code control.json} (pid, port, start
 * time, version) and {@code control.token} (the bearer token alone, 64 hex digits = 32 random
 * bytes). Both are written owner-only (0600) and atomically (temp file, fsync, rename), so a
 * reader sees the old file or the new one, never half of one; they are removed on a clean exit.
 * A file left by a daemon that died is stale: the engine lock tells ({@link EngineLock#isHeld}).
 */
public final class ControlFiles {
  public static final String INFO_FILE = "control.json";
  public static final String TOKEN_FILE = "control.token";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ControlFiles() {}

  /** A fresh bearer token: 32 random bytes as 64 lowercase hex digits. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Writes both files (the token first: a reader that finds control.json finds the token). */
  public static void write(Path dataDir, ControlInfo info, String token) throws IOException {
    writeOwnerOnly(dataDir.resolve(TOKEN_FILE), token);
    ObjectNode json = MAPPER.createObjectNode();
    json.put("pid", info.pid());
    json.put("port", info.port());
    json.put("startedAt", info.startedAt().toString());
    json.put("version", info.version());
    writeOwnerOnly(dataDir.resolve(INFO_FILE), MAPPER.writeValueAsString(json) + "\n");
  }

  /** control.json, or empty when it is missing, unreadable or not in the known format. */
  public static Optional<ControlInfo> readInfo(Path dataDir) {
    try {
      JsonNode json = MAPPER.readTree(Files.readString(dataDir.resolve(INFO_FILE), StandardCharsets.UTF_8));
      if (json == null || json.path("version").asInt() != ControlInfo.VERSION || !json.path("pid").canConvertToLong()
          || !json.path("port").canConvertToInt() || !json.path("startedAt").isTextual()) {
        return Optional.empty();
      }
      return Optional.of(new ControlInfo(json.get("pid").asLong(), json.get("port").asInt(),
          Instant.parse(json.get("startedAt").asText()), ControlInfo.VERSION));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** control.token's token, or empty when missing or unreadable. */
  public static Optional<String> readToken(Path dataDir) {
    try {
      String token = Files.readString(dataDir.resolve(TOKEN_FILE), StandardCharsets.US_ASCII).strip();
      return token.isEmpty() ? Optional.empty() : Optional.of(token);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Removes both files, if present (control.json first: without it nobody looks for the token). */
  public static void delete(Path dataDir) {
    for (String name : new String[] {INFO_FILE, TOKEN_FILE}) {
      try {
        Files.deleteIfExists(dataDir.resolve(name));
      } catch (IOException e) {
        throw new ConfigException("cannot remove " + dataDir.resolve(name) + ": " + e.getMessage(), e);
      }
    }
  }

  /** Writes {@code text} to {@code target} owner-only (0600 where POSIX), atomically: temp file, fsync, rename. */
  public static void writeOwnerOnly(Path target, String text) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path temp = posix
        ? Files.createTempFile(dir, "." + target.getFileName(), ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (NoSuchFileException e) {
        // Moved.
      }
    }
    if (posix) {
      try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
        directory.force(true);
      } catch (IOException e) {
        // Some file systems cannot sync a directory; the rename itself is atomic.
      }
    }
  }
}
