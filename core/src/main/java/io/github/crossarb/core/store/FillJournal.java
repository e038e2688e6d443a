package io.github.crossarb.core.store;

import io.github.crossarb.core.position.JournalEntry;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
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
 * and line: never skipped. (The mechanism is {@link JsonLinesJournal}'s.)
 *
 * <p>An open journal holds an exclusive lock on the file: one writer per data directory.
 */
public final class FillJournal implements Closeable {
  public static final String FILE_NAME = "fills.jsonl";
  private static final JsonLinesJournal.Format FORMAT =
      new JsonLinesJournal.Format(LedgerJson.MAPPER, "journal entry", LedgerFileException::new);

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

  private final JsonLinesJournal journal;
  private final Contents contents;
  private long entryCount;

  private FillJournal(JsonLinesJournal journal, Contents contents) {
    this.journal = journal;
    this.contents = contents;
    this.entryCount = contents.entries().size();
  }

  /** Reads {@code file} without changing it; a missing file is an empty journal. */
  public static Contents read(Path file) throws IOException {
    List<JournalEntry> entries = new ArrayList<>();
    JsonLinesJournal.Scan scan = JsonLinesJournal.read(file, FORMAT, record -> entries.add(LedgerJson.entry(record)));
    return new Contents(entries, scan.validBytes(), scan.tornTailBytes());
  }

  /**
   * Opens (creating if needed) the journal of {@code dataDir} for appending: locks it, reads it,
   * and cuts off a torn last line.
   *
   * @throws IOException if another process has it open, or if it is corrupt
   */
  public static FillJournal open(Path dataDir) throws IOException {
    List<JournalEntry> entries = new ArrayList<>();
    JsonLinesJournal journal = JsonLinesJournal.open(dataDir.resolve(FILE_NAME),
        "process (or elsewhere in this one): one writer per data directory", FORMAT,
        record -> entries.add(LedgerJson.entry(record)));
    JsonLinesJournal.Scan scan = journal.opened();
    return new FillJournal(journal, new Contents(entries, scan.validBytes(), scan.tornTailBytes()));
  }

  /** The journal file. */
  public Path file() {
    return journal.file();
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
    journal.append(LedgerJson.entryLine(entry));
    entryCount++;
  }

  @Override
  public synchronized void close() throws IOException {
    journal.close();
  }
}
