package io.github.crossarb.core.position;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.pair.PairRelation;
import java.util.List;
import java.util.Objects;

/**
 * What the ledger holds at one point: positions, pairs and totals. Immutable; what is persisted
 * to {@code positions.json} and shown to the operator. Two ledgers that applied the same journal
 * entries in the same order with the same pairs have equal snapshots.
 *
 * <p>Signed quantities ({@code ...Micros} components) are {@code long} micros of a contract;
 * they are negative only for an oversold position (see {@link Position}).
 *
 * @param journalEntries how many journal entries (fills and voids that changed the ledger) this
 *     snapshot reflects
 * @param fills fills applied and not voided
 * @param voidedFills fill ids voided (including voids that arrived before their fill)
 * @param positions one per (instrument, outcome) ever filled, sorted by instrument then outcome
 * @param pairs one per known pair with at least one leg, sorted by pair id
 * @param totals sums over all positions (money) and all pairs (hedges)
 */
public record LedgerSnapshot(
    long journalEntries, long fills, long voidedFills, List<Position> positions, List<PairPosition> pairs, Totals totals) {

  public LedgerSnapshot {
    if (journalEntries < 0 || fills < 0 || voidedFills < 0) {
      throw new IllegalArgumentException("negative count in snapshot");
    }
    positions = List.copyOf(positions);
    pairs = List.copyOf(pairs);
    Objects.requireNonNull(totals, "totals");
  }

  /** The snapshot of a ledger that has applied nothing. */
  public static LedgerSnapshot empty() {
    return new LedgerSnapshot(0, 0, 0, List.of(), List.of(), Totals.ZERO);
  }

  /** The position in {@code outcome} of {@code instrument}, or null if it was never filled. */
  public Position position(InstrumentId instrument, Outcome outcome) {
    for (Position p : positions) {
      if (p.instrument().equals(instrument) && p.outcome() == outcome) {
        return p;
      }
    }
    return null;
  }

  /** The pair with id {@code pairId}, or null if it has no leg. */
  public PairPosition pair(String pairId) {
    for (PairPosition p : pairs) {
      if (p.pairId().equals(pairId)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Our holding of one outcome of one instrument, by the average-cost method.
   *
   * <p>Buys add their cost ({@link Money#costOf}, rounded up) to {@code costBasis} and their fee
   * to {@code openFees}. A sell releases the share {@code sold / held} of both, rounded to the
   * nearest micro (ties away from zero); closing the whole holding releases exactly what is left,
   * so nothing is ever stranded. Realised P&amp;L of a sell = proceeds ({@link Money#proceedsOf},
   * rounded down) − cost released − open fees released − the sell's own fee.
   *
   * <p>Oversold: these contracts cannot be shorted, so selling more than we hold means a fill is
   * missing or out of order. It is recorded, not refused (the venue did trade): the excess makes
   * {@code netMicros} negative and {@link #oversold()} true, its proceeds become a negative
   * {@code costBasis}, and a later buy covers it by the same average-cost rule. Every snapshot
   * with an oversold position needs an operator's look.
   *
   * <p>Invariant, exact to the micro: {@code realizedPnl − costBasis − openFees} = Σ sell proceeds
   * − Σ buy costs − Σ fees over this position's fills.
   *
   * @param netMicros contracts held (bought − sold), signed micros
   * @param bought total bought over all fills
   * @param sold total sold over all fills
   * @param fillCount fills applied to this position
   * @param costBasis what the held contracts cost, fees excluded
   * @param openFees buy fees of the held contracts (capitalised until they are sold or settle)
   * @param feesPaid every fee paid on this position, buys and sells
   * @param realizedPnl profit (negative: loss) realised by sells
   */
  public record Position(
      InstrumentId instrument,
      Outcome outcome,
      long netMicros,
      Quantity bought,
      Quantity sold,
      long fillCount,
      Money costBasis,
      Money openFees,
      Money feesPaid,
      Money realizedPnl) {

    public Position {
      Objects.requireNonNull(instrument, "instrument");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(bought, "bought");
      Objects.requireNonNull(sold, "sold");
      Objects.requireNonNull(costBasis, "costBasis");
      Objects.requireNonNull(openFees, "openFees");
      Objects.requireNonNull(feesPaid, "feesPaid");
      Objects.requireNonNull(realizedPnl, "realizedPnl");
    }

    /** Whether more was sold than bought (a fill is missing, or arrived out of order). */
    public boolean oversold() {
      return netMicros < 0;
    }

    /** Contracts held; zero when flat or oversold. */
    public Quantity held() {
      return Quantity.ofMicros(Math.max(0, netMicros));
    }

    @Override
    public String toString() {
      return instrument + " " + outcome + " net " + Fixed.format(netMicros) + " cost " + costBasis
          + " openFees " + openFees + " realized " + realizedPnl + (oversold() ? " OVERSOLD" : "");
    }
  }

  /**
   * The positions of one pair, seen as "pays if Kalshi YES" and "pays if Kalshi NO". A Kalshi leg
   * counts for its own outcome; a Polymarket token counts for the Kalshi outcome it is equivalent
   * to ({@code SAME}: the same outcome, {@code COMPLEMENT}: the opposite one).
   *
   * <p>Each hedged unit (one YES-equivalent plus one NO-equivalent) pays exactly $1 whatever
   * happens. The cost attributed to the hedge is, for each side, that side's open cost plus open
   * fees times {@code hedged / sideQuantity} (the side's average cost per contract), rounded up
   * to the micro so that {@code lockedProfit} is never overstated; when a side is hedged whole,
   * all its cost is attributed. Fees already realised (sell fees) are in {@code realizedPnl}, not
   * in {@code hedgedCost}.
   *
   * @param legs the pair's positions (Kalshi YES, Kalshi NO, Polymarket YES token, Polymarket NO
   *     token; those ever filled)
   * @param yesEquivalentMicros signed contracts that pay $1 if Kalshi YES
   * @param noEquivalentMicros signed contracts that pay $1 if Kalshi NO
   * @param hedged {@code max(0, min(yes, no))}
   * @param hedgedCost cost and open fees attributed to the hedged units
   * @param lockedProfit {@code hedged × $1 − hedgedCost}: profit locked in whatever happens
   * @param costBasis sum of the legs' cost bases
   * @param openFees sum of the legs' open fees
   * @param feesPaid sum of the legs' fees paid
   * @param realizedPnl sum of the legs' realised P&amp;L
   */
  public record PairPosition(
      String pairId,
      PairRelation relation,
      List<Position> legs,
      long yesEquivalentMicros,
      long noEquivalentMicros,
      Quantity hedged,
      Money hedgedCost,
      Money lockedProfit,
      Money costBasis,
      Money openFees,
      Money feesPaid,
      Money realizedPnl) {

    public PairPosition {
      Objects.requireNonNull(pairId, "pairId");
      Objects.requireNonNull(relation, "relation");
      legs = List.copyOf(legs);
      Objects.requireNonNull(hedged, "hedged");
      Objects.requireNonNull(hedgedCost, "hedgedCost");
      Objects.requireNonNull(lockedProfit, "lockedProfit");
      Objects.requireNonNull(costBasis, "costBasis");
      Objects.requireNonNull(openFees, "openFees");
      Objects.requireNonNull(feesPaid, "feesPaid");
      Objects.requireNonNull(realizedPnl, "realizedPnl");
    }

    /** {@code yes − no}: positive means unhedged Kalshi-YES exposure, negative Kalshi-NO. */
    public long residualMicros() {
      return Math.subtractExact(yesEquivalentMicros, noEquivalentMicros);
    }

    /** The Kalshi outcome the residual pays on, or null when fully hedged. */
    public Outcome residualSide() {
      long r = residualMicros();
      return r > 0 ? Outcome.YES : r < 0 ? Outcome.NO : null;
    }

    /** The unhedged residual, unsigned. */
    public Quantity residual() {
      return Quantity.ofMicros(Math.absExact(residualMicros()));
    }

    /** Open cost and open fees not attributed to the hedge: the money at stake on the residual. */
    public Money unhedgedCost() {
      return costBasis.plus(openFees).minus(hedgedCost);
    }
  }

  /**
   * Sums: money over every position (paired or not), hedges over every pair.
   *
   * @param oversoldPositions positions with {@link Position#oversold()}; should be zero
   */
  public record Totals(
      Money costBasis,
      Money openFees,
      Money feesPaid,
      Money realizedPnl,
      Quantity hedged,
      Money hedgedCost,
      Money lockedProfit,
      long oversoldPositions) {

    public static final Totals ZERO =
        new Totals(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Quantity.ZERO, Money.ZERO, Money.ZERO, 0);

    public Totals {
      Objects.requireNonNull(costBasis, "costBasis");
      Objects.requireNonNull(openFees, "openFees");
      Objects.requireNonNull(feesPaid, "feesPaid");
      Objects.requireNonNull(realizedPnl, "realizedPnl");
      Objects.requireNonNull(hedged, "hedged");
      Objects.requireNonNull(hedgedCost, "hedgedCost");
      Objects.requireNonNull(lockedProfit, "lockedProfit");
      if (oversoldPositions < 0) {
        throw new IllegalArgumentException("negative oversold count");
      }
    }
  }
}
