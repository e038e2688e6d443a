package io.github.crossarb.core.execution.internal;

import io.github.crossarb.core.book.BookLevels;
import io.github.crossarb.core.book.BookSide;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The liquidity paper orders took from the live books. Paper fills never reach the venue, so the
 * live book still shows what a paper order took; this remembers it per price level until the
 * venue changes that level's size (then the level is taken as it is). Levels are keyed in the
 * instrument's own prices, so a Kalshi NO ask and the YES bid it mirrors are one level.
 */
public final class PaperLiquidity {
  /** One fill's worth: {@code quantity} at {@code price} (the viewed outcome's), from a level of {@code levelSize}. */
  public record Take(Price price, Quantity quantity, Key key, long levelSizeMicros) {}

  /** A level in the instrument's own prices. */
  public record Key(InstrumentId instrument, BookSide side, long priceMicros) {}

  private record Used(long levelSizeMicros, long consumedMicros) {}

  private final Map<Key, Used> used = new HashMap<>();

  /**
   * The fills an order of {@code size} at {@code limit} would get from {@code levels} (the viewed
   * outcome's {@code side}, best first): asks at or below the limit, bids at or above.
   */
  public List<Take> plan(InstrumentId instrument, Outcome viewed, BookSide side, BookLevels levels, Price limit, Quantity size) {
    List<Take> takes = new ArrayList<>();
    long remaining = size.micros();
    boolean asks = side == BookSide.ASK;
    for (int i = 0; i < levels.depth() && remaining > 0; i++) {
      long price = levels.priceMicros(i);
      if (asks ? price > limit.micros() : price < limit.micros()) {
        break;
      }
      long levelSize = levels.sizeMicros(i);
      Key key = viewed == Outcome.YES
          ? new Key(instrument, side, price)
          : new Key(instrument, side.opposite(), Fixed.SCALE - price);
      Used u = used.get(key);
      long consumed = u != null && u.levelSizeMicros() == levelSize ? u.consumedMicros() : 0;
      long available = levelSize - consumed;
      if (available <= 0) {
        continue;
      }
      long q = Math.min(available, remaining);
      takes.add(new Take(Price.ofMicros(price), Quantity.ofMicros(q), key, levelSize));
      remaining -= q;
    }
    return takes;
  }

  /** Records that {@code take} was filled. */
  public void consume(Take take) {
    Used u = used.get(take.key());
    long before = u != null && u.levelSizeMicros() == take.levelSizeMicros() ? u.consumedMicros() : 0;
    used.put(take.key(), new Used(take.levelSizeMicros(), before + take.quantity().micros()));
  }
}
