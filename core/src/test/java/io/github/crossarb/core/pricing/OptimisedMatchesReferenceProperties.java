package io.github.crossarb.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.pricing.EdgeCalculatorProperties.Books;
import io.github.crossarb.core.pricing.EdgeCalculatorProperties.Fees;
import io.github.crossarb.core.pricing.EdgeCalculatorProperties.Limits;
import io.github.crossarb.core.pricing.EdgeCalculatorProperties.Lv;
import io.github.crossarb.core.pricing.EdgeCalculatorProperties.Market;
import io.github.crossarb.core.pricing.EdgeCalculatorProperties.Scenario;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The optimised {@link EdgeCalculator} and fee arithmetic against the frozen pre-optimisation
 * copies ({@link ReferenceEdgeCalculator}, {@link ReferenceFeeFormula}, {@link ReferenceWideArith}):
 * every result, refusal detail included, must be identical. Books are deeper (up to 50 levels) and
 * fee terms wider (any rate and multiplier in micros, exponents up to 3) than in
 * {@link EdgeCalculatorProperties}, whose brute force would be too slow for them.
 */
class OptimisedMatchesReferenceProperties {
  private final EdgeCalculatorProperties scenarios = new EdgeCalculatorProperties();

  @Provide
  Arbitrary<Fees> wideFees() {
    Arbitrary<Long> multipliers = Arbitraries.oneOf(
        Arbitraries.of(0L, 500_000L, 1_000_000L, 1_500_000L, 2_370_000L),
        Arbitraries.longs().between(0, 5_000_000));
    Arbitrary<Tuple.Tuple2<Long, Integer>> curves = Arbitraries.oneOf(
        Arbitraries.of(Tuple.of(0L, 1), Tuple.of(30_000L, 1), Tuple.of(250_000L, 2), Tuple.of(1_000L, 0)),
        Combinators.combine(Arbitraries.longs().between(0, 300_000), Arbitraries.integers().between(1, 3))
            .as(Tuple::of),
        Arbitraries.longs().between(0, 20_000).map(r -> Tuple.of(r, 0)));
    return Combinators.combine(Arbitraries.integers().between(0, 2), multipliers, curves)
        .as((type, multiplier, curve) -> new Fees(type, multiplier, curve.get1(), curve.get2()));
  }

