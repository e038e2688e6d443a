package io.github.crossarb.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.venue.Table;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pair.PolymarketMarket;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.position.PositionLedger;
import io.github.crossarb.core.store.FillJournal;
import io.github.crossarb.core.store.PositionsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The controller's ledger as {@code positions} shows it, read without the engine and without
 * writing anything: {@code positions.json}, checked against the journal {@code fills.jsonl}.
 *
 * <p>If the journal holds entries the snapshot does not reflect (a crash between the two writes;
 * the engine repairs it on its next start), the journal is replayed here in memory, grouping
 * positions into pairs as the snapshot knew them; a warning says so. If the snapshot reflects more
 * entries than the journal holds, the snapshot is shown with a warning: journal entries were lost,
 * and the engine will refuse to start until someone looks.
 *
 * @param source where the positions come from: {@code positions.json} or the journal replay
 * @param updatedAt when {@code positions.json} was written; null if it is missing
 * @param warnings what the operator must know about the files, one line each
 */
record LedgerView(Path dataDir, LedgerSnapshot snapshot, String source, Instant updatedAt, List<String> warnings) {

  LedgerView {
    warnings = List.copyOf(warnings);
  }

  /** Whether there is no ledger at all (neither file). */
  boolean empty() {
    return updatedAt == null && snapshot.journalEntries() == 0;
  }

  /**
   * Reads the ledger of {@code dataDir}.
   *
   * @throws ConfigException naming the file if one is unreadable or malformed
   */
  static LedgerView read(Path dataDir) {
    Optional<PositionsFile.Saved> saved;
    FillJournal.Contents journal;
    try {
      saved = PositionsFile.read(dataDir);
      journal = FillJournal.read(dataDir.resolve(FillJournal.FILE_NAME));
    } catch (IOException e) {
      throw new ConfigException("cannot read the ledger: " + e.getMessage(), e);
    }
    List<String> warnings = new ArrayList<>();
    if (journal.tornTailBytes() > 0) {
      warnings.add(FillJournal.FILE_NAME + " ends with " + journal.tornTailBytes()
          + " bytes of an unfinished entry (a crash mid-write); ignored");
    }
    long journalEntries = journal.entries().size();
    Instant updatedAt = saved.map(PositionsFile.Saved::updatedAt).orElse(null);
    if (saved.isPresent()) {
      LedgerSnapshot snapshot = saved.get().snapshot();
      if (snapshot.journalEntries() == journalEntries) {
        return new LedgerView(dataDir, snapshot, PositionsFile.FILE_NAME, updatedAt, warnings);
      }
      if (snapshot.journalEntries() > journalEntries) {
        warnings.add(PositionsFile.FILE_NAME + " reflects " + snapshot.journalEntries() + " journal entries but "
            + FillJournal.FILE_NAME + " holds only " + journalEntries
            + ": journal entries were lost; the engine will refuse to start until this is resolved");
        return new LedgerView(dataDir, snapshot, PositionsFile.FILE_NAME, updatedAt, warnings);
      }
    }
    if (journalEntries == 0) {
      return new LedgerView(dataDir, LedgerSnapshot.empty(), PositionsFile.FILE_NAME, null, warnings);
    }
    List<MarketPair> pairs = saved.map(s -> pairsOf(s.snapshot())).orElse(List.of());
    LedgerSnapshot replayed;
    try {
      replayed = PositionLedger.replay(pairs, journal.entries()).snapshot();
    } catch (RuntimeException e) {
      throw new ConfigException("cannot replay " + dataDir.resolve(FillJournal.FILE_NAME) + ": " + e.getMessage(), e);
    }
    warnings.add(saved.isPresent()
        ? PositionsFile.FILE_NAME + " reflects " + saved.get().snapshot().journalEntries() + " of " + journalEntries
            + " journal entries (the engine rewrites it on its next start): shown from " + FillJournal.FILE_NAME
            + ", grouped into the pairs " + PositionsFile.FILE_NAME + " knew"
        : PositionsFile.FILE_NAME + " is missing (the engine rewrites it on its next start): shown from "
            + FillJournal.FILE_NAME + ", without pairs");
    return new LedgerView(dataDir, replayed, FillJournal.FILE_NAME, updatedAt, warnings);
  }

