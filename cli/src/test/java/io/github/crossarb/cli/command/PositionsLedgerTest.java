package io.github.crossarb.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.CliRunner.Result;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PolymarketMarket;
import io.github.crossarb.core.position.DurableLedger;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.store.FillJournal;
import io.github.crossarb.core.store.JsonLedgerStore;
import io.github.crossarb.core.store.PositionsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code controller positions} without {@code --venue}: the ledger, read from the data directory. */
class PositionsLedgerTest {
  private static final MarketPair FED = MarketPair.approved("fed-dec", "KXFED-26DEC",
      new PolymarketMarket("0xfed", "111", "222"), PairRelation.SAME);
  private static final InstrumentId K_FED = FED.kalshiInstrument();
  private static final InstrumentId P_FED_NO = FED.polymarket().token(Outcome.NO);
  private static final InstrumentId K_LONE = InstrumentId.kalshi("KXLONE");
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path dataDir;

  private Result positions(String... extra) {
    String[] args = new String[extra.length + 1];
    args[0] = "positions";
    System.arraycopy(extra, 0, args, 1, extra.length);
    return CliRunner.controller(CliRunner.environment(dataDir), args);
  }

  private static Fill buy(String id, InstrumentId instrument, Outcome outcome, String qty, String price, String fee) {
    return new Fill(id, instrument, outcome, Side.BUY, Price.parse(price), Quantity.parse(qty), Money.parse(fee), T0, null,
        "fed-dec");
  }

  /** The engine's ledger after a hedged execution (10 at 0.40 + 0.55, fee 0.07) and a stray Kalshi fill. */
  private DurableLedger engineLedger() throws Exception {
    DurableLedger ledger = JsonLedgerStore.recover(dataDir, List.of(FED));
    ledger.record(buy("k1", K_FED, Outcome.YES, "10", "0.40", "0.07"));
    ledger.record(buy("p1", P_FED_NO, Outcome.NO, "10", "0.55", "0"));
    ledger.record(new Fill("x1", K_LONE, Outcome.NO, Side.BUY, Price.parse("0.30"), Quantity.of(1), Money.ZERO, T0, null, null));
    return ledger;
  }

