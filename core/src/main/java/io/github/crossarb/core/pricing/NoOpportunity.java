package io.github.crossarb.core.pricing;

import java.util.Objects;

/**
 * Nothing to trade, and why.
 *
 * @param direction the direction refused, or null when the reason applies to both
 * @param detail a human-readable explanation for logs and the dashboard
 */
public record NoOpportunity(String pairId, Direction direction, NoEdgeReason reason, String detail)
    implements EdgeResult {
  public NoOpportunity {
    Objects.requireNonNull(pairId, "pairId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
