package io.github.crossarb.link.trader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.SubmitResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandJournalTest {
  static final InstrumentId FED = InstrumentId.kalshi("KXFED-26DEC-T4.25");
  static final Instant T = Instant.parse("2026-11-27T23:59:00Z");

  @TempDir Path dir;

  @Test
  void everyResultKindIsReadBackAfterReopening() throws IOException {
    List<SubmitResult> results = List.of(
        new SubmitResult.Accepted(new ClientOrderId("a"), new VenueOrderId("v1"), OrderStatus.OPEN, Quantity.parse("1.5")),
        new SubmitResult.Rejected(new ClientOrderId("b"), "insufficient_balance", "not enough \"cash\""),
        new SubmitResult.Denied(new ClientOrderId("c"), "limit"),
        new SubmitResult.Unknown(new ClientOrderId("d"), "timeout"));
    try (CommandJournal journal = CommandJournal.open(dir)) {
      for (SubmitResult r : results) {
        String id = r.clientOrderId().value();
        if (!(r instanceof SubmitResult.Denied)) {
          journal.recordSending(id, VenueId.KALSHI, FED, Money.parse("2"), T);
        }
        journal.recordDone(id, VenueId.KALSHI, FED, r, T.plusSeconds(1));
      }
      journal.recordSending("e", VenueId.KALSHI, FED, Money.parse("3"), T.plusSeconds(120)); // the next UTC day
    }
    try (CommandJournal journal = CommandJournal.open(dir)) {
      assertThat(journal.tornTailBytes()).isZero();
      for (SubmitResult r : results) {
        CommandJournal.Entry entry = journal.find(r.clientOrderId().value()).orElseThrow();
        assertThat(entry.state()).isEqualTo(CommandJournal.State.DONE);
        assertThat(entry.result()).isEqualTo(r);
      }
      assertThat(journal.find("c").orElseThrow().notional()).isEqualTo(Money.ZERO);
      assertThat(journal.find("e").orElseThrow().state()).isEqualTo(CommandJournal.State.SENDING);
      assertThat(journal.sentOn(LocalDate.parse("2026-11-27"))).isEqualTo(Money.parse("6"));
      assertThat(journal.sentOn(LocalDate.parse("2026-11-28"))).isEqualTo(Money.parse("3"));
      assertThat(journal.find("zzz")).isEmpty();
    }
  }

  @Test
  void aTornLastLineIsIgnoredReportedAndCutOff() throws IOException {
    try (CommandJournal journal = CommandJournal.open(dir)) {
      journal.recordSending("a", VenueId.KALSHI, FED, Money.parse("2"), T);
    }
    Path file = dir.resolve(CommandJournal.FILE_NAME);
    long whole = Files.size(file);
    String torn = "{\"schemaVersion\":1,\"state\":\"SEN";
    Files.writeString(file, torn, StandardOpenOption.APPEND);
    try (CommandJournal journal = CommandJournal.open(dir)) {
      assertThat(journal.tornTailBytes()).isEqualTo(torn.length());
      assertThat(Files.size(file)).isEqualTo(whole);
      assertThat(journal.find("a")).isPresent();
      journal.recordDone("a", VenueId.KALSHI, FED, new SubmitResult.Unknown(new ClientOrderId("a"), "x"), T);
    }
    try (CommandJournal journal = CommandJournal.open(dir)) {
      assertThat(journal.tornTailBytes()).isZero();
      assertThat(journal.find("a").orElseThrow().state()).isEqualTo(CommandJournal.State.DONE);
    }
  }

  @Test
  void anUnparsableLastLineWithItsNewlineIsTornToo() throws IOException {
    Files.writeString(dir.resolve(CommandJournal.FILE_NAME), "{\"schemaVersion\":1,\"sta\n");
    try (CommandJournal journal = CommandJournal.open(dir)) {
      assertThat(journal.tornTailBytes()).isEqualTo(24);
    }
  }

  @Test
  void aMalformedLineBeforeTheLastIsAnErrorNamingFileAndLine() throws IOException {
    try (CommandJournal journal = CommandJournal.open(dir)) {
      journal.recordSending("a", VenueId.KALSHI, FED, Money.parse("2"), T);
    }
    Path file = dir.resolve(CommandJournal.FILE_NAME);
    Files.writeString(file, "garbage\n", StandardOpenOption.APPEND);
    try (CommandJournal journal = CommandJournal.open(dir)) {
      journal.recordSending("b", VenueId.KALSHI, FED, Money.parse("2"), T);
    } catch (IOException e) {
      // The garbage was the last line: torn, cut off, and the journal goes on.
      throw new AssertionError(e);
    }
    Files.writeString(file, Files.readString(file).replace("\"commandId\":\"b\"", "\"commandId\":7")
        + "{\"schemaVersion\":1}\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CommandJournal.open(dir))
        .isInstanceOf(CommandJournalException.class)
        .hasMessage(file + " line 2: bad record: field \"commandId\" must be text")
        .satisfies(e -> assertThat(((CommandJournalException) e).line()).isEqualTo(2));
  }

  @Test
  void invalidJsonFollowedByMoreLinesIsCorruption() throws IOException {
    Path file = dir.resolve(CommandJournal.FILE_NAME);
    Files.writeString(file, "{not json\n{\"also\":1}\n");
    assertThatThrownBy(() -> CommandJournal.open(dir))
        .isInstanceOf(CommandJournalException.class)
        .hasMessageStartingWith(file + " line 1: not valid JSON");
  }

  @Test
  void aCommandIsRecordedSendingOnlyOnce() throws IOException {
    try (CommandJournal journal = CommandJournal.open(dir)) {
      journal.recordSending("a", VenueId.KALSHI, FED, Money.parse("2"), T);
      assertThatThrownBy(() -> journal.recordSending("a", VenueId.KALSHI, FED, Money.parse("2"), T))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void oneJournalPerFile() throws IOException {
    try (CommandJournal journal = CommandJournal.open(dir)) {
      assertThatThrownBy(() -> CommandJournal.open(dir)).isInstanceOf(IOException.class)
          .hasMessageContaining("one trader per data directory");
    }
  }
}
