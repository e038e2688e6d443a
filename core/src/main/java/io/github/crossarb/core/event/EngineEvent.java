package io.github.crossarb.core.event;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.pricing.Opportunity;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the audit trail: every opportunity (with its numbers), decision, order, order
 * outcome, fill, unwind, alert and mode change. {@code pairId} and {@code executionId} are null
 * where they do not apply.
 */
public sealed interface EngineEvent {
  Instant time();

  /** A pair's edge became tradable (both books trusted and fresh). */
  record OpportunityFound(Instant time, String executionId, Opportunity opportunity) implements EngineEvent {
    public OpportunityFound {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(executionId, "executionId");
      Objects.requireNonNull(opportunity, "opportunity");
    }
  }

  /** What the engine did with an opportunity, and why. */
  record Decision(Instant time, String pairId, String executionId, DecisionKind kind, String reason)
      implements EngineEvent {
    public Decision {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(pairId, "pairId");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** What an opportunity became. */
  enum DecisionKind {
    /** Sent for execution (live or paper). */
    EXECUTE,
    /** Logged only: dry-run mode. */
    DRY_RUN,
    /** Waiting for the operator (manual approval). */
    AWAIT_APPROVAL,
    /** The operator approved it. */
    APPROVED,
    /** The operator rejected it. */
    REJECTED,
    /** Nobody answered in time. */
    EXPIRED,
    /** Not traded: in flight, cooldown, blacklisted, blocked, paused, kill switch, risk, balance. */
    SKIPPED
  }

  /** An order about to be sent ({@code purpose}: why it exists). */
  record OrderSent(Instant time, String pairId, String executionId, OrderPurpose purpose, OrderRequest request)
      implements EngineEvent {
    public OrderSent {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(request, "request");
    }
  }

  /** Why an order was sent. */
  enum OrderPurpose {
    /** One of the opportunity's two legs. */
    LEG,
    /** A retry of the leg that filled less, to match the other. */
    HEDGE,
    /** Selling back a residual that could not be hedged. */
    UNWIND
  }

  /** How a submit ended (Accepted, Rejected, Denied or Unknown), or an Unknown later resolved. */
  record OrderOutcome(Instant time, String pairId, String executionId, SubmitResult result) implements EngineEvent {
    public OrderOutcome {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(result, "result");
    }
  }

  /** A fill recorded in the ledger; {@code provisional} until the venue confirms it (Polymarket). */
  record FillRecorded(Instant time, Fill fill, boolean provisional) implements EngineEvent {
    public FillRecorded {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(fill, "fill");
    }
  }

  /** A provisional fill the venue confirmed. */
  record FillConfirmed(Instant time, VenueId venue, String fillId) implements EngineEvent {
    public FillConfirmed {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(venue, "venue");
      Objects.requireNonNull(fillId, "fillId");
    }
  }

  /** A fill reversed (a Polymarket trade that failed on chain). */
  record FillReversed(Instant time, FillVoid fillVoid) implements EngineEvent {
    public FillReversed {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(fillVoid, "fillVoid");
    }
  }

  /** A residual being sold back, and how it ended. */
  record Unwind(Instant time, String pairId, String executionId, VenueId venue, Quantity residual, Quantity sold,
      Money realizedLoss, Money lossCap, String detail) implements EngineEvent {
    public Unwind {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(pairId, "pairId");
      Objects.requireNonNull(venue, "venue");
      Objects.requireNonNull(residual, "residual");
      Objects.requireNonNull(sold, "sold");
      Objects.requireNonNull(realizedLoss, "realizedLoss");
      Objects.requireNonNull(lossCap, "lossCap");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** An execution finished (whatever its outcome). */
  record ExecutionFinished(Instant time, String pairId, String executionId, String outcome, Quantity kalshiFilled,
      Quantity polymarketFilled, Quantity hedged, Quantity residual, Money expectedProfit, List<ClientOrderId> unknownOrders,
      String detail) implements EngineEvent {
    public ExecutionFinished {
      Objects.requireNonNull(time, "time");
      unknownOrders = List.copyOf(unknownOrders);
    }
  }

  /** Something an operator must know. */
  record Alert(Instant time, Severity severity, String pairId, String message) implements EngineEvent {
    public Alert {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(message, "message");
    }
  }

  enum Severity { INFO, WARNING, CRITICAL }

  /** The engine's mode, approval mode or trading state changed ({@code what}: e.g. "mode"). */
  record ModeChanged(Instant time, String what, String from, String to, String reason) implements EngineEvent {
    public ModeChanged {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A pair's status changed (suspended when a venue changed its rules, blacklisted, unblocked, ...). */
  record PairStatusChanged(Instant time, String pairId, String status, String reason) implements EngineEvent {
    public PairStatusChanged {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(pairId, "pairId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A reconciliation ran; {@code drifts} lists every difference found, empty when it passed. */
  record Reconciled(Instant time, boolean passed, List<String> drifts, int fillsAdded, int unknownsResolved)
      implements EngineEvent {
    public Reconciled {
      Objects.requireNonNull(time, "time");
      drifts = List.copyOf(drifts);
    }
  }
}
