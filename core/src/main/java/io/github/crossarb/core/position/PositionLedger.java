package io.github.crossarb.core.position;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.MarketPair;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Our positions, built from fills only. Not thread-safe: one owner applies entries (see
 * {@link DurableLedger} for the persisted, synchronised form).
 *
 * <p>Entries are idempotent by {@code (venue, fillId)}: a fill seen before, or voided before, is
 * ignored ({@code apply} returns false). The same fill id with different trade details is refused
 * with {@link IllegalStateException}: one of the two reports is wrong and someone must look.
 * Voiding a fill removes it and rebuilds every position from the remaining fills in their
 * original order, so a void reverses a fill exactly, whatever came after it.
 *
 * <p>Pairs group positions by instrument; an instrument may belong to one pair at most. A
 * Polymarket fill on a token of a known pair must name the outcome that token represents.
 */
public final class PositionLedger {
  private static final Comparator<PositionKey> KEY_ORDER =
      Comparator.comparing((PositionKey k) -> k.instrument().toString()).thenComparing(PositionKey::outcome);

  private final Map<String, MarketPair> pairsById = new TreeMap<>();
  private final Map<InstrumentId, MarketPair> pairByInstrument = new HashMap<>();
  private final LinkedHashMap<FillKey, Fill> fills = new LinkedHashMap<>();
  private final Set<FillKey> voided = new HashSet<>();
  private TreeMap<PositionKey, PositionState> positions = new TreeMap<>(KEY_ORDER);
  private long journalEntries;

  /**
   * An empty ledger that groups positions by {@code pairs} (any status).
   *
   * @throws IllegalArgumentException if two pairs share an id or an instrument
   */
  public PositionLedger(Collection<MarketPair> pairs) {
    for (MarketPair pair : pairs) {
      if (pairsById.putIfAbsent(pair.id(), pair) != null) {
        throw new IllegalArgumentException("two pairs have the id " + pair.id());
      }
      for (InstrumentId instrument : List.of(pair.kalshiInstrument(),
          pair.polymarket().token(Outcome.YES), pair.polymarket().token(Outcome.NO))) {
        MarketPair other = pairByInstrument.putIfAbsent(instrument, pair);
        if (other != null) {
          throw new IllegalArgumentException(
              "instrument " + instrument + " is in two pairs: " + other.id() + " and " + pair.id());
        }
      }
    }
  }

  /**
   * A ledger that has applied {@code entries} in order, each of which must change it (as in a
   * journal written through {@link DurableLedger}).
   *
   * @throws IllegalArgumentException naming the entry (1-based) that is invalid or changes nothing
   */
  public static PositionLedger replay(Collection<MarketPair> pairs, List<? extends JournalEntry> entries) {
    PositionLedger ledger = new PositionLedger(pairs);
    int n = 0;
    for (JournalEntry entry : entries) {
      n++;
      boolean changed;
      try {
        changed = ledger.apply(entry);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("journal entry " + n + " is invalid: " + e.getMessage(), e);
      }
      if (!changed) {
        throw new IllegalArgumentException("journal entry " + n + " changes nothing (duplicate "
            + entry.venue().label() + " fill " + entry.fillId() + "): the journal should hold only entries that did");
      }
    }
    return ledger;
  }

  /**
   * Applies a fill or a void.
   *
   * @return whether the ledger changed (false for a fill already applied or voided, and for a
   *     second void of the same fill)
   * @throws IllegalArgumentException if a Polymarket fill's outcome contradicts its pair
   * @throws IllegalStateException if the fill id was applied with different trade details
   * @throws ArithmeticException on overflow; the ledger is then unchanged
   */
  public boolean apply(JournalEntry entry) {
    Change change = plan(entry);
    if (change == null) {
      return false;
    }
    commit(change);
    return true;
  }

  /**
   * Reverses the fill {@code fillId} of {@code venue}, or, if it was not seen yet, makes sure it
   * never will be applied.
   *
   * @return whether the ledger changed (false if the fill was already voided)
   */
  public boolean voidFill(VenueId venue, String fillId) {
    return apply(new FillVoid(venue, fillId, Instant.EPOCH));
  }

  /** How many entries changed this ledger: the length of the journal it reflects. */
  public long journalEntries() {
    return journalEntries;
  }

  /** The pairs this ledger groups positions by, sorted by id. */
  public List<MarketPair> pairs() {
    return List.copyOf(pairsById.values());
  }

