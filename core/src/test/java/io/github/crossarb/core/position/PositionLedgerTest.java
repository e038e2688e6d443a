package io.github.crossarb.core.position;

import static io.github.crossarb.core.position.LedgerFixtures.BTC;
import static io.github.crossarb.core.position.LedgerFixtures.FED;
import static io.github.crossarb.core.position.LedgerFixtures.K_BTC;
import static io.github.crossarb.core.position.LedgerFixtures.K_FED;
import static io.github.crossarb.core.position.LedgerFixtures.K_LONE;
import static io.github.crossarb.core.position.LedgerFixtures.PAIRS;
import static io.github.crossarb.core.position.LedgerFixtures.P_BTC_NO;
import static io.github.crossarb.core.position.LedgerFixtures.P_BTC_YES;
import static io.github.crossarb.core.position.LedgerFixtures.P_FED_NO;
import static io.github.crossarb.core.position.LedgerFixtures.P_FED_YES;
import static io.github.crossarb.core.position.LedgerFixtures.P_LONE;
import static io.github.crossarb.core.position.LedgerFixtures.T0;
import static io.github.crossarb.core.position.LedgerFixtures.buy;
import static io.github.crossarb.core.position.LedgerFixtures.ledgerOf;
import static io.github.crossarb.core.position.LedgerFixtures.money;
import static io.github.crossarb.core.position.LedgerFixtures.sell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PolymarketMarket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionLedgerTest {

  private static LedgerSnapshot.Position position(PositionLedger ledger, io.github.crossarb.core.model.InstrumentId id, Outcome o) {
    return ledger.snapshot().position(id, o);
  }

  private static long micros(String decimal) {
    return Fixed.parse(decimal);
  }

  @Test
  void averageCostBuysAndSellsWithFees() {
    PositionLedger ledger = ledgerOf(
        buy("k1", K_FED, Outcome.YES, "10", "0.40", "0.07"),
        buy("k2", K_FED, Outcome.YES, "10", "0.50", "0.09"));
    LedgerSnapshot.Position p = position(ledger, K_FED, Outcome.YES);
    assertThat(p.netMicros()).isEqualTo(micros("20"));
    assertThat(p.costBasis()).isEqualTo(money("9.00"));
    assertThat(p.openFees()).isEqualTo(money("0.16"));
    assertThat(p.realizedPnl()).isEqualTo(Money.ZERO);

    // sell a quarter at 0.60: proceeds 3.00, cost released 2.25, open fees released 0.04, fee 0.02
    assertThat(ledger.apply(sell("k3", K_FED, Outcome.YES, "5", "0.60", "0.02"))).isTrue();
    p = position(ledger, K_FED, Outcome.YES);
    assertThat(p.netMicros()).isEqualTo(micros("15"));
    assertThat(p.costBasis()).isEqualTo(money("6.75"));
    assertThat(p.openFees()).isEqualTo(money("0.12"));
    assertThat(p.realizedPnl()).isEqualTo(money("0.69"));
    assertThat(p.feesPaid()).isEqualTo(money("0.18"));

    // sell the rest at 0.30: 4.50 − 6.75 − 0.12 − 0.03 = −2.40
    ledger.apply(sell("k4", K_FED, Outcome.YES, "15", "0.30", "0.03"));
    p = position(ledger, K_FED, Outcome.YES);
    assertThat(p.netMicros()).isZero();
    assertThat(p.costBasis()).isEqualTo(Money.ZERO);
    assertThat(p.openFees()).isEqualTo(Money.ZERO);
    assertThat(p.realizedPnl()).isEqualTo(money("-1.71"));
    assertThat(p.feesPaid()).isEqualTo(money("0.21"));
    assertThat(p.bought()).isEqualTo(Quantity.of(20));
    assertThat(p.sold()).isEqualTo(Quantity.of(20));
    assertThat(p.fillCount()).isEqualTo(4);
    // cash: −4.00 − 5.00 + 3.00 + 4.50 − 0.21 fees
    assertThat(ledger.snapshot().totals().realizedPnl()).isEqualTo(money("-1.71"));
  }

  @Test
  void releasedCostRoundsHalfUpAndTheLastCloseReleasesTheRest() {
    PositionLedger ledger = ledgerOf(
        buy("a", K_LONE, Outcome.NO, "1", "0.5", "0"),
        buy("b", K_LONE, Outcome.NO, "1", "0.000001", "0")); // cost 0.500001 for 2
    ledger.apply(sell("c", K_LONE, Outcome.NO, "1", "0.25", "0")); // releases 0.2500005 -> 0.250001
    LedgerSnapshot.Position p = position(ledger, K_LONE, Outcome.NO);
    assertThat(p.costBasis()).isEqualTo(money("0.25"));
    assertThat(p.realizedPnl()).isEqualTo(money("-0.000001"));
    ledger.apply(sell("d", K_LONE, Outcome.NO, "1", "0.25", "0"));
    p = position(ledger, K_LONE, Outcome.NO);
    assertThat(p.costBasis()).isEqualTo(Money.ZERO);
    assertThat(p.realizedPnl()).isEqualTo(money("-0.000001")); // = cash: −0.500001 + 0.5
  }

  @Test
  void buyCostRoundsUpAndSellProceedsRoundDown() {
    // 0.333333 × 0.5 = 0.1666665: a buyer pays 0.166667, a seller gets 0.166666
    PositionLedger ledger = ledgerOf(
        buy("a", K_LONE, Outcome.YES, "0.5", "0.333333", "0"),
        sell("b", K_LONE, Outcome.YES, "0.5", "0.333333", "0"));
    assertThat(position(ledger, K_LONE, Outcome.YES).realizedPnl()).isEqualTo(money("-0.000001"));
  }

  @Test
  void sellingMoreThanHeldIsRecordedAndFlaggedAsOversold() {
    PositionLedger ledger = ledgerOf(buy("a", K_LONE, Outcome.YES, "2", "0.50", "0.02"));
    // sell 5: closes 2 (proceeds 1.20 − cost 1.00 − open fees 0.02 − fee 0.05), 3 oversold for 1.80
    ledger.apply(sell("b", K_LONE, Outcome.YES, "5", "0.60", "0.05"));
    LedgerSnapshot.Position p = position(ledger, K_LONE, Outcome.YES);
    assertThat(p.netMicros()).isEqualTo(micros("-3"));
    assertThat(p.oversold()).isTrue();
    assertThat(p.held()).isEqualTo(Quantity.ZERO);
    assertThat(p.costBasis()).isEqualTo(money("-1.80"));
    assertThat(p.openFees()).isEqualTo(Money.ZERO);
    assertThat(p.realizedPnl()).isEqualTo(money("0.13"));
    assertThat(ledger.snapshot().totals().oversoldPositions()).isEqualTo(1);
  }

  @Test
  void aLateBuyCoversAnOversoldPositionThenOpensAHolding() {
    PositionLedger ledger = ledgerOf(sell("a", K_LONE, Outcome.YES, "5", "0.40", "0.01"));
    LedgerSnapshot.Position p = position(ledger, K_LONE, Outcome.YES);
    assertThat(p.netMicros()).isEqualTo(micros("-5"));
    assertThat(p.costBasis()).isEqualTo(money("-2.00"));
    assertThat(p.realizedPnl()).isEqualTo(money("-0.01"));

    // buy 8 @0.30 fee 0.08: covers 5 (cost 1.50, fee 0.05; releases −2.00) and opens 3 (0.90, fee 0.03)
    ledger.apply(buy("b", K_LONE, Outcome.YES, "8", "0.30", "0.08"));
    p = position(ledger, K_LONE, Outcome.YES);
    assertThat(p.netMicros()).isEqualTo(micros("3"));
    assertThat(p.oversold()).isFalse();
    assertThat(p.costBasis()).isEqualTo(money("0.90"));
    assertThat(p.openFees()).isEqualTo(money("0.03"));
    assertThat(p.realizedPnl()).isEqualTo(money("0.44")); // −0.01 + 2.00 − 1.50 − 0.05
    assertThat(ledger.snapshot().totals().oversoldPositions()).isZero();
  }

  @Test
  void aDuplicateFillChangesNothing() {
    Fill f = buy("k1", K_FED, Outcome.YES, "10", "0.40", "0.07");
    PositionLedger ledger = ledgerOf(f);
    LedgerSnapshot before = ledger.snapshot();
    assertThat(ledger.apply(f)).isFalse();
    // the same trade reported again with other bookkeeping details is still the same fill
    Fill again = new Fill(f.fillId(), f.instrument(), f.outcome(), f.side(), f.price(), f.quantity(), f.fee(),
        T0.plusSeconds(5), new io.github.crossarb.core.model.ClientOrderId("c-1"), "fed-dec");
    assertThat(ledger.apply(again)).isFalse();
    assertThat(ledger.snapshot()).isEqualTo(before);
    assertThat(ledger.journalEntries()).isEqualTo(1);
  }

  @Test
  void theSameIdOnAnotherVenueIsAnotherFill() {
    PositionLedger ledger = ledgerOf(buy("x", K_LONE, Outcome.YES, "1", "0.40", "0"));
    assertThat(ledger.apply(buy("x", P_LONE, Outcome.YES, "1", "0.40", "0"))).isTrue();
  }

  @Test
  void aFillIdReportedWithOtherTradeDetailsIsRefused() {
    PositionLedger ledger = ledgerOf(buy("k1", K_FED, Outcome.YES, "10", "0.40", "0.07"));
    LedgerSnapshot before = ledger.snapshot();
    assertThatThrownBy(() -> ledger.apply(buy("k1", K_FED, Outcome.YES, "11", "0.40", "0.07")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kalshi:k1");
    assertThat(ledger.snapshot()).isEqualTo(before);
  }

  @Test
  void aVoidReversesAFillExactlyWhateverCameAfter() {
    Fill a = buy("a", K_FED, Outcome.YES, "10", "0.40", "0.07");
    Fill b = buy("b", P_FED_NO, Outcome.NO, "10", "0.55", "0.01");
    Fill c = sell("c", K_FED, Outcome.YES, "4", "0.45", "0.02");
    Fill d = buy("d", K_FED, Outcome.YES, "3", "0.41", "0.03");
    PositionLedger ledger = ledgerOf(a, b, c, d);
    assertThat(ledger.voidFill(VenueId.POLYMARKET, "b")).isTrue();
    assertThat(ledger.voidFill(VenueId.POLYMARKET, "b")).isFalse();
    assertThat(ledger.apply(b)).as("a voided fill is never applied again").isFalse();

    LedgerSnapshot voided = ledger.snapshot();
    LedgerSnapshot never = ledgerOf(a, c, d).snapshot();
    assertThat(voided.totals()).isEqualTo(never.totals());
    assertThat(voided.pairs()).isEqualTo(never.pairs());
    // the Polymarket position stays, flat, with no fills
    assertThat(voided.position(P_FED_NO, Outcome.NO)).isNull();
    assertThat(voided.positions()).isEqualTo(never.positions());
    assertThat(voided.journalEntries()).isEqualTo(5);
    assertThat(voided.fills()).isEqualTo(3);
    assertThat(voided.voidedFills()).isEqualTo(1);

    // voiding a middle fill of one position rebuilds it from the others in order
    PositionLedger ledger2 = ledgerOf(a, c, d);
    ledger2.voidFill(VenueId.KALSHI, "c");
    assertThat(ledger2.snapshot().positions()).isEqualTo(ledgerOf(a, d).snapshot().positions());
  }

  @Test
  void aVoidBeforeItsFillKeepsTheFillOut() {
    PositionLedger ledger = new PositionLedger(PAIRS);
    assertThat(ledger.voidFill(VenueId.POLYMARKET, "late")).isTrue();
    assertThat(ledger.apply(buy("late", P_LONE, Outcome.YES, "5", "0.5", "0"))).isFalse();
    LedgerSnapshot s = ledger.snapshot();
    assertThat(s.positions()).isEmpty();
    assertThat(s.voidedFills()).isEqualTo(1);
    assertThat(s.journalEntries()).isEqualTo(1);
  }

  @Test
  void sameRelationHedgesKalshiYesWithPolymarketNo() {
    PositionLedger ledger = ledgerOf(
        buy("k1", K_FED, Outcome.YES, "10", "0.40", "0.07"),
        buy("p1", P_FED_NO, Outcome.NO, "10", "0.55", "0"));
    LedgerSnapshot.PairPosition pair = ledger.snapshot().pair(FED.id());
    assertThat(pair.relation()).isEqualTo(PairRelation.SAME);
    assertThat(pair.legs()).extracting(LedgerSnapshot.Position::instrument).containsExactly(K_FED, P_FED_NO);
    assertThat(pair.yesEquivalentMicros()).isEqualTo(micros("10"));
    assertThat(pair.noEquivalentMicros()).isEqualTo(micros("10"));
    assertThat(pair.hedged()).isEqualTo(Quantity.of(10));
    assertThat(pair.residualMicros()).isZero();
    assertThat(pair.residualSide()).isNull();
    assertThat(pair.hedgedCost()).isEqualTo(money("9.57")); // 4.00 + 0.07 + 5.50
    assertThat(pair.lockedProfit()).isEqualTo(money("0.43"));
    assertThat(pair.unhedgedCost()).isEqualTo(Money.ZERO);
    assertThat(pair.costBasis()).isEqualTo(money("9.50"));
    assertThat(pair.feesPaid()).isEqualTo(money("0.07"));
  }

  @Test
  void complementRelationHedgesKalshiYesWithPolymarketYes() {
    PositionLedger ledger = ledgerOf(
        buy("k1", K_BTC, Outcome.YES, "10", "0.40", "0.07"),
        buy("p1", P_BTC_YES, Outcome.YES, "10", "0.55", "0"));
    LedgerSnapshot.PairPosition pair = ledger.snapshot().pair(BTC.id());
    assertThat(pair.hedged()).isEqualTo(Quantity.of(10));
    assertThat(pair.lockedProfit()).isEqualTo(money("0.43"));

    // the COMPLEMENT pair's NO token pays when Kalshi YES pays: no hedge at all
    PositionLedger unhedged = ledgerOf(
        buy("k1", K_BTC, Outcome.YES, "10", "0.40", "0.07"),
        buy("p1", P_BTC_NO, Outcome.NO, "10", "0.55", "0"));
    LedgerSnapshot.PairPosition p2 = unhedged.snapshot().pair(BTC.id());
    assertThat(p2.yesEquivalentMicros()).isEqualTo(micros("20"));
    assertThat(p2.noEquivalentMicros()).isZero();
    assertThat(p2.hedged()).isEqualTo(Quantity.ZERO);
    assertThat(p2.hedgedCost()).isEqualTo(Money.ZERO);
    assertThat(p2.lockedProfit()).isEqualTo(Money.ZERO);
    assertThat(p2.residual()).isEqualTo(Quantity.of(20));
    assertThat(p2.residualSide()).isEqualTo(Outcome.YES);
    assertThat(p2.unhedgedCost()).isEqualTo(money("9.57"));
  }

  @Test
  void partialHedgeAttributesAverageCostAndLeavesAResidual() {
    PositionLedger ledger = ledgerOf(
        buy("k1", K_FED, Outcome.YES, "10", "0.40", "0.07"),
        buy("p1", P_FED_NO, Outcome.NO, "4", "0.55", "0.01"));
    LedgerSnapshot.PairPosition pair = ledger.snapshot().pair(FED.id());
    assertThat(pair.hedged()).isEqualTo(Quantity.of(4));
    // YES side: 4.07 × 4/10 = 1.628; NO side whole: 2.21
    assertThat(pair.hedgedCost()).isEqualTo(money("3.838"));
    assertThat(pair.lockedProfit()).isEqualTo(money("0.162"));
    assertThat(pair.residualMicros()).isEqualTo(micros("6"));
    assertThat(pair.residualSide()).isEqualTo(Outcome.YES);
    assertThat(pair.unhedgedCost()).isEqualTo(money("2.442")); // 6.28 − 3.838
  }

  @Test
  void attributedCostRoundsUpSoLockedProfitIsNeverOverstated() {
    PositionLedger ledger = ledgerOf(
        buy("k1", K_FED, Outcome.YES, "3", "0.40", "0.000001"), // side cost 1.200001
        buy("k2", K_FED, Outcome.NO, "1", "0.50", "0")); // Kalshi NO hedges Kalshi YES too
    LedgerSnapshot.PairPosition pair = ledger.snapshot().pair(FED.id());
    assertThat(pair.hedged()).isEqualTo(Quantity.of(1));
    assertThat(pair.hedgedCost()).isEqualTo(money("0.900001")); // ceil(0.400000333) + 0.50
    assertThat(pair.lockedProfit()).isEqualTo(money("0.099999"));
  }

  @Test
  void bothVenuesOnOneSideAddUp() {
    PositionLedger ledger = ledgerOf(
        buy("k1", K_FED, Outcome.YES, "5", "0.40", "0"),
        buy("p1", P_FED_YES, Outcome.YES, "5", "0.42", "0"), // SAME: Polymarket YES = Kalshi YES
        buy("k2", K_FED, Outcome.NO, "8", "0.50", "0"));
    LedgerSnapshot.PairPosition pair = ledger.snapshot().pair(FED.id());
    assertThat(pair.yesEquivalentMicros()).isEqualTo(micros("10"));
    assertThat(pair.noEquivalentMicros()).isEqualTo(micros("8"));
    assertThat(pair.hedged()).isEqualTo(Quantity.of(8));
    // YES side 2.00 + 2.10 = 4.10 for 10, 8 of them: 3.28; NO side 4.00 whole
    assertThat(pair.hedgedCost()).isEqualTo(money("7.28"));
    assertThat(pair.lockedProfit()).isEqualTo(money("0.72"));
    assertThat(pair.residualSide()).isEqualTo(Outcome.YES);
  }

  @Test
  void totalsSumAllPositionsAndAllPairs() {
    LedgerSnapshot s = ledgerOf(
        buy("k1", K_FED, Outcome.YES, "10", "0.40", "0.07"),
        buy("p1", P_FED_NO, Outcome.NO, "10", "0.55", "0"),
        buy("k2", K_BTC, Outcome.YES, "10", "0.40", "0.07"),
        buy("p2", P_BTC_YES, Outcome.YES, "10", "0.55", "0"),
        buy("l1", K_LONE, Outcome.NO, "2", "0.10", "0.01"),
        sell("l2", K_LONE, Outcome.NO, "1", "0.20", "0.01")).snapshot();
    LedgerSnapshot.Totals t = s.totals();
    assertThat(t.costBasis()).isEqualTo(money("19.10")); // 9.50 + 9.50 + 0.10
    assertThat(t.openFees()).isEqualTo(money("0.145")); // 0.07 + 0.07 + 0.005
    assertThat(t.feesPaid()).isEqualTo(money("0.16"));
    assertThat(t.realizedPnl()).isEqualTo(money("0.085")); // 0.20 − 0.10 − 0.005 − 0.01
    assertThat(t.hedged()).isEqualTo(Quantity.of(20));
    assertThat(t.hedgedCost()).isEqualTo(money("19.14"));
    assertThat(t.lockedProfit()).isEqualTo(money("0.86"));
    assertThat(s.pairs()).extracting(LedgerSnapshot.PairPosition::pairId).containsExactly("btc-100k", "fed-dec");
    assertThat(s.positions()).hasSize(5);
    assertThat(s.fills()).isEqualTo(6);
  }

  @Test
  void pairsWithoutLegsAreLeftOut() {
    assertThat(ledgerOf(buy("l1", K_LONE, Outcome.NO, "2", "0.10", "0")).snapshot().pairs()).isEmpty();
    assertThat(new PositionLedger(PAIRS).snapshot()).isEqualTo(LedgerSnapshot.empty());
  }

  @Test
  void aPolymarketFillMustNameTheOutcomeOfItsToken() {
    PositionLedger ledger = new PositionLedger(PAIRS);
    assertThatThrownBy(() -> ledger.apply(buy("p1", P_FED_YES, Outcome.NO, "1", "0.5", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fed-dec")
        .hasMessageContaining("YES token");
    assertThat(ledger.journalEntries()).isZero();
  }

  @Test
  void pairsMustNotShareIdsOrInstruments() {
    MarketPair otherPoly = MarketPair.approved("fed-2", FED.kalshiTicker(), new PolymarketMarket("0x2", "5", "6"), PairRelation.SAME);
    assertThatThrownBy(() -> new PositionLedger(List.of(FED, otherPoly)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in two pairs");
    MarketPair sameId = MarketPair.approved(FED.id(), "KXOTHER", new PolymarketMarket("0x2", "5", "6"), PairRelation.SAME);
    assertThatThrownBy(() -> new PositionLedger(List.of(FED, sameId)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two pairs have the id");
  }

  @Test
  void replayRefusesAnEntryThatChangesNothing() {
    Fill f = buy("k1", K_FED, Outcome.YES, "1", "0.40", "0");
    assertThat(PositionLedger.replay(PAIRS, List.of(f)).journalEntries()).isEqualTo(1);
    assertThatThrownBy(() -> PositionLedger.replay(PAIRS, List.of(f, f)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("journal entry 2");
  }

  @Test
  void overflowThrowsAndLeavesTheLedgerUnchanged() {
    PositionLedger ledger = new PositionLedger(PAIRS);
    Fill huge = new Fill("h1", K_LONE, Outcome.YES, Side.BUY, Price.ZERO, Quantity.ofMicros(Long.MAX_VALUE / 2), Money.ZERO, T0, null, null);
    ledger.apply(huge);
    LedgerSnapshot before = ledger.snapshot();
    Fill more = new Fill("h2", K_LONE, Outcome.YES, Side.BUY, Price.ZERO, Quantity.ofMicros(Long.MAX_VALUE / 2 + 10), Money.ZERO, T0, null, null);
    assertThatThrownBy(() -> ledger.apply(more)).isInstanceOf(ArithmeticException.class);
    assertThat(ledger.snapshot()).isEqualTo(before);
  }

  @Test
  void fillValidatesItsFields() {
    assertThatThrownBy(() -> buy(" ", K_LONE, Outcome.YES, "1", "0.5", "0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> buy("a", K_LONE, Outcome.YES, "0", "0.5", "0")).hasMessageContaining("zero quantity");
    assertThatThrownBy(() -> buy("a", K_LONE, Outcome.YES, "1", "0.5", "-0.01")).hasMessageContaining("negative fee");
    assertThatThrownBy(() -> buy("a\nb", K_LONE, Outcome.YES, "1", "0.5", "0")).hasMessageContaining("control");
    assertThatThrownBy(() -> new Fill("a", K_LONE, Outcome.YES, Side.BUY, Price.ONE, Quantity.of(1), Money.ZERO, T0, null, " "))
        .hasMessageContaining("pair id");
    assertThatThrownBy(() -> new Fill("a", K_LONE, null, Side.BUY, Price.ONE, Quantity.of(1), Money.ZERO, T0, null, null))
        .isInstanceOf(NullPointerException.class);
    assertThat(buy("a", P_LONE, Outcome.YES, "1", "0.5", "0").venue()).isEqualTo(VenueId.POLYMARKET);
  }
}
