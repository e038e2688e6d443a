package io.github.crossarb.core.execution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.book.BookLevels;
import io.github.crossarb.core.book.BookSide;
import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.pricing.KalshiFeeModel;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BookMathTest {
  private static final InstrumentId ID = InstrumentId.polymarket("7002");
  private static final TickGrid CENT = TickGrid.fixed(Price.parse("0.01"));

  private static BookLevels asks(String... levels) {
    OrderBook book = new OrderBook(ID, InstantSource.system());
    book.applySnapshot(new BookSnapshot(ID, List.of(), java.util.Arrays.stream(levels)
        .map(l -> Level.of(l.split("@")[0], l.split("@")[1])).toList()));
    return book.levels(Outcome.YES, BookSide.ASK);
  }

  @Test
  void buyLimitIsTheWorstLevelNeededOrTheCap() {
    BookLevels asks = asks("0.50@5", "0.52@5", "0.60@100");
    assertThat(BookMath.buyLimit(asks, Quantity.of(5), Price.parse("0.55"))).contains(Price.parse("0.50"));
    assertThat(BookMath.buyLimit(asks, Quantity.of(6), Price.parse("0.55"))).contains(Price.parse("0.52"));
    assertThat(BookMath.buyLimit(asks, Quantity.of(11), Price.parse("0.55"))).contains(Price.parse("0.55"));
    assertThat(BookMath.buyLimit(asks, Quantity.of(1), Price.parse("0.49"))).isEmpty();
    assertThat(BookMath.buyLimit(asks(), Quantity.of(1), Price.parse("0.99"))).isEmpty();
  }

  @Test
  void depthWithinCountsLevelsAtOrBetterThanTheLimit() {
    BookLevels asks = asks("0.50@5", "0.52@7", "0.60@100");
    assertThat(BookMath.depthWithin(asks, Price.parse("0.52"), true)).isEqualTo(Quantity.of(12));
    assertThat(BookMath.depthWithin(asks, Price.parse("0.49"), true)).isEqualTo(Quantity.ZERO);
  }

  @Test
  void hedgeCapStaysOnTheGridAndBelowOneDollar() {
    assertThat(BookMath.hedgeCap(Price.parse("0.55"), Money.parse("0.015"), CENT)).contains(Price.parse("0.56"));
    assertThat(BookMath.hedgeCap(Price.parse("0.98"), Money.parse("0.05"), CENT)).contains(Price.parse("0.99"));
  }

  @Test
  void unwindFloorKeepsTheLossWithinTheBudgetFeesIncluded() {
    var noFees = KalshiFeeModel.of("quadratic", 0L);
    // 10 bought for 4.00: losing at most 0.50 means selling no lower than 0.35
    assertThat(BookMath.unwindFloor(Quantity.of(10), Money.parse("4"), Money.parse("0.5"), noFees, CENT))
        .contains(Price.parse("0.35"));
    var fees = KalshiFeeModel.of("quadratic", 1_000_000L);
    Optional<Price> withFees = BookMath.unwindFloor(Quantity.of(10), Money.parse("4"), Money.parse("0.5"), fees, CENT);
    assertThat(withFees).isPresent();
    Price p = withFees.get();
    Money loss = Money.parse("4").minus(Money.proceedsOf(p, Quantity.of(10)).minus(fees.takerFee(p, Quantity.of(10))));
    assertThat(loss).isLessThanOrEqualTo(Money.parse("0.5"));
    Price below = Price.ofMicros(p.micros() - 10_000);
    Money lossBelow = Money.parse("4").minus(Money.proceedsOf(below, Quantity.of(10)).minus(fees.takerFee(below, Quantity.of(10))));
    assertThat(lossBelow).isGreaterThan(Money.parse("0.5"));
    // nothing under $1 sells 10 bought at 0.99 each within a zero budget after fees
    assertThat(BookMath.unwindFloor(Quantity.of(10), Money.parse("9.9"), Money.ZERO, fees, CENT)).isEmpty();
  }

  @Test
  void wholeCentSizeExamples() {
    Quantity one = Quantity.of(1);
    assertThat(BookMath.wholeCentSize(Quantity.of(9), Price.parse("0.585"), one, Quantity.of(5), 100)).isEqualTo(Quantity.of(8));
    assertThat(BookMath.wholeCentSize(Quantity.of(9), Price.parse("0.58"), one, Quantity.of(5), 100)).isEqualTo(Quantity.of(9));
    // none at or above the minimum: unchanged
    assertThat(BookMath.wholeCentSize(Quantity.of(5), Price.parse("0.5831"), one, Quantity.of(5), 100)).isEqualTo(Quantity.of(5));
    assertThat(BookMath.lcm(Quantity.of(1), Quantity.parse("0.01"))).isEqualTo(Quantity.of(1));
    assertThat(BookMath.lcm(Quantity.parse("0.04"), Quantity.parse("0.06"))).isEqualTo(Quantity.parse("0.12"));
  }

  @Property
  void wholeCentSizeIsAValidSizeNoLargerThanAsked(
      @ForAll @IntRange(min = 1, max = 5_000) int units, @ForAll @LongRange(min = 1, max = 9_999) long priceTicks,
      @ForAll @IntRange(min = 0, max = 20) int minUnits) {
    Quantity unit = Quantity.parse("0.01");
    Quantity size = Quantity.ofMicros(units * unit.micros());
    Quantity min = Quantity.ofMicros(minUnits * unit.micros());
    Price price = Price.ofMicros(priceTicks * 100);
    Quantity cut = BookMath.wholeCentSize(size, price, unit, min, 10_000);

    assertThat(cut).isLessThanOrEqualTo(size);
    if (!cut.equals(size)) {
      assertThat(cut.isMultipleOf(unit)).isTrue();
      assertThat(cut).isGreaterThanOrEqualTo(min);
      assertThat(BookMath.isWholeCents(cut.micros(), price.micros())).isTrue();
    }
    if (BookMath.isWholeCents(size.micros(), price.micros())) {
      assertThat(cut).isEqualTo(size);
    }
  }
}
