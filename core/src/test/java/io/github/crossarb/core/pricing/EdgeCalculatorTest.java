package io.github.crossarb.core.pricing;

import static io.github.crossarb.core.pricing.Fixtures.NO_TOKEN;
import static io.github.crossarb.core.pricing.Fixtures.PAIR_ID;
import static io.github.crossarb.core.pricing.Fixtures.TICKER;
import static io.github.crossarb.core.pricing.Fixtures.YES_TOKEN;
import static io.github.crossarb.core.pricing.Fixtures.levels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.book.BookSide;
import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pair.PairRelation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed scenarios. Unless a test says otherwise: Kalshi fee {@code quadratic} × 1
 * (roundup(0.07·C·P(1−P)) to $0.0001), Polymarket fee rate 0.03 exponent 1 (floor(C·0.03·P(1−P))
 * to $0.00001), whole-contract steps and minimum sizes, tick 0.01, maxSize 1000, no minimum edge,
 * books at most 5 s old.
 *
 * <p>Per-contract fees used below: fK(0.40) = 0.07·0.24 = 0.0168; fK(0.42) = 0.07·0.2436 =
 * 0.017052 → 0.0171; fK(0.48) = 0.07·0.2496 = 0.017472 → 0.0175; fK(0.49) = 0.07·0.2499 =
 * 0.017493 → 0.0175; fP(0.50) = 0.03·0.25 = 0.0075.
 */
class EdgeCalculatorTest {
  private final Fixtures.MutableClock clock = new Fixtures.MutableClock(1_700_000_000_000L);
  private final EdgeCalculator calculator = new EdgeCalculator(clock);

  private MarketPair pair = Fixtures.pair(PairRelation.SAME);
  private Instrument kalshiInstrument = Fixtures.kalshiInstrument("0.01", "1", "1");
  private Instrument polymarketInstrument = Fixtures.polymarketInstrument("0.01", "1", "1");
  private FeeModel kalshiFees = KalshiFeeModel.of("quadratic", "1");
  private FeeModel polymarketFees = PolymarketFeeModel.of("0.03", "1");
  private EdgeParams params = params("1000", "0", 0);

  private OrderBook kalshiBook = Fixtures.kalshiBook(clock, List.of(), List.of());
  private OrderBook yesBook = Fixtures.tokenBook(clock, YES_TOKEN, List.of());
  private OrderBook noBook = Fixtures.tokenBook(clock, NO_TOKEN, List.of());

  private static EdgeParams params(String maxSize, String minEdge, long minEdgeRelativeMicros) {
    return new EdgeParams(Quantity.parse(maxSize), Money.parse(minEdge), minEdgeRelativeMicros, Duration.ofSeconds(5));
  }

  private void books(List<Level> kalshiYesAsks, List<Level> kalshiNoAsks, List<Level> yesTokenAsks, List<Level> noTokenAsks) {
    kalshiBook = Fixtures.kalshiBook(clock, kalshiYesAsks, kalshiNoAsks);
    yesBook = Fixtures.tokenBook(clock, YES_TOKEN, yesTokenAsks);
    noBook = Fixtures.tokenBook(clock, NO_TOKEN, noTokenAsks);
  }

  private EdgeInputs inputs() {
    return new EdgeInputs(pair, kalshiBook, yesBook, noBook, kalshiInstrument, polymarketInstrument,
        kalshiFees, polymarketFees);
  }

  private EdgeResult evaluate() {
    return calculator.evaluate(inputs(), params);
  }

  private EdgeResult evaluate(Direction direction) {
    return calculator.evaluate(inputs(), params, direction);
  }

  private static Opportunity opportunity(EdgeResult result) {
    assertThat(result).isInstanceOf(Opportunity.class);
    return (Opportunity) result;
  }

  private static NoOpportunity refusal(EdgeResult result, NoEdgeReason reason) {
    assertThat(result).isInstanceOf(NoOpportunity.class);
    NoOpportunity no = (NoOpportunity) result;
    assertThat(no.reason()).as(no.detail()).isEqualTo(reason);
    assertThat(no.pairId()).isEqualTo(PAIR_ID);
    return no;
  }

  private static LegPlan leg(String instrument, Outcome outcome, String limit, String size, String cost, String fee, int levels) {
    return new LegPlan(InstrumentId.parse(instrument), outcome, Side.BUY, Price.parse(limit), Quantity.parse(size),
        Money.parse(cost), Money.parse(fee), levels);
  }

