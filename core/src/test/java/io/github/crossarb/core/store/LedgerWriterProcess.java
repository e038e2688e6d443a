package io.github.crossarb.core.store;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.position.DurableLedger;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.position.JournalEntry;
import io.github.crossarb.core.position.LedgerFixtures;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The victim of {@link LedgerCrashIT}: recovers the ledger of a data directory, then records
 * random fills, duplicates and voids through {@link JsonLedgerStore} until it is killed, printing
 * {@code OK <n> <journalEntries>} after each entry is recorded (so each printed count is durable).
 *
 * <p>Usage: {@code LedgerWriterProcess <dataDir> <seed>}
 */
public final class LedgerWriterProcess {
  private static final int MAX_ENTRIES = 20_000; // stops by itself if nobody kills it

  private LedgerWriterProcess() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    Random random = new Random(seed);
    PrintStream out = System.out;
    boolean snapshotsAfter = args.length > 2 && args[2].equals("snapshots-after");
    JsonLedgerStore store = JsonLedgerStore.open(dir, java.time.Clock.systemUTC());
    try (DurableLedger ledger = DurableLedger.open(store, LedgerFixtures.PAIRS, snapshotsAfter)) {
      out.println("READY " + ledger.snapshot().journalEntries() + " " + ledger.recovery().reason());
      out.flush();
      List<Fill> mine = new ArrayList<>();
      for (int i = 0; i < MAX_ENTRIES; i++) {
        JournalEntry entry = next(random, "s" + seed + "-" + i, mine);
        ledger.record(entry);
        out.println("OK " + i + " " + ledger.snapshot().journalEntries());
        out.flush();
      }
    }
  }

  private static JournalEntry next(Random random, String id, List<Fill> mine) {
    int roll = random.nextInt(10);
    if (roll == 0 && !mine.isEmpty()) {
      return mine.get(random.nextInt(mine.size())); // a duplicate: records nothing
    }
    if (roll == 1 && !mine.isEmpty()) {
      Fill f = mine.get(random.nextInt(mine.size()));
      return new FillVoid(f.venue(), f.fillId(), Instant.now());
    }
    Object[][] legs = {
        {LedgerFixtures.K_FED, Outcome.YES}, {LedgerFixtures.K_FED, Outcome.NO},
        {LedgerFixtures.P_FED_YES, Outcome.YES}, {LedgerFixtures.P_FED_NO, Outcome.NO},
        {LedgerFixtures.K_BTC, Outcome.YES}, {LedgerFixtures.P_BTC_YES, Outcome.YES},
        {LedgerFixtures.K_LONE, Outcome.NO}};
    Object[] leg = legs[random.nextInt(legs.length)];
    Fill f = new Fill(id, (io.github.crossarb.core.model.InstrumentId) leg[0], (Outcome) leg[1],
        random.nextInt(3) == 0 ? Side.SELL : Side.BUY,
        Price.ofMicros(100L * random.nextInt(10_001)),
        Quantity.ofMicros(10_000L * (1 + random.nextInt(10_000))),
        Money.ofMicros(random.nextInt(100_000)), Instant.now(), null, random.nextBoolean() ? "fed-dec" : null);
    mine.add(f);
    return f;
  }
}
