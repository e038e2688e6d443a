package io.github.crossarb.core.engine.internal;

import io.github.crossarb.core.model.ClientOrderId;
import java.security.SecureRandom;

/**
 * Short ids unique across restarts: {@code arb-<start millis base36><2 random chars>-<counter
 * base36>}, about 20 characters (Kalshi's {@code client_order_id} and Polymarket's binding both
 * take it). The start time makes restarts differ; the random part separates two engines started
 * in the same millisecond. Execution ids use the same run prefix with an {@code x} counter.
 */
public final class ClientOrderIds {
  private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
  private final String run;
  private long orders;
  private long executions;

  public ClientOrderIds(long startMillis) {
    SecureRandom random = new SecureRandom();
    this.run = Long.toString(startMillis, 36) + DIGITS.charAt(random.nextInt(36)) + DIGITS.charAt(random.nextInt(36));
  }

  /** A new client order id; call on the engine's context. */
  public ClientOrderId nextOrder() {
    return new ClientOrderId("arb-" + run + "-" + Long.toString(++orders, 36));
  }

  /** A new execution id (also the id an opportunity is logged under). */
  public String nextExecution() {
    return "x-" + run + "-" + Long.toString(++executions, 36);
  }
}
