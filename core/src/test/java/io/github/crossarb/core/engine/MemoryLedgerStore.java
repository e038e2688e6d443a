package io.github.crossarb.core.engine;

import io.github.crossarb.core.position.JournalEntry;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.position.LedgerStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A ledger store in memory; can be told to fail, as a full disk would. */
final class MemoryLedgerStore implements LedgerStore {
  final List<JournalEntry> entries = new ArrayList<>();
  LedgerSnapshot saved;
  volatile boolean failAppends;

  @Override
  public synchronized List<JournalEntry> journal() {
    return List.copyOf(entries);
  }

  @Override
  public long discardedTailBytes() {
    return 0;
  }

  @Override
  public synchronized Optional<LedgerSnapshot> loadSnapshot() {
    return Optional.ofNullable(saved);
  }

  @Override
  public synchronized void append(JournalEntry entry) throws IOException {
    if (failAppends) {
      throw new IOException("disk full");
    }
    entries.add(entry);
  }

  @Override
  public synchronized void saveSnapshot(LedgerSnapshot snapshot) {
    saved = snapshot;
  }

  @Override
  public void close() {}
}