  public LedgerSnapshot snapshot() {
    List<LedgerSnapshot.Position> list = new ArrayList<>(positions.size());
    Map<PositionKey, LedgerSnapshot.Position> byKey = new HashMap<>();
    long cost = 0;
    long openFees = 0;
    long feesPaid = 0;
    long realized = 0;
    long oversold = 0;
    for (Map.Entry<PositionKey, PositionState> e : positions.entrySet()) {
      LedgerSnapshot.Position p = e.getValue().toPosition(e.getKey().instrument(), e.getKey().outcome());
      list.add(p);
      byKey.put(e.getKey(), p);
      cost = Math.addExact(cost, p.costBasis().micros());
      openFees = Math.addExact(openFees, p.openFees().micros());
      feesPaid = Math.addExact(feesPaid, p.feesPaid().micros());
      realized = Math.addExact(realized, p.realizedPnl().micros());
      if (p.oversold()) {
        oversold++;
      }
    }
    List<LedgerSnapshot.PairPosition> pairViews = new ArrayList<>();
    long hedged = 0;
    long hedgedCost = 0;
    long locked = 0;
    // Only the pairs owning an instrument with a position can have a view (each instrument is in
    // one pair): with thousands of pairs and few positions, a pass over every pair led the
    // engine's profile (each fill saves a snapshot). Sorted by id, as pairsById is.
    TreeMap<String, MarketPair> held = new TreeMap<>();
    for (PositionKey key : byKey.keySet()) {
      MarketPair owner = pairByInstrument.get(key.instrument());
      if (owner != null) {
        held.put(owner.id(), owner);
      }
    }
    for (MarketPair pair : held.values()) {
      LedgerSnapshot.PairPosition view = pairView(pair, byKey);
      if (view != null) {
        pairViews.add(view);
        hedged = Math.addExact(hedged, view.hedged().micros());
        hedgedCost = Math.addExact(hedgedCost, view.hedgedCost().micros());
        locked = Math.addExact(locked, view.lockedProfit().micros());
      }
    }
    LedgerSnapshot.Totals totals = new LedgerSnapshot.Totals(Money.ofMicros(cost), Money.ofMicros(openFees),
        Money.ofMicros(feesPaid), Money.ofMicros(realized), Quantity.ofMicros(hedged), Money.ofMicros(hedgedCost),
        Money.ofMicros(locked), oversold);
    return new LedgerSnapshot(journalEntries, fills.size(), voided.size(), list, pairViews, totals);
  }

  private static LedgerSnapshot.PairPosition pairView(MarketPair pair, Map<PositionKey, LedgerSnapshot.Position> byKey) {
    List<LedgerSnapshot.Position> legs = new ArrayList<>(4);
    long[] quantity = new long[2]; // by Kalshi-equivalent outcome ordinal
    long[] sideCost = new long[2];
    long cost = 0;
    long openFees = 0;
    long feesPaid = 0;
    long realized = 0;
    for (Outcome venueOutcome : Outcome.values()) {
      // Kalshi leg: pays on its own outcome. Polymarket token of Kalshi-equivalent outcome o.
      for (PositionKey key : List.of(new PositionKey(pair.kalshiInstrument(), venueOutcome),
          new PositionKey(pair.polymarketTokenEquivalentTo(venueOutcome), pair.relation().polymarketEquivalent(venueOutcome)))) {
        LedgerSnapshot.Position p = byKey.get(key);
        if (p == null) {
          continue;
        }
        legs.add(p);
        int side = venueOutcome.ordinal();
        quantity[side] = Math.addExact(quantity[side], p.netMicros());
        sideCost[side] = Math.addExact(sideCost[side], Math.addExact(p.costBasis().micros(), p.openFees().micros()));
        cost = Math.addExact(cost, p.costBasis().micros());
        openFees = Math.addExact(openFees, p.openFees().micros());
        feesPaid = Math.addExact(feesPaid, p.feesPaid().micros());
        realized = Math.addExact(realized, p.realizedPnl().micros());
      }
    }
    if (legs.isEmpty()) {
      return null;
    }
    legs.sort(Comparator.comparing((LedgerSnapshot.Position p) -> p.instrument().toString())
        .thenComparing(LedgerSnapshot.Position::outcome));
    long hedged = Math.max(0, Math.min(quantity[0], quantity[1]));
    long hedgedCost = 0;
    if (hedged > 0) {
      for (int side = 0; side < 2; side++) {
        long attributed = hedged == quantity[side] ? sideCost[side] : PositionState.mulDivCeil(sideCost[side], hedged, quantity[side]);
        hedgedCost = Math.addExact(hedgedCost, attributed);
      }
    }
    long yes = quantity[Outcome.YES.ordinal()];
    long no = quantity[Outcome.NO.ordinal()];
    return new LedgerSnapshot.PairPosition(pair.id(), pair.relation(), legs, yes, no, Quantity.ofMicros(hedged),
        Money.ofMicros(hedgedCost), Money.ofMicros(Math.subtractExact(hedged, hedgedCost)), Money.ofMicros(cost),
        Money.ofMicros(openFees), Money.ofMicros(feesPaid), Money.ofMicros(realized));
  }

