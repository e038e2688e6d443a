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
import java.util.Map;
import java.util.Optional;

/**
 * Our client order id ↔ Polymarket order hash. The Polymarket wire carries no client id, so the
 * hash (computed locally before sending) stands in for it. Each binding is written ahead to a
 * journal file (one {@code clientOrderId<TAB>hash} line) and forced to disk before the order is
 * sent, so an {@code Unknown} submit can be looked up after a restart too, even after a power cut
 * or an OS crash. Without a file, bindings live in memory only. Journal I/O is blocking: call
 * {@link #bind} off the event loop.
 *
 * <p>Why the force stays on the order path (measured: about 0.15 ms per fdatasync on the benchmark
 * machine): a binding that reached only the page cache survives a process kill but not a power cut;
 * an order whose binding is lost cannot be found by client order id after the restart (the hash
 * covers the order's timestamp, which nothing else records), so the engine could take an order
 * that is live on the venue for one that was never placed. The fill ledger is forced per entry for
 * the same reason. What is kept off the path: the file is opened once and kept open (not opened
 * and closed per order), and the force is an fdatasync ({@code force(false)}: the data and the
 * size that reads it back, not the timestamps).
 *
 * <p>Reading skips a torn last line (a crash mid-write: no newline); the first write after opening
 * such a file cuts it off first, so a later binding is never glued onto it.
 */
public final class OrderBindings {
  private final Path journal;
  private final Map<String, String> hashByClientId = new HashMap<>();
  private final Map<String, String> clientIdByHash = new HashMap<>();
  /** The journal, open for appending from the first bind on (null: not open yet, or after a failure). */
  private FileChannel channel;

  /** @param journal the journal file, or null for memory only */
  public OrderBindings(Path journal) throws IOException {
    this.journal = journal;
    if (journal != null && Files.exists(journal)) {
      String content = Files.readString(journal, StandardCharsets.UTF_8);
      int end = content.lastIndexOf('\n') + 1; // a torn last line (no newline) is skipped: its hash may be cut
      for (String line : content.substring(0, end).split("\n")) {
        int tab = line.indexOf('\t');
        if (tab > 0 && tab < line.length() - 1) {
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

  /**
   * Records that {@code id} is sent as {@code hash}; when journaled, written and forced to disk
   * before it returns (the order must not be sent otherwise).
   */
  public synchronized void bind(ClientOrderId id, String hash) throws IOException {
    if (journal != null) {
      ByteBuffer line = ByteBuffer.wrap((id.value() + "\t" + hash + "\n").getBytes(StandardCharsets.UTF_8));
      try {
        FileChannel out = channel();
        while (line.hasRemaining()) {
          out.write(line);
        }
        out.force(false);
      } catch (IOException | RuntimeException e) {
        closeChannel(); // the next bind reopens, cutting off a torn line first
        throw e;
      }
    }
    put(id.value(), hash);
  }

  private FileChannel channel() throws IOException {
    if (channel != null) {
      return channel;
    }
    Path dir = journal.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    boolean created = !Files.exists(journal);
    if (!created) {
      cutTornTail(journal);
    }
    FileChannel opened = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    try {
      if (created) {
        opened.force(true);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
          d.force(true); // the new file's name, durable too
        } catch (IOException | UnsupportedOperationException e) {
          // some platforms cannot open a directory; the file itself is forced with every line
        }
      }
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
    channel = opened;
    return opened;
  }

  /**
   * Cuts off a last line without its newline (a crash mid-write: that bind never returned, so its
   * order was never sent), so that the next binding starts on a line of its own.
   */
  private static void cutTornTail(Path journal) throws IOException {
    try (FileChannel file = FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = file.size();
      long end = size;
      ByteBuffer one = ByteBuffer.allocate(1);
      while (end > 0) {
        one.clear();
        if (file.read(one, end - 1) != 1) {
          throw new IOException("cannot read " + journal);
        }
        if (one.get(0) == '\n') {
          break;
        }
        end--;
      }
      if (end < size) {
        file.truncate(end);
        file.force(true);
      }
    }
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing left to save: every line written was forced or failed
      }
      channel = null;
    }
  }

  /** Closes the journal (a later bind opens it again). */
  public synchronized void close() {
    closeChannel();
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
