package io.github.crossarb.core.position;

import static io.github.crossarb.core.position.LedgerFixtures.PAIRS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PositionLedgerProperties {

  @Provide
  Arbitrary<List<Fill>> fills() {
    return LedgerArbitraries.fills(60);
  }

  @Property(tries = 300)
  void netQuantityIsTheSignedSumOfFills(@ForAll("fills") List<Fill> fills) {
    LedgerSnapshot s = LedgerFixtures.ledgerOf(fills.toArray(Fill[]::new)).snapshot();
    Map<String, Long> expected = new HashMap<>();
    for (Fill f : fills) {
      long signed = f.side() == Side.BUY ? f.quantity().micros() : -f.quantity().micros();
      expected.merge(f.instrument() + " " + f.outcome(), signed, Long::sum);
    }
    assertThat(s.positions()).hasSize(expected.size());
    for (LedgerSnapshot.Position p : s.positions()) {
      assertThat(p.netMicros()).isEqualTo(expected.get(p.instrument() + " " + p.outcome()));
      assertThat(p.netMicros()).isEqualTo(p.bought().micros() - p.sold().micros());
    }
    assertThat(s.fills()).isEqualTo(fills.size());
  }

  @Property(tries = 300)
  void realisedMinusOpenCostIsTheCashFlowToTheMicro(@ForAll("fills") List<Fill> fills) {
    LedgerSnapshot s = LedgerFixtures.ledgerOf(fills.toArray(Fill[]::new)).snapshot();
    Map<String, Long> cash = new HashMap<>();
    for (Fill f : fills) {
      long flow = (f.side() == Side.BUY ? -f.notional().micros() : f.notional().micros()) - f.fee().micros();
      cash.merge(f.instrument() + " " + f.outcome(), flow, Long::sum);
    }
    for (LedgerSnapshot.Position p : s.positions()) {
      long derived = p.realizedPnl().micros() - p.costBasis().micros() - p.openFees().micros();
      assertThat(derived).as(p.toString()).isEqualTo(cash.get(p.instrument() + " " + p.outcome()));
      assertThat(p.openFees().isNegative()).isFalse();
      if (p.netMicros() == 0) {
        assertThat(p.costBasis()).isEqualTo(Money.ZERO);
        assertThat(p.openFees()).isEqualTo(Money.ZERO);
      }
      if (p.netMicros() < 0) {
        assertThat(p.openFees()).isEqualTo(Money.ZERO);
        assertThat(p.costBasis().isPositive()).isFalse();
      }
      if (p.netMicros() > 0) {
        assertThat(p.costBasis().isNegative()).isFalse();
      }
    }
  }

  @Property(tries = 200)
  void replayingTheSameFillsInTheSameOrderGivesTheSameSnapshot(@ForAll("fills") List<Fill> fills) {
    assertThat(LedgerFixtures.ledgerOf(fills.toArray(Fill[]::new)).snapshot())
        .isEqualTo(PositionLedger.replay(PAIRS, fills).snapshot());
  }

  @Property(tries = 200)
  void duplicatesChangeNothing(@ForAll("fills") List<Fill> fills, @ForAll("fills") List<Fill> picks) {
    PositionLedger ledger = LedgerFixtures.ledgerOf(fills.toArray(Fill[]::new));
    LedgerSnapshot before = ledger.snapshot();
    for (int i = 0; i < Math.min(picks.size(), fills.size()); i++) {
      Fill again = fills.get(Math.floorMod(picks.get(i).hashCode(), fills.size()));
      assertThat(ledger.apply(again)).isFalse();
    }
    assertThat(ledger.snapshot()).isEqualTo(before);
  }

  @Property(tries = 200)
  void voidingFillsIsAsIfTheyNeverHappened(@ForAll("fills") List<Fill> fills, @ForAll Set<Integer> toVoid) {
    PositionLedger ledger = LedgerFixtures.ledgerOf(fills.toArray(Fill[]::new));
    Set<Integer> voided = toVoid.stream().filter(i -> i >= 0 && i < fills.size()).collect(Collectors.toSet());
    List<Fill> kept = new ArrayList<>();
    for (int i = 0; i < fills.size(); i++) {
      if (voided.contains(i)) {
        assertThat(ledger.voidFill(fills.get(i).venue(), fills.get(i).fillId())).isTrue();
      } else {
        kept.add(fills.get(i));
      }
    }
    LedgerSnapshot after = ledger.snapshot();
    LedgerSnapshot never = LedgerFixtures.ledgerOf(kept.toArray(Fill[]::new)).snapshot();
    // a position whose fills were all voided stays out, as if never filled
    assertThat(after.positions()).isEqualTo(never.positions());
    assertThat(after.pairs()).isEqualTo(never.pairs());
    assertThat(after.totals()).isEqualTo(never.totals());
    assertThat(after.voidedFills()).isEqualTo(voided.size());
    assertThat(after.journalEntries()).isEqualTo(fills.size() + voided.size());
  }

  @Property(tries = 300)
  void pairHedgeIsTheSmallerSideAndLegsAddUp(@ForAll("fills") List<Fill> fills) {
    LedgerSnapshot s = LedgerFixtures.ledgerOf(fills.toArray(Fill[]::new)).snapshot();
    long hedged = 0;
    for (LedgerSnapshot.PairPosition p : s.pairs()) {
      long yes = p.yesEquivalentMicros();
      long no = p.noEquivalentMicros();
      assertThat(p.hedged().micros()).isEqualTo(Math.max(0, Math.min(yes, no)));
      assertThat(p.residualMicros()).isEqualTo(yes - no);
      assertThat(p.lockedProfit().micros()).isEqualTo(p.hedged().micros() - p.hedgedCost().micros());
      long legsNet = p.legs().stream().mapToLong(LedgerSnapshot.Position::netMicros).sum();
      assertThat(legsNet).isEqualTo(yes + no);
      boolean allLong = p.legs().stream().noneMatch(LedgerSnapshot.Position::oversold);
      if (allLong) {
        // attributed cost never exceeds what the legs cost, nor goes negative
        assertThat(p.hedgedCost().micros()).isBetween(0L, p.costBasis().micros() + p.openFees().micros());
      }
      hedged += p.hedged().micros();
    }
    assertThat(s.totals().hedged().micros()).isEqualTo(hedged);
  }

  @Property(tries = 100)
  void aKalshiLegCountsForItsOwnOutcomeAndATokenThroughTheRelation(@ForAll("fills") List<Fill> fills) {
    LedgerSnapshot s = LedgerFixtures.ledgerOf(fills.toArray(Fill[]::new)).snapshot();
    for (LedgerSnapshot.PairPosition p : s.pairs()) {
      long yes = 0;
      for (LedgerSnapshot.Position leg : p.legs()) {
        InstrumentId id = leg.instrument();
        Outcome kalshiOutcome = id.venue() == io.github.crossarb.core.model.VenueId.KALSHI ? leg.outcome()
            : p.relation() == io.github.crossarb.core.pair.PairRelation.SAME ? leg.outcome() : leg.outcome().opposite();
        if (kalshiOutcome == Outcome.YES) {
          yes += leg.netMicros();
        }
      }
      assertThat(p.yesEquivalentMicros()).isEqualTo(yes);
    }
  }
}
