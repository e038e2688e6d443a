package io.github.crossarb.kalshi.ws;

import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import java.util.List;

/**
 * Messages from {@code /trade-api/ws/v2}, decoded by {@link KalshiWsDecoder}. Prices and counts
 * are already exact core values; direction words ({@code outcome_side}, {@code book_side}) stay as
 * Kalshi wrote them.
 */
public sealed interface KalshiWsMessage {

  /** A subscribe command was accepted: {@code channel} now streams as subscription {@code sid}. */
  record Subscribed(int id, String channel, long sid) implements KalshiWsMessage {}

  /** An {@code update_subscription} (or similar) was done; {@code seq} is null when absent. */
  record Ok(Integer id, Long sid, Long seq, List<String> marketTickers) implements KalshiWsMessage {}

  record Unsubscribed(Integer id, Long sid) implements KalshiWsMessage {}

  /** A command failed (e.g. code 6 already subscribed, 9 authentication required, 16 market not found). */
  record Error(Integer id, int code, String message) implements KalshiWsMessage {}

  /** The full book of one market: YES bids at YES prices, NO bids at NO prices ({@code use_yes_price:false}). */
  record BookSnapshot(long sid, long seq, String marketTicker, List<Level> yesBids, List<Level> noBids)
      implements KalshiWsMessage {}

  /** A signed change of the bids of {@code side} at {@code price} (that side's own price). */
  record BookDelta(long sid, long seq, String marketTicker, Outcome side, Price price, long deltaMicros, String clientOrderId)
      implements KalshiWsMessage {}

  /** Top of book; no sequence number. Absent prices are null. */
  record Ticker(long sid, String marketTicker, Price price, Price yesBid, Price yesAsk, Long tsMs) implements KalshiWsMessage {}

  /** One of our fills ({@code fill} channel). */
  record Fill(
      long sid,
      String tradeId,
      String orderId,
      String marketTicker,
      boolean taker,
      Price yesPrice,
      Quantity count,
      Money fee,
      String outcomeSide,
      String bookSide,
      String clientOrderId,
      long tsMs) implements KalshiWsMessage {}

  /** One of our orders changed ({@code user_orders} channel, type {@code user_order}). Optional fields may be null. */
  record UserOrder(
      long sid,
      String orderId,
      String clientOrderId,
      String marketTicker,
      String status,
      String outcomeSide,
      String bookSide,
      Price yesPrice,
      Quantity filled,
      Quantity remaining,
      Quantity initial,
      Long tsMs) implements KalshiWsMessage {}

  /** {@code market_lifecycle_v2}: created, activated, deactivated, …, {@code price_level_structure_updated}. */
  record Lifecycle(long sid, String marketTicker, String eventType) implements KalshiWsMessage {}

  /** A well-formed message of a type we do not use (e.g. {@code trade}, {@code market_positions}). */
  record Other(String type, Long sid) implements KalshiWsMessage {}
}
