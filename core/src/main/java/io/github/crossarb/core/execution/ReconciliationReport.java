package io.github.crossarb.core.execution;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.venue.OrderReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;

/**
 * The ledger compared with the venues.
 *
 * @param drifts every difference that blocks trading, one line each; empty when it passed
 * @param notes differences that do not block (positions outside the registry's pairs, ...)
 * @param fillsAdded venue fills the ledger did not have and now has
 * @param resolved the Unknown orders looked up: the order found, or empty when the venue never got it
 * @param unresolved Unknown orders the lookup could not settle (the venue did not answer)
 */
public record ReconciliationReport(
    List<String> drifts,
    List<String> notes,
    int fillsAdded,
    Map<ClientOrderId, Optional<OrderReport>> resolved,
    List<ClientOrderId> unresolved) {
  public ReconciliationReport {
    drifts = List.copyOf(drifts);
    notes = List.copyOf(notes);
    resolved = Map.copyOf(Objects.requireNonNull(resolved, "resolved"));
    unresolved = List.copyOf(unresolved);
  }

  public boolean passed() {
    return drifts.isEmpty() && unresolved.isEmpty();
  }
}
