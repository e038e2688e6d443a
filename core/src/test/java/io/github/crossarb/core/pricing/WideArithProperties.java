package io.github.crossarb.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The 128-bit helpers against BigInteger. */
class WideArithProperties {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  @Provide
  Arbitrary<Long> operands() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, Long.MAX_VALUE),
        Arbitraries.longs().between(0, 1L << 40),
        Arbitraries.longs().between(0, 1000),
        Arbitraries.of(0L, 1L, 2L, 9L, 10L, Long.MAX_VALUE, Long.MAX_VALUE - 1, 1L << 62, 99_999_999_999L));
  }

  @Property(tries = 2000)
  void mulDivPow10MatchesBigInteger(
      @ForAll("operands") long a,
      @ForAll("operands") long b,
      @ForAll @IntRange(min = 0, max = 45) int exp,
      @ForAll boolean roundUp) {
    BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.TEN.pow(exp));
    BigInteger expected = roundUp && qr[1].signum() != 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    if (expected.compareTo(LONG_MAX) > 0) {
      assertThatThrownBy(() -> WideArith.mulDivPow10(a, b, exp, roundUp)).isInstanceOf(ArithmeticException.class);
    } else {
      assertThat(WideArith.mulDivPow10(a, b, exp, roundUp)).isEqualTo(expected.longValueExact());
    }
  }

  @Property(tries = 2000)
  void compareProductsMatchesBigInteger(
      @ForAll("operands") long a, @ForAll("operands") long b, @ForAll("operands") long c, @ForAll("operands") long d) {
    int expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
        .compareTo(BigInteger.valueOf(c).multiply(BigInteger.valueOf(d)));
    assertThat(Integer.signum(WideArith.compareProducts(a, b, c, d))).isEqualTo(expected);
  }

  @Property(tries = 500)
  void lcmIsTheLeastCommonMultiple(
      @ForAll @IntRange(min = 1, max = 100_000) int a, @ForAll @IntRange(min = 1, max = 100_000) int b) {
    BigInteger ba = BigInteger.valueOf(a);
    BigInteger bb = BigInteger.valueOf(b);
    assertThat(WideArith.lcm(a, b)).isEqualTo(ba.multiply(bb).divide(ba.gcd(bb)).longValueExact());
  }

  @Test
  void carriesAcrossTheLowWordWhenRoundingUp() {
    // (2^64 - 1) / 1 rounded up stays 2^64 - 1 and does not fit a long; (2^64 + 1) / 10 -> ceil
    long a = (1L << 32) + 1;
    long b = (1L << 32) - 1; // a*b = 2^64 - 1
    assertThatThrownBy(() -> WideArith.mulDivPow10(a, b, 0, true)).isInstanceOf(ArithmeticException.class);
    // (2^64 - 1) / 10 = 1844674407370955161.5 -> 1844674407370955162 up, ...161 down
    assertThat(WideArith.mulDivPow10(a, b, 1, true)).isEqualTo(1844674407370955162L);
    assertThat(WideArith.mulDivPow10(a, b, 1, false)).isEqualTo(1844674407370955161L);
  }

  @Test
  void refusesNegativeArguments() {
    assertThatThrownBy(() -> WideArith.mulDivPow10(-1, 1, 0, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WideArith.compareProducts(1, 1, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WideArith.lcm(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WideArith.lcm(Long.MAX_VALUE, Long.MAX_VALUE - 1)).isInstanceOf(ArithmeticException.class);
  }
}
