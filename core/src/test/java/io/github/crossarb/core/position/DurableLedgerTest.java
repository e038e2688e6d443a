package io.github.crossarb.core.position;

import static io.github.crossarb.core.position.LedgerFixtures.K_FED;
import static io.github.crossarb.core.position.LedgerFixtures.PAIRS;
import static io.github.crossarb.core.position.LedgerFixtures.P_FED_YES;
import static io.github.crossarb.core.position.LedgerFixtures.T0;
import static io.github.crossarb.core.position.LedgerFixtures.buy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.VenueId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurableLedgerTest {

  /** A store in memory that records the order of writes and can fail on demand. */
  static class MemoryStore implements LedgerStore {
    final List<JournalEntry> journal = new ArrayList<>();
    volatile LedgerSnapshot snapshot;
    final List<String> writes = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile boolean failAppend;
    volatile boolean failSave;

    @Override
    public synchronized List<JournalEntry> journal() {
      return List.copyOf(journal);
    }

    @Override
    public long discardedTailBytes() {
      return 0;
    }

    @Override
    public synchronized Optional<LedgerSnapshot> loadSnapshot() {
      return Optional.ofNullable(snapshot);
    }

    @Override
    public synchronized void append(JournalEntry entry) throws IOException {
      if (failAppend) {
        throw new IOException("disk full");
      }
      journal.add(entry);
      writes.add("append " + entry.fillId());
    }

    @Override
    public synchronized void saveSnapshot(LedgerSnapshot s) throws IOException {
      if (failSave) {
        throw new IOException("disk full");
      }
      snapshot = s;
      writes.add("save " + s.journalEntries());
    }

    @Override
    public void close() {}
  }

  private final Fill a = buy("a", K_FED, Outcome.YES, "10", "0.40", "0.07");
  private final Fill b = buy("b", K_FED, Outcome.NO, "10", "0.55", "0.07");

  @Test
  void appendsThenSavesAndWritesNothingForDuplicates() throws IOException {
    MemoryStore store = new MemoryStore();
    DurableLedger ledger = DurableLedger.open(store, PAIRS);
    assertThat(ledger.recovery().reason()).contains("new ledger");
    assertThat(ledger.record(a)).isTrue();
    assertThat(ledger.record(a)).isFalse();
    assertThat(ledger.record(new FillVoid(VenueId.KALSHI, "a", T0))).isTrue();
    assertThat(ledger.record(new FillVoid(VenueId.KALSHI, "a", T0))).isFalse();
    assertThat(store.writes).containsExactly("save 0", "append a", "save 1", "append a", "save 2");
    assertThat(store.snapshot).isEqualTo(ledger.snapshot());
  }

  @Test
  void anInvalidEntryWritesNothing() throws IOException {
    MemoryStore store = new MemoryStore();
    DurableLedger ledger = DurableLedger.open(store, PAIRS);
    assertThatThrownBy(() -> ledger.record(buy("p", P_FED_YES, Outcome.NO, "1", "0.5", "0")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.journal).isEmpty();
    assertThat(ledger.record(a)).as("still usable").isTrue();
  }

  @Test
  void recoversAStaleSnapshotAndReportsIt() throws IOException {
    MemoryStore store = new MemoryStore();
    store.journal.addAll(List.of(a, b));
    store.snapshot = PositionLedger.replay(PAIRS, List.of(a)).snapshot(); // crash before the last save
    DurableLedger ledger = DurableLedger.open(store, PAIRS);
    DurableLedger.Recovery r = ledger.recovery();
    assertThat(r.snapshotRewritten()).isTrue();
    assertThat(r.journalEntries()).isEqualTo(2);
    assertThat(r.snapshotEntries()).isEqualTo(1);
    assertThat(r.reason()).contains("1 of 2").contains("crash before the snapshot write");
    assertThat(store.snapshot).isEqualTo(PositionLedger.replay(PAIRS, List.of(a, b)).snapshot());

    DurableLedger again = DurableLedger.open(store, PAIRS);
    assertThat(again.recovery().snapshotRewritten()).isFalse();
    assertThat(again.recovery().reason()).isEqualTo("snapshot matches the journal");
  }

  @Test
  void rewritesAMissingOrDisagreeingSnapshot() throws IOException {
    MemoryStore store = new MemoryStore();
    store.journal.add(a);
    assertThat(DurableLedger.open(store, PAIRS).recovery().reason()).contains("missing");
    store.snapshot = PositionLedger.replay(PAIRS, List.of(b)).snapshot(); // same count, other content
    DurableLedger.Recovery r = DurableLedger.open(store, PAIRS).recovery();
    assertThat(r.snapshotRewritten()).isTrue();
    assertThat(r.reason()).contains("disagreed");
    assertThat(store.snapshot).isEqualTo(PositionLedger.replay(PAIRS, List.of(a)).snapshot());
  }

  @Test
  void refusesToOverwriteASnapshotAheadOfTheJournal() {
    MemoryStore store = new MemoryStore();
    store.journal.add(a);
    LedgerSnapshot ahead = PositionLedger.replay(PAIRS, List.of(a, b)).snapshot();
    store.snapshot = ahead;
    assertThatThrownBy(() -> DurableLedger.open(store, PAIRS))
        .isInstanceOf(IOException.class).hasMessageContaining("journal entries were lost");
    assertThat(store.snapshot).isSameAs(ahead);
  }

  @Test
  void anUnreplayableJournalIsAnError() {
    MemoryStore store = new MemoryStore();
    store.journal.addAll(List.of(a, a));
    assertThatThrownBy(() -> DurableLedger.open(store, PAIRS))
        .isInstanceOf(IOException.class).hasMessageContaining("journal entry 2");
  }

  @Test
  void aFailedAppendStopsTheLedger() throws IOException {
    MemoryStore store = new MemoryStore();
    DurableLedger ledger = DurableLedger.open(store, PAIRS);
    store.failAppend = true;
    assertThatThrownBy(() -> ledger.record(a)).isInstanceOf(IOException.class);
    assertThat(ledger.failed()).isTrue();
    assertThat(ledger.snapshot().fills()).as("not applied").isZero();
    store.failAppend = false;
    assertThatThrownBy(() -> ledger.record(b)).isInstanceOf(IllegalStateException.class).hasMessageContaining("failed earlier");
    assertThat(store.journal).isEmpty();
  }

  @Test
  void aFailedSaveKeepsTheJournaledEntryAndStopsTheLedger() throws IOException {
    MemoryStore store = new MemoryStore();
    DurableLedger ledger = DurableLedger.open(store, PAIRS);
    store.failSave = true;
    assertThatThrownBy(() -> ledger.record(a)).isInstanceOf(IOException.class);
    assertThat(ledger.snapshot().fills()).as("journaled, so applied").isEqualTo(1);
    assertThatThrownBy(() -> ledger.record(b)).isInstanceOf(IllegalStateException.class);
    store.failSave = false;
    DurableLedger recovered = DurableLedger.open(store, PAIRS);
    assertThat(recovered.recovery().reason()).contains("0 of 1");
    assertThat(recovered.snapshot()).isEqualTo(ledger.snapshot());
  }

  // ---- snapshots written after record (the engine's mode)

  /** A store whose snapshot writes wait at a gate, so a test can hold one in progress. */
  static final class GatedStore extends MemoryStore {
    final java.util.concurrent.Semaphore entered = new java.util.concurrent.Semaphore(0);
    final java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
    volatile boolean gated;

    @Override
    public void saveSnapshot(LedgerSnapshot s) throws IOException {
      if (gated) {
        entered.release();
        try {
          if (!open.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IOException("test gate never opened");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
      super.saveSnapshot(s);
    }
  }

  @Test
  void withASnapshotWriterRecordReturnsOnceJournaledAndWritesCoalesce() throws Exception {
    GatedStore store = new GatedStore();
    DurableLedger ledger = DurableLedger.open(store, PAIRS, true);
    Fill c = buy("c", K_FED, Outcome.YES, "5", "0.41", "0.07");
    store.gated = true;
    assertThat(ledger.record(a)).isTrue();
    assertThat(store.entered.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS)).as("first write began").isTrue();
    assertThat(ledger.record(b)).as("returns while a snapshot write is in progress").isTrue();
    assertThat(ledger.record(c)).isTrue();
    assertThat(store.journal).containsExactly(a, b, c);
    assertThat(store.writes).containsExactly("save 0", "append a", "append b", "append c");
    store.gated = false;
    store.open.countDown();
    ledger.close();
    // The write in progress took the ledger as it was (1 entry); b and c cost one more write.
    assertThat(store.writes).containsExactly("save 0", "append a", "append b", "append c", "save 1", "save 3", "save 3");
    assertThat(store.snapshot).isEqualTo(PositionLedger.replay(PAIRS, List.of(a, b, c)).snapshot());
    assertThatThrownBy(() -> ledger.record(b)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void aSnapshotSeveralEntriesBehindIsRewrittenOnOpen() throws IOException {
    MemoryStore store = new MemoryStore();
    store.journal.addAll(List.of(a, b));
    store.snapshot = PositionLedger.replay(PAIRS, List.of()).snapshot(); // killed before any write caught up
    DurableLedger ledger = DurableLedger.open(store, PAIRS, true);
    assertThat(ledger.recovery().reason()).contains("0 of 2").contains("snapshots written after the journal lag it");
    assertThat(store.snapshot).isEqualTo(PositionLedger.replay(PAIRS, List.of(a, b)).snapshot());
    ledger.close();
  }

  @Test
  void aFailedSnapshotWriteStopsTheLedgerAtItsNextRecord() throws Exception {
    MemoryStore store = new MemoryStore();
    DurableLedger ledger = DurableLedger.open(store, PAIRS, true);
    store.failSave = true;
    assertThat(ledger.record(a)).as("journaled and applied; the write fails after").isTrue();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (!ledger.failed() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(ledger.failed()).isTrue();
    assertThatThrownBy(() -> ledger.record(b)).isInstanceOf(IllegalStateException.class).hasMessageContaining("failed earlier");
    ledger.close();
    store.failSave = false;
    assertThat(DurableLedger.open(store, PAIRS).recovery().reason()).contains("0 of 1");
  }
}
