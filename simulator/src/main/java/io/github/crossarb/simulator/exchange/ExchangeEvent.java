package io.github.crossarb.simulator.exchange;

import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.TickGrid;
import java.time.Instant;

/**
 * What the engine publishes, synchronously and in order, after each change. The venue servers
 * turn these into their own stream messages (Kalshi {@code orderbook_delta}, Polymarket
 * {@code price_change}, fills, order updates).
 */
public sealed interface ExchangeEvent {
  String market();

  /**
   * The total at one price level changed.
   *
   * @param size the new total at {@code price}
   * @param delta signed change in micros
   * @param account the owner of the order that caused it (for own-order tagging); may be null
   * @param clientOrderId that order's client id; may be null
   */
  record BookChanged(String market, Side side, Price price, Quantity size, long delta, String account,
      String clientOrderId, Instant time) implements ExchangeEvent {}

  /** An order was created, changed or ended. */
  record OrderChanged(OrderView order) implements ExchangeEvent {
    @Override
    public String market() {
      return order.market();
    }
  }

  /** One account's side of a trade. */
  record Filled(FillView fill) implements ExchangeEvent {
    @Override
    public String market() {
      return fill.market();
    }
  }

  /** A trade, public. */
  record Traded(TradeView trade) implements ExchangeEvent {
    @Override
    public String market() {
      return trade.market();
    }
  }

  /** A trade was voided after the fact; its fills' balance changes were undone. */
  record TradeVoided(TradeView trade) implements ExchangeEvent {
    @Override
    public String market() {
      return trade.market();
    }
  }

  /** The market's tick grid changed (resting orders off the new grid were cancelled first). */
  record TicksChanged(String market, TickGrid ticks, Instant time) implements ExchangeEvent {}

  /** The market opened or halted. */
  record TradingStatusChanged(String market, boolean open, Instant time) implements ExchangeEvent {}
}
