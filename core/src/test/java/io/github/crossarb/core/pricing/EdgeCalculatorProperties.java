package io.github.crossarb.core.pricing;

import static io.github.crossarb.core.pricing.Fixtures.NO_TOKEN;
import static io.github.crossarb.core.pricing.Fixtures.TICKER;
import static io.github.crossarb.core.pricing.Fixtures.YES_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.pair.PairRelation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.statistics.Statistics;

/**
 * The edge calculator against a naive brute force written from the definition alone: for every
 * n, walk both legs' asks from scratch in BigDecimal, check every unit's segment, keep the best.
 */
class EdgeCalculatorProperties {
  private static final BigDecimal ONE = BigDecimal.ONE;
  private static final BigDecimal MICRO = new BigDecimal("0.000001");
  private static final String[] KALSHI_TYPES = {
    "quadratic", "quadratic_with_maker_fees", "quadratic_with_combo_maker_fees"
  };

  // ---------------------------------------------------------------------------------------------
  // Scenarios

  /** One ask level: price increment over the previous one (in grid steps) and a size seed. */
  record Lv(int increment, int sizeSeed) {}

  /** Steps, minimum sizes, ticks and the relation. Sizes in micros; steps 1 or 0.01 contracts. */
  record Market(PairRelation relation, long kalshiStep, long polymarketStep, long kalshiMin, long polymarketMin,
      long kalshiTick, long polymarketTick) {}

  record Fees(int kalshiType, long kalshiMultiplier, long polymarketRate, int polymarketExponent) {
    FeeModel kalshi() {
      return KalshiFeeModel.of(KALSHI_TYPES[kalshiType], kalshiMultiplier);
    }

    FeeModel polymarket() {
      return PolymarketFeeModel.of(polymarketRate, polymarketExponent);
    }
  }

  record Limits(long maxSize, long minEdge, long minEdgeRelative) {
    EdgeParams params() {
      return new EdgeParams(Quantity.ofMicros(maxSize), Money.ofMicros(minEdge), minEdgeRelative, Duration.ofSeconds(1));
    }
  }

  /**
   * Best asks around a fair price f (grid steps of {@code grid}); Kalshi's two sides are kept
   * uncrossed by a positive spread. Each ladder then climbs by its increments.
   */
  record Books(long grid, int fair, int kalshiOffset, int kalshiSpread, int yesOffset, int noOffset,
      List<Lv> kalshiYes, List<Lv> kalshiNo, List<Lv> polymarketYes, List<Lv> polymarketNo) {}

  record Scenario(Market market, Fees fees, Limits limits, Books books) {
    List<Level> kalshiYesAsks() {
      return ladder(books.fair + books.kalshiOffset, books.kalshiYes, market.kalshiStep);
    }

    List<Level> kalshiNoAsks() {
      int steps = (int) (Fixed.SCALE / books.grid);
      return ladder(steps - books.fair - books.kalshiOffset + books.kalshiSpread, books.kalshiNo, market.kalshiStep);
    }

    List<Level> polymarketYesAsks() {
      return ladder(books.fair + books.yesOffset, books.polymarketYes, market.polymarketStep);
    }

    List<Level> polymarketNoAsks() {
      int steps = (int) (Fixed.SCALE / books.grid);
      return ladder(steps - books.fair + books.noOffset, books.polymarketNo, market.polymarketStep);
    }

    /** Ascending prices from {@code first} grid steps; levels leaving (0, 1) are dropped. */
    private List<Level> ladder(int first, List<Lv> lvs, long step) {
      List<Level> out = new ArrayList<>();
      long price = (long) first * books.grid;
      for (int i = 0; i < lvs.size(); i++) {
        if (i > 0) {
          price += lvs.get(i).increment() * books.grid;
        }
        if (price <= 0 || price >= Fixed.SCALE) {
          continue;
        }
        // Sizes are whole multiples of the venue's own step: 1..30 contracts, 0.01..3.00, 0.05..15.
        long size = step == Fixed.SCALE
            ? Math.max(1, lvs.get(i).sizeSeed() / 10) * Fixed.SCALE
            : lvs.get(i).sizeSeed() * step;
        out.add(new Level(Price.ofMicros(price), Quantity.ofMicros(size)));
      }
      return out;
    }

