package io.github.crossarb.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KalshiFeeModelTest {

  private static Money taker(KalshiFeeModel model, String price, String contracts) {
    return model.takerFee(Price.parse(price), Quantity.parse(contracts));
  }

  private static Money maker(KalshiFeeModel model, String price, String contracts) {
    return model.makerFee(Price.parse(price), Quantity.parse(contracts));
  }

  // fee = roundup(0.07 × m × C × P × (1−P)) to $0.0001. Each row: exact value -> rounded.
  @ParameterizedTest(name = "m={0} P={1} C={2} -> {3}")
  @CsvSource(textBlock = """
      # m = 1
      # 0.07 × 1 × 0.01 × 0.99 = 0.000693 -> 0.0007
      1,   0.01, 1,    0.0007
      # 0.07 × 100 × 0.0099 = 0.0693 exactly on the grid -> 0.0693
      1,   0.01, 100,  0.0693
      # 0.07 × 0.5 × 0.0291 = 0.0010185 -> 0.0011
      1,   0.03, 0.5,  0.0011
      # 0.07 × 10 × 0.0291 = 0.02037 -> 0.0204
      1,   0.03, 10,   0.0204
      # 0.07 × 1 × 0.1875 = 0.013125 -> 0.0132
      1,   0.25, 1,    0.0132
      # 0.07 × 100 × 0.1875 = 1.3125 exactly -> 1.3125
      1,   0.25, 100,  1.3125
      # reference example: 0.07 × 10 × 0.25 = 0.175 exactly -> 0.1750
      1,   0.50, 10,   0.1750
      # 0.07 × 0.5 × 0.25 = 0.00875 -> 0.0088
      1,   0.50, 0.5,  0.0088
      # 0.07 × 2.37 × 0.1875 = 0.03110625 -> 0.0312
      1,   0.75, 2.37, 0.0312
      # 0.07 × 10 × 0.0099 = 0.00693 -> 0.0070
      1,   0.99, 10,   0.0070
      # m = 0.5
      # 0.035 × 2.37 × 0.0099 = 0.000821205 -> 0.0009
      0.5, 0.01, 2.37, 0.0009
      # 0.035 × 0.5 × 0.0291 = 0.00050925 -> 0.0006
      0.5, 0.03, 0.5,  0.0006
      # 0.035 × 100 × 0.1875 = 0.65625 -> 0.6563
      0.5, 0.25, 100,  0.6563
      # 0.035 × 10 × 0.25 = 0.0875 exactly -> 0.0875
      0.5, 0.50, 10,   0.0875
      # 0.035 × 1 × 0.1875 = 0.0065625 -> 0.0066
      0.5, 0.75, 1,    0.0066
      # 0.035 × 100 × 0.0099 = 0.03465 -> 0.0347
      0.5, 0.99, 100,  0.0347
      # m = 1.5
      # 0.105 × 100 × 0.0291 = 0.30555 -> 0.3056
      1.5, 0.03, 100,  0.3056
      # 0.105 × 2.37 × 0.1875 = 0.046659375 -> 0.0467
      1.5, 0.25, 2.37, 0.0467
      # 0.105 × 1 × 0.25 = 0.02625 -> 0.0263
      1.5, 0.50, 1,    0.0263
      # 0.105 × 10 × 0.25 = 0.2625 exactly -> 0.2625
      1.5, 0.50, 10,   0.2625
      # 0.105 × 10 × 0.1875 = 0.196875 -> 0.1969
      1.5, 0.75, 10,   0.1969
      # 0.105 × 0.5 × 0.0099 = 0.00051975 -> 0.0006
      1.5, 0.99, 0.5,  0.0006
      """)
  void takerFeeTable(String multiplier, String price, String contracts, String expected) {
    for (String type : new String[] {"quadratic", "quadratic_with_maker_fees", "quadratic_with_combo_maker_fees"}) {
      KalshiFeeModel model = KalshiFeeModel.of(type, multiplier);
      assertThat(taker(model, price, contracts)).as(type).isEqualTo(Money.parse(expected));
      // The allocation-free path must agree with the public one.
      assertThat(model.takerFeeMicros(Price.parse(price).micros(), Quantity.parse(contracts).micros()))
          .isEqualTo(Money.parse(expected).micros());
    }
  }

  @Test
  void roundsUpOnlyWhenTheExactFeeIsOffTheGrid() {
    KalshiFeeModel model = KalshiFeeModel.of("quadratic", "1");
    // 0.07 × 10 × 0.25 = 0.175 exactly: no round-up
    assertThat(taker(model, "0.50", "10")).isEqualTo(Money.parse("0.1750"));
    // 0.07 × 10.000001 × 0.25 = 0.175000000175: just above, up a whole $0.0001
    assertThat(taker(model, "0.50", "10.000001")).isEqualTo(Money.parse("0.1751"));
    // 0.07 × 9.999999 × 0.25 = 0.174999999825: just below, up to 0.1750
    assertThat(taker(model, "0.50", "9.999999")).isEqualTo(Money.parse("0.1750"));
    // 0.07 × 0.01 × 0.25 = 0.000175 -> 0.0002
    assertThat(taker(model, "0.50", "0.01")).isEqualTo(Money.parse("0.0002"));
    // 0.07 × 0.000001 × 0.25 = 0.0000000175 -> the smallest unit, 0.0001
    assertThat(taker(model, "0.50", "0.000001")).isEqualTo(Money.parse("0.0001"));
  }

  @Test
  void zeroQuantityZeroPriceTermAndZeroMultiplierCostNothing() {
    KalshiFeeModel model = KalshiFeeModel.of("quadratic_with_maker_fees", "1");
    assertThat(taker(model, "0.50", "0")).isEqualTo(Money.ZERO);
    assertThat(maker(model, "0.50", "0")).isEqualTo(Money.ZERO);
    assertThat(taker(model, "0", "100")).isEqualTo(Money.ZERO);
    assertThat(taker(model, "1", "100")).isEqualTo(Money.ZERO);
    assertThat(taker(KalshiFeeModel.of("quadratic", "0"), "0.50", "100")).isEqualTo(Money.ZERO);
  }

  @Test
  void makerFeeDependsOnTheFeeType() {
    // quadratic: makers pay nothing
    assertThat(maker(KalshiFeeModel.of("quadratic", "1"), "0.50", "10")).isEqualTo(Money.ZERO);
    // 0.0175 × 10 × 0.25 = 0.04375 -> 0.0438
    assertThat(maker(KalshiFeeModel.of("quadratic_with_maker_fees", "1"), "0.50", "10"))
        .isEqualTo(Money.parse("0.0438"));
    // 0.0175 × 0.5 × 10 × 0.25 = 0.021875 -> 0.0219
    assertThat(maker(KalshiFeeModel.of("quadratic_with_maker_fees", "0.5"), "0.50", "10"))
        .isEqualTo(Money.parse("0.0219"));
    // 0.0175 × 100 × 0.0099 = 0.017325 -> 0.0174
    assertThat(maker(KalshiFeeModel.of("quadratic_with_maker_fees", "1"), "0.99", "100"))
        .isEqualTo(Money.parse("0.0174"));
    // combo: maker share 0.5, 0.035 × 10 × 0.25 = 0.0875 exactly
    assertThat(maker(KalshiFeeModel.of("quadratic_with_combo_maker_fees", "1"), "0.50", "10"))
        .isEqualTo(Money.parse("0.0875"));
    // 0.035 × 1.5 × 2.37 × 0.1875 = 0.0233296875 -> 0.0234
    assertThat(maker(KalshiFeeModel.of("quadratic_with_combo_maker_fees", "1.5"), "0.25", "2.37"))
        .isEqualTo(Money.parse("0.0234"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"flat", "FLAT", "Quadratic", "quadratic ", "", "quadratic_with_maker_fee", "percentage"})
  void unknownFeeTypesAreRefusedNotGuessed(String feeType) {
    assertThatThrownBy(() -> KalshiFeeModel.of(feeType, "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported Kalshi fee type")
        .hasMessageContaining("\"" + feeType + "\"")
        .hasMessageContaining("market not tradable");
  }

  @Test
  void nullFeeTypeIsRefused() {
    assertThatThrownBy(() -> KalshiFeeModel.of((String) null, "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("market not tradable");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "-0.000001", "1e0", "0.1234567", "", "one", "1.0.0"})
  void badMultipliersAreRefused(String multiplier) {
    assertThatThrownBy(() -> KalshiFeeModel.of("quadratic", multiplier))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void negativeMultiplierInMicrosIsRefused() {
    assertThatThrownBy(() -> KalshiFeeModel.of("quadratic", -1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void absurdMultiplierIsRefusedInsteadOfOverflowing() {
    assertThatThrownBy(() -> KalshiFeeModel.of("quadratic", Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large");
  }

  @Test
  void hugeFeeThrowsInsteadOfWrapping() {
    KalshiFeeModel model = KalshiFeeModel.of("quadratic", 1_000_000_000_000L); // multiplier 1e6
    Quantity huge = Quantity.ofMicros(Long.MAX_VALUE);
    assertThatThrownBy(() -> model.takerFee(Price.parse("0.5"), huge)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void stringAndMicrosFactoriesAgreeAndDefineEquality() {
    KalshiFeeModel a = KalshiFeeModel.of("quadratic_with_maker_fees", "1.50");
    KalshiFeeModel b = KalshiFeeModel.of("quadratic_with_maker_fees", 1_500_000L);
    KalshiFeeModel c = KalshiFeeModel.of(KalshiFeeModel.FeeType.QUADRATIC_WITH_MAKER_FEES, 1_500_000L);
    assertThat(a).isEqualTo(b).isEqualTo(c).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(KalshiFeeModel.of("quadratic", "1.5"));
    assertThat(a).isNotEqualTo(KalshiFeeModel.of("quadratic_with_maker_fees", "1.4"));
    assertThat(a.feeType()).isEqualTo(KalshiFeeModel.FeeType.QUADRATIC_WITH_MAKER_FEES);
    assertThat(a.multiplierMicros()).isEqualTo(1_500_000L);
  }

  @Test
  void toStringNamesTheParameters() {
    assertThat(KalshiFeeModel.of("quadratic_with_maker_fees", "1.5"))
        .hasToString("KalshiFeeModel[feeType=quadratic_with_maker_fees, multiplier=1.5, takerRate=0.07,"
            + " makerRate=0.0175, roundedUpTo=0.0001]");
  }
}
