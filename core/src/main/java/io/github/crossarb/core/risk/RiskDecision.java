package io.github.crossarb.core.risk;

import java.util.Objects;

/** The outcome of a risk check: allowed, or denied with the reason (an order never sent). */
public sealed interface RiskDecision permits RiskDecision.Allowed, RiskDecision.Denied {

  Allowed ALLOWED = new Allowed();

  default boolean isAllowed() {
    return this instanceof Allowed;
  }

  /** The order may be sent. */
  record Allowed() implements RiskDecision {}

  /** The order must not be sent; {@code detail} says which numbers broke the limit. */
  record Denied(DenialReason reason, String detail) implements RiskDecision {
    public Denied {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
