package io.github.crossarb.core.execution;

import io.vertx.core.Future;

/**
 * Executes one opportunity end to end: legs, hedges, unwinds. The future always succeeds with a
 * report (a failure is a bug); it completes on the engine's context.
 */
public interface OpportunityExecutor {
  Future<ExecutionReport> execute(ExecutionRequest request, ExecutionContext context);
}
