package io.github.crossarb.core.engine.internal;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.risk.Exposure;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the risk check's {@link Exposure} from the ledger plus what executions in flight have
 * committed and the ledger does not show yet (fills arrive after the orders' answers). Per pair
 * the larger of the two views counts: the ledger now, or the ledger when the execution started
 * plus the orders it was allowed since. That neither forgets an order whose fill is late nor
 * counts a fill twice. An IOC order that filled nothing keeps counting until its execution ends:
 * the error is on the safe side and short.
 */
public final class Exposures {
  private Exposures() {}

  /**
   * What one execution in flight has committed.
   *
   * @param baseNotional the pair's notional in the ledger when the execution started
   * @param baseUnhedged the pair's unhedged cost then
   * @param committed notional of the orders the risk check allowed since
   * @param committedUnhedged unhedged exposure those orders could add
   */
  public record InFlight(String pairId, Money baseNotional, Money baseUnhedged, Money committed,
      Money committedUnhedged) {
    public InFlight {
      Objects.requireNonNull(pairId, "pairId");
    }

    public InFlight plus(Money notional, Money unhedged) {
      return new InFlight(pairId, baseNotional, baseUnhedged, committed.plus(notional),
          committedUnhedged.plus(unhedged));
    }
  }

  /** The pair's committed money in {@code ledger}: open cost plus open fees (never negative). */
  public static Money notional(LedgerSnapshot ledger, String pairId) {
    LedgerSnapshot.PairPosition p = ledger.pair(pairId);
    return p == null ? Money.ZERO : atLeastZero(p.costBasis().plus(p.openFees()));
  }

  /** The pair's unhedged cost in {@code ledger} (never negative). */
  public static Money unhedged(LedgerSnapshot ledger, String pairId) {
    LedgerSnapshot.PairPosition p = ledger.pair(pairId);
    return p == null ? Money.ZERO : atLeastZero(p.unhedgedCost());
  }

  public static Exposure of(LedgerSnapshot ledger, Collection<InFlight> inFlight, Money realizedPnlToday) {
    Map<String, Money> byPair = new HashMap<>();
    Money unhedged = Money.ZERO;
    for (LedgerSnapshot.PairPosition p : ledger.pairs()) {
      byPair.put(p.pairId(), atLeastZero(p.costBasis().plus(p.openFees())));
      unhedged = unhedged.plus(atLeastZero(p.unhedgedCost()));
    }
    Money total = atLeastZero(ledger.totals().costBasis().plus(ledger.totals().openFees()));
    for (InFlight f : inFlight) {
      Money now = byPair.getOrDefault(f.pairId(), Money.ZERO);
      Money extra = atLeastZero(f.baseNotional().plus(f.committed()).minus(now));
      byPair.put(f.pairId(), now.plus(extra));
      total = total.plus(extra);
      // Unhedged exposure not in the ledger yet can only come from orders not in the ledger yet: once
      // every fill arrived (the hedge's too) the ledger alone says what is unhedged.
      Money unhedgedNow = unhedged(ledger, f.pairId());
      Money unhedgedExtra = atLeastZero(f.baseUnhedged().plus(f.committedUnhedged()).minus(unhedgedNow));
      unhedged = unhedged.plus(unhedgedExtra.compareTo(extra) <= 0 ? unhedgedExtra : extra);
    }
    return new Exposure(byPair, total, unhedged, realizedPnlToday);
  }

  private static Money atLeastZero(Money m) {
    return m.isNegative() ? Money.ZERO : m;
  }
}
