package io.github.crossarb.simulator.exchange;

import java.util.Objects;

/** The engine refused a request; nothing changed. One-line message, no secrets. */
public final class ExchangeException extends RuntimeException {
  private final RejectReason reason;

  public ExchangeException(RejectReason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public RejectReason reason() {
    return reason;
  }
}
