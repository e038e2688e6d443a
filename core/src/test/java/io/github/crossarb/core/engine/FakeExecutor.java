package io.github.crossarb.core.engine;

import io.github.crossarb.core.execution.ExecutionContext;
import io.github.crossarb.core.execution.ExecutionReport;
import io.github.crossarb.core.execution.ExecutionRequest;
import io.github.crossarb.core.execution.OpportunityExecutor;
import io.github.crossarb.core.execution.ResidualRequest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Records each execution; the test finishes it (from its own thread, i.e. off the engine's context,
 * which the engine must cope with) or scripts an immediate answer.
 */
final class FakeExecutor implements OpportunityExecutor {
  record Call(ExecutionRequest request, ExecutionContext context, Promise<ExecutionReport> promise,
      String thread) {}

  final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
  final AtomicInteger count = new AtomicInteger();
  /** Pairs with an execution not finished yet, and how often a second one started beside it. */
  final java.util.Set<String> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
  final AtomicInteger overlaps = new AtomicInteger();
  /** When set, runs inside execute (on the engine's context) and its report completes at once. */
  volatile BiFunction<ExecutionRequest, ExecutionContext, ExecutionReport> script;

  @Override
  public Future<ExecutionReport> execute(ExecutionRequest request, ExecutionContext context) {
    count.incrementAndGet();
    String pair = request.pair().id();
    if (!running.add(pair)) {
      overlaps.incrementAndGet();
    }
    Promise<ExecutionReport> promise = Promise.promise();
    promise.future().onComplete(ar -> running.remove(pair));
    calls.add(new Call(request, context, promise, Thread.currentThread().getName()));
    var s = script;
    if (s != null) {
      promise.complete(s.apply(request, context));
    }
    return promise.future();
  }

  record ResidualCall(ResidualRequest request, ExecutionContext context, Promise<ExecutionReport> promise) {}

  final BlockingQueue<ResidualCall> residuals = new LinkedBlockingQueue<>();

  @Override
  public Future<ExecutionReport> closeResidual(ResidualRequest request, ExecutionContext context) {
    Promise<ExecutionReport> promise = Promise.promise();
    residuals.add(new ResidualCall(request, context, promise));
    return promise.future();
  }

  Call next() throws InterruptedException {
    Call c = calls.poll(5, TimeUnit.SECONDS);
    if (c == null) {
      throw new AssertionError("the executor was not called within 5 s");
    }
    return c;
  }
}
