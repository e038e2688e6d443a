package io.github.crossarb.polymarket.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Derived API credentials cached in the data directory, one file per wallet
 * ({@code polymarket-api-<address>.json}), readable by the owner only, written atomically
 * (owner-only temp file, then rename). Blocking I/O: call it off the event loop.
 */
public final class CredentialCache {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final Path file;

  public CredentialCache(Path directory, String address) {
    this.file = directory.resolve("polymarket-api-" + address.toLowerCase(Locale.ROOT) + ".json");
  }

  public Path file() {
    return file;
  }

  /** The cached credentials, or empty when there is no (readable, well-formed) cache file. */
  public Optional<ApiCredentials> load() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      return Optional.of(new ApiCredentials(node.path("apiKey").asText(""), node.path("secret").asText(""),
          node.path("passphrase").asText("")));
    } catch (IOException | IllegalArgumentException e) {
      // A damaged cache is not fatal: the key is derived again. Never quote its content.
      return Optional.empty();
    }
  }

  public void save(ApiCredentials credentials) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    String text = JSON.createObjectNode().put("apiKey", credentials.apiKey()).put("secret", credentials.secret())
        .put("passphrase", credentials.passphrase()).toString();
    Path temp = dir.resolve(file.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    try {
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (UnsupportedOperationException e) {
      Files.createFile(temp); // not POSIX (Windows): the directory's ACLs apply
    } catch (FileAlreadyExistsException e) {
      throw new IOException("credential temp file appeared concurrently: " + temp);
    }
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public String toString() {
    return "CredentialCache[" + file + "]";
  }
}
