package io.github.crossarb.polymarket.order;

/** The {@code orderType} of a POST /order body. */
public enum OrderType {
  GTC,
  GTD,
  FOK,
  FAK
}