  /**
   * The pairs a snapshot groups positions by, as far as its legs tell: a leg never filled is
   * unknown, and stands in as an instrument no fill names, so the replay groups exactly the legs
   * the snapshot knew.
   */
  private static List<MarketPair> pairsOf(LedgerSnapshot snapshot) {
    List<MarketPair> pairs = new ArrayList<>();
    Set<InstrumentId> used = new HashSet<>();
    for (LedgerSnapshot.PairPosition p : snapshot.pairs()) {
      String kalshi = null;
      String yes = null;
      String no = null;
      for (LedgerSnapshot.Position leg : p.legs()) {
        InstrumentId instrument = leg.instrument();
        if (instrument.venue() == VenueId.KALSHI) {
          kalshi = instrument.symbol();
        } else if (leg.outcome() == Outcome.YES) {
          yes = instrument.symbol();
        } else {
          no = instrument.symbol();
        }
      }
      String unknown = "(unknown-" + p.pairId() + ")";
      MarketPair pair = MarketPair.approved(p.pairId(), kalshi == null ? unknown + "kalshi" : kalshi,
          new PolymarketMarket(unknown + "condition", yes == null ? unknown + "yes" : yes, no == null ? unknown + "no" : no),
          p.relation());
      boolean clash = false;
      for (InstrumentId instrument : List.of(pair.kalshiInstrument(), pair.polymarket().token(Outcome.YES),
          pair.polymarket().token(Outcome.NO))) {
        clash |= !used.add(instrument);
      }
      if (!clash) {
        pairs.add(pair);
      }
    }
    return pairs;
  }

  // ------------------------------------------------------------------------------- output

  String table() {
    StringBuilder out = new StringBuilder();
    warnings.forEach(w -> out.append("warning: ").append(w).append(System.lineSeparator()));
    if (empty()) {
      out.append("no ledger in ").append(dataDir).append(" (").append(PositionsFile.FILE_NAME).append(" and ")
          .append(FillJournal.FILE_NAME).append(" are written after the engine's first fill)");
      return out.toString();
    }
    out.append("ledger ").append(dataDir.resolve(source)).append(": ").append(snapshot.journalEntries())
        .append(" journal entries, ").append(snapshot.fills()).append(" fills, ").append(snapshot.voidedFills())
        .append(" voided").append(updatedAt == null ? "" : ", updated " + updatedAt).append(System.lineSeparator());
    if (!snapshot.pairs().isEmpty()) {
      Table pairs = new Table("PAIR", "RELATION", "HEDGED", "RESIDUAL", "COST", "FEES PAID", "LOCKED P&L", "REALIZED P&L");
      for (LedgerSnapshot.PairPosition p : snapshot.pairs()) {
        pairs.row(p.pairId(), lower(p.relation()), p.hedged(), residual(p), Table.dollars(p.costBasis().plus(p.openFees())),
            Table.dollars(p.feesPaid()), Table.dollars(p.lockedProfit()), Table.dollars(p.realizedPnl()));
      }
      out.append(System.lineSeparator()).append(pairs).append(System.lineSeparator());
    }
    Table legs = new Table("PAIR", "INSTRUMENT", "OUTCOME", "NET", "BOUGHT", "SOLD", "COST", "FEES PAID", "REALIZED P&L");
    List<LedgerSnapshot.Position> paired = new ArrayList<>();
    snapshot.pairs().forEach(p -> paired.addAll(p.legs()));
    List<LedgerSnapshot.Position> rows = new ArrayList<>(paired); // pair by pair, then the positions in no pair
    snapshot.positions().stream().filter(p -> !paired.contains(p)).forEach(rows::add);
    for (LedgerSnapshot.Position position : rows) {
      legs.row(pairIdOf(position), position.instrument(), lower(position.outcome()),
          Fixed.format(position.netMicros()) + (position.oversold() ? " OVERSOLD" : ""), position.bought(), position.sold(),
          Table.dollars(position.costBasis().plus(position.openFees())), Table.dollars(position.feesPaid()),
          Table.dollars(position.realizedPnl()));
    }
    if (!legs.isEmpty()) {
      out.append(System.lineSeparator()).append(legs).append(System.lineSeparator());
    }
    LedgerSnapshot.Totals t = snapshot.totals();
    out.append(System.lineSeparator()).append("total: hedged ").append(t.hedged()).append(", cost ")
        .append(Table.dollars(t.costBasis().plus(t.openFees()))).append(", fees paid ").append(Table.dollars(t.feesPaid()))
        .append(", locked P&L ").append(Table.dollars(t.lockedProfit())).append(", realized P&L ")
        .append(Table.dollars(t.realizedPnl()));
    if (t.oversoldPositions() > 0) {
      out.append(System.lineSeparator()).append("warning: ").append(t.oversoldPositions())
          .append(" oversold position(s): a fill is missing or arrived out of order; reconcile before trading");
    }
    return out.toString();
  }

