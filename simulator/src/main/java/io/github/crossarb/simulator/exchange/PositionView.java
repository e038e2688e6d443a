package io.github.crossarb.simulator.exchange;

import io.github.crossarb.core.model.Money;

/**
 * One account's holding on one market.
 *
 * @param position signed micros: + YES (or token shares), − NO on a netted Kalshi market
 * @param exposure what the open position cost (average-cost basis)
 * @param realizedPnl gains and losses of the closed part, before fees
 * @param feesPaid fees paid on this market
 * @param traded total quantity traded on this market, in micros
 */
public record PositionView(
    String market, long position, Money exposure, Money realizedPnl, Money feesPaid, long traded) {}
