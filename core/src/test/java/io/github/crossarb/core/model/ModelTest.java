package io.github.crossarb.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelTest {

  @Test
  void pricesStayWithinZeroAndOne() {
    assertThatThrownBy(() -> Price.parse("1.01")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Price.parse("-0.01")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Price.ofMicros(1_000_001)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Price.parse("0.45").complement()).isEqualTo(Price.parse("0.55"));
  }

  @Test
  void quantitiesAreNeverNegative() {
    assertThatThrownBy(() -> Quantity.parse("-1")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Quantity.of(1).minus(Quantity.of(2))).isInstanceOf(IllegalArgumentException.class);
    assertThat(Quantity.parse("2.37").floorTo(Quantity.parse("1"))).isEqualTo(Quantity.of(2));
    assertThat(Quantity.parse("2.37").isMultipleOf(Quantity.parse("0.01"))).isTrue();
    assertThat(Quantity.parse("2.375").isMultipleOf(Quantity.parse("0.01"))).isFalse();
  }

  @Test
  void moneyArithmeticIsExactAndChecked() {
    assertThat(Money.parse("0.1").plus(Money.parse("0.2"))).isEqualTo(Money.parse("0.3"));
    assertThat(Money.costOf(Price.parse("0.4200"), Quantity.parse("10.00"))).isEqualTo(Money.parse("4.2"));
    assertThat(Money.payoutOf(Quantity.of(7))).isEqualTo(Money.parse("7"));
    assertThatThrownBy(() -> Money.ofMicros(Long.MAX_VALUE).plus(Money.ofMicros(1))).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void instrumentIdsRoundTripTheirTextForm() {
    InstrumentId kalshi = InstrumentId.parse("KALSHI:KXFED-26DEC-T4.25");
    assertThat(kalshi).isEqualTo(InstrumentId.kalshi("KXFED-26DEC-T4.25"));
    assertThat(kalshi.toString()).isEqualTo("KALSHI:KXFED-26DEC-T4.25");
    InstrumentId token = InstrumentId.parse("polymarket:7132104567");
    assertThat(token.venue()).isEqualTo(VenueId.POLYMARKET);
    assertThat(token.toString()).isEqualTo("POLYMARKET:7132104567");
    assertThatThrownBy(() -> InstrumentId.parse("KXFED")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InstrumentId.parse("BINANCE:BTC")).hasMessageContaining("unknown venue");
    assertThatThrownBy(() -> InstrumentId.kalshi(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void instrumentChecksOrderSizes() {
    Instrument instrument = new Instrument(InstrumentId.polymarket("1"), TickGrid.fixed(Price.parse("0.01")),
        Quantity.of(5), Quantity.parse("0.01"));
    assertThat(instrument.acceptsSize(Quantity.parse("5.01"))).isTrue();
    assertThat(instrument.acceptsSize(Quantity.parse("4.99"))).isFalse();
    assertThat(instrument.acceptsSize(Quantity.parse("5.001"))).isFalse();
  }
}
