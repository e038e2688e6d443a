package io.github.crossarb.polymarket.internal;

import io.github.crossarb.core.model.ClientOrderId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our client order id ↔ Polymarket order hash. The Polymarket wire carries no client id, so the
 * hash (computed locally before sending) stands in for it. Each binding is written ahead to a
 * journal file (one {@code clientOrderId<TAB>hash} line, forced to disk) before the order is sent,
 * so an {@code Unknown} submit can be looked up after a restart too. Without a file, bindings live
 * in memory only. Journal I/O is blocking: call {@link #bind} off the event loop.
 */
public final class OrderBindings {
  private final Path journal;
  private final Map<String, String> hashByClientId = new HashMap<>();
  private final Map<String, String> clientIdByHash = new HashMap<>();

  /** @param journal the journal file, or null for memory only */
  public OrderBindings(Path journal) throws IOException {
    this.journal = journal;
    if (journal != null && Files.exists(journal)) {
      List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
      for (String line : lines) {
        int tab = line.indexOf('\t');
        if (tab > 0 && tab < line.length() - 1) { // a torn last line is skipped
          put(line.substring(0, tab), line.substring(tab + 1).strip());
        }
      }
    }
  }

  /**
   * A salt derived from the client order id: below 2^53 (it travels as a JSON number), and the
   * same for the same id, so an order rebuilt from the same request and timestamp hashes the same.
   */
  public static long saltFor(ClientOrderId id) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("crossarb/polymarket/salt/" + id.value()).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong() & ((1L << 53) - 1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** Records that {@code id} is sent as {@code hash}; durable before it returns when journaled. */
  public synchronized void bind(ClientOrderId id, String hash) throws IOException {
    if (journal != null) {
      Files.createDirectories(journal.toAbsolutePath().getParent());
      try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        channel.write(ByteBuffer.wrap((id.value() + "\t" + hash + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
    }
    put(id.value(), hash);
  }

  public synchronized Optional<String> hashOf(ClientOrderId id) {
    return Optional.ofNullable(hashByClientId.get(id.value()));
  }

  public synchronized Optional<ClientOrderId> clientIdOf(String hash) {
    String id = clientIdByHash.get(hash.toLowerCase(java.util.Locale.ROOT));
    return id == null ? Optional.empty() : Optional.of(new ClientOrderId(id));
  }

  private void put(String clientId, String hash) {
    String h = hash.toLowerCase(java.util.Locale.ROOT);
    hashByClientId.put(clientId, h);
    clientIdByHash.put(h, clientId);
  }
}
