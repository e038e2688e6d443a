package io.github.crossarb.simulator.exchange;

/** Why the engine refused a request; each venue maps it to its own error code. */
public enum RejectReason {
  UNKNOWN_MARKET,
  MARKET_CLOSED,
  UNKNOWN_ACCOUNT,
  ORDER_NOT_FOUND,
  INVALID_PRICE,
  INVALID_QUANTITY,
  BELOW_MIN_SIZE,
  INSUFFICIENT_BALANCE,
  INSUFFICIENT_POSITION,
  DUPLICATE_CLIENT_ORDER_ID,
  POST_ONLY_CROSS,
  REDUCE_ONLY_VIOLATION,
  INVALID_EXPIRATION,
  ORDER_NOT_RESTING,
  TRADE_NOT_FOUND
}
