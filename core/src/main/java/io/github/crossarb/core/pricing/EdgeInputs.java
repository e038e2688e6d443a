package io.github.crossarb.core.pricing;

import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.pair.MarketPair;
import java.util.Objects;

/**
 * Everything the edge calculator reads for one pair. The books are live and mutable, so one
 * instance can be built when the pair is wired up and reused for every evaluation.
 *
 * @param kalshiBook the Kalshi market's book ({@code KALSHI:<ticker>}, both outcomes)
 * @param polymarketYesBook the book of the Polymarket market's YES token
 * @param polymarketNoBook the book of the Polymarket market's NO token
 * @param kalshiInstrument the Kalshi market's tick grid, minimum size and size step
 * @param polymarketInstrument the same for the Polymarket tokens, which share them; its id must
 *     be one of the pair's two tokens
 */
public record EdgeInputs(
    MarketPair pair,
    OrderBook kalshiBook,
    OrderBook polymarketYesBook,
    OrderBook polymarketNoBook,
    Instrument kalshiInstrument,
    Instrument polymarketInstrument,
    FeeModel kalshiFees,
    FeeModel polymarketFees) {
  public EdgeInputs {
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(kalshiBook, "kalshiBook");
    Objects.requireNonNull(polymarketYesBook, "polymarketYesBook");
    Objects.requireNonNull(polymarketNoBook, "polymarketNoBook");
    Objects.requireNonNull(kalshiInstrument, "kalshiInstrument");
    Objects.requireNonNull(polymarketInstrument, "polymarketInstrument");
    Objects.requireNonNull(kalshiFees, "kalshiFees");
    Objects.requireNonNull(polymarketFees, "polymarketFees");
  }
}
