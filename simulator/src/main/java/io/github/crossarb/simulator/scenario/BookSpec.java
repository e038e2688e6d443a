package io.github.crossarb.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Explicit initial levels of one book, each {@code [price, size]} as decimal strings; the market
 * maker rests them until the price process first requotes.
 */
public record BookSpec(List<List<String>> bids, List<List<String>> asks) {
  @JsonCreator
  public BookSpec(@JsonProperty("bids") List<List<String>> bids, @JsonProperty("asks") List<List<String>> asks) {
    this.bids = bids == null ? List.of() : List.copyOf(bids);
    this.asks = asks == null ? List.of() : List.copyOf(asks);
  }
}
