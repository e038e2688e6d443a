package io.github.crossarb.core.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.testing.MutableClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Book invariants against a plain reference model (two sorted maps). Updates are generated on
 * a one-cent grid; the model decides whether each keeps the book uncrossed.
 */
class OrderBookProperties {
  private static final InstrumentId ID = InstrumentId.kalshi("PROP");

  record Update(boolean bid, int cents, int size, boolean absolute) {}

  @Provide
  Arbitrary<List<Update>> updates() {
    Arbitrary<Update> one = Combinators.combine(
            Arbitraries.of(true, false),
            Arbitraries.integers().between(1, 99),
            Arbitraries.integers().between(-50, 50),
            Arbitraries.of(true, false))
        .as(Update::new);
    return one.list().ofMaxSize(200);
  }

  @Property(tries = 300)
  void snapshotPlusValidUpdatesEqualsTheRebuiltSnapshot(@ForAll("updates") List<Update> updates) {
    TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
    TreeMap<Long, Long> asks = new TreeMap<>();
    bids.put(400_000L, 10_000_000L);
    asks.put(600_000L, 10_000_000L);
    OrderBook book = new OrderBook(ID, MutableClock.atEpoch());
    book.applySnapshot(snapshotOf(bids, asks));

    for (Update u : updates) {
      TreeMap<Long, Long> side = u.bid() ? bids : asks;
      long price = u.cents() * 10_000L;
      long current = side.getOrDefault(price, 0L);
      long next = u.absolute() ? Math.abs(u.size()) * 1_000_000L : current + u.size() * 1_000_000L;
      if (next < 0 || wouldCross(bids, asks, u.bid(), price, next)) {
        continue; // only valid updates here; invalid ones are covered below
      }
      boolean applied = u.absolute()
          ? book.setLevel(u.bid() ? BookSide.BID : BookSide.ASK, Price.ofMicros(price), Quantity.ofMicros(next))
          : book.applyDelta(u.bid() ? BookSide.BID : BookSide.ASK, Price.ofMicros(price), next - current);
      assertThat(applied).isTrue();
      if (next == 0) {
        side.remove(price);
      } else {
        side.put(price, next);
      }
      assertThat(book.isTrusted()).as("valid updates keep the book trusted").isTrue();
    }
    BookSnapshot rebuilt = snapshotOf(bids, asks);
    assertThat(book.snapshot()).isEqualTo(rebuilt);
    assertInvariants(book);
  }

  @Property(tries = 300)
  void anyUpdateSequenceLeavesSaneLevelsOrAnUntrustedBook(@ForAll("updates") List<Update> updates) {
    OrderBook book = new OrderBook(ID, MutableClock.atEpoch());
    book.applySnapshot(new BookSnapshot(ID, List.of(Level.of("0.4", "10")), List.of(Level.of("0.6", "10"))));
    for (Update u : updates) {
      BookSide side = u.bid() ? BookSide.BID : BookSide.ASK;
      Price price = Price.ofMicros(u.cents() * 10_000L);
      if (u.absolute()) {
        book.setLevel(side, price, Quantity.ofMicros(Math.abs(u.size()) * 1_000_000L));
      } else {
        book.applyDelta(side, price, u.size() * 1_000_000L);
      }
      assertInvariants(book);
    }
  }

  /** Sizes positive, sides sorted best first, and trusted implies uncrossed. */
  private static void assertInvariants(OrderBook book) {
    BookSnapshot s = book.snapshot();
    for (List<Level> side : List.of(s.bids(), s.asks())) {
      for (Level level : side) {
        assertThat(level.size().micros()).isPositive();
      }
    }
    for (int i = 1; i < s.bids().size(); i++) {
      assertThat(s.bids().get(i).price()).isLessThan(s.bids().get(i - 1).price());
    }
    for (int i = 1; i < s.asks().size(); i++) {
      assertThat(s.asks().get(i).price()).isGreaterThan(s.asks().get(i - 1).price());
    }
    if (book.isTrusted() && !s.bids().isEmpty() && !s.asks().isEmpty()) {
      assertThat(s.bids().get(0).price()).isLessThan(s.asks().get(0).price());
    }
  }

  private static boolean wouldCross(TreeMap<Long, Long> bids, TreeMap<Long, Long> asks, boolean bid, long price, long size) {
    TreeMap<Long, Long> b = new TreeMap<>(bids);
    TreeMap<Long, Long> a = new TreeMap<>(asks);
    TreeMap<Long, Long> side = bid ? b : a;
    if (size == 0) {
      side.remove(price);
    } else {
      side.put(price, size);
    }
    return !b.isEmpty() && !a.isEmpty() && b.firstKey() >= a.firstKey();
  }

  private static BookSnapshot snapshotOf(Map<Long, Long> bids, Map<Long, Long> asks) {
    return new BookSnapshot(ID, levels(bids), levels(asks));
  }

  private static List<Level> levels(Map<Long, Long> side) {
    List<Level> out = new ArrayList<>();
    side.forEach((p, q) -> out.add(new Level(Price.ofMicros(p), Quantity.ofMicros(q))));
    return out;
  }
}