  ObjectNode json() {
    ObjectNode o = VenueJson.MAPPER.createObjectNode();
    o.put("dataDir", dataDir.toString());
    o.put("source", empty() ? null : source);
    o.put("updatedAt", updatedAt == null ? null : updatedAt.toString());
    ArrayNode w = o.putArray("warnings");
    warnings.forEach(w::add);
    o.put("journalEntries", snapshot.journalEntries());
    o.put("fills", snapshot.fills());
    o.put("voidedFills", snapshot.voidedFills());
    ArrayNode pairs = o.putArray("pairs");
    for (LedgerSnapshot.PairPosition p : snapshot.pairs()) {
      ObjectNode n = pairs.addObject();
      n.put("pairId", p.pairId());
      n.put("relation", lower(p.relation()));
      n.put("hedged", p.hedged().toString());
      n.put("residual", p.residual().toString());
      n.put("residualSide", p.residualSide() == null ? null : lower(p.residualSide()));
      n.put("yesEquivalent", Fixed.format(p.yesEquivalentMicros()));
      n.put("noEquivalent", Fixed.format(p.noEquivalentMicros()));
      n.put("costBasis", money(p.costBasis()));
      n.put("openFees", money(p.openFees()));
      n.put("feesPaid", money(p.feesPaid()));
      n.put("hedgedCost", money(p.hedgedCost()));
      n.put("unhedgedCost", money(p.unhedgedCost()));
      n.put("lockedProfit", money(p.lockedProfit()));
      n.put("realizedPnl", money(p.realizedPnl()));
      ArrayNode legs = n.putArray("legs");
      p.legs().forEach(leg -> legs.add(position(leg)));
    }
    ArrayNode unpaired = o.putArray("unpaired");
    for (LedgerSnapshot.Position position : snapshot.positions()) {
      if (pairIdOf(position) == null) {
        unpaired.add(position(position));
      }
    }
    LedgerSnapshot.Totals t = snapshot.totals();
    ObjectNode totals = o.putObject("totals");
    totals.put("hedged", t.hedged().toString());
    totals.put("costBasis", money(t.costBasis()));
    totals.put("openFees", money(t.openFees()));
    totals.put("feesPaid", money(t.feesPaid()));
    totals.put("hedgedCost", money(t.hedgedCost()));
    totals.put("lockedProfit", money(t.lockedProfit()));
    totals.put("realizedPnl", money(t.realizedPnl()));
    totals.put("oversoldPositions", t.oversoldPositions());
    return o;
  }

  private static ObjectNode position(LedgerSnapshot.Position p) {
    ObjectNode n = VenueJson.MAPPER.createObjectNode();
    n.put("instrument", p.instrument().toString());
    n.put("outcome", lower(p.outcome()));
    n.put("net", Fixed.format(p.netMicros()));
    n.put("oversold", p.oversold());
    n.put("bought", p.bought().toString());
    n.put("sold", p.sold().toString());
    n.put("fills", p.fillCount());
    n.put("costBasis", money(p.costBasis()));
    n.put("openFees", money(p.openFees()));
    n.put("feesPaid", money(p.feesPaid()));
    n.put("realizedPnl", money(p.realizedPnl()));
    return n;
  }

  private String pairIdOf(LedgerSnapshot.Position position) {
    for (LedgerSnapshot.PairPosition p : snapshot.pairs()) {
      if (p.legs().contains(position)) {
        return p.pairId();
      }
    }
    return null;
  }

  private static String residual(LedgerSnapshot.PairPosition p) {
    return p.residualSide() == null ? "0" : p.residual() + " " + lower(p.residualSide()) + "-equivalent";
  }

  private static String money(Money m) {
    return Fixed.format(m.micros());
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
