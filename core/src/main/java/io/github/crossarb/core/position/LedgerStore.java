package io.github.crossarb.core.position;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where the ledger is persisted: an append-only journal of entries (the source of truth) and a
 * snapshot of the positions derived from it (for people and quick checks). Use it through
 * {@link DurableLedger}, which keeps the order that makes a crash harmless: each entry is
 * appended durably first, the snapshot rewritten after. A store is used by one process at a time.
 */
public interface LedgerStore extends Closeable {

  /**
   * The journal as it was when the store was opened, in order. A torn last entry (a crash
   * mid-append) is not part of it.
   *
   * @throws IOException if the journal is unreadable or corrupt before its last entry
   */
  List<JournalEntry> journal() throws IOException;

  /** Bytes of a torn last entry discarded when the store was opened; 0 if none. */
  long discardedTailBytes();

  /** The saved snapshot, or empty if none was ever saved. */
  Optional<LedgerSnapshot> loadSnapshot() throws IOException;

  /** Appends {@code entry} to the journal; it is on stable storage when this returns. */
  void append(JournalEntry entry) throws IOException;

  /** Replaces the saved snapshot atomically: a reader sees the old one or the new one, whole. */
  void saveSnapshot(LedgerSnapshot snapshot) throws IOException;
}
