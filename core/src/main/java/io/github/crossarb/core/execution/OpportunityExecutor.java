package io.github.crossarb.core.execution;

import io.vertx.core.Future;

/**
 * Executes one opportunity end to end: legs, hedges, unwinds. The future always succeeds with a
 * report (a failure is a bug); it completes on the engine's context.
 */
public interface OpportunityExecutor {
  Future<ExecutionReport> execute(ExecutionRequest request, ExecutionContext context);

  /**
   * Closes a residual found outside an execution: buys its hedge on the other venue only at a price
   * that completes the pair without a loss, otherwise sells it back within the unwind loss cap,
   * once (plus one retry at the cap price). The report's legs include the residual held at start.
   */
  Future<ExecutionReport> closeResidual(ResidualRequest request, ExecutionContext context);
}
