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

  /**
   * Scheduled ({@code atStep}): the venue switches to order version {@code params.version} (2 or
   * 3); {@code GET /version} answers the new one and orders signed for the old one get
   * {@code order_version_mismatch}. Target is ignored (use {@code "*"}).
   */
  public static final String ORDER_VERSION_CHANGE = "order_version_change";

  private PolymarketFaultKinds() {}
}
