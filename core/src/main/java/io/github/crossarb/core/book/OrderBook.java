package io.github.crossarb.core.book;

import io.github.crossarb.core.book.internal.Ladder;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An L2 order book for one binary instrument, with an integrity state.
 *
 * <p>Levels are stored in the instrument's own prices (YES for a Kalshi market, the token for a
 * Polymarket token). Because a binary contract's outcomes complement to $1, the book also answers
 * for the other outcome: NO bids are YES asks at {@code 1 - p}, NO asks are YES bids at
 * {@code 1 - p}. Kalshi publishes only bids (YES bids and NO bids); {@link #applyBidDelta} stores
 * a NO bid as the YES ask it is.
 *
 * <p>Two update styles: {@link #setLevel} takes the absolute size at a price (Polymarket
 * {@code price_change}), {@link #applyDelta} a signed change (Kalshi {@code orderbook_delta}).
 *
 * <p>Integrity: a new book awaits its snapshot. Any problem (gap, disconnect, crossed book, tick
 * change, impossible update) makes it {@code UNTRUSTED} until the next snapshot; updates that
 * arrive meanwhile are dropped. Silence is the one reason an update clears, since nothing was
 * missed, only late. Not thread-safe: one thread (the engine's context) owns a book.
 */
public final class OrderBook {
  private final InstrumentId instrument;
  private final InstantSource clock;
  private final Ladder bids = new Ladder(true);
  private final Ladder asks = new Ladder(false);
  private final BookLevels yesBids = new Direct(bids);
  private final BookLevels yesAsks = new Direct(asks);
  private final BookLevels noBids = new Mirrored(asks);
  private final BookLevels noAsks = new Mirrored(bids);

  private BookIntegrity integrity = BookIntegrity.untrusted(UntrustedReason.AWAITING_SNAPSHOT);
  private long lastUpdateMillis = Long.MIN_VALUE;
  private long droppedUpdates;

  public OrderBook(InstrumentId instrument, InstantSource clock) {
    this.instrument = Objects.requireNonNull(instrument, "instrument");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public InstrumentId instrument() {
    return instrument;
  }

  public BookIntegrity integrity() {
    return integrity;
  }

  public boolean isTrusted() {
    return integrity.trusted();
  }

  /** Updates dropped because the book was untrusted when they came. */
  public long droppedUpdates() {
    return droppedUpdates;
  }

  /** Epoch millis of the last snapshot or applied update, or empty before the first. */
  public java.util.OptionalLong lastUpdateMillis() {
    return lastUpdateMillis == Long.MIN_VALUE
        ? java.util.OptionalLong.empty()
        : java.util.OptionalLong.of(lastUpdateMillis);
  }

  /** Time since the last update per the book's clock; {@code null} before the first update. */
  public Duration age() {
    return lastUpdateMillis == Long.MIN_VALUE ? null : Duration.ofMillis(clock.millis() - lastUpdateMillis);
  }

  /** Replaces every level. The book becomes trusted unless the snapshot itself is crossed. */
  public void applySnapshot(BookSnapshot snapshot) {
    if (!snapshot.instrument().equals(instrument)) {
      throw new IllegalArgumentException("snapshot for " + snapshot.instrument() + " applied to " + instrument);
    }
    bids.clear();
    asks.clear();
    for (Level level : snapshot.bids()) {
      bids.set(level.price().micros(), level.size().micros());
    }
    for (Level level : snapshot.asks()) {
      asks.set(level.price().micros(), level.size().micros());
    }
    touch();
    integrity = BookIntegrity.TRUSTED;
    checkCrossed();
  }

  /**
   * Sets the size at a price (absolute, Polymarket style); size 0 removes the level.
   *
   * @return false if the update was dropped because the book is untrusted
   */
  public boolean setLevel(BookSide side, Price price, Quantity size) {
    if (!acceptingUpdates()) {
      droppedUpdates++;
      return false;
    }
    ladder(side).set(price.micros(), size.micros());
    touch();
    resumeIfSilent();
    checkCrossed();
    return true;
  }

  /**
   * Changes the size at a price by a signed delta (Kalshi style). A delta that would leave a
   * negative size means an update was lost: the book becomes {@code INVALID_UPDATE}.
   *
   * @return false if the update was dropped or invalid
   */
  public boolean applyDelta(BookSide side, Price price, long deltaMicros) {
    if (!acceptingUpdates()) {
      droppedUpdates++;
      return false;
    }
    Ladder ladder = ladder(side);
    long p = price.micros();
    long size = ladder.sizeAtPrice(p) + deltaMicros;
    if (size < 0) {
      markUntrusted(UntrustedReason.INVALID_UPDATE);
      return false;
    }
    ladder.set(p, size);
    touch();
    resumeIfSilent();
    checkCrossed();
    return true;
  }

  /**
   * Kalshi's two-bid-sided update: a signed change to the bids of {@code outcome} at that
   * outcome's price. A NO bid at {@code p} is stored as a YES ask at {@code 1 - p}.
   */
  public boolean applyBidDelta(Outcome outcome, Price priceOfOutcome, long deltaMicros) {
    return outcome == Outcome.YES
        ? applyDelta(BookSide.BID, priceOfOutcome, deltaMicros)
        : applyDelta(BookSide.ASK, priceOfOutcome.complement(), deltaMicros);
  }

  /** Marks the book untrusted; only a new snapshot makes it trusted again (except SILENT). */
  public void markUntrusted(UntrustedReason reason) {
    Objects.requireNonNull(reason, "reason");
    if (integrity.trusted() || integrity.reason() == UntrustedReason.SILENT) {
      integrity = BookIntegrity.untrusted(reason);
    }
  }

  /**
   * Marks the book {@code SILENT} if it is trusted and nothing arrived within {@code threshold}.
   *
   * @return true if the book is (now) untrusted for silence
   */
  public boolean checkSilence(Duration threshold) {
    // A trusted book has had its snapshot, so lastUpdateMillis is set.
    if (integrity.trusted() && clock.millis() - lastUpdateMillis > threshold.toMillis()) {
      integrity = BookIntegrity.untrusted(UntrustedReason.SILENT);
    }
    return integrity.reason() == UntrustedReason.SILENT;
  }

  /** Levels of {@code outcome} on {@code side}, best first, in that outcome's prices. */
  public BookLevels levels(Outcome outcome, BookSide side) {
    if (outcome == Outcome.YES) {
      return side == BookSide.BID ? yesBids : yesAsks;
    }
    return side == BookSide.BID ? noBids : noAsks;
  }

  /** Best bid of {@code outcome}, or empty. */
  public java.util.Optional<Price> bestBid(Outcome outcome) {
    return best(levels(outcome, BookSide.BID));
  }

  /** Best ask of {@code outcome}, or empty. */
  public java.util.Optional<Price> bestAsk(Outcome outcome) {
    return best(levels(outcome, BookSide.ASK));
  }

  /** A copy of the levels in the instrument's own prices. */
  public BookSnapshot snapshot() {
    return new BookSnapshot(instrument, copy(bids), copy(asks));
  }

  private static List<Level> copy(Ladder ladder) {
    List<Level> out = new ArrayList<>(ladder.depth());
    for (int i = 0; i < ladder.depth(); i++) {
      out.add(new Level(new Price(ladder.priceAt(i)), new Quantity(ladder.sizeAt(i))));
    }
    return out;
  }

  private static java.util.Optional<Price> best(BookLevels levels) {
    return levels.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Price(levels.priceMicros(0)));
  }

  private boolean acceptingUpdates() {
    return integrity.trusted() || integrity.reason() == UntrustedReason.SILENT;
  }

  private void resumeIfSilent() {
    if (integrity.reason() == UntrustedReason.SILENT) {
      integrity = BookIntegrity.TRUSTED;
    }
  }

  private void checkCrossed() {
    if (bids.depth() > 0 && asks.depth() > 0 && bids.priceAt(0) >= asks.priceAt(0)) {
      markUntrusted(UntrustedReason.CROSSED);
    }
  }

  private void touch() {
    lastUpdateMillis = clock.millis();
  }

  private Ladder ladder(BookSide side) {
    return side == BookSide.BID ? bids : asks;
  }

  @Override
  public String toString() {
    return "OrderBook[" + instrument + " " + integrity + " bids=" + bids.depth() + " asks=" + asks.depth() + "]";
  }

  private static final class Direct implements BookLevels {
    private final Ladder ladder;

    Direct(Ladder ladder) {
      this.ladder = ladder;
    }

    @Override
    public int depth() {
      return ladder.depth();
    }

    @Override
    public long priceMicros(int i) {
      return ladder.priceAt(i);
    }

    @Override
    public long sizeMicros(int i) {
      return ladder.sizeAt(i);
    }
  }

  /** The other outcome's view: same order (best first), prices complemented. */
  private static final class Mirrored implements BookLevels {
    private final Ladder ladder;

    Mirrored(Ladder ladder) {
      this.ladder = ladder;
    }

    @Override
    public int depth() {
      return ladder.depth();
    }

    @Override
    public long priceMicros(int i) {
      return Fixed.SCALE - ladder.priceAt(i);
    }

    @Override
    public long sizeMicros(int i) {
      return ladder.sizeAt(i);
    }
  }
}
