package io.github.crossarb.core.book;

import io.github.crossarb.core.model.InstrumentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A full copy of a book's levels in the instrument's own prices: bids best (highest) first, asks
 * best (lowest) first. Also the input to {@link OrderBook#applySnapshot}.
 */
public record BookSnapshot(InstrumentId instrument, List<Level> bids, List<Level> asks) {
  public BookSnapshot {
    Objects.requireNonNull(instrument, "instrument");
    bids = List.copyOf(bids);
    asks = List.copyOf(asks);
  }

  /**
   * Builds a snapshot from Kalshi's two bid lists (YES bids at YES prices, NO bids at NO prices,
   * in any order): NO bids become YES asks at {@code 1 - p}.
   */
  public static BookSnapshot fromBids(InstrumentId instrument, List<Level> yesBids, List<Level> noBids) {
    List<Level> bids = new ArrayList<>(yesBids);
    bids.sort((a, b) -> b.price().compareTo(a.price()));
    List<Level> asks = new ArrayList<>(noBids.size());
    for (Level noBid : noBids) {
      asks.add(new Level(noBid.price().complement(), noBid.size()));
    }
    asks.sort((a, b) -> a.price().compareTo(b.price()));
    return new BookSnapshot(instrument, bids, asks);
  }
}
