package io.github.crossarb.core.store;

import static io.github.crossarb.core.position.LedgerFixtures.K_FED;
import static io.github.crossarb.core.position.LedgerFixtures.P_FED_NO;
import static io.github.crossarb.core.position.LedgerFixtures.T0;
import static io.github.crossarb.core.position.LedgerFixtures.buy;
import static io.github.crossarb.core.position.LedgerFixtures.sell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.position.JournalEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FillJournalTest {
  @TempDir Path dir;

  private final Fill a = buy("a", K_FED, Outcome.YES, "10", "0.4", "0.07");
  private final Fill b = new Fill("b", P_FED_NO, Outcome.NO, io.github.crossarb.core.model.Side.BUY,
      io.github.crossarb.core.model.Price.parse("0.5512"), io.github.crossarb.core.model.Quantity.parse("10.25"),
      io.github.crossarb.core.model.Money.parse("0.000123"), T0.plusNanos(1), new ClientOrderId("co-\"1\""), "fed-dec");
  private final FillVoid v = new FillVoid(VenueId.POLYMARKET, "b", T0.plusSeconds(60));

  private Path file() {
    return dir.resolve(FillJournal.FILE_NAME);
  }

  private void write(JournalEntry... entries) throws IOException {
    try (FillJournal journal = FillJournal.open(dir)) {
      for (JournalEntry e : entries) {
        journal.append(e);
      }
    }
  }

  private void appendRaw(String text) throws IOException {
    Files.write(file(), text.getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.APPEND);
  }

  @Test
  void appendsOneJsonObjectPerLineAndReadsThemBack() throws IOException {
    write(a, b, v);
    List<String> lines = Files.readAllLines(file());
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("{\"schemaVersion\":1,\"type\":\"fill\",\"fillId\":\"a\",\"instrument\":\"KALSHI:KXFED-26DEC\","
        + "\"outcome\":\"YES\",\"side\":\"BUY\",\"price\":\"0.4\",\"quantity\":\"10\",\"fee\":\"0.07\","
        + "\"time\":\"2026-03-01T12:00:00Z\",\"clientOrderId\":null,\"pairId\":null}");
    assertThat(lines.get(2)).isEqualTo(
        "{\"schemaVersion\":1,\"type\":\"void\",\"venue\":\"POLYMARKET\",\"fillId\":\"b\",\"time\":\"2026-03-01T12:01:00Z\"}");
    assertThat(Files.readString(file())).endsWith("}\n");
    FillJournal.Contents c = FillJournal.read(file());
    assertThat(c.entries()).containsExactly(a, b, v);
    assertThat(c.tornTailBytes()).isZero();
    assertThat(c.validBytes()).isEqualTo(Files.size(file()));
  }

  @Test
  void aMissingJournalIsEmpty() throws IOException {
    assertThat(FillJournal.read(file()).entries()).isEmpty();
    try (FillJournal journal = FillJournal.open(dir)) {
      assertThat(journal.entryCount()).isZero();
    }
    assertThat(file()).exists();
  }

  @Test
  void aTornLastLineIsIgnoredThenCutOffWhenOpenedForAppend() throws IOException {
    write(a, b);
    long good = Files.size(file());
    String torn = LedgerJson.entryLine(sell("c", K_FED, Outcome.YES, "1", "0.5", "0")).substring(0, 37);
    appendRaw(torn);

    FillJournal.Contents c = FillJournal.read(file());
    assertThat(c.entries()).containsExactly(a, b);
    assertThat(c.tornTailBytes()).isEqualTo(37);
    assertThat(Files.size(file())).as("reading changes nothing").isEqualTo(good + 37);

    Fill d = sell("d", K_FED, Outcome.YES, "1", "0.5", "0");
    try (FillJournal journal = FillJournal.open(dir)) {
      assertThat(journal.contents().tornTailBytes()).isEqualTo(37);
      assertThat(Files.size(file())).isEqualTo(good);
      journal.append(d);
      assertThat(journal.entryCount()).isEqualTo(3);
    }
    assertThat(FillJournal.read(file()).entries()).containsExactly(a, b, d);
  }

  @Test
  void anUnparsableLastLineIsTornEvenWithItsNewline() throws IOException {
    write(a);
    appendRaw("{\"schemaVersion\":1,\"type\":\"fi\n");
    assertThat(FillJournal.read(file()).entries()).containsExactly(a);
    write(b);
    assertThat(FillJournal.read(file()).entries()).containsExactly(a, b);
  }

  @Test
  void aTailOfZeroBytesIsTorn() throws IOException {
    write(a);
    appendRaw("\0\0\0\0\0\0");
    FillJournal.Contents c = FillJournal.read(file());
    assertThat(c.entries()).containsExactly(a);
    assertThat(c.tornTailBytes()).isEqualTo(6);
  }

  @Test
  void aCorruptMiddleLineIsAnErrorNamingFileAndLine() throws IOException {
    write(a);
    appendRaw("{\"schemaVersion\":1,\"type\":\"fi\n");
    write(b); // opening treats the bad line as torn and cuts it; so corrupt the middle by hand instead
    String text = Files.readString(file());
    Files.writeString(file(), text.replace("\"fillId\":\"a\"", "\"fillId\":\"a\"\u0001,,"));
    long size = Files.size(file());
    assertThatThrownBy(() -> FillJournal.read(file()))
        .isInstanceOf(LedgerFileException.class)
        .hasMessageContaining(file().toString())
        .hasMessageContaining("line 1")
        .satisfies(e -> assertThat(((LedgerFileException) e).line()).isEqualTo(1));
    assertThatThrownBy(() -> FillJournal.open(dir)).isInstanceOf(LedgerFileException.class);
    assertThat(Files.size(file())).as("never truncated past a corrupt line").isEqualTo(size);
  }

  @Test
  void garbageFollowedByAnythingIsCorruptNotTorn() throws IOException {
    write(a);
    appendRaw("garbage\n");
    appendRaw("{\"sch"); // a torn line after the garbage
    assertThatThrownBy(() -> FillJournal.read(file()))
        .isInstanceOf(LedgerFileException.class).hasMessageContaining("line 2").hasMessageContaining("not valid JSON");
  }

  @Test
  void aWellFormedButInvalidLastLineIsAnErrorNotTorn() throws IOException {
    write(a);
    appendRaw("{\"schemaVersion\":1,\"type\":\"refund\",\"fillId\":\"x\"}\n");
    assertThatThrownBy(() -> FillJournal.read(file()))
        .isInstanceOf(LedgerFileException.class).hasMessageContaining("line 2").hasMessageContaining("unknown entry type");
  }

  @Test
  void unknownSchemaVersionsNumbersAndMissingFieldsAreErrors() throws IOException {
    String line = LedgerJson.entryLine(a);
    for (String bad : List.of(
        line.replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
        line.replace("\"price\":\"0.4\"", "\"price\":0.4"),
        line.replace(",\"pairId\":null", ""),
        line.replace("\"pairId\":null", "\"pairId\":null,\"extra\":1"),
        line.replace("\"fillId\":\"a\"", "\"fillId\":\"a\",\"fillId\":\"b\""),
        line.replace("\"price\":\"0.4\"", "\"price\":\"0.4000001\""),
        line.replace("\"price\":\"0.4\"", "\"price\":\"1.5\""),
        line.replace("\"quantity\":\"10\"", "\"quantity\":\"0\""),
        line.replace("\"time\":\"2026-03-01T12:00:00Z\"", "\"time\":\"yesterday\""))) {
      Files.writeString(file(), line + "\n" + bad + "\n" + line.replace("\"a\"", "\"z\"") + "\n");
      assertThatThrownBy(() -> FillJournal.read(file()))
          .as(bad).isInstanceOf(LedgerFileException.class).hasMessageContaining("line 2");
    }
    Files.writeString(file(), line.replace("\"schemaVersion\":1", "\"schemaVersion\":7") + "\n");
    assertThatThrownBy(() -> FillJournal.read(file())).hasMessageContaining("unknown journal schemaVersion 7");
  }

  @Test
  void oneWriterPerDataDirectory() throws IOException {
    try (FillJournal journal = FillJournal.open(dir)) {
      assertThatThrownBy(() -> FillJournal.open(dir)).isInstanceOf(IOException.class).hasMessageContaining("one writer");
      journal.append(a);
    }
    try (FillJournal journal = FillJournal.open(dir)) {
      assertThat(journal.entryCount()).isEqualTo(1);
    }
  }

  @Test
  void appendAfterCloseFails() throws IOException {
    FillJournal journal = FillJournal.open(dir);
    journal.close();
    assertThatThrownBy(() -> journal.append(a)).isInstanceOf(IOException.class);
  }
}
