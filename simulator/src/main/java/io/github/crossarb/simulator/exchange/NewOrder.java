package io.github.crossarb.simulator.exchange;

import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.venue.TimeInForce;
import java.time.Instant;
import java.util.Objects;

/**
 * A limit order as the engine sees it: a side and a price on the market's single book.
 *
 * @param account the owner
 * @param market the book ({@link MarketSpec#id()})
 * @param side BUY or SELL on the book (Kalshi: bid = BUY YES, ask = SELL YES ≡ BUY NO)
 * @param price the limit, in the book's price (YES price on Kalshi)
 * @param quantity contracts or shares
 * @param timeInForce GTC, GTD (needs {@code expiration}), IOC (= FAK) or FOK
 * @param expiration for GTD; null otherwise
 * @param clientOrderId the caller's id, unique per account while known; null for none
 * @param outcome the outcome the caller said it trades, for reports only (Kalshi "buy NO")
 * @param postOnly refuse rather than take
 * @param reduceOnly refuse if it would grow the account's position
 * @param selfTrade what to do on a cross with the same account
 * @param orderId a venue-chosen id (Polymarket's order hash); null to let the engine pick one
 */
public record NewOrder(
    String account, String market, Side side, Price price, Quantity quantity, TimeInForce timeInForce,
    Instant expiration, String clientOrderId, Outcome outcome, boolean postOnly, boolean reduceOnly,
    SelfTradePrevention selfTrade, String orderId) {
  public NewOrder {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(market, "market");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(timeInForce, "timeInForce");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(selfTrade, "selfTrade");
  }

  /** A plain GTC order with no client id, outcome YES, cancel-taker self-trade prevention. */
  public static NewOrder limit(String account, String market, Side side, Price price, Quantity quantity,
      TimeInForce timeInForce) {
    return new NewOrder(account, market, side, price, quantity, timeInForce, null, null, Outcome.YES, false, false,
        SelfTradePrevention.CANCEL_TAKER, null);
  }

  public NewOrder withClientOrderId(String id) {
    return new NewOrder(account, market, side, price, quantity, timeInForce, expiration, id, outcome, postOnly,
        reduceOnly, selfTrade, orderId);
  }

  public NewOrder withOutcome(Outcome newOutcome) {
    return new NewOrder(account, market, side, price, quantity, timeInForce, expiration, clientOrderId, newOutcome,
        postOnly, reduceOnly, selfTrade, orderId);
  }

  public NewOrder withExpiration(Instant at) {
    return new NewOrder(account, market, side, price, quantity, timeInForce, at, clientOrderId, outcome, postOnly,
        reduceOnly, selfTrade, orderId);
  }

  public NewOrder withOrderId(String id) {
    return new NewOrder(account, market, side, price, quantity, timeInForce, expiration, clientOrderId, outcome,
        postOnly, reduceOnly, selfTrade, id);
  }

  public NewOrder withPostOnly(boolean value) {
    return new NewOrder(account, market, side, price, quantity, timeInForce, expiration, clientOrderId, outcome,
        value, reduceOnly, selfTrade, orderId);
  }

  public NewOrder withReduceOnly(boolean value) {
    return new NewOrder(account, market, side, price, quantity, timeInForce, expiration, clientOrderId, outcome,
        postOnly, value, selfTrade, orderId);
  }

  public NewOrder withSelfTrade(SelfTradePrevention value) {
    return new NewOrder(account, market, side, price, quantity, timeInForce, expiration, clientOrderId, outcome,
        postOnly, reduceOnly, value, orderId);
  }
}
