package io.github.crossarb.core.engine;

import io.github.crossarb.core.execution.OpportunityExecutor;
import io.github.crossarb.core.execution.Reconciler;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.DurableLedger;
import io.github.crossarb.core.venue.ExecutionClient;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything one tradable mode (PAPER or LIVE) trades through: the execution clients the
 * executor sends to (and whose fills the engine records), the executor, the reconciler and the
 * ledger the fills go to. DRY_RUN has none.
 *
 * @param realizedPnlBefore the ledger's realised P&amp;L from the fills before an instant (null when
 *     it cannot say), so that today's loss counts fills from before a restart too
 */
public record Trading(
    Map<VenueId, ExecutionClient> clients, OpportunityExecutor executor, Reconciler reconciler, DurableLedger ledger,
    Function<Instant, Money> realizedPnlBefore) {
  /** A mode whose ledger history is not known: today's P&amp;L counts from the engine's start. */
  public Trading(Map<VenueId, ExecutionClient> clients, OpportunityExecutor executor, Reconciler reconciler,
      DurableLedger ledger) {
    this(clients, executor, reconciler, ledger, before -> null);
  }

  public Trading {
    Objects.requireNonNull(realizedPnlBefore, "realizedPnlBefore");
    clients = Map.copyOf(Objects.requireNonNull(clients, "clients"));
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(reconciler, "reconciler");
    Objects.requireNonNull(ledger, "ledger");
    if (!clients.containsKey(VenueId.KALSHI) || !clients.containsKey(VenueId.POLYMARKET)) {
      throw new IllegalArgumentException("a trading mode needs an execution client for both venues, got " + clients.keySet());
    }
  }
}
