package io.github.crossarb.core.store;

import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.position.DurableLedger;
import io.github.crossarb.core.position.JournalEntry;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.position.LedgerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger store of a data directory: {@code fills.jsonl} ({@link FillJournal}, the source of
 * truth) and {@code positions.json} ({@link PositionsFile}, derived). One process at a time: the
 * journal is locked while the store is open.
 */
public final class JsonLedgerStore implements LedgerStore {
  private final Path dataDir;
  private final Clock clock;
  private final FillJournal journal;

  private JsonLedgerStore(Path dataDir, Clock clock, FillJournal journal) {
    this.dataDir = dataDir;
    this.clock = clock;
    this.journal = journal;
  }

  /** Opens the store of {@code dataDir}, creating the directory if needed. */
  public static JsonLedgerStore open(Path dataDir) throws IOException {
    return open(dataDir, Clock.systemUTC());
  }

  /** Opens the store of {@code dataDir}; {@code clock} stamps {@code updatedAt}. */
  public static JsonLedgerStore open(Path dataDir, Clock clock) throws IOException {
    Objects.requireNonNull(clock, "clock");
    if (!Files.isDirectory(dataDir)) {
      Files.createDirectories(dataDir);
      Path parent = dataDir.toAbsolutePath().getParent();
      if (parent != null) {
        Durability.syncDirectory(parent);
      }
    }
    FillJournal journal = FillJournal.open(dataDir); // locks: nobody else writes below
    try {
      Files.deleteIfExists(dataDir.resolve(PositionsFile.TEMP_NAME)); // left by a crash mid-write
    } catch (IOException | RuntimeException e) {
      journal.close();
      throw e;
    }
    return new JsonLedgerStore(dataDir, clock, journal);
  }

  /**
   * Opens the store of {@code dataDir} and recovers the ledger from it: the journal is replayed,
   * and {@code positions.json} is rewritten if it is missing, stale or disagrees ({@link
   * DurableLedger#recovery()} says which). Close the returned ledger to release the directory.
   */
  public static DurableLedger recover(Path dataDir, Collection<MarketPair> pairs) throws IOException {
    return recover(dataDir, pairs, Clock.systemUTC());
  }

  /** As {@link #recover(Path, Collection)}, with {@code clock} stamping {@code updatedAt}. */
  public static DurableLedger recover(Path dataDir, Collection<MarketPair> pairs, Clock clock) throws IOException {
    JsonLedgerStore store = open(dataDir, clock);
    try {
      return DurableLedger.open(store, pairs);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public List<JournalEntry> journal() {
    return journal.contents().entries();
  }

  @Override
  public long discardedTailBytes() {
    return journal.contents().tornTailBytes();
  }

  @Override
  public Optional<LedgerSnapshot> loadSnapshot() throws IOException {
    return PositionsFile.read(dataDir).map(PositionsFile.Saved::snapshot);
  }

  @Override
  public void append(JournalEntry entry) throws IOException {
    journal.append(entry);
  }

  @Override
  public void saveSnapshot(LedgerSnapshot snapshot) throws IOException {
    PositionsFile.write(dataDir, snapshot, clock.instant());
  }

  @Override
  public void close() throws IOException {
    journal.close();
  }
}
