package io.github.crossarb.core.execution;

import io.github.crossarb.core.model.ClientOrderId;
import io.vertx.core.Future;
import java.util.Set;

/**
 * Compares the ledger with each venue's fills, positions and open orders, adds the fills the
 * ledger missed, and looks up orders whose outcome is unknown. The future always succeeds (a venue
 * that cannot be reached is a drift); it completes on the caller's context.
 */
public interface Reconciler {
  Future<ReconciliationReport> reconcile(Set<ClientOrderId> unknownOrders);
}
