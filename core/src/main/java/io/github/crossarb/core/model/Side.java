package io.github.crossarb.core.model;

/** Whether an order buys or sells the contracts it names. */
public enum Side {
  BUY,
  SELL;

  public Side opposite() {
    return this == BUY ? SELL : BUY;
  }
}
