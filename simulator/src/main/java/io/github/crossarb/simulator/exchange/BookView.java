package io.github.crossarb.simulator.exchange;

import java.util.List;
import java.util.Optional;

/** One book, aggregated by price: bids best (highest) first, asks best (lowest) first. */
public record BookView(String market, List<LevelView> bids, List<LevelView> asks) {
  public BookView {
    bids = List.copyOf(bids);
    asks = List.copyOf(asks);
  }

  public Optional<LevelView> bestBid() {
    return bids.isEmpty() ? Optional.empty() : Optional.of(bids.get(0));
  }

  public Optional<LevelView> bestAsk() {
    return asks.isEmpty() ? Optional.empty() : Optional.of(asks.get(0));
  }
}
