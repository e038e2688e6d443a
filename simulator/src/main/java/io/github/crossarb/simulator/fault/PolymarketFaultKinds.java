package io.github.crossarb.simulator.fault;

/**
 * Fault kinds only the Polymarket simulator understands (it also honours every {@link FaultKinds}
 * kind; its REST subjects are {@code "METHOD /path"}, e.g. {@code "POST /order"}).
 */
public final class PolymarketFaultKinds {
  /**
   * The next trade on the target token settles MATCHED → RETRYING → FAILED instead of MINED →
   * CONFIRMED; the failed trade's cash and shares are given back to both sides.
   */
  public static final String TRADE_FAILED = "trade_failed";

  private PolymarketFaultKinds() {}
}