  @Test
  void theTableShowsEachPairWithItsLegsHedgeResidualCostFeesAndPnl() throws Exception {
    engineLedger().close();

    Result result = positions();

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0)).contains(PositionsFile.FILE_NAME, "3 journal entries", "3 fills", "0 voided");
    assertThat(lines).anySatisfy(l -> assertThat(l.split("\\s+"))
        .containsExactly("fed-dec", "same", "10", "0", "$9.57", "$0.07", "$0.43", "$0.00"));
    assertThat(lines).anySatisfy(l -> assertThat(l.split("\\s+"))
        .containsExactly("fed-dec", "KALSHI:KXFED-26DEC", "yes", "10", "10", "0", "$4.07", "$0.07", "$0.00"));
    assertThat(lines).anySatisfy(l -> assertThat(l.split("\\s+"))
        .containsExactly("fed-dec", "POLYMARKET:222", "no", "10", "10", "0", "$5.50", "$0.00", "$0.00"));
    assertThat(lines).anySatisfy(l -> assertThat(l.split("\\s+"))
        .containsExactly("-", "KALSHI:KXLONE", "no", "1", "1", "0", "$0.30", "$0.00", "$0.00"));
    assertThat(result.out()).contains("total: hedged 10, cost $9.87, fees paid $0.07, locked P&L $0.43, realized P&L $0.00");
    assertThat(result.out()).doesNotContain("warning");
  }

  @Test
  void jsonCarriesTheSameNumbersAsDecimalStrings() throws Exception {
    engineLedger().close();

    Result result = positions("--json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    JsonNode json = VenueJson.MAPPER.readTree(result.out());
    assertThat(json.get("source").asText()).isEqualTo(PositionsFile.FILE_NAME);
    assertThat(json.get("warnings")).isEmpty();
    JsonNode pair = json.get("pairs").get(0);
    assertThat(pair.get("pairId").asText()).isEqualTo("fed-dec");
    assertThat(pair.get("hedged").asText()).isEqualTo("10");
    assertThat(pair.get("residual").asText()).isEqualTo("0");
    assertThat(pair.get("residualSide").isNull()).isTrue();
    assertThat(pair.get("lockedProfit").asText()).isEqualTo("0.43");
    assertThat(pair.get("feesPaid").asText()).isEqualTo("0.07");
    assertThat(pair.get("legs")).hasSize(2);
    assertThat(json.get("unpaired")).singleElement()
        .satisfies(p -> assertThat(p.get("instrument").asText()).isEqualTo("KALSHI:KXLONE"));
    assertThat(json.get("totals").get("lockedProfit").asText()).isEqualTo("0.43");
  }

  @Test
  void aResidualShowsItsSideAndSize() throws Exception {
    try (DurableLedger ledger = engineLedger()) {
      ledger.record(buy("k2", K_FED, Outcome.YES, "2.5", "0.40", "0.02"));
    }

    Result result = positions();

    assertThat(result.out()).contains("2.5 yes-equivalent");
    JsonNode pair = VenueJson.MAPPER.readTree(positions("--json").out()).get("pairs").get(0);
    assertThat(pair.get("residual").asText()).isEqualTo("2.5");
    assertThat(pair.get("residualSide").asText()).isEqualTo("yes");
  }

  @Test
  void itReadsWhileTheEngineHoldsTheLedgerAndWritesNothing() throws Exception {
    try (DurableLedger ledger = engineLedger()) {
      byte[] snapshot = Files.readAllBytes(dataDir.resolve(PositionsFile.FILE_NAME));
      byte[] journal = Files.readAllBytes(dataDir.resolve(FillJournal.FILE_NAME));

      Result result = positions();

      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
      assertThat(result.out()).contains("fed-dec");
      assertThat(Files.readAllBytes(dataDir.resolve(PositionsFile.FILE_NAME))).isEqualTo(snapshot);
      assertThat(Files.readAllBytes(dataDir.resolve(FillJournal.FILE_NAME))).isEqualTo(journal);
      assertThat(ledger.failed()).isFalse();
    }
  }

  @Test
  void aSnapshotBehindTheJournalIsReplayedReadOnlyWithAWarning() throws Exception {
    engineLedger().close();
    byte[] snapshot = Files.readAllBytes(dataDir.resolve(PositionsFile.FILE_NAME));
    // A crash after the journal append and before the snapshot write: a void, and a new fill.
    try (FillJournal journal = FillJournal.open(dataDir)) {
      journal.append(buy("k2", K_FED, Outcome.YES, "2", "0.40", "0"));
      journal.append(new FillVoid(io.github.crossarb.core.model.VenueId.KALSHI, "x1", T0));
    }

    Result result = positions("--json");

    JsonNode json = VenueJson.MAPPER.readTree(result.out());
    assertThat(json.get("source").asText()).isEqualTo(FillJournal.FILE_NAME);
    assertThat(json.get("warnings").get(0).asText()).contains("reflects 3 of 5 journal entries");
    assertThat(json.get("journalEntries").asLong()).isEqualTo(5);
    JsonNode pair = json.get("pairs").get(0);
    assertThat(pair.get("pairId").asText()).as("grouped as positions.json knew").isEqualTo("fed-dec");
    assertThat(pair.get("residual").asText()).isEqualTo("2");
    assertThat(json.get("unpaired")).as("the voided stray fill is gone").isEmpty();
    assertThat(Files.readAllBytes(dataDir.resolve(PositionsFile.FILE_NAME))).as("read-only").isEqualTo(snapshot);
    assertThat(positions().out()).startsWith("warning: positions.json reflects 3 of 5 journal entries");
  }

  @Test
  void aMissingSnapshotIsReplayedFromTheJournalWithoutPairs() throws Exception {
    engineLedger().close();
    Files.delete(dataDir.resolve(PositionsFile.FILE_NAME));

    JsonNode json = VenueJson.MAPPER.readTree(positions("--json").out());

    assertThat(json.get("warnings").get(0).asText()).contains("positions.json is missing");
    assertThat(json.get("pairs")).isEmpty();
    assertThat(json.get("unpaired")).hasSize(3);
  }

  @Test
  void lostJournalEntriesAreAWarning() throws Exception {
    engineLedger().close();
    Path journal = dataDir.resolve(FillJournal.FILE_NAME);
    List<String> lines = Files.readAllLines(journal);
    Files.write(journal, lines.subList(0, 2));

    Result result = positions();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).contains("warning: positions.json reflects 3 journal entries but fills.jsonl holds only 2");
  }

  @Test
  void noLedgerYetSaysSo() {
    Result result = positions();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).contains("no ledger in " + dataDir);
  }

  @Test
  void aMalformedLedgerFileIsAOneLineConfigurationError() throws Exception {
    Files.writeString(dataDir.resolve(PositionsFile.FILE_NAME), "{\"schemaVersion\": 1, \"updatedAt\": ");

    Result result = positions();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.errLines()).singleElement().asString()
        .startsWith("controller: cannot read the ledger: ")
        .contains(dataDir.resolve(PositionsFile.FILE_NAME).toString());
  }
}
