package io.github.crossarb.core.pricing;

import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PolymarketMarket;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** Builders for pairs, books and instruments used by the pricing tests. */
final class Fixtures {
  static final String PAIR_ID = "fed-dec";
  static final String TICKER = "KXFED-26DEC-T4.25";
  static final String CONDITION = "0xc0ffee";
  static final String YES_TOKEN = "7001";
  static final String NO_TOKEN = "7002";

  private Fixtures() {}

  /** A clock tests move by hand. */
  static final class MutableClock implements InstantSource {
    private long millis;

    MutableClock(long millis) {
      this.millis = millis;
    }

    void advance(Duration d) {
      millis += d.toMillis();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
      return millis;
    }
  }

  static MarketPair pair(PairRelation relation) {
    return MarketPair.approved(PAIR_ID, TICKER, new PolymarketMarket(CONDITION, YES_TOKEN, NO_TOKEN), relation);
  }

  /** Levels written {@code "price@size"}, e.g. {@code "0.40@10"}, in the order given. */
  static List<Level> levels(String... specs) {
    List<Level> out = new ArrayList<>();
    for (String spec : specs) {
      String[] parts = spec.split("@");
      out.add(Level.of(parts[0], parts[1]));
    }
    return out;
  }

  /**
   * A trusted Kalshi book from the asks of each outcome (in that outcome's prices): NO asks are
   * stored as the YES bids at {@code 1 − p} they are on the venue.
   */
  static OrderBook kalshiBook(InstantSource clock, List<Level> yesAsks, List<Level> noAsks) {
    List<Level> yesBids = new ArrayList<>();
    for (Level noAsk : noAsks) {
      yesBids.add(new Level(noAsk.price().complement(), noAsk.size()));
    }
    yesBids.sort((a, b) -> b.price().compareTo(a.price()));
    List<Level> asks = new ArrayList<>(yesAsks);
    asks.sort((a, b) -> a.price().compareTo(b.price()));
    OrderBook book = new OrderBook(InstrumentId.kalshi(TICKER), clock);
    book.applySnapshot(new BookSnapshot(book.instrument(), yesBids, asks));
    return book;
  }

  /** A trusted Polymarket token book with only asks. */
  static OrderBook tokenBook(InstantSource clock, String tokenId, List<Level> asks) {
    List<Level> sorted = new ArrayList<>(asks);
    sorted.sort((a, b) -> a.price().compareTo(b.price()));
    OrderBook book = new OrderBook(InstrumentId.polymarket(tokenId), clock);
    book.applySnapshot(new BookSnapshot(book.instrument(), List.of(), sorted));
    return book;
  }

  static Instrument kalshiInstrument(String tick, String minSize, String sizeStep) {
    return new Instrument(InstrumentId.kalshi(TICKER), TickGrid.fixed(Price.parse(tick)),
        Quantity.parse(minSize), Quantity.parse(sizeStep));
  }

  static Instrument polymarketInstrument(String tick, String minSize, String sizeStep) {
    return new Instrument(InstrumentId.polymarket(YES_TOKEN), TickGrid.fixed(Price.parse(tick)),
        Quantity.parse(minSize), Quantity.parse(sizeStep));
  }
}
