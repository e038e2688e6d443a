package io.github.crossarb.core.execution;

/** How an execution ended. */
public enum ExecutionOutcome {
  /** Both legs filled the same quantity (possibly after hedge orders): no residual. */
  HEDGED,
  /** Neither leg filled anything. */
  NOTHING_FILLED,
  /** The legs filled differently and the residual was sold back (within the loss cap). */
  UNWOUND,
  /** A residual remains: it could not be hedged nor unwound within the caps. Alerted. */
  RESIDUAL_OPEN,
  /** An order's outcome is still unknown: the pair is blocked until reconciliation settles it. */
  UNKNOWN,
  /** Nothing was sent: risk checks or the venue's pre-send checks denied the first order. */
  DENIED
}
