package io.github.crossarb.simulator.exchange;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import java.time.Instant;

/**
 * One account's side of one trade.
 *
 * @param price the trade price in the book's terms (YES price on Kalshi)
 * @param postPosition the account's signed position on the market after this fill, in micros
 */
public record FillView(
    String fillId, String tradeId, String orderId, String clientOrderId, String account, String market, Side side,
    Outcome outcome, Price price, Quantity quantity, boolean taker, Money fee, long postPosition, Instant time) {}
