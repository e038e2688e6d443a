package io.github.crossarb.core.store;

import static io.github.crossarb.core.position.LedgerFixtures.K_FED;
import static io.github.crossarb.core.position.LedgerFixtures.K_LONE;
import static io.github.crossarb.core.position.LedgerFixtures.P_FED_NO;
import static io.github.crossarb.core.position.LedgerFixtures.T0;
import static io.github.crossarb.core.position.LedgerFixtures.buy;
import static io.github.crossarb.core.position.LedgerFixtures.ledgerOf;
import static io.github.crossarb.core.position.LedgerFixtures.sell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.position.LedgerSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionsFileTest {
  @TempDir Path dir;

  private final LedgerSnapshot snapshot = ledgerOf(
      buy("k1", K_FED, Outcome.YES, "10", "0.40", "0.07"),
      buy("p1", P_FED_NO, Outcome.NO, "4", "0.55", "0.01"),
      buy("l1", K_LONE, Outcome.NO, "2", "0.10", "0"),
      sell("l2", K_LONE, Outcome.NO, "3", "0.20", "0.01")).snapshot();

  private Path file() {
    return dir.resolve(PositionsFile.FILE_NAME);
  }

  private String[] files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void writesPrettyJsonWithDecimalStringsAndReadsItBackExactly() throws IOException {
    Instant at = T0.plusMillis(1234);
    PositionsFile.write(dir, snapshot, at);
    String text = Files.readString(file());
    assertThat(text).startsWith("{\n  \"schemaVersion\" : 1,\n  \"updatedAt\" : \"2026-03-01T12:00:01.234Z\",\n"
        + "  \"journalEntries\" : 4,\n");
    assertThat(text).contains("\"lockedProfit\" : \"0.162\"", "\"hedgedCost\" : \"3.838\"", "\"residualSide\" : \"YES\"",
        "\"oversold\" : true", "\"net\" : \"-1\"");
    assertThat(text).doesNotContainPattern("\"\\s*:\\s*-?[0-9]+\\."); // no JSON number with a fraction anywhere
    PositionsFile.Saved saved = PositionsFile.read(dir).orElseThrow();
    assertThat(saved.snapshot()).isEqualTo(snapshot);
    assertThat(saved.updatedAt()).isEqualTo(at);
  }

  @Test
  void atomicWritesLeaveNoTemporaryFiles() throws IOException {
    for (int i = 0; i < 5; i++) {
      PositionsFile.write(dir, i % 2 == 0 ? snapshot : LedgerSnapshot.empty(), T0);
    }
    assertThat(files()).containsExactly(PositionsFile.FILE_NAME);
    assertThat(PositionsFile.read(dir).orElseThrow().snapshot()).isEqualTo(snapshot);
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Files.createDirectory(file());
    Files.writeString(file().resolve("occupant"), "x"); // a rename cannot replace a non-empty directory
    assertThatThrownBy(() -> PositionsFile.write(dir, snapshot, T0)).isInstanceOf(IOException.class);
    assertThat(files()).containsExactly(PositionsFile.FILE_NAME);
  }

  @Test
  void aMissingFileIsEmpty() throws IOException {
    assertThat(PositionsFile.read(dir)).isEmpty();
  }

  @Test
  void anUnknownSchemaVersionIsAClearError() throws IOException {
    PositionsFile.write(dir, snapshot, T0);
    Files.writeString(file(), Files.readString(file()).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"));
    assertThatThrownBy(() -> PositionsFile.read(dir))
        .isInstanceOf(LedgerFileException.class)
        .hasMessageContaining(file().toString())
        .hasMessageContaining("unknown positions schemaVersion 2");
  }

  @Test
  void malformedFilesAreClearErrors() throws IOException {
    PositionsFile.write(dir, snapshot, T0);
    String good = Files.readString(file());

    Files.writeString(file(), good.substring(0, good.length() / 2));
    assertThatThrownBy(() -> PositionsFile.read(dir)).isInstanceOf(LedgerFileException.class).hasMessageContaining("not valid JSON");

    Files.writeString(file(), good.replace("\"costBasis\" : \"6.2\"", "\"costBasis\" : 6.2"));
    assertThatThrownBy(() -> PositionsFile.read(dir)).hasMessageContaining("must be a string");

    Files.writeString(file(), good.replace("\"oversold\" : true", "\"oversold\" : false"));
    assertThatThrownBy(() -> PositionsFile.read(dir)).hasMessageContaining("\"oversold\"");

    Files.writeString(file(), good.replace("\"journalEntries\" : 4", "\"journalEntries\" : 4.5"));
    assertThatThrownBy(() -> PositionsFile.read(dir)).hasMessageContaining("whole number");

    Files.writeString(file(), "[]");
    assertThatThrownBy(() -> PositionsFile.read(dir)).hasMessageContaining("not a JSON object");

    Files.writeString(file(), "");
    assertThatThrownBy(() -> PositionsFile.read(dir)).isInstanceOf(LedgerFileException.class);
  }
}