  // ---- planning and committing one entry: all checks and arithmetic happen before any change ----

  /**
   * Runs every check and computes the new state for {@code entry} without changing anything, so
   * that {@link DurableLedger} can journal the entry between planning and {@link #commit}.
   *
   * @return the change, or null if the entry would change nothing
   * @throws RuntimeException the same exceptions as {@link #apply}, and then nothing changed
   */
  Change plan(JournalEntry entry) {
    Objects.requireNonNull(entry, "entry");
    FillKey key = new FillKey(entry.venue(), entry.fillId());
    if (entry instanceof Fill fill) {
      checkAgainstPairs(fill);
      Fill seen = fills.get(key);
      if (seen != null) {
        if (!seen.sameTradeAs(fill)) {
          throw new IllegalStateException("fill " + key + " was applied as " + describe(seen)
              + " and is now reported as " + describe(fill));
        }
        return null;
      }
      if (voided.contains(key)) {
        return null;
      }
      PositionKey pk = new PositionKey(fill.instrument(), fill.outcome());
      PositionState next = positions.getOrDefault(pk, PositionState.EMPTY).apply(fill);
      return new Change(key, fill, pk, next, null);
    }
    if (voided.contains(key)) {
      return null;
    }
    if (!fills.containsKey(key)) {
      return new Change(key, null, null, null, null); // void before its fill: a tombstone only
    }
    TreeMap<PositionKey, PositionState> rebuilt = new TreeMap<>(KEY_ORDER);
    for (Map.Entry<FillKey, Fill> e : fills.entrySet()) {
      if (!e.getKey().equals(key)) {
        Fill f = e.getValue();
        rebuilt.compute(new PositionKey(f.instrument(), f.outcome()),
            (k, old) -> (old == null ? PositionState.EMPTY : old).apply(f));
      }
    }
    return new Change(key, null, null, null, rebuilt);
  }

  /** Applies a change {@link #plan} made; cannot fail. */
  void commit(Change change) {
    if (change.fill != null) {
      fills.put(change.key, change.fill);
      positions.put(change.positionKey, change.state);
    } else {
      voided.add(change.key);
      if (change.rebuilt != null) {
        fills.remove(change.key);
        positions = change.rebuilt;
      }
    }
    journalEntries++;
  }

  private void checkAgainstPairs(Fill fill) {
    if (fill.venue() != VenueId.POLYMARKET) {
      return;
    }
    MarketPair pair = pairByInstrument.get(fill.instrument());
    if (pair == null) {
      return;
    }
    Outcome tokenOutcome = pair.polymarket().token(Outcome.YES).equals(fill.instrument()) ? Outcome.YES : Outcome.NO;
    if (fill.outcome() != tokenOutcome) {
      throw new IllegalArgumentException("fill " + fill.fillId() + " on " + fill.instrument() + " says "
          + fill.outcome() + " but pair " + pair.id() + " has that token as its " + tokenOutcome + " token");
    }
  }

  private static String describe(Fill f) {
    return f.side() + " " + f.quantity() + " " + f.instrument() + " " + f.outcome() + " @ " + f.price() + " fee " + f.fee();
  }

  private record FillKey(VenueId venue, String fillId) {
    @Override
    public String toString() {
      return venue.label() + ":" + fillId;
    }
  }

  private record PositionKey(InstrumentId instrument, Outcome outcome) {}

  /** Exactly one of: a fill to add (fill, positionKey, state), or a void (rebuilt null for a tombstone). */
  record Change(FillKey key, Fill fill, PositionKey positionKey, PositionState state,
      TreeMap<PositionKey, PositionState> rebuilt) {}
}
