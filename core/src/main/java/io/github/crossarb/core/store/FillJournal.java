package io.github.crossarb.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.core.position.JournalEntry;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The append-only journal {@code fills.jsonl}: one JSON object per line, {@code "type"} {@code
 * "fill"} or {@code "void"}, each with {@code "schemaVersion"}. An append returns only once the
 * line is on stable storage ({@link FileChannel#force(boolean) force(true)}).
 *
 * <p>A crash mid-append can leave a torn last line: bytes after the last newline, or a last line
 * that is not valid JSON. It was never acknowledged, so reading ignores it and opening for append
 * cuts it off. Anything wrong before the last line is corruption and an error naming the file
 * and line: never skipped.
 *
 * <p>An open journal holds an exclusive lock on the file: one writer per data directory.
 */
public final class FillJournal implements Closeable {
  public static final String FILE_NAME = "fills.jsonl";
  private static final int MAX_LINE_BYTES = 1 << 20;
  private static final int CHUNK = 1 << 16;

  /**
   * What reading the journal found.
   *
   * @param entries the entries of the complete, valid lines, in order
   * @param validBytes the length of those lines, newlines included
   * @param tornTailBytes bytes after them: a torn last line, ignored
   */
  public record Contents(List<JournalEntry> entries, long validBytes, long tornTailBytes) {
    public Contents {
      entries = List.copyOf(entries);
    }
  }

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Contents contents;
  private long end;
  private long entryCount;
  private IOException failure;

  private FillJournal(Path file, FileChannel channel, FileLock lock, Contents contents) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.contents = contents;
    this.end = contents.validBytes();
    this.entryCount = contents.entries().size();
  }

  /** Reads {@code file} without changing it; a missing file is an empty journal. */
  public static Contents read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new Contents(List.of(), 0, 0);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return scan(file, channel);
    }
  }

  /**
   * Opens (creating if needed) the journal of {@code dataDir} for appending: locks it, reads it,
   * and cuts off a torn last line.
   *
   * @throws IOException if another process has it open, or if it is corrupt
   */
  public static FillJournal open(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    boolean created = !Files.exists(file);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new IOException(file + " is open in another process (or elsewhere in this one): one writer per data directory");
      }
      if (created) {
        channel.force(true);
        Durability.syncDirectory(dataDir);
      }
      Contents contents = scan(file, channel);
      if (contents.tornTailBytes() > 0) {
        channel.truncate(contents.validBytes());
        channel.force(true);
      }
      return new FillJournal(file, channel, lock, contents);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The journal file. */
  public Path file() {
    return file;
  }

  /** What was in the journal when it was opened (before a torn tail was cut off). */
  public Contents contents() {
    return contents;
  }

  /** Entries in the journal now: those read at opening plus those appended since. */
  public synchronized long entryCount() {
    return entryCount;
  }

  /**
   * Appends {@code entry} as one line and forces it to stable storage. If that fails the journal
   * is cut back to its previous length (best effort) and refuses further appends.
   */
  public synchronized void append(JournalEntry entry) throws IOException {
    Objects.requireNonNull(entry, "entry");
    if (failure != null) {
      throw new IOException("an append to " + file + " failed earlier; reopen the journal", failure);
    }
    if (!channel.isOpen()) {
      throw new IOException(file + " is closed");
    }
    ByteBuffer buffer = ByteBuffer.wrap((LedgerJson.entryLine(entry) + "\n").getBytes(StandardCharsets.UTF_8));
    long start = end;
    try {
      long position = start;
      while (buffer.hasRemaining()) {
        position += channel.write(buffer, position);
      }
      channel.force(true);
      end = position;
      entryCount++;
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

  // ------------------------------------------------------------------------------- reading

  private static Contents scan(Path file, FileChannel channel) throws IOException {
    List<JournalEntry> entries = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    long position = 0;
    long lineNumber = 0;
    long validBytes = 0;
    long size = channel.size();
    // A complete line that is not valid JSON is torn if nothing follows it, corrupt otherwise.
    LedgerFileException unparsable = null;
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
            throw new LedgerFileException(file, lineNumber + 1, "line longer than " + MAX_LINE_BYTES + " bytes", null);
          }
          line.write(b);
          continue;
        }
        lineNumber++;
        byte[] bytes = line.toByteArray();
        line.reset();
        ObjectNode object;
        try {
          object = LedgerJson.parseObject(LedgerJson.decodeUtf8(bytes));
        } catch (CharacterCodingException | JsonProcessingException e) {
          unparsable = new LedgerFileException(file, lineNumber, "not valid JSON: " + oneLine(e.getMessage()), e);
          continue;
        }
        if (object == null) {
          throw new LedgerFileException(file, lineNumber, "not a JSON object", null);
        }
        try {
          entries.add(LedgerJson.entry(object));
        } catch (RuntimeException e) {
          throw new LedgerFileException(file, lineNumber, "bad journal entry: " + e.getMessage(), e);
        }
        validBytes += bytes.length + 1;
      }
    }
    return new Contents(entries, validBytes, size - validBytes);
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
