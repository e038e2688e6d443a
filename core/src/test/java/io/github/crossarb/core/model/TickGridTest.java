package io.github.crossarb.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TickGridTest {

  /** Kalshi {@code tapered_deci_cent}: $0.001 below $0.10 and above $0.90, $0.01 between. */
  private static final TickGrid TAPERED = TickGrid.banded(List.of(
      new TickGrid.Band(Price.parse("0.9"), Price.parse("1"), 1_000),
      new TickGrid.Band(Price.parse("0"), Price.parse("0.1"), 1_000),
      new TickGrid.Band(Price.parse("0.1"), Price.parse("0.9"), 10_000)));

  @Test
  void fixedTickAcceptsOnlyMultiples() {
    TickGrid cent = TickGrid.fixed(Price.parse("0.01"));
    assertThat(cent.isOnTick(Price.parse("0.42"))).isTrue();
    assertThat(cent.isOnTick(Price.parse("0.425"))).isFalse();
    assertThat(cent.isOnTick(Price.ZERO)).isTrue();
    assertThat(cent.isOnTick(Price.ONE)).isTrue();
    TickGrid quarterCent = TickGrid.fixed(Price.parse("0.0025"));
    assertThat(quarterCent.isOnTick(Price.parse("0.4275"))).isTrue();
    assertThat(quarterCent.isOnTick(Price.parse("0.428"))).isFalse();
  }

  @Test
  void bandsHaveTheirOwnStep() {
    assertThat(TAPERED.isOnTick(Price.parse("0.053"))).isTrue();
    assertThat(TAPERED.isOnTick(Price.parse("0.955"))).isTrue();
    assertThat(TAPERED.isOnTick(Price.parse("0.425"))).isFalse();
    assertThat(TAPERED.isOnTick(Price.parse("0.42"))).isTrue();
    assertThat(TAPERED.isOnTick(Price.parse("0.1"))).isTrue();
    assertThat(TAPERED.stepAt(Price.parse("0.05"))).isEqualTo(1_000);
    assertThat(TAPERED.stepAt(Price.parse("0.5"))).isEqualTo(10_000);
    // A shared edge takes the finer step of the two bands.
    assertThat(TAPERED.stepAt(Price.parse("0.1"))).isEqualTo(1_000);
  }

  @Test
  void floorAndCeilSnapToTheGrid() {
    assertThat(TAPERED.floor(Price.parse("0.425"))).contains(Price.parse("0.42"));
    assertThat(TAPERED.ceil(Price.parse("0.425"))).contains(Price.parse("0.43"));
    assertThat(TAPERED.floor(Price.parse("0.0555"))).contains(Price.parse("0.055"));
    assertThat(TAPERED.ceil(Price.parse("0.0555"))).contains(Price.parse("0.056"));
    assertThat(TAPERED.ceil(Price.parse("0.42"))).contains(Price.parse("0.42"));
    assertThat(TAPERED.floor(Price.parse("0.9005"))).contains(Price.parse("0.9"));
  }

  @Test
  void gridsThatDoNotCoverAPriceSaySo() {
    TickGrid middle = TickGrid.banded(List.of(new TickGrid.Band(Price.parse("0.1"), Price.parse("0.9"), 10_000)));
    assertThat(middle.isOnTick(Price.parse("0.05"))).isFalse();
    assertThat(middle.floor(Price.parse("0.05"))).isEmpty();
    assertThat(middle.ceil(Price.parse("0.95"))).isEmpty();
    assertThat(middle.floor(Price.parse("0.95"))).contains(Price.parse("0.9"));
    assertThatThrownBy(() -> middle.stepAt(Price.parse("0.95"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesGapsAndBadSteps() {
    assertThatThrownBy(() -> TickGrid.banded(List.of(
        new TickGrid.Band(Price.parse("0"), Price.parse("0.1"), 1_000),
        new TickGrid.Band(Price.parse("0.2"), Price.parse("1"), 10_000))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gap");
    assertThatThrownBy(() -> new TickGrid.Band(Price.ZERO, Price.ONE, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TickGrid.banded(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
