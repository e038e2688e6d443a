package io.github.crossarb.core.store;

import static io.github.crossarb.core.position.LedgerFixtures.PAIRS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.position.JournalEntry;
import io.github.crossarb.core.position.LedgerArbitraries;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.position.PositionLedger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class StoreProperties {

  /** Ids with quotes, backslashes, non-ASCII letters and symbols (no control characters). */
  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.strings().withChars("abcXYZ019-_:/\"\\ é€中😀".toCharArray()).ofMinLength(1).ofMaxLength(12)
        .filter(s -> !s.isBlank() && validSurrogates(s));
  }

  private static boolean validSurrogates(String s) {
    return StandardCharsets.UTF_8.newEncoder().canEncode(s);
  }

  @Provide
  Arbitrary<List<JournalEntry>> entries() {
    return LedgerArbitraries.fills(25).flatMap(fills -> ids().list().ofSize(fills.size()).map(ids -> {
      List<JournalEntry> out = new ArrayList<>();
      for (int i = 0; i < fills.size(); i++) {
        Fill f = fills.get(i);
        String id = ids.get(i) + "#" + i;
        out.add(new Fill(id, f.instrument(), f.outcome(), f.side(), f.price(), f.quantity(), f.fee(), f.time(),
            f.clientOrderId() == null ? null : new ClientOrderId(id), f.pairId()));
        if (i % 4 == 3) {
          out.add(new FillVoid(f.venue(), id, Instant.ofEpochSecond(1_800_000_000L, i)));
        }
      }
      return out;
    }));
  }

  @Property(tries = 300)
  void everyEntryRoundTripsThroughItsJsonLine(@ForAll("entries") List<JournalEntry> entries) throws Exception {
    for (JournalEntry e : entries) {
      String line = LedgerJson.entryLine(e);
      assertThat(line).doesNotContain("\n");
      assertThat(LedgerJson.entry(LedgerJson.parseObject(line))).isEqualTo(e);
    }
  }

  @Property(tries = 25)
  void theJournalFileRoundTrips(@ForAll("entries") List<JournalEntry> entries) throws IOException {
    Path dir = Files.createTempDirectory("journal-prop");
    try {
      try (FillJournal journal = FillJournal.open(dir)) {
        for (JournalEntry e : entries) {
          journal.append(e);
        }
      }
      FillJournal.Contents read = FillJournal.read(dir.resolve(FillJournal.FILE_NAME));
      assertThat(read.entries()).isEqualTo(entries);
      assertThat(read.tornTailBytes()).isZero();
    } finally {
      deleteTree(dir);
    }
  }

  @Property(tries = 25)
  void aJournalCutAnywhereReadsAsAPrefix(@ForAll("entries") List<JournalEntry> entries, @ForAll @IntRange(min = 0, max = 100_000) int cutSeed)
      throws IOException {
    Path dir = Files.createTempDirectory("journal-cut");
    try {
      StringBuilder text = new StringBuilder();
      for (JournalEntry e : entries) {
        text.append(LedgerJson.entryLine(e)).append('\n');
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      int cut = bytes.length == 0 ? 0 : cutSeed % (bytes.length + 1);
      Path file = dir.resolve(FillJournal.FILE_NAME);
      Files.write(file, java.util.Arrays.copyOf(bytes, cut));
      FillJournal.Contents read = FillJournal.read(file);
      int complete = 0;
      for (int i = 0; i < cut; i++) {
        if (bytes[i] == '\n') {
          complete++;
        }
      }
      assertThat(read.entries()).isEqualTo(entries.subList(0, complete));
      assertThat(read.validBytes() + read.tornTailBytes()).isEqualTo(cut);
    } finally {
      deleteTree(dir);
    }
  }

  @Property(tries = 300)
  void aSnapshotRoundTripsThroughPositionsJsonExactly(@ForAll("entries") List<JournalEntry> entries,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int nanos) throws LedgerFileException {
    PositionLedger ledger = new PositionLedger(PAIRS);
    for (JournalEntry e : entries) {
      ledger.apply(e);
    }
    LedgerSnapshot snapshot = ledger.snapshot();
    Instant at = Instant.ofEpochSecond(1_790_000_000L, nanos % 1_000_000_000);
    String json = LedgerJson.snapshotDocument(snapshot, at);
    PositionsFile.Saved back = PositionsFile.parse(Path.of(PositionsFile.FILE_NAME), json.getBytes(StandardCharsets.UTF_8));
    assertThat(back.snapshot()).isEqualTo(snapshot);
    assertThat(back.updatedAt()).isEqualTo(at);
    assertThat(LedgerJson.snapshotDocument(back.snapshot(), at)).isEqualTo(json);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
