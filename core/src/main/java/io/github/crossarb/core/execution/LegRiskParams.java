package io.github.crossarb.core.execution;

import io.github.crossarb.core.model.Money;
import java.time.Duration;
import java.util.Objects;

/**
 * How hard the executor tries to close a leg mismatch, and what it may lose doing so.
 *
 * @param maxHedgeSlippage how far above the planned limit price a hedge may pay, per contract
 *     (a price difference in dollars, e.g. 0.02)
 * @param hedgeDeadline how long after the first fill hedging may go on before the residual is
 *     unwound instead
 * @param maxHedgeAttempts hedge orders at most per execution
 * @param unwindLossCap the most an unwind may lose, in total, against what the residual cost;
 *     an unwind that would lose more is not sent and the residual stays (alerted)
 * @param unknownResolveTimeout how long to look up an Unknown order by its client order id
 *     before the execution ends UNKNOWN and the pair waits for reconciliation
 */
public record LegRiskParams(
    Money maxHedgeSlippage, Duration hedgeDeadline, int maxHedgeAttempts, Money unwindLossCap,
    Duration unknownResolveTimeout) {
  public LegRiskParams {
    Objects.requireNonNull(maxHedgeSlippage, "maxHedgeSlippage");
    Objects.requireNonNull(hedgeDeadline, "hedgeDeadline");
    Objects.requireNonNull(unwindLossCap, "unwindLossCap");
    Objects.requireNonNull(unknownResolveTimeout, "unknownResolveTimeout");
    if (maxHedgeSlippage.isNegative() || unwindLossCap.isNegative()) {
      throw new IllegalArgumentException("hedge slippage and unwind loss cap must not be negative");
    }
    if (maxHedgeAttempts < 0) {
      throw new IllegalArgumentException("max hedge attempts must not be negative");
    }
    if (hedgeDeadline.isNegative() || unknownResolveTimeout.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }
}
