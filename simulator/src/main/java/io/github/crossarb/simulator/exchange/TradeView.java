package io.github.crossarb.simulator.exchange;

import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import java.time.Instant;

/** One match between a taker and a maker order, at the maker's price. */
public record TradeView(
    String tradeId, String market, Price price, Quantity quantity, Side takerSide, String takerOrderId,
    String makerOrderId, Instant time) {}
