package io.github.crossarb.core.store;

import static io.github.crossarb.core.position.LedgerFixtures.FED;
import static io.github.crossarb.core.position.LedgerFixtures.K_FED;
import static io.github.crossarb.core.position.LedgerFixtures.PAIRS;
import static io.github.crossarb.core.position.LedgerFixtures.P_FED_NO;
import static io.github.crossarb.core.position.LedgerFixtures.T0;
import static io.github.crossarb.core.position.LedgerFixtures.buy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.DurableLedger;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.position.PositionLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLedgerStoreTest {
  @TempDir Path root;

  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private final Fill a = buy("a", K_FED, Outcome.YES, "10", "0.40", "0.07");
  private final Fill b = buy("b", P_FED_NO, Outcome.NO, "10", "0.55", "0");

  private Path dir() {
    return root.resolve("data");
  }

  private Path journal() {
    return dir().resolve(FillJournal.FILE_NAME);
  }

  private LedgerSnapshot saved() throws IOException {
    return PositionsFile.read(dir()).orElseThrow().snapshot();
  }

  @Test
  void aNewDataDirectoryGetsBothFiles() throws IOException {
    try (DurableLedger ledger = JsonLedgerStore.recover(dir(), PAIRS, clock)) {
      assertThat(ledger.recovery().snapshotRewritten()).isTrue();
      assertThat(ledger.recovery().reason()).contains("new ledger");
      assertThat(ledger.snapshot()).isEqualTo(LedgerSnapshot.empty());
    }
    assertThat(journal()).exists().isEmptyFile();
    assertThat(saved()).isEqualTo(LedgerSnapshot.empty());
  }

  @Test
  void eachRecordedEntryIsJournaledAndSnapshotted() throws IOException {
    try (DurableLedger ledger = JsonLedgerStore.recover(dir(), PAIRS, clock)) {
      assertThat(ledger.record(a)).isTrue();
      assertThat(ledger.record(b)).isTrue();
      String before = Files.readString(dir().resolve(PositionsFile.FILE_NAME));
      assertThat(ledger.record(a)).as("duplicate").isFalse();
      assertThat(Files.readAllLines(journal())).hasSize(2);
      assertThat(Files.readString(dir().resolve(PositionsFile.FILE_NAME))).isEqualTo(before);
      assertThat(ledger.record(new FillVoid(VenueId.POLYMARKET, "b", T0))).isTrue();
      assertThat(saved()).isEqualTo(ledger.snapshot());
      assertThat(saved().journalEntries()).isEqualTo(3);
      assertThat(saved().pair(FED.id()).hedged().isZero()).isTrue();
    }
    try (DurableLedger again = JsonLedgerStore.recover(dir(), PAIRS, clock)) {
      assertThat(again.recovery().snapshotRewritten()).isFalse();
      assertThat(again.snapshot()).isEqualTo(PositionLedger.replay(PAIRS,
          List.of(a, b, new FillVoid(VenueId.POLYMARKET, "b", T0))).snapshot());
    }
  }

  @Test
  void aCrashBetweenJournalAndSnapshotIsRepairedAndReported() throws IOException {
    try (DurableLedger ledger = JsonLedgerStore.recover(dir(), PAIRS, clock)) {
      ledger.record(a);
    }
    try (FillJournal j = FillJournal.open(dir())) {
      j.append(b); // the journal got b; the process died before rewriting positions.json
    }
    assertThat(saved().journalEntries()).isEqualTo(1);
    try (DurableLedger ledger = JsonLedgerStore.recover(dir(), PAIRS, clock)) {
      assertThat(ledger.recovery().snapshotRewritten()).isTrue();
      assertThat(ledger.recovery().reason()).contains("1 of 2");
      assertThat(ledger.snapshot().fills()).isEqualTo(2);
    }
    assertThat(saved()).isEqualTo(PositionLedger.replay(PAIRS, List.of(a, b)).snapshot());
  }

  @Test
  void aTornJournalTailIsDiscardedAndReported() throws IOException {
    try (DurableLedger ledger = JsonLedgerStore.recover(dir(), PAIRS, clock)) {
      ledger.record(a);
    }
    Files.writeString(journal(), "{\"schemaVersion\":1,\"ty", java.nio.file.StandardOpenOption.APPEND);
    try (DurableLedger ledger = JsonLedgerStore.recover(dir(), PAIRS, clock)) {
      assertThat(ledger.recovery().discardedTailBytes()).isEqualTo(22);
      assertThat(ledger.recovery().snapshotRewritten()).isFalse();
      ledger.record(b);
    }
    assertThat(FillJournal.read(journal()).entries()).containsExactly(a, b);
  }

  @Test
  void aSnapshotAheadOfTheJournalStopsRecoveryAndIsKept() throws IOException {
    try (DurableLedger ledger = JsonLedgerStore.recover(dir(), PAIRS, clock)) {
      ledger.record(a);
      ledger.record(b);
    }
    List<String> lines = Files.readAllLines(journal());
    Files.writeString(journal(), lines.get(0) + "\n"); // journal lost its last entry
    assertThatThrownBy(() -> JsonLedgerStore.recover(dir(), PAIRS, clock))
        .isInstanceOf(IOException.class).hasMessageContaining("journal entries were lost");
    assertThat(saved().journalEntries()).isEqualTo(2);
    // and the failed recovery released the directory
    Files.writeString(journal(), lines.get(0) + "\n" + lines.get(1) + "\n");
    JsonLedgerStore.recover(dir(), PAIRS, clock).close();
  }

  @Test
  void changedPairsMakeTheSnapshotDisagreeAndItIsRewritten() throws IOException {
    try (DurableLedger ledger = JsonLedgerStore.recover(dir(), PAIRS, clock)) {
      ledger.record(a);
    }
    try (DurableLedger ledger = JsonLedgerStore.recover(dir(), List.of(), clock)) {
      assertThat(ledger.recovery().snapshotRewritten()).isTrue();
      assertThat(ledger.recovery().reason()).contains("disagreed");
    }
    assertThat(saved().pairs()).isEmpty();
  }

  @Test
  void anUnreadableSnapshotIsAnErrorAndIsNotOverwritten() throws IOException {
    try (DurableLedger ledger = JsonLedgerStore.recover(dir(), PAIRS, clock)) {
      ledger.record(a);
    }
    Path positions = dir().resolve(PositionsFile.FILE_NAME);
    String newer = Files.readString(positions).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 9");
    Files.writeString(positions, newer);
    assertThatThrownBy(() -> JsonLedgerStore.recover(dir(), PAIRS, clock))
        .isInstanceOf(LedgerFileException.class).hasMessageContaining("schemaVersion 9");
    assertThat(Files.readString(positions)).isEqualTo(newer);
  }

  @Test
  void aLeftoverTemporaryFileIsRemovedOnOpen() throws IOException {
    Files.createDirectories(dir());
    Files.writeString(dir().resolve(PositionsFile.TEMP_NAME), "{ half a snap");
    JsonLedgerStore.recover(dir(), PAIRS, clock).close();
    assertThat(dir().resolve(PositionsFile.TEMP_NAME)).doesNotExist();
  }

  @Test
  void oneProcessAtATime() throws IOException {
    try (DurableLedger ledger = JsonLedgerStore.recover(dir(), PAIRS, clock)) {
      assertThatThrownBy(() -> JsonLedgerStore.recover(dir(), PAIRS, clock)).hasMessageContaining("one writer");
      ledger.record(a);
    }
  }
}
