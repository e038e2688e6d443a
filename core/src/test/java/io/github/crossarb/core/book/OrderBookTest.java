package io.github.crossarb.core.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderBookTest {
  private static final InstrumentId KALSHI = InstrumentId.kalshi("KXFED-26DEC-T4.25");
  private MutableClock clock;
  private OrderBook book;

  @BeforeEach
  void setUp() {
    clock = MutableClock.atEpoch();
    book = new OrderBook(KALSHI, clock);
  }

  /** The documented Kalshi example shape: bids only, ascending, best last. */
  private void kalshiSnapshot() {
    book.applySnapshot(BookSnapshot.fromBids(KALSHI,
        List.of(Level.of("0.4000", "5.00"), Level.of("0.4200", "13.00")),
        List.of(Level.of("0.5400", "20.00"), Level.of("0.5600", "7.00"))));
  }

  @Test
  void startsUntrustedAwaitingItsSnapshot() {
    assertThat(book.integrity()).isEqualTo(BookIntegrity.untrusted(UntrustedReason.AWAITING_SNAPSHOT));
    assertThat(book.applyDelta(BookSide.BID, Price.parse("0.4"), 1_000_000)).isFalse();
    assertThat(book.droppedUpdates()).isEqualTo(1);
    assertThat(book.age()).isNull();
  }

  @Test
  void kalshiNoBidsAreYesAsksAtTheComplement() {
    kalshiSnapshot();
    assertThat(book.isTrusted()).isTrue();
    assertThat(book.bestBid(Outcome.YES)).contains(Price.parse("0.42"));
    // YES ask = 1 - best NO bid (0.56) = 0.44
    assertThat(book.bestAsk(Outcome.YES)).contains(Price.parse("0.44"));
    // NO ask = 1 - best YES bid = 0.58; NO bid = 0.56 as published
    assertThat(book.bestAsk(Outcome.NO)).contains(Price.parse("0.58"));
    assertThat(book.bestBid(Outcome.NO)).contains(Price.parse("0.56"));
    BookLevels noAsks = book.levels(Outcome.NO, BookSide.ASK);
    assertThat(noAsks.depth()).isEqualTo(2);
    assertThat(noAsks.priceMicros(0)).isEqualTo(580_000);
    assertThat(noAsks.sizeMicros(0)).isEqualTo(13_000_000);
    assertThat(noAsks.priceMicros(1)).isEqualTo(600_000);
  }

  @Test
  void signedDeltasChangeLevelsAndRemoveThemAtZero() {
    kalshiSnapshot();
    assertThat(book.applyBidDelta(Outcome.NO, Price.parse("0.56"), -7_000_000)).isTrue();
    assertThat(book.bestAsk(Outcome.YES)).contains(Price.parse("0.46"));
    assertThat(book.applyBidDelta(Outcome.YES, Price.parse("0.43"), 2_000_000)).isTrue();
    assertThat(book.bestBid(Outcome.YES)).contains(Price.parse("0.43"));
    assertThat(book.snapshot().bids()).containsExactly(
        Level.of("0.43", "2"), Level.of("0.42", "13"), Level.of("0.40", "5"));
  }

  @Test
  void aDeltaBelowZeroMeansSomethingWasMissed() {
    kalshiSnapshot();
    assertThat(book.applyBidDelta(Outcome.YES, Price.parse("0.42"), -14_000_000)).isFalse();
    assertThat(book.integrity().reason()).isEqualTo(UntrustedReason.INVALID_UPDATE);
    kalshiSnapshot();
    assertThat(book.isTrusted()).isTrue();
  }

  @Test
  void absoluteLevelsPolymarketStyle() {
    InstrumentId token = InstrumentId.polymarket("7132104567");
    OrderBook poly = new OrderBook(token, clock);
    poly.applySnapshot(new BookSnapshot(token, List.of(Level.of("0.48", "100")), List.of(Level.of("0.52", "40"))));
    poly.setLevel(BookSide.ASK, Price.parse("0.51"), Quantity.parse("12.5"));
    poly.setLevel(BookSide.ASK, Price.parse("0.52"), Quantity.ZERO);
    assertThat(poly.snapshot().asks()).containsExactly(Level.of("0.51", "12.5"));
    assertThat(poly.bestBid(Outcome.NO)).contains(Price.parse("0.49"));
  }

  @Test
  void aCrossedBookIsUntrustedUntilTheNextSnapshot() {
    kalshiSnapshot();
    book.applyBidDelta(Outcome.YES, Price.parse("0.45"), 1_000_000); // YES bid 0.45 >= YES ask 0.44
    assertThat(book.integrity().reason()).isEqualTo(UntrustedReason.CROSSED);
    // Further updates are dropped, even one that would uncross it.
    assertThat(book.applyBidDelta(Outcome.YES, Price.parse("0.45"), -1_000_000)).isFalse();
    assertThat(book.isTrusted()).isFalse();
    kalshiSnapshot();
    assertThat(book.isTrusted()).isTrue();
  }

  @Test
  void aCrossedSnapshotIsNotTrusted() {
    book.applySnapshot(new BookSnapshot(KALSHI, List.of(Level.of("0.50", "1")), List.of(Level.of("0.50", "1"))));
    assertThat(book.integrity().reason()).isEqualTo(UntrustedReason.CROSSED);
  }

  @Test
  void silenceIsDetectedByTheInjectedClockAndClearedByTheNextUpdate() {
    kalshiSnapshot();
    clock.advance(Duration.ofSeconds(10));
    assertThat(book.checkSilence(Duration.ofSeconds(10))).isFalse();
    assertThat(book.age()).isEqualTo(Duration.ofSeconds(10));
    clock.advance(Duration.ofMillis(1));
    assertThat(book.checkSilence(Duration.ofSeconds(10))).isTrue();
    assertThat(book.integrity().reason()).isEqualTo(UntrustedReason.SILENT);
    assertThat(book.applyBidDelta(Outcome.YES, Price.parse("0.41"), 1_000_000)).isTrue();
    assertThat(book.isTrusted()).isTrue();
    assertThat(book.age()).isEqualTo(Duration.ZERO);
  }

  @Test
  void gapsDisconnectsAndTickChangesNeedASnapshot() {
    for (UntrustedReason reason : List.of(UntrustedReason.SEQUENCE_GAP, UntrustedReason.DISCONNECTED,
        UntrustedReason.TICK_SIZE_CHANGED)) {
      kalshiSnapshot();
      book.markUntrusted(reason);
      assertThat(book.integrity()).isEqualTo(BookIntegrity.untrusted(reason));
      assertThat(book.applyBidDelta(Outcome.YES, Price.parse("0.41"), 1_000_000)).isFalse();
      assertThat(book.checkSilence(Duration.ZERO)).isFalse();
      assertThat(book.integrity().reason()).isEqualTo(reason);
    }
  }

  @Test
  void theFirstProblemIsTheReasonReported() {
    kalshiSnapshot();
    book.markUntrusted(UntrustedReason.SEQUENCE_GAP);
    book.markUntrusted(UntrustedReason.DISCONNECTED);
    assertThat(book.integrity().reason()).isEqualTo(UntrustedReason.SEQUENCE_GAP);
  }

  @Test
  void refusesASnapshotOfAnotherInstrument() {
    assertThatThrownBy(() -> book.applySnapshot(new BookSnapshot(InstrumentId.kalshi("OTHER"), List.of(), List.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
