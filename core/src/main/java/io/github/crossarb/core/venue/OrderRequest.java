package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import java.time.Instant;
import java.util.Objects;

/**
 * A limit order, in our terms; each venue maps it to its wire form (Kalshi: {@code bid}/{@code ask}
 * at the YES price, so "buy NO at 0.45" is an {@code ask} at 0.55).
 *
 * @param clientOrderId our id, always sent (Kalshi {@code client_order_id}) or bound to the order
 *     hash (Polymarket), and the key for resolving an unknown outcome
 * @param instrument a Kalshi market or a Polymarket token
 * @param outcome which outcome is bought or sold: for Kalshi YES or NO; for a Polymarket token the
 *     outcome that token stands for (the token itself is what trades)
 * @param side buy or sell contracts of {@code outcome}
 * @param price the limit price of {@code outcome}, on the instrument's tick grid
 * @param size contracts or shares
 * @param timeInForce how long it may rest
 * @param postOnly whether it must not take liquidity
 * @param expiration when a GTD order expires, else null
 */
public record OrderRequest(
    ClientOrderId clientOrderId,
    InstrumentId instrument,
    Outcome outcome,
    Side side,
    Price price,
    Quantity size,
    TimeInForce timeInForce,
    boolean postOnly,
    Instant expiration) {
  public OrderRequest {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(timeInForce, "timeInForce");
    if (size.isZero()) {
      throw new IllegalArgumentException("order size must be positive");
    }
    if ((timeInForce == TimeInForce.GTD) != (expiration != null)) {
      throw new IllegalArgumentException("an expiration is required for GTD orders and only for them");
    }
    if (postOnly && (timeInForce == TimeInForce.IOC || timeInForce == TimeInForce.FOK)) {
      throw new IllegalArgumentException("a post-only order cannot be " + timeInForce);
    }
  }
}
