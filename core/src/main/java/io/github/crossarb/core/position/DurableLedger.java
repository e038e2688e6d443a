package io.github.crossarb.core.position;

import io.github.crossarb.core.pair.MarketPair;
import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
  private IOException failure;
  /** The snapshot of the ledger as it is, or null until asked for after a change. */
  private LedgerSnapshot current;

  private DurableLedger(LedgerStore store, PositionLedger ledger, Recovery recovery) {
    this.store = store;
    this.ledger = ledger;
    this.recovery = recovery;
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
          + (savedEntries == entries - 1 ? " (crash before the snapshot write)" : " (more than one behind: unexpected)")
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
        new Recovery(entries, savedEntries, store.discardedTailBytes(), rewrite, reason));
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
    PositionLedger.Change change = ledger.plan(entry); // every check and the arithmetic, nothing written
    if (change == null) {
      return false;
    }
    try {
      store.append(entry);
      ledger.commit(change);
      current = ledger.snapshot();
      store.saveSnapshot(current);
    } catch (IOException | RuntimeException e) {
      failure = e instanceof IOException io ? io : new IOException(e);
      throw e;
    }
    return true;
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

  @Override
  public synchronized void close() throws IOException {
    store.close();
  }
}
