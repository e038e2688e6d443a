package io.github.crossarb.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolymarketFeeModelTest {

  private static Money taker(PolymarketFeeModel model, String price, String shares) {
    return model.takerFee(Price.parse(price), Quantity.parse(shares));
  }

  // fee = C × rate × (P × (1−P))^e, floored to $0.00001. Each row: exact value -> floored.
  @ParameterizedTest(name = "rate={0} e={1} P={2} C={3} -> {4}")
  @CsvSource(textBlock = """
      # e = 1
      # 1 × 0.03 × 0.25 = 0.0075 exactly
      0.03, 1, 0.50, 1,    0.0075
      # 100 × 0.03 × 0.25 = 0.75 exactly
      0.03, 1, 0.50, 100,  0.75
      # 10 × 0.03 × 0.0099 = 0.00297 exactly
      0.03, 1, 0.01, 10,   0.00297
      # 1 × 0.03 × 0.0291 = 0.000873 -> 0.00087
      0.03, 1, 0.03, 1,    0.00087
      # 2.37 × 0.03 × 0.1875 = 0.01333125 -> 0.01333
      0.03, 1, 0.25, 2.37, 0.01333
      # 0.5 × 0.03 × 0.0099 = 0.0001485 -> 0.00014
      0.03, 1, 0.99, 0.5,  0.00014
      # 1 × 0.07 × 0.1875 = 0.013125 -> 0.01312
      0.07, 1, 0.75, 1,    0.01312
      # 10 × 0.07 × 0.0291 = 0.02037 exactly
      0.07, 1, 0.03, 10,   0.02037
      # 100 × 0.07 × 0.0099 = 0.0693 exactly
      0.07, 1, 0.99, 100,  0.0693
      # 0.5 × 0.25 × 0.0291 = 0.0036375 -> 0.00363
      0.25, 1, 0.03, 0.5,  0.00363
      # e = 0: the price term is 1
      # 10 × 0.03 = 0.3
      0.03, 0, 0.50, 10,   0.3
      # 2.37 × 0.03 = 0.0711
      0.03, 0, 0.01, 2.37, 0.0711
      # 0.5 × 0.03 = 0.015
      0.03, 0, 0.99, 0.5,  0.015
      # 1 × 0.07 = 0.07
      0.07, 0, 0.25, 1,    0.07
      # e = 2
      # 100 × 0.03 × 0.0625 = 0.1875 exactly
      0.03, 2, 0.50, 100,  0.1875
      # 10 × 0.03 × 0.03515625 = 0.010546875 -> 0.01054
      0.03, 2, 0.25, 10,   0.01054
      # 2.37 × 0.03 × 0.03515625 = 0.002499609375 -> 0.00249
      0.03, 2, 0.75, 2.37, 0.00249
      # 100 × 0.07 × 0.00084681 = 0.00592767 -> 0.00592
      0.07, 2, 0.03, 100,  0.00592
      # 100 × 0.25 × 0.00009801 = 0.00245025 -> 0.00245
      0.25, 2, 0.01, 100,  0.00245
      # 1000 × 0.25 × 0.0625 = 15.625 exactly
      0.25, 2, 0.50, 1000, 15.625
      """)
  void takerFeeTable(String rate, String exponent, String price, String shares, String expected) {
    PolymarketFeeModel model = PolymarketFeeModel.of(rate, exponent);
    assertThat(taker(model, price, shares)).isEqualTo(Money.parse(expected));
    assertThat(model.takerFeeMicros(Price.parse(price).micros(), Quantity.parse(shares).micros()))
        .isEqualTo(Money.parse(expected).micros());
  }

  @Test
  void floorsOnlyWhenTheExactFeeIsOffTheGrid() {
    PolymarketFeeModel model = PolymarketFeeModel.of("0.03", "1");
    // 10 × 0.03 × 0.25 = 0.075 exactly: kept
    assertThat(taker(model, "0.50", "10")).isEqualTo(Money.parse("0.075"));
    // 10.000001 × 0.0075 = 0.0750000075: floored back to 0.07500
    assertThat(taker(model, "0.50", "10.000001")).isEqualTo(Money.parse("0.075"));
    // 9.999999 × 0.0075 = 0.0749999925: floored a whole unit down to 0.07499
    assertThat(taker(model, "0.50", "9.999999")).isEqualTo(Money.parse("0.07499"));
    // 0.000014 × 0.0075 = 0.000000105: below one unit, nothing
    assertThat(taker(model, "0.50", "0.000014")).isEqualTo(Money.ZERO);
    // 0.0014 × 0.0075 = 0.0000105 -> 0.00001
    assertThat(taker(model, "0.50", "0.0014")).isEqualTo(Money.parse("0.00001"));
  }

  @Test
  void zeroQuantityAndZeroRateCostNothingAndMakersNeverPay() {
    PolymarketFeeModel model = PolymarketFeeModel.of("0.07", "1");
    assertThat(taker(model, "0.50", "0")).isEqualTo(Money.ZERO);
    assertThat(taker(model, "0", "100")).isEqualTo(Money.ZERO);
    assertThat(taker(model, "1", "100")).isEqualTo(Money.ZERO);
    assertThat(taker(PolymarketFeeModel.of("0", "1"), "0.50", "100")).isEqualTo(Money.ZERO);
    assertThat(model.makerFee(Price.parse("0.5"), Quantity.of(100))).isEqualTo(Money.ZERO);
    // e = 0 charges the flat rate even at the extremes: 100 × 0.07 = 7
    assertThat(taker(PolymarketFeeModel.of("0.07", "0"), "1", "100")).isEqualTo(Money.parse("7"));
  }

  @Test
  void exponentMustBeAWholeNonNegativeNumber() {
    assertThat(PolymarketFeeModel.of("0.03", "1.0")).isEqualTo(PolymarketFeeModel.of("0.03", "1"));
    assertThatThrownBy(() -> PolymarketFeeModel.of("0.03", "1.5"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
    assertThatThrownBy(() -> PolymarketFeeModel.of("0.03", "0.000001"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
    assertThatThrownBy(() -> PolymarketFeeModel.of("0.03", "-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PolymarketFeeModel.of("0.03", "65"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PolymarketFeeModel.of("0.03", "1e0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PolymarketFeeModel.of(30_000L, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rateMustBeADecimalFractionBetweenZeroAndOne() {
    assertThatThrownBy(() -> PolymarketFeeModel.of("-0.03", "1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PolymarketFeeModel.of("300", "1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PolymarketFeeModel.of("0.0000001", "1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PolymarketFeeModel.of("", "1")).isInstanceOf(IllegalArgumentException.class);
    assertThat(PolymarketFeeModel.of("1", "1").rateMicros()).isEqualTo(1_000_000L);
  }

  @Test
  void stringAndMicrosFactoriesAgreeAndDefineEquality() {
    PolymarketFeeModel a = PolymarketFeeModel.of("0.030", "2");
    PolymarketFeeModel b = PolymarketFeeModel.of(30_000L, 2);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(PolymarketFeeModel.of("0.03", "1"));
    assertThat(a).isNotEqualTo(PolymarketFeeModel.of("0.07", "2"));
    assertThat(a.rateMicros()).isEqualTo(30_000L);
    assertThat(a.exponent()).isEqualTo(2);
  }

  @Test
  void toStringNamesTheParameters() {
    assertThat(PolymarketFeeModel.of("0.03", "1"))
        .hasToString("PolymarketFeeModel[rate=0.03, exponent=1, takersOnly, roundedDownTo=0.00001]");
  }
}
