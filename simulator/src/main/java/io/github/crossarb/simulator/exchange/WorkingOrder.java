package io.github.crossarb.simulator.exchange;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.venue.TimeInForce;
import java.time.Instant;

/** The engine's mutable order; only {@link Exchange} touches it, under its lock. */
final class WorkingOrder {
  final String orderId;
  String clientOrderId;
  final String account;
  final String market;
  final Side side;
  final Outcome outcome;
  long price;
  long initial;
  long filled;
  long remaining;
  final TimeInForce timeInForce;
  final Instant expiration;
  OrderState state = OrderState.RESTING;
  long filledNotional;
  long fees;
  final Instant created;
  Instant updated;
  /** Time priority: lower arrived first. Renewed when an amend loses priority. */
  long sequence;

  WorkingOrder(String orderId, NewOrder order, long sequence, Instant now) {
    this.orderId = orderId;
    this.clientOrderId = order.clientOrderId();
    this.account = order.account();
    this.market = order.market();
    this.side = order.side();
    this.outcome = order.outcome();
    this.price = order.price().micros();
    this.initial = order.quantity().micros();
    this.remaining = initial;
    this.timeInForce = order.timeInForce();
    this.expiration = order.expiration();
    this.sequence = sequence;
    this.created = now;
    this.updated = now;
  }

  OrderView view() {
    return new OrderView(orderId, clientOrderId, account, market, side, outcome, Price.ofMicros(price),
        Quantity.ofMicros(initial), Quantity.ofMicros(filled), Quantity.ofMicros(remaining), timeInForce, expiration,
        state, Money.ofMicros(filledNotional), Money.ofMicros(fees), created, updated);
  }
}