    Instrument kalshiInstrument() {
      return new Instrument(InstrumentId.kalshi(TICKER), TickGrid.fixed(Price.ofMicros(market.kalshiTick)),
          Quantity.ofMicros(market.kalshiMin), Quantity.ofMicros(market.kalshiStep));
    }

    Instrument polymarketInstrument() {
      return new Instrument(InstrumentId.polymarket(YES_TOKEN), TickGrid.fixed(Price.ofMicros(market.polymarketTick)),
          Quantity.ofMicros(market.polymarketMin), Quantity.ofMicros(market.polymarketStep));
    }

    EdgeInputs inputs(Fixtures.MutableClock clock) {
      return new EdgeInputs(Fixtures.pair(market.relation),
          Fixtures.kalshiBook(clock, kalshiYesAsks(), kalshiNoAsks()),
          Fixtures.tokenBook(clock, YES_TOKEN, polymarketYesAsks()),
          Fixtures.tokenBook(clock, NO_TOKEN, polymarketNoAsks()),
          kalshiInstrument(), polymarketInstrument(), fees.kalshi(), fees.polymarket());
    }
  }

  /** Size steps: 1 and 0.01 contracts as on the venues, 0.05 so that lcm and straddling vary. */
  private static Arbitrary<Long> steps() {
    return Arbitraries.of(Fixed.SCALE, Fixed.SCALE, Fixed.SCALE / 100, Fixed.SCALE / 100, Fixed.SCALE / 20);
  }

