package io.github.crossarb.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only file of JSON objects, one per line, with one writer: what the ledger's
 * {@code fills.jsonl} and the trader's {@code commands.jsonl} share.
 *
 * <p>Opening locks the file (an OS lock: gone with the process however it ends), reads every line
 * and cuts off a torn last line. A crash mid-append leaves one (no newline, or a last line that is
 * not JSON), and it was never acknowledged. Anything wrong before the last line is an error naming
 * the file and line. Each append is forced to stable storage before it returns; a failed append is
 * cut back (best effort) and the journal refuses further appends.
 */
public final class JsonLinesJournal implements Closeable {
  private static final int MAX_LINE_BYTES = 1 << 20;
  private static final int CHUNK = 1 << 16;

  /** Takes one parsed line; a {@link RuntimeException} says the record is bad. */
  @FunctionalInterface
  public interface RecordReader {
    void read(ObjectNode record);
  }

  /** The caller's exception for a bad line. */
  @FunctionalInterface
  public interface LineError {
    IOException at(Path file, long line, String problem, Throwable cause);
  }

  /** How to read a journal: its JSON parser, what its records are called in errors, and its error type. */
  public record Format(JsonMapper mapper, String recordName, LineError error) {}

  /**
   * What reading found.
   *
   * @param validBytes the length of the complete, valid lines, newlines included
   * @param tornTailBytes bytes after them: a torn last line, ignored
   */
  public record Scan(long validBytes, long tornTailBytes) {}

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Scan opened;
  private long end;
  private IOException failure;

  private JsonLinesJournal(Path file, FileChannel channel, FileLock lock, Scan opened) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.opened = opened;
    this.end = opened.validBytes();
  }

  /** Reads {@code file} without changing or locking it; a missing file is empty. */
  public static Scan read(Path file, Format format, RecordReader reader) throws IOException {
    if (!Files.exists(file)) {
      return new Scan(0, 0);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return scan(file, channel, format, reader);
    }
  }

  /**
   * Opens {@code file} for appending, creating it (and its directory) if needed: locks it, hands
   * every record to {@code reader}, and cuts off a torn last line.
   *
   * @param inUse why the file is locked, for the message when another writer holds it
   * @throws IOException if another writer has it open, if it is corrupt (the format's error), or
   *     if it cannot be read
   */
  public static JsonLinesJournal open(Path file, String inUse, Format format, RecordReader reader)
      throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    boolean created = !Files.exists(file);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new IOException(file + " is open in another " + inUse);
      }
      if (created) {
        channel.force(true);
        Durability.syncDirectory(dir);
      }
      Scan scan = scan(file, channel, format, reader);
      if (scan.tornTailBytes() > 0) {
        channel.truncate(scan.validBytes());
        channel.force(true);
      }
      return new JsonLinesJournal(file, channel, lock, scan);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  public Path file() {
    return file;
  }

  /** What the file held when it was opened (before a torn tail was cut off). */
  public Scan opened() {
    return opened;
  }

  /** Appends {@code jsonLine} (one line of JSON, no newline) and forces it to stable storage. */
  public synchronized void append(String jsonLine) throws IOException {
    if (failure != null) {
      throw new IOException("an append to " + file + " failed earlier; reopen the journal", failure);
    }
    if (!channel.isOpen()) {
      throw new IOException(file + " is closed");
    }
    ByteBuffer buffer = ByteBuffer.wrap((jsonLine + "\n").getBytes(StandardCharsets.UTF_8));
    long start = end;
    try {
      long position = start;
      while (buffer.hasRemaining()) {
        position += channel.write(buffer, position);
      }
      channel.force(true);
      end = position;
    } catch (IOException e) {
      failure = e;
      try {
        channel.truncate(start);
        channel.force(true);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } finally {
      channel.close();
    }
  }

  private static Scan scan(Path file, FileChannel channel, Format format, RecordReader reader) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    long position = 0;
    long lineNumber = 0;
    long validBytes = 0;
    long size = channel.size();
    // A complete line that is not valid JSON is torn if nothing follows it, corrupt otherwise.
    IOException unparsable = null;
    while (position < size) {
      buffer.clear();
      int n = channel.read(buffer, position);
      if (n < 0) {
        break;
      }
      position += n;
      buffer.flip();
      while (buffer.hasRemaining()) {
        byte b = buffer.get();
        if (unparsable != null) {
          throw unparsable; // more data after an unparsable line: it was not the last one
        }
        if (b != '\n') {
          if (line.size() >= MAX_LINE_BYTES) {
            throw format.error().at(file, lineNumber + 1, "line longer than " + MAX_LINE_BYTES + " bytes", null);
          }
          line.write(b);
          continue;
        }
        lineNumber++;
        byte[] bytes = line.toByteArray();
        line.reset();
        JsonNode node;
        try {
          node = format.mapper().readTree(LedgerJson.decodeUtf8(bytes));
        } catch (CharacterCodingException | JsonProcessingException e) {
          unparsable = format.error().at(file, lineNumber, "not valid JSON: " + firstLine(e.getMessage()), e);
          continue;
        }
        if (!(node instanceof ObjectNode record)) {
          throw format.error().at(file, lineNumber, "not a JSON object", null);
        }
        try {
          reader.read(record);
        } catch (RuntimeException e) {
          throw format.error().at(file, lineNumber, "bad " + format.recordName() + ": " + firstLine(e.getMessage()), e);
        }
        validBytes += bytes.length + 1;
      }
    }
    return new Scan(validBytes, size - validBytes);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
