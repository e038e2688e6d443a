package io.github.crossarb.core.engine;

/** Who decides that an opportunity is executed. */
public enum ApprovalMode {
  /** The engine executes every opportunity that passes the gates. */
  AUTO,
  /** Each opportunity waits for the operator's approve or reject, until a timeout. */
  MANUAL
}
