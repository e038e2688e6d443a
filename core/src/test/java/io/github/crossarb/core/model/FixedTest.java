package io.github.crossarb.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FixedTest {

  @ParameterizedTest
  @CsvSource({
    "0.42, 420000",
    "0.4200, 420000",
    "10.00, 10000000",
    "1, 1000000",
    "0, 0",
    "-3.5, -3500000",
    ".5, 500000",
    "0.000001, 1",
    "0.1234560000, 123456",
  })
  void parsesVenueDecimals(String text, long micros) {
    assertThat(Fixed.parse(text)).isEqualTo(micros);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", ".", "1.", "1e-2", "0x10", " 1", "1 ", "+1", "1.2.3", "0.0000001", "abc", "--1"})
  void refusesWhatIsNotAPlainDecimalWithinScale(String text) {
    assertThatThrownBy(() -> Fixed.parse(text)).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void refusesOverflowInsteadOfWrapping() {
    assertThatThrownBy(() -> Fixed.parse("99999999999999"))
        .isInstanceOf(NumberFormatException.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void formatsShortestAndFixedDecimals() {
    assertThat(Fixed.format(420000)).isEqualTo("0.42");
    assertThat(Fixed.format(0)).isEqualTo("0");
    assertThat(Fixed.format(-1)).isEqualTo("-0.000001");
    assertThat(Fixed.format(420000, 4)).isEqualTo("0.4200");
    assertThat(Fixed.format(10_000_000, 2)).isEqualTo("10.00");
  }

  @Test
  void roundsInTheDirectionAsked() {
    // 0.333333 * 0.5 = 0.1666665 exactly: floor and ceil straddle it.
    assertThat(Fixed.mulFloor(333_333, 500_000)).isEqualTo(166_666);
    assertThat(Fixed.mulCeil(333_333, 500_000)).isEqualTo(166_667);
    assertThat(Fixed.mulCeil(-333_333, 500_000)).isEqualTo(-166_666);
    assertThat(Fixed.ceilDiv(7, 2)).isEqualTo(4);
    assertThat(Fixed.ceilDiv(-7, 2)).isEqualTo(-3);
    assertThat(Fixed.floorTo(1_234_567, 10_000)).isEqualTo(1_230_000);
    assertThat(Fixed.ceilTo(1_234_567, 10_000)).isEqualTo(1_240_000);
  }

  @Test
  void multiplicationOverflowThrows() {
    assertThatThrownBy(() -> Fixed.mulCeil(Long.MAX_VALUE / 2, 3)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void bigDecimalBridgeIsExact() {
    assertThat(Fixed.fromBigDecimal(new BigDecimal("0.5600"))).isEqualTo(560_000);
    assertThat(Fixed.toBigDecimal(560_000)).isEqualByComparingTo("0.56");
    assertThatThrownBy(() -> Fixed.fromBigDecimal(new BigDecimal("0.1234567"))).isInstanceOf(ArithmeticException.class);
  }
}
