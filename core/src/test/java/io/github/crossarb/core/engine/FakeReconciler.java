package io.github.crossarb.core.engine;

import io.github.crossarb.core.execution.ReconciliationReport;
import io.github.crossarb.core.execution.Reconciler;
import io.github.crossarb.core.model.ClientOrderId;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/** Answers each reconcile with what the test scripts (a clean pass by default), or holds it. */
final class FakeReconciler implements Reconciler {
  static final ReconciliationReport CLEAN = new ReconciliationReport(List.of(), List.of(), 0, Map.of(), List.of());

  final List<Set<ClientOrderId>> asked = new CopyOnWriteArrayList<>();
  volatile Function<Set<ClientOrderId>, ReconciliationReport> answer = unknown -> CLEAN;
  /** When true, each call waits in {@link #held} until the test completes it. */
  volatile boolean hold;
  final BlockingQueue<Promise<ReconciliationReport>> held = new LinkedBlockingQueue<>();

  @Override
  public Future<ReconciliationReport> reconcile(Set<ClientOrderId> unknownOrders) {
    asked.add(Set.copyOf(unknownOrders));
    if (hold) {
      Promise<ReconciliationReport> p = Promise.promise();
      held.add(p);
      return p.future();
    }
    return Future.succeededFuture(answer.apply(unknownOrders));
  }
}