  @Provide
  Arbitrary<Market> markets() {
    // In 0.01s: 0, one step, 1, 1.5, 5, 20 contracts (rounded up to the step).
    Arbitrary<Long> minSeeds = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(0L)), Tuple.of(3, Arbitraries.just(1L)), Tuple.of(2, Arbitraries.just(100L)),
        Tuple.of(2, Arbitraries.just(150L)), Tuple.of(1, Arbitraries.just(500L)), Tuple.of(1, Arbitraries.just(2000L)));
    return Combinators.combine(
            Arbitraries.of(PairRelation.class), steps(), steps(), minSeeds, minSeeds,
            Arbitraries.of(10_000L, 1_000L), Arbitraries.of(10_000L, 1_000L))
        .as((relation, ks, ps, km, pm, kt, pt) -> new Market(relation, ks, ps,
            Fixed.ceilTo(km * 10_000, ks), Fixed.ceilTo(pm * 10_000, ps), kt, pt));
  }

  @Provide
  Arbitrary<Fees> fees() {
    // Polymarket curves as (rate, exponent): a flat per-share rate (e = 0) is kept small, or it
    // would swallow every spread and leave nothing to compare.
    Arbitrary<Tuple.Tuple2<Long, Integer>> curves = Arbitraries.of(
        Tuple.of(0L, 1), Tuple.of(10_000L, 1), Tuple.of(30_000L, 1), Tuple.of(70_000L, 1), Tuple.of(250_000L, 1),
        Tuple.of(1_000L, 0), Tuple.of(5_000L, 0), Tuple.of(30_000L, 2), Tuple.of(250_000L, 2));
    return Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.of(0L, 500_000L, 1_000_000L, 1_000_000L, 1_500_000L, 2_370_000L),
            curves)
        .as((type, multiplier, curve) -> new Fees(type, multiplier, curve.get1(), curve.get2()));
  }

  @Provide
  Arbitrary<Limits> limits() {
    Arbitrary<Long> maxSizes = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(10_000L, 500_000L, 1_000_000L, 3_000_000L)),
        Tuple.of(5, Arbitraries.just(1_000_000_000_000L)), // the limit: depth decides
        Tuple.of(4, Arbitraries.longs().between(1, 6000).map(c -> c * 10_000))); // 0.01 .. 60
    return Combinators.combine(
            maxSizes,
            Arbitraries.of(0L, 0L, 0L, 10_000L, 100_000L, 500_000L),
            Arbitraries.of(0L, 0L, 0L, 5_000L, 20_000L, 50_000L))
        .as(Limits::new);
  }

  private static Arbitrary<List<Lv>> ladders() {
    Arbitrary<Lv> level = Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 300))
        .as(Lv::new);
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(List.<Lv>of())),
        Tuple.of(19, level.list().ofMinSize(1).ofMaxSize(10)));
  }

  @Provide
  Arbitrary<Books> books() {
    Arbitrary<Tuple.Tuple2<Long, Integer>> gridAndFair = Arbitraries.of(10_000L, 1_000L)
        .flatMap(grid -> {
          int steps = (int) (Fixed.SCALE / grid);
          return Arbitraries.integers().between(steps / 20, steps - steps / 20).map(f -> Tuple.of(grid, f));
        });
    return Combinators.combine(
            gridAndFair,
            Arbitraries.integers().between(-6, 4),
            Arbitraries.integers().between(1, 6),
            Arbitraries.integers().between(-14, 3),
            Arbitraries.integers().between(-14, 3),
            ladders().tuple2(),
            ladders().tuple2())
        .as((gf, ko, ks, yo, no, kalshiLadders, polymarketLadders) -> {
          // Offsets are in cents whatever the grid, so that arbs are as common on both grids.
          int perCent = (int) (10_000 / gf.get1());
          return new Books(gf.get1(), gf.get2(), ko * perCent, ks * perCent, yo * perCent, no * perCent,
              kalshiLadders.get1(), kalshiLadders.get2(), polymarketLadders.get1(), polymarketLadders.get2());
        });
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Combinators.combine(markets(), fees(), limits(), books()).as(Scenario::new);
  }

  // ---------------------------------------------------------------------------------------------
  // The brute force

  /** What the brute force expects for one direction. */
  record Expected(Direction direction, NoEdgeReason reason, BigDecimal profit, long size,
      BigDecimal costK, BigDecimal costP, BigDecimal feeK, BigDecimal feeP,
      long limitK, long limitP, int levelsK, int levelsP) {}

  /** One leg walked to q: exact cost, summed per-level fees, the last level touched. */
  record Walk(BigDecimal cost, BigDecimal fee, long lastPrice, int levels) {}

  static BigDecimal dollars(long micros) {
    return Fixed.toBigDecimal(micros);
  }

  static Walk walk(List<Level> asks, FeeModel fees, long q) {
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal fee = BigDecimal.ZERO;
    long remaining = q;
    long last = -1;
    int used = 0;
    for (Level level : asks) {
      if (remaining == 0) {
        break;
      }
      long take = Math.min(level.size().micros(), remaining);
      cost = cost.add(dollars(level.price().micros()).multiply(dollars(take)));
      fee = fee.add(dollars(fees.takerFee(level.price(), Quantity.ofMicros(take)).micros()));
      remaining -= take;
      last = level.price().micros();
      used++;
    }
    if (remaining != 0) {
      throw new AssertionError("walked past the depth");
    }
    return new Walk(cost, fee, last, used);
  }

  /** The price of the level the q-th micro-contract comes from. */
  static long priceAt(List<Level> asks, long q) {
    long cum = 0;
    for (Level level : asks) {
      cum += level.size().micros();
      if (cum >= q) {
        return level.price().micros();
      }
    }
    throw new AssertionError("beyond depth");
  }

  static boolean usable(long a, FeeModel kFees, long b, FeeModel pFees, long rel) {
    BigDecimal fa = dollars(kFees.takerFee(Price.ofMicros(a), Quantity.of(1)).micros());
    BigDecimal fb = dollars(pFees.takerFee(Price.ofMicros(b), Quantity.of(1)).micros());
    BigDecimal base = dollars(a).add(dollars(b)).add(fa).add(fb);
    BigDecimal m = ONE.subtract(base);
    return m.signum() > 0 && m.compareTo(dollars(rel).multiply(base)) >= 0;
  }

  static long sum(List<Level> asks) {
    long total = 0;
    for (Level level : asks) {
      total += level.size().micros();
    }
    return total;
  }

  static Outcome polymarketOutcome(PairRelation relation, Direction d) {
    // SAME: Kalshi NO ≡ Polymarket NO. COMPLEMENT: Kalshi NO ≡ Polymarket YES.
    if (d == Direction.BUY_KALSHI_YES) {
      return relation == PairRelation.SAME ? Outcome.NO : Outcome.YES;
    }
    return relation == PairRelation.SAME ? Outcome.YES : Outcome.NO;
  }

  static Expected bruteForce(Scenario s, Direction d) {
    List<Level> kAsks = d == Direction.BUY_KALSHI_YES ? s.kalshiYesAsks() : s.kalshiNoAsks();
    List<Level> pAsks = polymarketOutcome(s.market().relation(), d) == Outcome.YES
        ? s.polymarketYesAsks() : s.polymarketNoAsks();
    return bruteForce(d, kAsks, pAsks, s.fees().kalshi(), s.fees().polymarket(), s.market(), s.limits());
  }

  /** The definition, literally, for one direction's two ask ladders (best first). */
  static Expected bruteForce(Direction d, List<Level> kAsks, List<Level> pAsks, FeeModel kFees, FeeModel pFees,
      Market market, Limits limits) {
    long rel = limits.minEdgeRelative();
    if (kAsks.isEmpty() || pAsks.isEmpty()) {
      return refused(d, NoEdgeReason.NO_LIQUIDITY);
    }
    long ks = market.kalshiStep();
    long ps = market.polymarketStep();
    long u = ks / java.math.BigInteger.valueOf(ks).gcd(java.math.BigInteger.valueOf(ps)).longValueExact() * ps;
    long nDepth = Math.min(sum(kAsks), sum(pAsks)) / u;
    if (nDepth == 0) {
      return refused(d, NoEdgeReason.NO_LIQUIDITY);
    }
    if (!usable(priceAt(kAsks, u), kFees, priceAt(pAsks, u), pFees, rel)) {
      return refused(d, NoEdgeReason.NO_EDGE);
    }
    long nLimit = Math.min(nDepth, limits.maxSize() / u);
    long minSize = Math.max(market.kalshiMin(), market.polymarketMin());
    long bestN = -1;
    BigDecimal bestProfit = null;
    for (long n = 1; n <= nLimit; n++) {
      long q = n * u;
      if (!usable(priceAt(kAsks, q), kFees, priceAt(pAsks, q), pFees, rel)) {
        break;
      }
      if (q < minSize) {
        continue;
      }
      Walk k = walk(kAsks, kFees, q);
      Walk p = walk(pAsks, pFees, q);
      BigDecimal profit = dollars(q).subtract(k.cost()).subtract(p.cost()).subtract(k.fee()).subtract(p.fee());
      if (bestProfit == null || profit.compareTo(bestProfit) > 0) {
        bestProfit = profit;
        bestN = n;
      }
    }
    if (bestN < 0) {
      return refused(d, NoEdgeReason.BELOW_MIN_SIZE);
    }
    if (bestProfit.signum() <= 0) {
      return refused(d, NoEdgeReason.NO_EDGE);
    }
    long q = bestN * u;
    Walk k = walk(kAsks, kFees, q);
    Walk p = walk(pAsks, pFees, q);
    BigDecimal totalCost = k.cost().add(p.cost()).add(k.fee()).add(p.fee());
    if (bestProfit.compareTo(dollars(limits.minEdge())) < 0
        || bestProfit.compareTo(dollars(rel).multiply(totalCost)) < 0) {
      return refused(d, NoEdgeReason.BELOW_MIN_EDGE);
    }
    if (k.lastPrice() % market.kalshiTick() != 0 || p.lastPrice() % market.polymarketTick() != 0) {
      return refused(d, NoEdgeReason.OFF_TICK);
    }
    return new Expected(d, null, bestProfit, q, k.cost(), p.cost(), k.fee(), p.fee(),
        k.lastPrice(), p.lastPrice(), k.levels(), p.levels());
  }

  static Expected refused(Direction d, NoEdgeReason reason) {
    return new Expected(d, reason, null, 0, null, null, null, null, 0, 0, 0, 0);
  }

  static Money up(BigDecimal dollars) {
    return Money.ofMicros(Fixed.fromBigDecimal(dollars.setScale(6, RoundingMode.CEILING)));
  }

  static Money down(BigDecimal dollars) {
    return Money.ofMicros(Fixed.fromBigDecimal(dollars.setScale(6, RoundingMode.FLOOR)));
  }

  static void assertMatches(Scenario s, Expected e, EdgeResult actual) {
    assertThat(actual.pairId()).isEqualTo(Fixtures.PAIR_ID);
    if (e.reason() != null) {
      assertThat(actual).isInstanceOf(NoOpportunity.class);
      NoOpportunity no = (NoOpportunity) actual;
      assertThat(no.reason()).as(no.detail()).isEqualTo(e.reason());
      assertThat(no.direction()).isEqualTo(e.direction());
      return;
    }
    assertThat(actual).as(actual.toString()).isInstanceOf(Opportunity.class);
    Opportunity o = (Opportunity) actual;
    Quantity size = Quantity.ofMicros(e.size());
    Outcome pOut = polymarketOutcome(s.market().relation(), e.direction());
    assertThat(o.direction()).isEqualTo(e.direction());
    assertThat(o.size()).isEqualTo(size);
    assertThat(o.kalshi()).isEqualTo(new LegPlan(InstrumentId.kalshi(TICKER), e.direction().kalshiOutcome(), Side.BUY,
        Price.ofMicros(e.limitK()), size, up(e.costK()), down(e.feeK()), e.levelsK()));
    assertThat(o.polymarket()).isEqualTo(new LegPlan(
        InstrumentId.polymarket(pOut == Outcome.YES ? YES_TOKEN : NO_TOKEN), pOut, Side.BUY,
        Price.ofMicros(e.limitP()), size, up(e.costP()), down(e.feeP()), e.levelsP()));
    BigDecimal fees = e.feeK().add(e.feeP());
    assertThat(o.totalFees()).isEqualTo(down(fees));
    assertThat(o.totalCost()).isEqualTo(up(e.costK().add(e.costP()).add(fees)));
    assertThat(o.payout()).isEqualTo(Money.payoutOf(size));
    assertThat(o.expectedProfit()).isEqualTo(down(e.profit()));
  }

  /** Which refusal got further, as documented on EdgeCalculator#evaluate. */
  static int progress(NoEdgeReason reason) {
    List<NoEdgeReason> order = List.of(NoEdgeReason.NO_LIQUIDITY, NoEdgeReason.NO_EDGE, NoEdgeReason.BELOW_MIN_SIZE,
        NoEdgeReason.BELOW_MIN_EDGE, NoEdgeReason.OFF_TICK);
    return order.indexOf(reason);
  }

  // ---------------------------------------------------------------------------------------------
  // Properties

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE) // nested edge cases empty 40% of the books
  void matchesTheBruteForce(@ForAll("scenarios") Scenario s) {
    Fixtures.MutableClock clock = new Fixtures.MutableClock(1_000_000L);
    EdgeCalculator calculator = new EdgeCalculator(clock);
    EdgeInputs in = s.inputs(clock);
    EdgeParams params = s.limits().params();

    Expected yes = bruteForce(s, Direction.BUY_KALSHI_YES);
    Expected no = bruteForce(s, Direction.BUY_KALSHI_NO);
    assertMatches(s, yes, calculator.evaluate(in, params, Direction.BUY_KALSHI_YES));
    assertMatches(s, no, calculator.evaluate(in, params, Direction.BUY_KALSHI_NO));

    // Evidence that the comparison is not vacuous: how often each outcome occurs, how deep.
    Statistics.label("outcome").collect(yes.reason() == null ? "OPPORTUNITY" : yes.reason().toString());
    Statistics.label("depth").collect(yes.reason() == null
        ? "levels " + Math.min(3, yes.levelsK()) + "/" + Math.min(3, yes.levelsP()) : "-");
    EdgeResult best = calculator.evaluate(in, params);
    if (yes.reason() == null && no.reason() == null) {
      int c = no.profit().compareTo(yes.profit());
      boolean noWins = c > 0 || (c == 0 && no.size() < yes.size());
      assertMatches(s, noWins ? no : yes, best);
    } else if (yes.reason() == null) {
      assertMatches(s, yes, best);
    } else if (no.reason() == null) {
      assertMatches(s, no, best);
    } else {
      assertThat(best).isInstanceOf(NoOpportunity.class);
      NoOpportunity refused = (NoOpportunity) best;
      int py = progress(yes.reason());
      int pn = progress(no.reason());
      assertThat(refused.reason()).isEqualTo(py >= pn ? yes.reason() : no.reason());
      assertThat(refused.direction())
          .isEqualTo(py == pn ? null : py > pn ? Direction.BUY_KALSHI_YES : Direction.BUY_KALSHI_NO);
    }
  }

  @Property(tries = 300)
  void feesAboveAnySpreadNeverLeaveAnOpportunity(@ForAll("scenarios") Scenario s) {
    // A Polymarket fee of the whole notional (rate 1, exponent 0) costs $1 a share: no pair of
    // positive prices can leave an edge, so nothing may ever be an opportunity.
    Scenario expensive = new Scenario(s.market(),
        new Fees(s.fees().kalshiType(), s.fees().kalshiMultiplier(), Fixed.SCALE, 0), s.limits(), s.books());
    Fixtures.MutableClock clock = new Fixtures.MutableClock(1_000_000L);
    EdgeCalculator calculator = new EdgeCalculator(clock);
    EdgeResult result = calculator.evaluate(expensive.inputs(clock), expensive.limits().params());
    assertThat(result).isInstanceOf(NoOpportunity.class);
    assertThat(((NoOpportunity) result).reason()).isIn(NoEdgeReason.NO_LIQUIDITY, NoEdgeReason.NO_EDGE);
  }

  @Property(tries = 600)
  void opportunitiesAreProfitableAndAddUp(@ForAll("scenarios") Scenario s) {
    Fixtures.MutableClock clock = new Fixtures.MutableClock(1_000_000L);
    EdgeCalculator calculator = new EdgeCalculator(clock);
    EdgeInputs in = s.inputs(clock);
    EdgeParams params = s.limits().params();
    for (Direction d : Direction.values()) {
      EdgeResult result = calculator.evaluate(in, params, d);
      if (!(result instanceof Opportunity)) {
        continue;
      }
      Opportunity o = (Opportunity) result;
      assertThat(o.expectedProfit().isPositive()).isTrue();
      assertThat(o.expectedProfit()).isGreaterThanOrEqualTo(params.minEdge());
      assertThat(o.expectedProfit()).isEqualTo(o.payout().minus(o.totalCost()));
      assertThat(o.payout()).isEqualTo(Money.payoutOf(o.size()));
      assertThat(o.totalFees()).isEqualTo(o.kalshi().fee().plus(o.polymarket().fee()));
      long legs = o.kalshi().cost().plus(o.polymarket().cost()).plus(o.totalFees()).micros();
      assertThat(legs - o.totalCost().micros()).isBetween(0L, 1L);
      assertThat(s.kalshiInstrument().acceptsSize(o.size())).isTrue();
      assertThat(s.polymarketInstrument().acceptsSize(o.size())).isTrue();
      assertThat(o.size()).isLessThanOrEqualTo(params.maxSize());
      assertThat(s.kalshiInstrument().tickGrid().isOnTick(o.kalshi().limitPrice())).isTrue();
      assertThat(s.polymarketInstrument().tickGrid().isOnTick(o.polymarket().limitPrice())).isTrue();
      // Buying both legs costs less than the $1 per contract that one of them will pay.
      assertThat(o.totalCost()).isLessThan(o.payout());
    }
  }

  /** Counts fee calls, to show the search does not walk every size. */
  static final class CountingFees implements FeeModel {
    private final FeeModel delegate;
    long calls;

    CountingFees(FeeModel delegate) {
      this.delegate = delegate;
    }

    @Override
    public Money makerFee(Price price, Quantity quantity) {
      return delegate.makerFee(price, quantity);
    }

    @Override
    public long takerFeeMicros(long priceMicros, long quantityMicros) {
      calls++;
      return delegate.takerFeeMicros(priceMicros, quantityMicros);
    }
  }

  @Example
  void aDeepFineGrainedBookMatchesTheBruteForceWithoutTryingEverySize() {
    // Ten levels a side, about 20 contracts each, in steps of 0.01: 20 000 candidate sizes. Both
    // legs climb a cent a level, so the cut-off falls in the fifth level pair (a + b = 0.98), after
    // about 8 000 sizes.
    List<Level> kalshiYes = new ArrayList<>();
    List<Level> polymarketNo = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      kalshiYes.add(new Level(Price.ofMicros(400_000 + i * 10_000L), Quantity.of(20)));
      polymarketNo.add(new Level(Price.ofMicros(500_000 + i * 10_000L), Quantity.parse("20.37")));
    }
    Market market = new Market(PairRelation.SAME, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000);
    Limits limits = new Limits(EdgeParams.MAX_SIZE_LIMIT.micros(), 0, 0);
    FeeModel kalshiFees = KalshiFeeModel.of("quadratic", "1");
    FeeModel polymarketFees = PolymarketFeeModel.of("0.03", "1");
    CountingFees countingK = new CountingFees(kalshiFees);
    CountingFees countingP = new CountingFees(polymarketFees);

    Fixtures.MutableClock clock = new Fixtures.MutableClock(1_000_000L);
    Scenario shape = new Scenario(market, new Fees(0, 1_000_000, 30_000, 1), limits, null);
    EdgeInputs in = new EdgeInputs(Fixtures.pair(PairRelation.SAME),
        Fixtures.kalshiBook(clock, kalshiYes, List.of()),
        Fixtures.tokenBook(clock, YES_TOKEN, List.of()),
        Fixtures.tokenBook(clock, NO_TOKEN, polymarketNo),
        shape.kalshiInstrument(), shape.polymarketInstrument(), countingK, countingP);
    EdgeResult actual = new EdgeCalculator(clock).evaluate(in, limits.params(), Direction.BUY_KALSHI_YES);

    Expected expected = bruteForce(Direction.BUY_KALSHI_YES, kalshiYes, polymarketNo, kalshiFees, polymarketFees,
        market, limits);
    assertThat(expected.reason()).isNull();
    assertThat(expected.size()).isGreaterThan(Quantity.of(80).micros());
    assertThat(expected.levelsK()).isEqualTo(5);
    assertMatches(shape, expected, actual);
    // The brute force needs at least one fee call per size; the search a few per segment.
    assertThat(countingK.calls + countingP.calls).isLessThan(2_000);
  }
}
