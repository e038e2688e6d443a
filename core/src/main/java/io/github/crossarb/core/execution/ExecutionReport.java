package io.github.crossarb.core.execution;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import java.util.List;
import java.util.Objects;

/**
 * What an execution did, as the executor saw it from the venues' answers. The ledger is built from
 * the venues' fill reports, not from this; reconciliation compares the two.
 *
 * @param kalshiFilled contracts bought on Kalshi (legs and hedges), net of unwinds
 * @param polymarketFilled shares bought on Polymarket, net of unwinds
 * @param hedged the quantity held on both venues: min of the two
 * @param residual the quantity held on one venue only; zero unless RESIDUAL_OPEN or UNKNOWN
 * @param residualVenue where the residual is, or null when there is none
 * @param legsMismatched whether the legs' first fills differed (counts towards blacklisting)
 * @param realizedLoss what unwinds lost (zero or positive), to count in the daily P&amp;L
 * @param unknownOrders client order ids whose outcome is still unknown
 * @param detail a one-line human summary
 */
public record ExecutionReport(
    String executionId,
    String pairId,
    ExecutionOutcome outcome,
    Quantity kalshiFilled,
    Quantity polymarketFilled,
    Quantity hedged,
    Quantity residual,
    VenueId residualVenue,
    boolean legsMismatched,
    Money realizedLoss,
    List<ClientOrderId> unknownOrders,
    String detail) {
  public ExecutionReport {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(pairId, "pairId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(kalshiFilled, "kalshiFilled");
    Objects.requireNonNull(polymarketFilled, "polymarketFilled");
    Objects.requireNonNull(hedged, "hedged");
    Objects.requireNonNull(residual, "residual");
    Objects.requireNonNull(realizedLoss, "realizedLoss");
    unknownOrders = List.copyOf(unknownOrders);
    Objects.requireNonNull(detail, "detail");
    if ((outcome == ExecutionOutcome.UNKNOWN) != !unknownOrders.isEmpty()) {
      throw new IllegalArgumentException("an UNKNOWN execution lists its unknown orders, and only it does");
    }
    if (residual.isZero() != (residualVenue == null)) {
      throw new IllegalArgumentException("a residual names its venue, and only a residual does");
    }
  }
}
