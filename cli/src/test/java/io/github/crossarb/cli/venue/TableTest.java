package io.github.crossarb.cli.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void columnsAlignAndTheLastIsNotPadded() {
    String text = new Table("A", "LONGER").row("wide cell", "x").row(null, "yy").toString();
    assertThat(text.lines()).containsExactly("A          LONGER", "wide cell  x", "-          yy");
  }

  @Test
  void pricesShowAtLeastTwoDecimalsAndNeverLoseOne() {
    assertThat(Table.price(Price.parse("0.5"))).isEqualTo("0.50");
    assertThat(Table.price(Price.parse("0.42"))).isEqualTo("0.42");
    assertThat(Table.price(Price.parse("0.4255"))).isEqualTo("0.4255");
    assertThat(Table.price(Price.ZERO)).isEqualTo("0.00");
    assertThat(Table.price(Price.ONE)).isEqualTo("1.00");
  }

  @Test
  void dollarsCarryTheSignBeforeTheDollar() {
    assertThat(Table.dollars(Money.parse("1.8"))).isEqualTo("$1.80");
    assertThat(Table.dollars(Money.parse("-0.0125"))).isEqualTo("-$0.0125");
    assertThat(Table.dollars(Money.parse("10000"))).isEqualTo("$10000.00");
    assertThat(Table.dollars(null)).isNull();
  }
}
