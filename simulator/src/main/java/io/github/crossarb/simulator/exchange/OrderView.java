package io.github.crossarb.simulator.exchange;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.venue.TimeInForce;
import java.time.Instant;

/**
 * An immutable picture of one order.
 *
 * @param filledNotional the sum of price × quantity over its fills (for the average fill price)
 * @param feesPaid the fees this order's fills cost its owner
 */
public record OrderView(
    String orderId, String clientOrderId, String account, String market, Side side, Outcome outcome, Price price,
    Quantity initialQuantity, Quantity filledQuantity, Quantity remainingQuantity, TimeInForce timeInForce,
    Instant expiration, OrderState state, Money filledNotional, Money feesPaid, Instant createdTime,
    Instant lastUpdateTime) {

  /** The average fill price, rounded half-up to the micro; null when nothing filled. */
  public Price averageFillPrice() {
    if (filledQuantity.isZero()) {
      return null;
    }
    long q = filledQuantity.micros();
    long micros = Math.floorDiv(Math.multiplyExact(filledNotional.micros(), 1_000_000L) + q / 2, q);
    return Price.ofMicros(micros);
  }
}