  // -----------------------------------------------------------------------------------------------

  @Test
  void clearArbAtTheTopOfBookOnly() {
    // Kalshi YES 0.40×10 then 0.49; Polymarket NO (SAME: pays when Kalshi NO pays) 0.50×100.
    // Segment 1: m = 1 − 0.40 − 0.50 − 0.0168 − 0.0075 = 0.0757 > 0.
    // Segment 2: m = 1 − 0.49 − 0.50 − 0.0175 − 0.0075 = −0.015: cut-off at unit 11.
    books(levels("0.40@10", "0.49@50"), List.of(), levels("0.55@100"), levels("0.50@100"));

    Opportunity o = opportunity(evaluate());

    // n = 10: costK 4.00, feeK roundup(0.07·10·0.24 = 0.168) = 0.1680,
    // costP 5.00, feeP floor(10·0.0075 = 0.075) = 0.07500; profit 10 − 9.243 = 0.757.
    assertThat(o.direction()).isEqualTo(Direction.BUY_KALSHI_YES);
    assertThat(o.kalshi()).isEqualTo(leg("KALSHI:" + TICKER, Outcome.YES, "0.40", "10", "4.00", "0.168", 1));
    assertThat(o.polymarket()).isEqualTo(leg("POLYMARKET:" + NO_TOKEN, Outcome.NO, "0.50", "10", "5.00", "0.075", 1));
    assertThat(o.size()).isEqualTo(Quantity.of(10));
    assertThat(o.totalCost()).isEqualTo(Money.parse("9.243"));
    assertThat(o.totalFees()).isEqualTo(Money.parse("0.243"));
    assertThat(o.payout()).isEqualTo(Money.parse("10"));
    assertThat(o.expectedProfit()).isEqualTo(Money.parse("0.757"));
    assertThat(o.pairId()).isEqualTo(PAIR_ID);
    // The other direction has no Kalshi NO asks at all.
    refusal(evaluate(Direction.BUY_KALSHI_NO), NoEdgeReason.NO_LIQUIDITY);
    assertThat(evaluate(Direction.BUY_KALSHI_YES)).isEqualTo(o);
  }

  @Test
  void depthWhereTheSecondLevelStillPaysAndTheThirdDoesNot() {
    // Kalshi YES 0.40×5, 0.42×5, 0.48×10; Polymarket NO 0.50×30.
    // m1 = 0.0757; m2 = 1 − 0.92 − 0.0171 − 0.0075 = 0.0554; m3 = 1 − 0.98 − 0.0175 − 0.0075 = −0.005.
    books(levels("0.40@5", "0.42@5", "0.48@10"), List.of(), List.of(), levels("0.50@30"));

    Opportunity o = opportunity(evaluate());

    // n = 10: costK 2.00 + 2.10 = 4.10; feeK roundup(0.07·5·0.24 = 0.084) + roundup(0.07·5·0.2436 =
    // 0.08526) = 0.0840 + 0.0853 = 0.1693; costP 5.00; feeP 0.075. Total 9.3443, profit 0.6557.
    // (n = 9 would make 9 − 3.68 − 4.50 − 0.1523 − 0.0675 = 0.6002.)
    assertThat(o.kalshi()).isEqualTo(leg("KALSHI:" + TICKER, Outcome.YES, "0.42", "10", "4.10", "0.1693", 2));
    assertThat(o.polymarket()).isEqualTo(leg("POLYMARKET:" + NO_TOKEN, Outcome.NO, "0.50", "10", "5.00", "0.075", 1));
    assertThat(o.totalCost()).isEqualTo(Money.parse("9.3443"));
    assertThat(o.totalFees()).isEqualTo(Money.parse("0.2443"));
    assertThat(o.expectedProfit()).isEqualTo(Money.parse("0.6557"));
  }

  @Test
  void maxSizeCapsThePlan() {
    books(levels("0.40@5", "0.42@5", "0.48@10"), List.of(), List.of(), levels("0.50@30"));
    params = params("7", "0", 0);

    Opportunity o = opportunity(evaluate());

    // n = 7: costK 2.00 + 2·0.42 = 2.84; feeK 0.0840 + roundup(0.07·2·0.2436 = 0.034104) = 0.1182;
    // costP 3.50; feeP floor(7·0.0075 = 0.0525); total 6.5107; profit 0.4893.
    assertThat(o.size()).isEqualTo(Quantity.of(7));
    assertThat(o.kalshi()).isEqualTo(leg("KALSHI:" + TICKER, Outcome.YES, "0.42", "7", "2.84", "0.1182", 2));
    assertThat(o.polymarket().fee()).isEqualTo(Money.parse("0.0525"));
    assertThat(o.totalCost()).isEqualTo(Money.parse("6.5107"));
    assertThat(o.expectedProfit()).isEqualTo(Money.parse("0.4893"));
  }

