package io.github.crossarb.simulator.exchange;

import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.pricing.FeeModel;
import java.time.Instant;
import java.util.Objects;

/**
 * One order book of the engine: a Kalshi market or a Polymarket token.
 *
 * @param id the book's key (Kalshi ticker, Polymarket token id)
 * @param positionModel how fills become positions
 * @param ticks the prices orders may use (in the book's price, YES price on Kalshi)
 * @param lotSize the quantity step (Kalshi 1 or 0.01 when fractional; Polymarket 0.01)
 * @param minSize the smallest order (Polymarket {@code min_order_size}); zero for none
 * @param fees taker and maker fees per fill
 * @param closeTime after this instant every order operation is refused; null for never
 */
public record MarketSpec(
    String id, PositionModel positionModel, TickGrid ticks, Quantity lotSize, Quantity minSize, FeeModel fees,
    Instant closeTime) {
  public MarketSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(positionModel, "positionModel");
    Objects.requireNonNull(ticks, "ticks");
    Objects.requireNonNull(lotSize, "lotSize");
    Objects.requireNonNull(minSize, "minSize");
    Objects.requireNonNull(fees, "fees");
    if (lotSize.isZero()) {
      throw new IllegalArgumentException("lot size must be positive for " + id);
    }
  }

  public MarketSpec withTicks(TickGrid newTicks) {
    return new MarketSpec(id, positionModel, newTicks, lotSize, minSize, fees, closeTime);
  }
}
