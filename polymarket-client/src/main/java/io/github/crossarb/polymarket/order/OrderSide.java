package io.github.crossarb.polymarket.order;

/** The wire side of an order; signed as 0 (BUY) or 1 (SELL). */
public enum OrderSide {
  BUY(0),
  SELL(1);

  private final int code;

  OrderSide(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