  @Test
  void relativeMinimumEdgeCutsOffDepthAtTheMarginalSegment() {
    books(levels("0.40@5", "0.42@5", "0.48@10"), List.of(), List.of(), levels("0.50@30"));
    // 6%: segment 1 m 0.0757 ≥ 0.06 × 0.9243 = 0.055458; segment 2 m 0.0554 < 0.06 × 0.9446 = 0.056676.
    params = params("1000", "0", 60_000);

    Opportunity o = opportunity(evaluate());

    // n = 5: 5 − 2.00 − 2.50 − 0.0840 − floor(5·0.0075 = 0.0375) = 0.3785 on 4.6215 (8.2%).
    assertThat(o.size()).isEqualTo(Quantity.of(5));
    assertThat(o.kalshi().levelsUsed()).isEqualTo(1);
    assertThat(o.expectedProfit()).isEqualTo(Money.parse("0.3785"));
    assertThat(o.totalCost()).isEqualTo(Money.parse("4.6215"));

    // 10%: even segment 1 falls short (0.0757 < 0.09243).
    params = params("1000", "0", 100_000);
    refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.NO_EDGE);
  }

  @Test
  void absoluteMinimumEdge() {
    books(levels("0.40@5", "0.42@5", "0.48@10"), List.of(), List.of(), levels("0.50@30"));
    params = params("1000", "0.6557", 0);
    assertThat(opportunity(evaluate()).expectedProfit()).isEqualTo(Money.parse("0.6557"));

    params = params("1000", "0.655701", 0);
    NoOpportunity no = refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.BELOW_MIN_EDGE);
    assertThat(no.direction()).isEqualTo(Direction.BUY_KALSHI_YES);
    // Best of both: the YES direction got further than the NO direction (no Kalshi NO asks).
    assertThat(refusal(evaluate(), NoEdgeReason.BELOW_MIN_EDGE).direction()).isEqualTo(Direction.BUY_KALSHI_YES);
  }

  @Test
  void feesEatingTheWholeSpreadIsNoEdge() {
    // YES: 0.49 + 0.50 = 0.99 but fees 0.0175 + 0.0075: m = −0.015.
    // NO: Kalshi NO 0.52 + Polymarket YES 0.47 = 0.99; fK(0.52) = 0.07·0.2496 → 0.0175,
    // fP(0.47) = 0.03·0.2491 = 0.007473 → 0.00747: m = −0.01497.
    books(levels("0.49@10"), levels("0.52@10"), levels("0.47@10"), levels("0.50@10"));

    NoOpportunity both = refusal(evaluate(), NoEdgeReason.NO_EDGE);
    assertThat(both.direction()).isNull();
    refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.NO_EDGE);
    refusal(evaluate(Direction.BUY_KALSHI_NO), NoEdgeReason.NO_EDGE);
  }

  @Test
  void marginalEdgeButNoProfitAfterFeeRoundingIsNoEdge() {
    // Steps 0.01; Kalshi YES 0.01×0.01, Polymarket NO 0.985×1 (tick 0.001), Polymarket fee 0.
    // m = 1 − 0.995 − roundup(0.07·0.0099 = 0.000693) = 0.0007 → 0.0043 > 0, but the only size,
    // 0.01, pays 0.01 − 0.0001 − 0.00985 − roundup(0.07·0.01·0.0099 = 0.00000693) = 0.0001 < 0.
    kalshiInstrument = Fixtures.kalshiInstrument("0.01", "0.01", "0.01");
    polymarketInstrument = Fixtures.polymarketInstrument("0.001", "0.01", "0.01");
    polymarketFees = PolymarketFeeModel.of("0", "1");
    books(levels("0.01@0.01"), List.of(), List.of(), levels("0.985@1"));

    NoOpportunity no = refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.NO_EDGE);
    assertThat(no.detail()).contains("makes a profit");
  }

  @Test
  void aBestProfitOfExactlyZeroIsNoEdge() {
    // Steps 0.01, Polymarket fee 0. Kalshi YES 0.01×0.01, Polymarket NO 0.98×1.
    // m = 1 − 0.99 − 0.0007 = 0.0093 > 0; the only size 0.01 pays
    // 0.01 − 0.0001 − 0.0098 − roundup(0.00000693) = 0.0001 → exactly 0.
    kalshiInstrument = Fixtures.kalshiInstrument("0.01", "0.01", "0.01");
    polymarketInstrument = Fixtures.polymarketInstrument("0.01", "0.01", "0.01");
    polymarketFees = PolymarketFeeModel.of("0", "1");
    books(levels("0.01@0.01"), List.of(), List.of(), levels("0.98@1"));

    refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.NO_EDGE);
  }

  @Test
  void relativeMinimumOnTheTotalCatchesFeeRoundingTheMarginalTestCannotSee() {
    // Steps 0.01, Polymarket fee 0. Kalshi YES 0.40×0.01, Polymarket NO 0.50×1. Minimum 9%.
    // Marginal: m = 1 − 0.90 − 0.0168 = 0.0832 ≥ 0.09 × 0.9168 = 0.082512: usable.
    // Total at 0.01: cost 0.004 + 0.005, fee roundup(0.07·0.01·0.24 = 0.000168) = 0.0002,
    // profit 0.0008 < 0.09 × 0.0092 = 0.000828.
    kalshiInstrument = Fixtures.kalshiInstrument("0.01", "0.01", "0.01");
    polymarketInstrument = Fixtures.polymarketInstrument("0.01", "0.01", "0.01");
    polymarketFees = PolymarketFeeModel.of("0", "1");
    books(levels("0.40@0.01"), List.of(), List.of(), levels("0.50@1"));
    params = params("1000", "0", 90_000);
    assertThat(refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.BELOW_MIN_EDGE).detail())
        .contains("relative minimum");

    // 8.6%: 0.0008 ≥ 0.086 × 0.0092 = 0.0007912.
    params = params("1000", "0", 86_000);
    assertThat(opportunity(evaluate(Direction.BUY_KALSHI_YES)).expectedProfit()).isEqualTo(Money.parse("0.0008"));
  }

  @Test
  void minimumSizeLargerThanTheArbIsBelowMinSize() {
    books(levels("0.40@10", "0.49@50"), List.of(), List.of(), levels("0.50@100"));
    polymarketInstrument = Fixtures.polymarketInstrument("0.01", "15", "1");

    NoOpportunity no = refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.BELOW_MIN_SIZE);
    assertThat(no.detail()).contains("minimum size 15").contains("at most 10").contains("edge cut-off");
  }

  @Test
  void maxSizeBelowTheMinimumSizeIsBelowMinSize() {
    books(levels("0.40@10"), List.of(), List.of(), levels("0.50@100"));
    kalshiInstrument = Fixtures.kalshiInstrument("0.01", "5", "1");
    params = params("4", "0", 0);
    assertThat(refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.BELOW_MIN_SIZE).detail()).contains("maxSize");

    // Below one unit even: maxSize 0.5 with whole-contract steps.
    kalshiInstrument = Fixtures.kalshiInstrument("0.01", "1", "1");
    params = params("0.5", "0", 0);
    refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.BELOW_MIN_SIZE);
  }

  @Test
  void depthBelowTheMinimumSizeIsBelowMinSize() {
    books(levels("0.40@3"), List.of(), List.of(), levels("0.50@100"));
    kalshiInstrument = Fixtures.kalshiInstrument("0.01", "5", "1");
    assertThat(refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.BELOW_MIN_SIZE).detail()).contains("ask depth");
  }

  @Test
  void depthBelowOneUnitOrEmptyIsNoLiquidity() {
    books(levels("0.40@0.5"), List.of(), List.of(), levels("0.50@100"));
    refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.NO_LIQUIDITY);

    books(levels("0.40@5"), List.of(), List.of(), List.of());
    refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.NO_LIQUIDITY);

    books(List.of(), List.of(), List.of(), List.of());
    assertThat(refusal(evaluate(), NoEdgeReason.NO_LIQUIDITY).direction()).isNull();
  }

  @Test
  void complementRelationBuysTheOtherToken() {
    // COMPLEMENT: Kalshi NO pays exactly when Polymarket YES pays, so BUY_KALSHI_YES buys the
    // YES token. The NO token's cheap asks must be ignored for this direction.
    pair = Fixtures.pair(PairRelation.COMPLEMENT);
    books(levels("0.40@5", "0.42@5", "0.48@10"), List.of(), levels("0.50@30"), levels("0.10@30"));

    Opportunity o = opportunity(evaluate(Direction.BUY_KALSHI_YES));

    // Same numbers as depthWhereTheSecondLevelStillPaysAndTheThirdDoesNot.
    assertThat(o.polymarket()).isEqualTo(leg("POLYMARKET:" + YES_TOKEN, Outcome.YES, "0.50", "10", "5.00", "0.075", 1));
    assertThat(o.expectedProfit()).isEqualTo(Money.parse("0.6557"));
  }

  @Test
  void kalshiNoAsksComeFromYesBidsAtOneMinusPrice() {
    // Kalshi YES bids 0.62×10 and 0.60×20 are NO asks 0.38×10 and 0.40×20. SAME: BUY_KALSHI_NO
    // buys the Polymarket YES token, asks 0.55×25 (fP(0.55) = 0.03·0.2475 = 0.007425 → 0.00742).
    // fK(0.38) = 0.07·0.2356 = 0.016492 → 0.0165.
    // m1 = 1 − 0.93 − 0.0165 − 0.00742 = 0.04608; m2 = 1 − 0.95 − 0.0168 − 0.00742 = 0.02578.
    books(levels("0.70@10"), levels("0.38@10", "0.40@20"), levels("0.55@25"), List.of());
    assertThat(kalshiBook.levels(Outcome.YES, BookSide.BID).priceMicros(0)).isEqualTo(620_000L);

    Opportunity o = opportunity(evaluate());

    // n = 25 (the Polymarket depth): costK 3.80 + 6.00 = 9.80; feeK roundup(0.07·10·0.2356 =
    // 0.16492) + roundup(0.07·15·0.24 = 0.252) = 0.1650 + 0.2520 = 0.4170; costP 13.75;
    // feeP floor(25·0.007425 = 0.185625) = 0.18562; profit 25 − 24.15262 = 0.84738.
    assertThat(o.direction()).isEqualTo(Direction.BUY_KALSHI_NO);
    assertThat(o.kalshi()).isEqualTo(leg("KALSHI:" + TICKER, Outcome.NO, "0.40", "25", "9.80", "0.417", 2));
    assertThat(o.polymarket()).isEqualTo(leg("POLYMARKET:" + YES_TOKEN, Outcome.YES, "0.55", "25", "13.75", "0.18562", 1));
    assertThat(o.totalCost()).isEqualTo(Money.parse("24.15262"));
    assertThat(o.totalFees()).isEqualTo(Money.parse("0.60262"));
    assertThat(o.expectedProfit()).isEqualTo(Money.parse("0.84738"));
  }

  @Test
  void bestOfBothDirectionsTakesTheLargerProfit() {
    // YES: as clearArbAtTheTopOfBookOnly, profit 0.757. NO: Kalshi NO 0.62 (YES bid 0.38) +
    // Polymarket YES 0.33: fK(0.62) = 0.0165, fP(0.33) = 0.03·0.2211 = 0.006633 → 0.00663,
    // m = 0.05 − 0.02313 > 0; n = 10: 10 − 6.20 − 3.30 − roundup(0.16492) − floor(0.06633) = 0.26867.
    books(levels("0.40@10", "0.49@50"), levels("0.62@10"), levels("0.33@10"), levels("0.50@100"));

    Opportunity yes = opportunity(evaluate(Direction.BUY_KALSHI_YES));
    Opportunity no = opportunity(evaluate(Direction.BUY_KALSHI_NO));
    assertThat(yes.expectedProfit()).isEqualTo(Money.parse("0.757"));
    assertThat(no.expectedProfit()).isEqualTo(Money.parse("0.26867"));
    assertThat(evaluate()).isEqualTo(yes);
  }

  @Test
  void aUnitStraddlingTwoLevelsBelongsToTheLevelItEndsOn() {
    // Kalshi YES 0.40×2.5 then 0.49: unit 3 takes 0.5 at 0.40 and 0.5 at 0.49, so it belongs to
    // the 0.49 segment (m = −0.015) and is infeasible; the plan stops at 2.
    // n = 2: 2 − 0.80 − 1.00 − roundup(0.07·2·0.24 = 0.0336) − floor(2·0.0075 = 0.015) = 0.1514.
    books(levels("0.40@2.5", "0.49@50"), List.of(), List.of(), levels("0.50@30"));
    Opportunity o = opportunity(evaluate(Direction.BUY_KALSHI_YES));
    assertThat(o.size()).isEqualTo(Quantity.of(2));
    assertThat(o.expectedProfit()).isEqualTo(Money.parse("0.1514"));

    // With 0.42 second (m = 0.0554) and maxSize 3, unit 3 is used: 2.5 at 0.40 and 0.5 at 0.42.
    // costK 1.00 + 0.21 = 1.21; feeK roundup(0.07·2.5·0.24 = 0.042) + roundup(0.07·0.5·0.2436 =
    // 0.008526) = 0.0420 + 0.0086 = 0.0506; costP 1.50; feeP floor(3·0.0075 = 0.0225).
    // profit 3 − 1.21 − 1.50 − 0.0506 − 0.0225 = 0.2169.
    books(levels("0.40@2.5", "0.42@50"), List.of(), List.of(), levels("0.50@30"));
    params = params("3", "0", 0);
    o = opportunity(evaluate(Direction.BUY_KALSHI_YES));
    assertThat(o.kalshi()).isEqualTo(leg("KALSHI:" + TICKER, Outcome.YES, "0.42", "3", "1.21", "0.0506", 2));
    assertThat(o.expectedProfit()).isEqualTo(Money.parse("0.2169"));
  }

  @Test
  void sizesAreMultiplesOfTheLcmOfBothStepsAndMeetBothMinimums() {
    // Steps 0.04 and 0.06: unit 0.12. Depth 1 on each leg: at most 8 units = 0.96.
    // Polymarket fee 0. n = 8: 0.96 × (1 − 0.90) − roundup(0.07·0.96·0.24 = 0.016128) = 0.096 − 0.0162 = 0.0798.
    kalshiInstrument = Fixtures.kalshiInstrument("0.01", "0.5", "0.04");
    polymarketInstrument = Fixtures.polymarketInstrument("0.01", "0", "0.06");
    polymarketFees = PolymarketFeeModel.of("0", "0");
    books(levels("0.40@1"), List.of(), List.of(), levels("0.50@1"));

    Opportunity o = opportunity(evaluate(Direction.BUY_KALSHI_YES));
    assertThat(o.size()).isEqualTo(Quantity.parse("0.96"));
    assertThat(o.expectedProfit()).isEqualTo(Money.parse("0.0798"));
    assertThat(kalshiInstrument.acceptsSize(o.size())).isTrue();
    assertThat(polymarketInstrument.acceptsSize(o.size())).isTrue();

    // Minimum 1 on Kalshi needs 9 units = 1.08 > depth.
    kalshiInstrument = Fixtures.kalshiInstrument("0.01", "1", "0.04");
    refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.BELOW_MIN_SIZE);
  }

  @Test
  void limitPriceOffTheTickGridIsRefused() {
    books(levels("0.405@10"), List.of(), List.of(), levels("0.50@10"));
    NoOpportunity no = refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.OFF_TICK);
    assertThat(no.detail()).contains("Kalshi limit 0.405");

    // On a 0.001 grid (Kalshi's tails use one) the same book trades.
    kalshiInstrument = new Instrument(InstrumentId.kalshi(TICKER), TickGrid.fixed(Price.parse("0.001")),
        Quantity.of(1), Quantity.of(1));
    assertThat(evaluate(Direction.BUY_KALSHI_YES).isOpportunity()).isTrue();

    books(levels("0.40@10"), List.of(), List.of(), levels("0.505@10"));
    assertThat(refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.OFF_TICK).detail()).contains("Polymarket limit 0.505");
  }

  @Test
  void pairNotActiveIsRefusedForBothDirections() {
    books(levels("0.40@10"), List.of(), List.of(), levels("0.50@10"));
    pair = pair.suspend("rules diverged");
    NoOpportunity no = refusal(evaluate(), NoEdgeReason.PAIR_NOT_ACTIVE);
    assertThat(no.direction()).isNull();
    assertThat(no.detail()).contains("rules diverged");
    refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.PAIR_NOT_ACTIVE);
  }

  @Test
  void untrustedBooksAreRefused() {
    books(levels("0.40@10"), List.of(), List.of(), levels("0.50@10"));
    assertThat(evaluate().isOpportunity()).isTrue();

    noBook.markUntrusted(UntrustedReason.SEQUENCE_GAP);
    assertThat(refusal(evaluate(), NoEdgeReason.BOOK_UNTRUSTED).detail()).contains("Polymarket NO").contains("SEQUENCE_GAP");

    // Even the book this direction does not read must be trusted.
    books(levels("0.40@10"), List.of(), List.of(), levels("0.50@10"));
    yesBook = new OrderBook(InstrumentId.polymarket(YES_TOKEN), clock); // no snapshot yet
    assertThat(refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.BOOK_UNTRUSTED).detail())
        .contains("AWAITING_SNAPSHOT");

    books(levels("0.40@10"), List.of(), List.of(), levels("0.50@10"));
    kalshiBook.markUntrusted(UntrustedReason.DISCONNECTED);
    assertThat(refusal(evaluate(), NoEdgeReason.BOOK_UNTRUSTED).detail()).contains("Kalshi");
  }

  @Test
  void oldBooksAreRefused() {
    books(levels("0.40@10"), List.of(), List.of(), levels("0.50@10"));
    clock.advance(Duration.ofSeconds(5));
    Opportunity o = opportunity(evaluate());
    assertThat(o.kalshiBookAge()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.polymarketYesBookAge()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.polymarketNoBookAge()).isEqualTo(Duration.ofSeconds(5));

    clock.advance(Duration.ofMillis(1));
    assertThat(refusal(evaluate(), NoEdgeReason.BOOK_TOO_OLD).detail()).contains("5001 ms");

    // Refresh two books; the Polymarket YES book (not even read by BUY_KALSHI_YES) stays old.
    OrderBook oldYes = yesBook;
    books(levels("0.40@10"), List.of(), List.of(), levels("0.50@10"));
    yesBook = oldYes;
    clock.advance(Duration.ofSeconds(1));
    assertThat(refusal(evaluate(Direction.BUY_KALSHI_YES), NoEdgeReason.BOOK_TOO_OLD).detail())
        .contains("Polymarket YES").contains("6001 ms");
  }

  @Test
  void agesAreReportedPerBook() {
    books(levels("0.40@10"), List.of(), List.of(), levels("0.50@10"));
    clock.advance(Duration.ofMillis(1500));
    kalshiBook.setLevel(BookSide.ASK, Price.parse("0.45"), Quantity.of(1)); // touches the Kalshi book only
    clock.advance(Duration.ofMillis(200));
    Opportunity o = opportunity(evaluate());
    assertThat(o.kalshiBookAge()).isEqualTo(Duration.ofMillis(200));
    assertThat(o.polymarketYesBookAge()).isEqualTo(Duration.ofMillis(1700));
    assertThat(o.polymarketNoBookAge()).isEqualTo(Duration.ofMillis(1700));
  }

  @Test
  void booksAndInstrumentsOfAnotherMarketAreRefused() {
    books(levels("0.40@10"), List.of(), List.of(), levels("0.50@10"));
    OrderBook yes = yesBook;
    OrderBook no = noBook;

    // YES and NO token books swapped
    yesBook = no;
    noBook = yes;
    assertThat(refusal(evaluate(), NoEdgeReason.BOOK_MISMATCH).detail()).contains("YES book");
    yesBook = yes;
    noBook = no;

    OrderBook kalshi = kalshiBook;
    kalshiBook = new OrderBook(InstrumentId.kalshi("KXOTHER-1"), clock);
    refusal(evaluate(), NoEdgeReason.BOOK_MISMATCH);
    kalshiBook = new OrderBook(InstrumentId.polymarket(TICKER), clock);
    refusal(evaluate(), NoEdgeReason.BOOK_MISMATCH);
    kalshiBook = kalshi;

    kalshiInstrument = new Instrument(InstrumentId.kalshi("KXOTHER-1"), TickGrid.fixed(Price.parse("0.01")),
        Quantity.of(1), Quantity.of(1));
    assertThat(refusal(evaluate(), NoEdgeReason.BOOK_MISMATCH).detail()).contains("Kalshi instrument");
    kalshiInstrument = Fixtures.kalshiInstrument("0.01", "1", "1");

    polymarketInstrument = new Instrument(InstrumentId.polymarket("9999"), TickGrid.fixed(Price.parse("0.01")),
        Quantity.of(1), Quantity.of(1));
    assertThat(refusal(evaluate(), NoEdgeReason.BOOK_MISMATCH).detail()).contains("Polymarket instrument");

    // Either token's id names the shared Polymarket instrument.
    polymarketInstrument = new Instrument(InstrumentId.polymarket(NO_TOKEN), TickGrid.fixed(Price.parse("0.01")),
        Quantity.of(1), Quantity.of(1));
    assertThat(evaluate().isOpportunity()).isTrue();
  }

  @Test
  void mismatchIsReportedBeforeTrust() {
    // An unsnapshotted book of the wrong market: the mismatch is the more fundamental problem.
    books(levels("0.40@10"), List.of(), List.of(), levels("0.50@10"));
    kalshiBook = new OrderBook(InstrumentId.kalshi("KXOTHER-1"), clock);
    refusal(evaluate(), NoEdgeReason.BOOK_MISMATCH);
  }

  @Test
  void anInstanceIsReusableAcrossPairsAndBookChanges() {
    books(levels("0.40@5", "0.42@5", "0.48@10"), List.of(), List.of(), levels("0.50@30"));
    Opportunity first = opportunity(evaluate());
    // A deeper book in between must not leave state behind.
    books(levels("0.10@1", "0.11@1", "0.12@1", "0.13@1", "0.14@1", "0.15@1", "0.16@1", "0.17@1", "0.18@1", "0.19@1",
        "0.20@1", "0.21@1", "0.22@1", "0.23@1", "0.24@1", "0.25@1", "0.26@1", "0.27@1", "0.28@1", "0.29@1"),
        List.of(), List.of(), levels("0.50@100"));
    Opportunity deep = opportunity(evaluate());
    assertThat(deep.kalshi().levelsUsed()).isEqualTo(20);
    books(levels("0.40@5", "0.42@5", "0.48@10"), List.of(), List.of(), levels("0.50@30"));
    assertThat(evaluate()).isEqualTo(first);
  }

  @Test
  void aNegativeFeeFromACustomModelIsRejected() {
    books(levels("0.40@10"), List.of(), List.of(), levels("0.50@10"));
    polymarketFees = new FeeModel() {
      @Override
      public long takerFeeMicros(long priceMicros, long quantityMicros) {
        return -1;
      }

      @Override
      public Money makerFee(Price price, Quantity quantity) {
        return Money.ZERO;
      }
    };
    assertThatThrownBy(() -> evaluate(Direction.BUY_KALSHI_YES)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void paramsAreValidated() {
    assertThatThrownBy(() -> params("0", "0", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> params("1000000.000001", "0", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> params("10", "-0.01", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> params("10", "0", -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EdgeParams(Quantity.of(1), Money.ZERO, 0, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EdgeParams(Quantity.of(1), Money.ZERO, 0, Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(params("1000000", "0", 0).maxSize()).isEqualTo(EdgeParams.MAX_SIZE_LIMIT);
  }

  @Test
  void opportunityRefusesInconsistentNumbers() {
    LegPlan k = leg("KALSHI:" + TICKER, Outcome.YES, "0.40", "10", "4", "0.168", 1);
    LegPlan p = leg("POLYMARKET:" + NO_TOKEN, Outcome.NO, "0.50", "10", "5", "0.075", 1);
    Duration z = Duration.ZERO;
    // consistent
    new Opportunity(PAIR_ID, Direction.BUY_KALSHI_YES, k, p, Quantity.of(10), Money.parse("9.243"),
        Money.parse("0.243"), Money.parse("10"), Money.parse("0.757"), z, z, z);
    // profit not payout − cost
    assertThatThrownBy(() -> new Opportunity(PAIR_ID, Direction.BUY_KALSHI_YES, k, p, Quantity.of(10),
        Money.parse("9.243"), Money.parse("0.243"), Money.parse("10"), Money.parse("0.758"), z, z, z))
        .isInstanceOf(IllegalArgumentException.class);
    // fees not the legs' fees
    assertThatThrownBy(() -> new Opportunity(PAIR_ID, Direction.BUY_KALSHI_YES, k, p, Quantity.of(10),
        Money.parse("9.243"), Money.parse("0.242"), Money.parse("10"), Money.parse("0.757"), z, z, z))
        .isInstanceOf(IllegalArgumentException.class);
    // size differs from a leg
    assertThatThrownBy(() -> new Opportunity(PAIR_ID, Direction.BUY_KALSHI_YES, k, p, Quantity.of(9),
        Money.parse("9.243"), Money.parse("0.243"), Money.parse("9"), Money.parse("-0.243"), z, z, z))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
