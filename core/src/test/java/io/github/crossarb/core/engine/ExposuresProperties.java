package io.github.crossarb.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.engine.internal.Exposures;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PolymarketMarket;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.position.PositionLedger;
import io.github.crossarb.core.risk.Exposure;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The risk check's exposure: an execution in flight counts its allowed orders until their fills
 * reach the ledger, and never twice once they have.
 */
class ExposuresProperties {
  private static final MarketPair PAIR = MarketPair.approved("p", "KX", new PolymarketMarket("0xc", "1", "2"),
      PairRelation.SAME);

  private static LedgerSnapshot ledgerWith(int kalshiContracts, int polymarketContracts) {
    PositionLedger ledger = new PositionLedger(List.of(PAIR));
    if (kalshiContracts > 0) {
      ledger.apply(new Fill("k", InstrumentId.kalshi("KX"), Outcome.YES, Side.BUY, Price.parse("0.40"),
          Quantity.of(kalshiContracts), Money.ZERO, Instant.EPOCH, null, "p"));
    }
    if (polymarketContracts > 0) {
      ledger.apply(new Fill("pm", InstrumentId.polymarket("2"), Outcome.NO, Side.BUY, Price.parse("0.50"),
          Quantity.of(polymarketContracts), Money.ZERO, Instant.EPOCH, null, "p"));
    }
    return ledger.snapshot();
  }

  @Property
  void inFlightOrdersCountUntilTheirFillsArriveAndNeverTwice(
      @ForAll @IntRange(min = 1, max = 100) int size, @ForAll @IntRange(min = 0, max = 100) int filledPercent) {
    LedgerSnapshot before = ledgerWith(0, 0);
    Money kalshiLeg = Money.costOf(Price.parse("0.40"), Quantity.of(size));
    Money polymarketLeg = Money.costOf(Price.parse("0.50"), Quantity.of(size));
    Exposures.InFlight committed = new Exposures.InFlight("p", Exposures.notional(before, "p"),
        Exposures.unhedged(before, "p"), Money.ZERO, Money.ZERO).plus(kalshiLeg, kalshiLeg).plus(polymarketLeg, Money.ZERO);
    Money committedTotal = kalshiLeg.plus(polymarketLeg);

    // no fill yet: the orders count in full
    Exposure pending = Exposures.of(before, List.of(committed), Money.ZERO);
    assertThat(pending.notionalOf("p")).isEqualTo(committedTotal);
    assertThat(pending.totalNotional()).isEqualTo(committedTotal);
    assertThat(pending.unhedgedExposure()).isEqualTo(kalshiLeg);

    // some fills arrived: the larger view counts, so never more than the orders, never less than the ledger
    int filled = size * filledPercent / 100;
    LedgerSnapshot after = ledgerWith(filled, filled);
    Exposure partly = Exposures.of(after, List.of(committed), Money.ZERO);
    assertThat(partly.notionalOf("p")).isEqualTo(max(committedTotal, Exposures.notional(after, "p")));
    assertThat(partly.totalNotional()).isEqualTo(partly.notionalOf("p"));

    // everything filled: the ledger alone, exactly
    LedgerSnapshot done = ledgerWith(size, size);
    Exposure filledAll = Exposures.of(done, List.of(committed), Money.ZERO);
    assertThat(filledAll.notionalOf("p")).isEqualTo(Exposures.notional(done, "p"));
    assertThat(filledAll.totalNotional()).isEqualTo(Exposures.notional(done, "p"));
    assertThat(filledAll).isEqualTo(Exposures.of(done, List.of(), Money.ZERO));
  }

  @Property
  void aResidualInTheLedgerIsUnhedgedExposure(@ForAll @IntRange(min = 1, max = 100) int kalshi,
      @ForAll @IntRange(min = 0, max = 100) int polymarket) {
    LedgerSnapshot ledger = ledgerWith(kalshi, polymarket);
    Exposure e = Exposures.of(ledger, List.of(), Money.parse("-1.5"));
    assertThat(e.unhedgedExposure().isNegative()).isFalse();
    assertThat(e.unhedgedExposure().equals(Money.ZERO)).isEqualTo(kalshi == polymarket);
    assertThat(e.realizedPnlToday()).isEqualTo(Money.parse("-1.5"));
  }

  private static Money max(Money a, Money b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
