package io.github.crossarb.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EventSink;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail {@code events.jsonl}: one JSON object per line per {@link EngineEvent}, appended
 * in the order emitted: {@code "time"}, {@code "type"} (the record's name in snake_case, e.g. {@code
 * order_sent}), then the record's fields by name, nested objects for the opportunity, the order, the
 * submit result (with its {@code "kind"}: accepted, rejected, denied, unknown), the fill and the
 * void. Money, prices and sizes are decimal strings, never JSON numbers. {@link #read} reads it
 * back.
 *
 * <p>Each line is handed to the operating system as it is emitted (no buffer in this process, so a
 * crash of the process loses nothing); it is forced to stable storage at most every {@code
 * syncInterval}, when a line is written after that long, on {@link #sync()} and on {@link #close()}.
 * The audit trail is not the ledger ({@code fills.jsonl} is, and is forced on every entry): losing
 * the last second of events to a power cut is the price of not stalling the engine on every line.
 * Forcing happens only when a line is written, so an owner that goes quiet should call {@link
 * #sync()} from a periodic timer (every {@code syncInterval}) to bound the loss then too.
 *
 * <p>{@link #emit} never throws: the engine must not stop because its log cannot be written. The
 * first failure is passed once to {@code onFailure} (one line, for an alert); the partial line is
 * cut off when possible and later events are still attempted, the failures counted.
 *
 * <p>Opening cuts off a torn last line (a crash mid-write) so that every line stays whole.
 */
public final class EventLog implements EventSink, Closeable {
  public static final String FILE_NAME = "events.jsonl";
  /** How often lines are forced to disk by default. */
  public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofSeconds(1);
  /** How much of the end {@link #readLast} reads first (doubled until the events asked for fit). */
  private static final long TAIL_WINDOW = 64 * 1024;

  private static final Logger LOG = Logger.getLogger(EventLog.class.getName());

  private final Path file;
  private final FileChannel channel;
  private final long syncIntervalNanos;
  private final Consumer<String> onFailure;
  private final LongSupplier nanoTime;
  private long end;
  private long lastSync;
  private boolean dirty;
  private long written;
  private long failures;
  private long syncs;
  private boolean closed;

  private EventLog(Path file, FileChannel channel, long end, Duration syncInterval, Consumer<String> onFailure,
      LongSupplier nanoTime) {
    this.file = file;
    this.channel = channel;
    this.end = end;
    this.syncIntervalNanos = syncInterval.toNanos();
    this.onFailure = onFailure;
    this.nanoTime = nanoTime;
    this.lastSync = nanoTime.getAsLong();
  }

  /** Opens (creating if needed) {@code dataDir/events.jsonl} for appending. */
  public static EventLog openIn(Path dataDir, Duration syncInterval, Consumer<String> onFailure) throws IOException {
    return open(dataDir.resolve(FILE_NAME), syncInterval, onFailure);
  }

  /**
   * Opens (creating if needed) {@code file} for appending, cutting off a torn last line.
   *
   * @param syncInterval the longest a written line waits to be forced to disk (zero: every line)
   * @param onFailure told once, with a one-line message, when a line cannot be written
   */
  public static EventLog open(Path file, Duration syncInterval, Consumer<String> onFailure) throws IOException {
    return open(file, syncInterval, onFailure, System::nanoTime);
  }

  static EventLog open(Path file, Duration syncInterval, Consumer<String> onFailure, LongSupplier nanoTime)
      throws IOException {
    Objects.requireNonNull(onFailure, "onFailure");
    if (syncInterval.isNegative()) {
      throw new IllegalArgumentException("sync interval must not be negative: " + syncInterval);
    }
    boolean created = !Files.exists(file);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      long end = wholeLinesEnd(channel);
      if (end < channel.size()) {
        channel.truncate(end);
        channel.force(true);
      }
      if (created) {
        channel.force(true);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
          Durability.syncDirectory(dir);
        }
      }
      return new EventLog(file, channel, end, syncInterval, onFailure, nanoTime);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Where the whole lines end: just after the last newline, or 0. */
  private static long wholeLinesEnd(FileChannel channel) throws IOException {
    long size = channel.size();
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    long position = size;
    while (position > 0) {
      int length = (int) Math.min(buffer.capacity(), position);
      position -= length;
      buffer.clear().limit(length);
      int read = 0;
      while (read < length) {
        int n = channel.read(buffer, position + read);
        if (n < 0) {
          throw new IOException("file shrank while reading");
        }
        read += n;
      }
      for (int i = length - 1; i >= 0; i--) {
        if (buffer.get(i) == '\n') {
          return position + i + 1;
        }
      }
    }
    return 0;
  }

  public Path file() {
    return file;
  }

  /** Appends one line for {@code event}; never throws. */
  @Override
  public synchronized void emit(EngineEvent event) {
    if (closed) {
      fail("event log " + file + " is closed; event dropped: " + (event == null ? "null" : EventJson.typeOf(event.getClass())), null);
      return;
    }
    byte[] bytes;
    try {
      bytes = (EventJson.line(event) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (RuntimeException e) { // a bug in an event's JSON form: lose the line, not the engine
      fail("cannot write an event to " + file + ": " + e, e);
      return;
    }
    long start = end;
    try {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      long position = start;
      while (buffer.hasRemaining()) {
        position += channel.write(buffer, position);
      }
      end = position;
      written++;
      dirty = true;
    } catch (IOException | RuntimeException e) {
      try {
        channel.truncate(start); // keep every line whole
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      fail("cannot write to " + file + ": " + e, e);
      return;
    }
    if (nanoTime.getAsLong() - lastSync >= syncIntervalNanos) {
      sync();
    }
  }

  /** Forces the lines written so far to stable storage; never throws. */
  public synchronized void sync() {
    if (closed || !dirty) {
      return;
    }
    try {
      channel.force(false);
      dirty = false;
      syncs++;
      lastSync = nanoTime.getAsLong();
    } catch (IOException | RuntimeException e) {
      fail("cannot force " + file + " to disk: " + e, e);
    }
  }

  /** Lines written since opening. */
  public synchronized long written() {
    return written;
  }

  /** Writes (or syncs) that failed since opening. */
  public synchronized long failures() {
    return failures;
  }

  /** Times the file was forced to disk since opening (for tests). */
  synchronized long syncs() {
    return syncs;
  }

  private void fail(String message, Exception cause) {
    failures++;
    String line = message.replace('\n', ' ');
    if (failures == 1) {
      LOG.log(Level.WARNING, line, cause);
      try {
        onFailure.accept(line);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "the event log's failure callback failed", e);
      }
    }
  }

  /** Forces what was written and closes the file. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      if (dirty) {
        channel.force(false);
        syncs++;
        dirty = false;
      }
    } finally {
      closed = true;
      channel.close();
    }
  }

  // -------------------------------------------------------------------------------- reading

  /**
   * Reads every event of {@code file}, in order; a missing file has none. A torn last line (no
   * newline, or not valid JSON, with nothing after it) is ignored, as the writer would cut it off.
   *
   * @throws LedgerFileException naming the line if any other line is not a valid event
   */
  public static List<EngineEvent> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new ArrayList<>();
    }
    return parse(file, Files.readAllBytes(file), 1);
  }

  /**
   * The last {@code count} events of {@code file} (fewer if it holds fewer), reading only as much
   * of its end as they need: the log grows for as long as the controller runs, and a status view
   * wants its tail, not the whole history.
   *
   * @throws LedgerFileException if one of the lines read is not a valid event (line numbers are
   *     then unknown: 0)
   */
  public static List<EngineEvent> readLast(Path file, int count) throws IOException {
    if (count <= 0 || !Files.exists(file)) {
      return new ArrayList<>();
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      for (long window = TAIL_WINDOW; ; window *= 2) {
        long start = Math.max(0, size - window);
        ByteBuffer buffer = ByteBuffer.allocate((int) (size - start));
        while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) >= 0) {
          // reads until the window is full (the file only grows meanwhile)
        }
        byte[] bytes = buffer.array();
        int from = 0;
        if (start > 0) {
          // Drop the partial first line; a newline byte never occurs inside a UTF-8 character.
          while (from < bytes.length && bytes[from] != '\n') {
            from++;
          }
          from++;
        }
        List<EngineEvent> events = parse(file, java.util.Arrays.copyOfRange(bytes, Math.min(from, bytes.length),
            bytes.length), start == 0 ? 1 : 0);
        if (events.size() >= count || start == 0) {
          return new ArrayList<>(events.subList(Math.max(0, events.size() - count), events.size()));
        }
      }
    }
  }

  /** The events in {@code bytes}, whole lines of {@code file} from line {@code firstLine} (0: unknown). */
  private static List<EngineEvent> parse(Path file, byte[] bytes, int firstLine) throws IOException {
    List<EngineEvent> events = new ArrayList<>();
    String content;
    try {
      content = LedgerJson.decodeUtf8(bytes);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new LedgerFileException(file, 0, "not UTF-8 text", e);
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new java.io.StringReader(content))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
    boolean lastLineWhole = content.endsWith("\n");
    for (int i = 0; i < lines.size(); i++) {
      boolean last = i == lines.size() - 1;
      if (last && !lastLineWhole) {
        break; // torn: never completed
      }
      int lineNumber = firstLine == 0 ? 0 : firstLine + i;
      String line = lines.get(i);
      JsonNode node;
      try {
        node = EventJson.MAPPER.readTree(line);
      } catch (JsonProcessingException e) {
        if (last) {
          break; // a torn tail that happens to end in a newline
        }
        throw new LedgerFileException(file, lineNumber, "not valid JSON: " + e.getOriginalMessage(), e);
      }
      if (node == null || !node.isObject()) {
        throw new LedgerFileException(file, lineNumber, "not a JSON object", null);
      }
      try {
        events.add(EventJson.event((ObjectNode) node));
      } catch (RuntimeException e) {
        throw new LedgerFileException(file, lineNumber, "bad event: " + e.getMessage(), e);
      }
    }
    return events;
  }
}
