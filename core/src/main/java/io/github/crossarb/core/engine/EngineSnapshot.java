package io.github.crossarb.core.engine;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.pair.PairStatus;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.pricing.Opportunity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The engine at one point, for the dashboard and the headless log. Immutable; published by the
 * engine's context after each change, readable from any thread.
 *
 * @param trading whether orders may be sent now, and if not why
 * @param tradingDetail one line on {@code trading} (the reason it is blocked, paused or killed)
 * @param ledger the current mode's ledger, or null in dry-run
 * @param realizedPnlToday today's realised P&amp;L as the risk check counts it (unwind losses included)
 * @param lastReconciliation the last reconciliation of the current mode, or null before the first
 * @param opportunities opportunities logged since start (each counted once, not per book tick)
 * @param executions executions finished since start
 * @param unconfirmedFills Polymarket fills in the ledger whose trade is not CONFIRMED yet (they may
 *     still be reversed)
 * @param unconfirmedNotional what those fills cost; the risk check counts it as unhedged exposure
 */
public record EngineSnapshot(
    Instant time,
    EngineMode mode,
    ApprovalMode approval,
    TradingState trading,
    String tradingDetail,
    List<PairView> pairs,
    List<PendingApproval> pendingApprovals,
    LedgerSnapshot ledger,
    Money realizedPnlToday,
    Reconciliation lastReconciliation,
    long opportunities,
    long executions,
    int consecutiveOrderErrors,
    int unconfirmedFills,
    Money unconfirmedNotional) {

  public EngineSnapshot {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(trading, "trading");
    Objects.requireNonNull(tradingDetail, "tradingDetail");
    pairs = List.copyOf(pairs);
    pendingApprovals = List.copyOf(pendingApprovals);
    Objects.requireNonNull(realizedPnlToday, "realizedPnlToday");
  }

  /** The view of {@code pairId}, or null. */
  public PairView pair(String pairId) {
    for (PairView p : pairs) {
      if (p.pairId().equals(pairId)) {
        return p;
      }
    }
    return null;
  }

  /** Whether orders may be sent, or why not. */
  public enum TradingState {
    /** Not started yet. */
    STARTING,
    /** Dry-run: opportunities are logged, never traded. */
    DRY_RUN,
    /** Waiting for the mode's reconciliation (or, in LIVE, the balance check) to pass. */
    BLOCKED,
    /** Orders may be sent. */
    TRADING,
    /** The operator paused trading. */
    PAUSED,
    /** The kill switch is engaged (until a restart). */
    KILLED,
    /** Stopped. */
    STOPPED
  }

  /**
   * One pair.
   *
   * @param state what the pair is doing: {@code ready}, {@code in flight}, {@code cooldown},
   *     {@code awaiting approval}, {@code blacklisted}, {@code blocked (unknown orders)},
   *     {@code suspended}, {@code not loaded: ...}
   * @param kalshiBook the Kalshi book's integrity ({@code TRUSTED} or {@code UNTRUSTED(reason)})
   * @param opportunity the pair's current opportunity, or null
   * @param lastEvaluation one line on the last evaluation (the opportunity, or why there is none)
   * @param blacklistedUntil null unless blacklisted
   * @param cooldownUntil null unless cooling down
   * @param unknownOrders orders whose outcome is unknown; the pair trades again once reconciled
   */
  public record PairView(
      String pairId,
      PairStatus status,
      String statusReason,
      String state,
      String kalshiBook,
      String polymarketYesBook,
      String polymarketNoBook,
      Opportunity opportunity,
      String lastEvaluation,
      int mismatchesInRow,
      Instant blacklistedUntil,
      Instant cooldownUntil,
      List<ClientOrderId> unknownOrders) {
    public PairView {
      Objects.requireNonNull(pairId, "pairId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(state, "state");
      unknownOrders = List.copyOf(unknownOrders);
    }
  }

  /** An opportunity waiting for the operator. */
  public record PendingApproval(String executionId, String pairId, Opportunity opportunity, Instant expiresAt) {
    public PendingApproval {
      Objects.requireNonNull(executionId, "executionId");
      Objects.requireNonNull(pairId, "pairId");
      Objects.requireNonNull(opportunity, "opportunity");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  /** How the last reconciliation went. */
  public record Reconciliation(Instant time, boolean passed, List<String> drifts) {
    public Reconciliation {
      Objects.requireNonNull(time, "time");
      drifts = List.copyOf(drifts);
    }
  }
}
