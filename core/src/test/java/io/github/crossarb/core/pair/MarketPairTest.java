package io.github.crossarb.core.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import org.junit.jupiter.api.Test;

class MarketPairTest {
  private static final PolymarketMarket POLY = new PolymarketMarket("0xcond", "111", "222");

  @Test
  void sameRelationMapsOutcomesStraight() {
    MarketPair pair = MarketPair.approved("fed-dec", "KXFED-26DEC-T4.25", POLY, PairRelation.SAME);
    assertThat(pair.polymarketTokenEquivalentTo(Outcome.YES)).isEqualTo(InstrumentId.polymarket("111"));
    assertThat(pair.polymarketTokenEquivalentTo(Outcome.NO)).isEqualTo(InstrumentId.polymarket("222"));
    assertThat(pair.kalshiInstrument()).isEqualTo(InstrumentId.kalshi("KXFED-26DEC-T4.25"));
  }

  @Test
  void complementRelationSwapsThem() {
    MarketPair pair = MarketPair.approved("fed-dec", "KXFED-26DEC-T4.25", POLY, PairRelation.COMPLEMENT);
    assertThat(pair.polymarketTokenEquivalentTo(Outcome.YES)).isEqualTo(InstrumentId.polymarket("222"));
    assertThat(pair.polymarketTokenEquivalentTo(Outcome.NO)).isEqualTo(InstrumentId.polymarket("111"));
  }

  @Test
  void suspensionCarriesItsReason() {
    MarketPair pair = MarketPair.approved("p", "T", POLY, PairRelation.SAME);
    MarketPair suspended = pair.suspend("Kalshi rules text changed");
    assertThat(suspended.isApproved()).isFalse();
    assertThat(suspended.suspendedReason()).isEqualTo("Kalshi rules text changed");
    assertThat(suspended.approve()).isEqualTo(pair);
    assertThatThrownBy(() -> pair.suspend(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PolymarketMarket("c", "1", "1")).isInstanceOf(IllegalArgumentException.class);
  }
}