  private static Arbitrary<List<Lv>> deepLadders() {
    Arbitrary<Lv> level = Combinators.combine(
            Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(1)), Tuple.of(3, Arbitraries.integers().between(2, 4))),
            Arbitraries.oneOf(Arbitraries.integers().between(1, 300), Arbitraries.integers().between(1, 30_000)))
        .as(Lv::new);
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(List.<Lv>of())),
        Tuple.of(39, level.list().ofMinSize(1).ofMaxSize(50)));
  }

  @Provide
  Arbitrary<Books> deepBooks() {
    // Mostly the 0.001 grid: 50 levels a cent apart would not fit between 0 and 1.
    Arbitrary<Tuple.Tuple2<Long, Integer>> gridAndFair = Arbitraries.of(10_000L, 1_000L, 1_000L)
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
            deepLadders().tuple2(),
            deepLadders().tuple2())
        .as((gf, ko, ks, yo, no, kalshiLadders, polymarketLadders) -> {
          int perCent = (int) (10_000 / gf.get1());
          return new Books(gf.get1(), gf.get2(), ko * perCent, ks * perCent, yo * perCent, no * perCent,
              kalshiLadders.get1(), kalshiLadders.get2(), polymarketLadders.get1(), polymarketLadders.get2());
        });
  }

  @Provide
  Arbitrary<Scenario> deepScenarios() {
    Arbitrary<Market> markets = scenarios.markets();
    Arbitrary<Limits> limits = scenarios.limits();
    return Combinators.combine(markets, wideFees(), limits, deepBooks()).as(Scenario::new);
  }

  @Property(tries = 5000, edgeCases = EdgeCasesMode.NONE)
  void evaluatesExactlyAsTheReference(@ForAll("deepScenarios") Scenario s) {
    Fixtures.MutableClock clock = new Fixtures.MutableClock(1_000_000L);
    EdgeInputs in = s.inputs(clock);
    Fees f = s.fees();
    EdgeInputs reference = new EdgeInputs(in.pair(), in.kalshiBook(), in.polymarketYesBook(), in.polymarketNoBook(),
        in.kalshiInstrument(), in.polymarketInstrument(),
        ReferenceFeeModels.kalshi(f.kalshiMultiplier()),
        ReferenceFeeModels.polymarket(f.polymarketRate(), f.polymarketExponent()));
    EdgeParams params = s.limits().params();
    EdgeCalculator optimised = new EdgeCalculator(clock);
    ReferenceEdgeCalculator frozen = new ReferenceEdgeCalculator(clock);

    for (Direction d : Direction.values()) {
      EdgeResult expected = frozen.evaluate(reference, params, d);
      assertThat(optimised.evaluate(in, params, d)).isEqualTo(expected);
      if (d == Direction.BUY_KALSHI_YES) {
        Statistics.label("outcome").collect(expected instanceof Opportunity o
            ? "OPPORTUNITY" : ((NoOpportunity) expected).reason().toString());
        Statistics.label("levels used").collect(expected instanceof Opportunity o
            ? (o.kalshi().levelsUsed() > 10 || o.polymarket().levelsUsed() > 10 ? ">10"
                : o.kalshi().levelsUsed() > 1 || o.polymarket().levelsUsed() > 1 ? "2..10" : "1") : "-");
      }
    }
    // Same instances again: buffers reused from the evaluations above must not leak into this one.
    assertThat(optimised.evaluate(in, params)).isEqualTo(frozen.evaluate(reference, params));
  }

  @Property(tries = 3000)
  void feesMatchTheReference(
      @ForAll("wideFees") Fees f,
      @ForAll("prices") long price,
      @ForAll("quantities") long quantity) {
    assertThat(f.kalshi().takerFeeMicros(price, quantity))
        .isEqualTo(ReferenceFeeModels.kalshi(f.kalshiMultiplier()).takerFeeMicros(price, quantity));
    assertThat(f.polymarket().takerFeeMicros(price, quantity))
        .isEqualTo(ReferenceFeeModels.polymarket(f.polymarketRate(), f.polymarketExponent())
            .takerFeeMicros(price, quantity));
  }

  @Provide
  Arbitrary<Long> prices() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, Fixed.SCALE),
        Arbitraries.longs().between(0, 100).map(c -> c * 10_000),
        Arbitraries.of(0L, 1L, 500_000L, 999_999L, Fixed.SCALE));
  }

  @Provide
  Arbitrary<Long> quantities() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, EdgeParams.MAX_SIZE_LIMIT.micros()),
        Arbitraries.longs().between(0, 1_000L * Fixed.SCALE),
        Arbitraries.longs().between(0, 100).map(c -> c * Fixed.SCALE),
        Arbitraries.of(0L, 1L, 10_000L, Fixed.SCALE, EdgeParams.MAX_SIZE_LIMIT.micros()));
  }

  @Property(tries = 5000)
  void mulDivPow10MatchesTheReference(
      @ForAll("operands") long a, @ForAll("operands") long b, @ForAll("exponents") int exp, @ForAll boolean roundUp) {
    long expected;
    try {
      expected = ReferenceWideArith.mulDivPow10(a, b, exp, roundUp);
    } catch (ArithmeticException e) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> WideArith.mulDivPow10(a, b, exp, roundUp))
          .isInstanceOf(ArithmeticException.class);
      return;
    }
    assertThat(WideArith.mulDivPow10(a, b, exp, roundUp)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<Long> operands() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, Long.MAX_VALUE),
        Arbitraries.longs().between(0, 1L << 20),
        Arbitraries.longs().between(0, 1L << 40),
        Arbitraries.longs().between(0, 3_000_000_000_000L),
        Arbitraries.longs().between(0, EdgeParams.MAX_SIZE_LIMIT.micros()),
        Arbitraries.integers().between(0, 62).map(i -> 1L << i),
        Arbitraries.integers().between(0, 18).map(i -> pow10(i)),
        Arbitraries.integers().between(0, 18).map(i -> pow10(i) - 1),
        Arbitraries.of(0L, 1L, 2L, 9L, 10L, Long.MAX_VALUE, Long.MAX_VALUE - 1, 1L << 62, 99_999_999_999L));
  }

  @Provide
  Arbitrary<Integer> exponents() {
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 45));
  }

  /**
   * The reciprocal division on its own, at quotient and remainder boundaries (remainder 0, 1,
   * d − 1), where its rarely taken corrections matter: random products almost never reach them.
   */
  @Property(tries = 5000)
  void reciprocalDivisionIsExactAtTheBoundaries(
      @ForAll("quotients") long q,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 18) int exp,
      @ForAll("remainderPicks") int pick,
      @ForAll("operands") long randomRemainder,
      @ForAll boolean roundUp) {
    java.math.BigInteger d = java.math.BigInteger.TEN.pow(exp);
    long dl = d.longValueExact();
    long r = switch (pick) {
      case 0 -> 0;
      case 1 -> 1;
      case 2 -> dl - 1;
      case 3 -> dl / 2;
      default -> Long.remainderUnsigned(randomRemainder, dl);
    };
    java.math.BigInteger n = java.math.BigInteger.valueOf(q).multiply(d).add(java.math.BigInteger.valueOf(r));
    long hi = n.shiftRight(64).longValueExact();
    long lo = n.longValue();
    boolean up = roundUp && r != 0;
    if (up && q == Long.MAX_VALUE) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> WideArith.divideByPow10(hi, lo, exp, roundUp))
          .isInstanceOf(ArithmeticException.class);
    } else {
      assertThat(WideArith.divideByPow10(hi, lo, exp, roundUp)).isEqualTo(up ? q + 1 : q);
    }
  }

  @Provide
  Arbitrary<Long> quotients() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, Long.MAX_VALUE),
        Arbitraries.longs().between(0, 1L << 24),
        Arbitraries.longs().between(Long.MAX_VALUE - 1000, Long.MAX_VALUE),
        Arbitraries.integers().between(0, 62).map(i -> 1L << i),
        Arbitraries.integers().between(0, 62).map(i -> (1L << i) - 1));
  }

  @Provide
  Arbitrary<Integer> remainderPicks() {
    return Arbitraries.integers().between(0, 4);
  }

  private static long pow10(int i) {
    long p = 1;
    for (int k = 0; k < i; k++) {
      p *= 10;
    }
    return p;
  }
}
