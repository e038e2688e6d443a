package io.github.crossarb.core.position;

import io.github.crossarb.core.pair.MarketPair;
import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A {@link PositionLedger} kept in a {@link LedgerStore}: what the engine records fills and
 * voids through. Thread-safe.
 *
 * <p>For each entry that changes the ledger: (1) all checks and arithmetic run, (2) the entry is
 * appended to the journal durably, (3) it is applied in memory, (4) the snapshot is rewritten
 * atomically. A crash therefore leaves a snapshot that reflects the whole journal or all of it
 * but the last entry, and {@link #open} repairs the latter. Entries that change nothing
 * (duplicates) write nothing.
 *
 * <p>{@linkplain #open(LedgerStore, Collection, boolean) Opened with a snapshot writer}, step (4)
 * runs on a thread of the ledger's own instead of the caller's: {@link #record} returns once the
 * entry is durable in the journal and applied, and the snapshot is built and written after it,
 * coalesced (several entries recorded meanwhile cost one write). The journal stays the source of
 * truth: a crash leaves a snapshot some entries behind it, which {@link #open} rewrites from the
 * replay just the same. {@link #close} writes the last snapshot before it returns. The engine uses
 * this so that a fill never holds its event loop for the snapshot's JSON and file syncs.
 *
 * <p>If the store fails ({@link IOException}) the journal may or may not hold the entry, so this
 * ledger stops: every later {@link #record} throws {@link IllegalStateException} until the
 * process recovers by opening the store again.
 */
public final class DurableLedger implements Closeable {

  /**
   * What {@link #open} found and did.
   *
   * @param journalEntries entries replayed from the journal
   * @param snapshotEntries journal entries the saved snapshot reflected; -1 if there was none
   * @param discardedTailBytes bytes of a torn last journal entry discarded (crash mid-append)
   * @param snapshotRewritten whether the snapshot was rewritten from the replay
   * @param reason why it was rewritten, or why not
   */
  public record Recovery(
      long journalEntries, long snapshotEntries, long discardedTailBytes, boolean snapshotRewritten, String reason) {
    public Recovery {
      Objects.requireNonNull(reason, "reason");
    }
  }

  private final LedgerStore store;
  private final PositionLedger ledger;
  private final Recovery recovery;
  /** Writes snapshots after {@link #record} returns (one thread: writes never overlap); null: in record. */
  private final ExecutorService snapshotWriter;
  private IOException failure;
  /** The snapshot of the ledger as it is, or null until asked for after a change. */
  private LedgerSnapshot current;
  /** Whether a snapshot write is queued and not yet begun (it will take the snapshot as it is then). */
  private boolean snapshotQueued;
  private boolean closed;

  private DurableLedger(LedgerStore store, PositionLedger ledger, Recovery recovery, boolean writeSnapshotsAfter) {
    this.store = store;
    this.ledger = ledger;
    this.recovery = recovery;
    this.snapshotWriter = !writeSnapshotsAfter ? null : Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "ledger-snapshot");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Recovers the ledger from {@code store}: replays the journal (the source of truth) and, if the
   * saved snapshot is missing, stale or disagrees with the replay, rewrites it.
   *
   * @throws IOException if the journal or the snapshot is unreadable, if a journal entry is
   *     invalid or changes nothing, or if the snapshot reflects more entries than the journal
   *     holds (journal entries were lost: nothing is overwritten)
   */
  public static DurableLedger open(LedgerStore store, Collection<MarketPair> pairs) throws IOException {
    return open(store, pairs, false);
  }

  /**
   * {@link #open(LedgerStore, Collection)}, with the snapshot written after {@link #record} returns
   * on a thread of the ledger's own when {@code writeSnapshotsAfter} (see the class comment).
   */
  public static DurableLedger open(LedgerStore store, Collection<MarketPair> pairs, boolean writeSnapshotsAfter)
      throws IOException {
    List<JournalEntry> journal = store.journal();
    PositionLedger ledger;
    try {
      ledger = PositionLedger.replay(pairs, journal);
    } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
      throw new IOException("cannot replay the positions journal: " + e.getMessage(), e);
    }
    LedgerSnapshot replayed = ledger.snapshot();
    Optional<LedgerSnapshot> saved = store.loadSnapshot();
    long entries = journal.size();
    long savedEntries = saved.map(LedgerSnapshot::journalEntries).orElse(-1L);
    String reason;
    boolean rewrite = true;
    if (saved.isEmpty()) {
      reason = entries == 0 ? "new ledger: snapshot written" : "snapshot missing: rewritten from the journal";
    } else if (savedEntries > entries) {
      throw new IOException("the positions snapshot reflects " + savedEntries + " journal entries but the journal holds only "
          + entries + ": journal entries were lost; refusing to overwrite the snapshot");
    } else if (savedEntries < entries) {
      reason = "snapshot reflected " + savedEntries + " of " + entries + " journal entries"
          + (savedEntries == entries - 1 ? " (crash before the snapshot write)"
              : " (crash before the snapshot write; snapshots written after the journal lag it)")
          + ": rewritten from the journal";
    } else if (!saved.get().equals(replayed)) {
      reason = "snapshot disagreed with the journal replay (pairs changed, or the file was edited): rewritten";
    } else {
      reason = "snapshot matches the journal";
      rewrite = false;
    }
    if (rewrite) {
      store.saveSnapshot(replayed);
    }
    return new DurableLedger(store, ledger,
        new Recovery(entries, savedEntries, store.discardedTailBytes(), rewrite, reason), writeSnapshotsAfter);
  }

  /**
   * Records a fill or a void: checks it, appends it durably, applies it, saves the snapshot.
   *
   * @return whether the ledger changed; false for a duplicate, and then nothing is written
   * @throws IllegalArgumentException if the entry contradicts the pairs (nothing is written)
   * @throws IllegalStateException if the fill id is known with different details, or if the
   *     store failed earlier
   * @throws IOException if the store fails now; this ledger then refuses further entries
   */
  public synchronized boolean record(JournalEntry entry) throws IOException {
    if (failure != null) {
      throw new IllegalStateException("the ledger store failed earlier; recover by reopening it", failure);
    }
    if (closed) {
      throw new IllegalStateException("the ledger is closed");
    }
    PositionLedger.Change change = ledger.plan(entry); // every check and the arithmetic, nothing written
    if (change == null) {
      return false;
    }
    try {
      store.append(entry);
      ledger.commit(change);
      current = null;
      if (snapshotWriter == null) {
        store.saveSnapshot(snapshot());
      } else if (!snapshotQueued) {
        snapshotQueued = true;
        snapshotWriter.execute(this::writeSnapshot);
      }
    } catch (IOException | RuntimeException e) {
      failure = e instanceof IOException io ? io : new IOException(e);
      throw e;
    }
    return true;
  }

  /** On the snapshot writer: writes the ledger as it is now (entries recorded since it was queued included). */
  private void writeSnapshot() {
    LedgerSnapshot latest;
    synchronized (this) {
      snapshotQueued = false;
      if (failure != null) {
        return;
      }
      latest = snapshot();
    }
    try {
      store.saveSnapshot(latest); // outside the lock: record goes on meanwhile; the next write is queued
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        // As in record: the store failed, so this ledger stops; the next record says so.
        failure = e instanceof IOException io ? io : new IOException(e);
      }
    }
  }

  /** The current positions (built once per change: readers such as the engine ask often). */
  public synchronized LedgerSnapshot snapshot() {
    if (current == null) {
      current = ledger.snapshot();
    }
    return current;
  }

  /** What opening found and did. */
  public Recovery recovery() {
    return recovery;
  }

  /** Whether a store failure stopped this ledger. */
  public synchronized boolean failed() {
    return failure != null;
  }

  /**
   * Closes the store; with a snapshot writer, first waits for its queued write and writes the last
   * snapshot, so a clean close leaves the snapshot reflecting the whole journal.
   */
  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (snapshotWriter != null) {
      snapshotWriter.shutdown();
      try {
        if (!snapshotWriter.awaitTermination(30, TimeUnit.SECONDS)) {
          throw new IOException("the positions snapshot writer did not finish within 30 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the positions snapshot was written", e);
      }
    }
    synchronized (this) {
      try {
        if (snapshotWriter != null && failure == null) {
          store.saveSnapshot(snapshot());
        }
      } finally {
        store.close();
      }
    }
  }
}
