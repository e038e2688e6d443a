package io.github.crossarb.core.engine;

import io.github.crossarb.core.event.EngineEvent.Severity;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairStatus;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.pricing.Direction;
import io.github.crossarb.core.pricing.Opportunity;
import java.time.Duration;
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
 * @param feeds the health of each venue's book feed (Kalshi first)
 * @param recentExecutions the last {@value #RECENT_EXECUTIONS} executions, newest first, including
 *     those in flight
 * @param alerts the last {@value #RECENT_LINES} alerts, newest first
 * @param log the last {@value #RECENT_LINES} events as one-line texts, newest first
 * @param balances the current mode's balances per venue as last read (empty in dry-run or before
 *     the first read)
 * @param kill the kill switch
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
    Money unconfirmedNotional,
    List<FeedHealth> feeds,
    List<ExecutionView> recentExecutions,
    List<LogLine> alerts,
    List<LogLine> log,
    List<BalanceView> balances,
    KillState kill) {

  /** How many recent executions a snapshot keeps. */
  public static final int RECENT_EXECUTIONS = 20;
  /** How many recent alerts, and log lines, a snapshot keeps. */
  public static final int RECENT_LINES = 50;

  public EngineSnapshot {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(trading, "trading");
    Objects.requireNonNull(tradingDetail, "tradingDetail");
    pairs = List.copyOf(pairs);
    pendingApprovals = List.copyOf(pendingApprovals);
    Objects.requireNonNull(realizedPnlToday, "realizedPnlToday");
    Objects.requireNonNull(unconfirmedNotional, "unconfirmedNotional");
    feeds = List.copyOf(feeds);
    recentExecutions = List.copyOf(recentExecutions);
    alerts = List.copyOf(alerts);
    log = List.copyOf(log);
    balances = List.copyOf(balances);
    Objects.requireNonNull(kill, "kill");
  }

  /** The feed health of {@code venue}, or null. */
  public FeedHealth feed(VenueId venue) {
    for (FeedHealth f : feeds) {
      if (f.venue() == venue) {
        return f;
      }
    }
    return null;
  }

  /** The balance read at {@code venue}, or null. */
  public BalanceView balance(VenueId venue) {
    for (BalanceView b : balances) {
      if (b.venue() == venue) {
        return b;
      }
    }
    return null;
  }

  /** The recent execution {@code executionId}, or null. */
  public ExecutionView execution(String executionId) {
    for (ExecutionView e : recentExecutions) {
      if (e.executionId().equals(executionId)) {
        return e;
      }
    }
    return null;
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
   * @param quotes the best prices of the pair's books now, and its edge
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
      List<ClientOrderId> unknownOrders,
      Quotes quotes) {
    public PairView {
      Objects.requireNonNull(pairId, "pairId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(state, "state");
      unknownOrders = List.copyOf(unknownOrders);
      Objects.requireNonNull(quotes, "quotes");
    }
  }

  /** The best bid and ask of one outcome on one book; either is null when that side is empty. */
  public record Quote(Price bid, Price ask) {
    public static final Quote EMPTY = new Quote(null, null);
  }

  /**
   * A pair's prices and edge. Each quote is in the venue's own terms: Kalshi YES and NO from the
   * market's book, Polymarket YES and NO from the two tokens' books (each token's own price).
   * Quotes of books not trusted are still shown (the edge is not computed on them).
   *
   * @param direction the direction of {@code edgePerContract}, or null when there is no edge to show
   * @param edgePerContract the opportunity's expected profit per contract when there is one;
   *     otherwise the better direction's edge for one contract at the top of the trusted books after
   *     taker fees (may be negative); null when a book is untrusted or a side is empty
   * @param tradableSize the opportunity's size (after balances); zero when there is none
   */
  public record Quotes(
      Quote kalshiYes,
      Quote kalshiNo,
      Quote polymarketYes,
      Quote polymarketNo,
      Direction direction,
      Money edgePerContract,
      Quantity tradableSize) {
    public static final Quotes NONE =
        new Quotes(Quote.EMPTY, Quote.EMPTY, Quote.EMPTY, Quote.EMPTY, null, null, Quantity.ZERO);

    public Quotes {
      Objects.requireNonNull(kalshiYes, "kalshiYes");
      Objects.requireNonNull(kalshiNo, "kalshiNo");
      Objects.requireNonNull(polymarketYes, "polymarketYes");
      Objects.requireNonNull(polymarketNo, "polymarketNo");
      Objects.requireNonNull(tradableSize, "tradableSize");
    }
  }

  /**
   * A venue's book feed.
   *
   * @param lastMessage when the engine last took a book update (or untrust notice) from the venue,
   *     null before the first
   * @param age time since {@code lastMessage} at the snapshot's time, null before the first
   * @param trusted followed books that are trusted
   * @param untrusted followed books that are not (awaiting a snapshot, gap, disconnect, silence...)
   * @param connected whether the stream looks connected: a message came and no book is untrusted
   *     for a disconnect (the engine only sees the books, not the socket)
   */
  public record FeedHealth(VenueId venue, Instant lastMessage, Duration age, int trusted, int untrusted,
      boolean connected) {
    public FeedHealth {
      Objects.requireNonNull(venue, "venue");
    }
  }

  /**
   * One execution, from the events the engine emitted for it.
   *
   * @param finished null while in flight
   * @param outcome the {@code ExecutionOutcome} name (or {@code FAILED}), {@code IN_FLIGHT} until it ends
   * @param legs every order sent for it (legs, hedges, unwinds), in order
   * @param expectedProfit what the opportunity promised, null for a residual close
   * @param realizedPnl the P&amp;L locked in, once the execution ended with no residual and the
   *     fills recorded for its orders add up, venue by venue, to what the executor reported filled:
   *     hedged contracts × $1 − what the buys cost (fees included) + what the sells brought (fees
   *     deducted); null until then
   * @param detail the executor's one-line summary, or the decision's reason while in flight
   */
  public record ExecutionView(
      String executionId,
      String pairId,
      Instant started,
      Instant finished,
      String outcome,
      List<LegView> legs,
      Money expectedProfit,
      Money realizedPnl,
      String detail) {
    public ExecutionView {
      Objects.requireNonNull(executionId, "executionId");
      Objects.requireNonNull(pairId, "pairId");
      Objects.requireNonNull(started, "started");
      Objects.requireNonNull(outcome, "outcome");
      legs = List.copyOf(legs);
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * One order of an execution.
   *
   * @param purpose {@code LEG}, {@code HEDGE} or {@code UNWIND}
   * @param limitPrice the order's limit price
   * @param filled the larger of what the venue's answer reported filled and what fills recorded
   * @param averagePrice the recorded fills' average price, null before the first fill
   * @param result {@code SENT} until answered, then {@code ACCEPTED}, {@code REJECTED: code},
   *     {@code DENIED: reason} or {@code UNKNOWN: reason}
   */
  public record LegView(
      ClientOrderId clientOrderId,
      VenueId venue,
      String purpose,
      Outcome outcome,
      Side side,
      Price limitPrice,
      Quantity requested,
      Quantity filled,
      Price averagePrice,
      String result) {
    public LegView {
      Objects.requireNonNull(clientOrderId, "clientOrderId");
      Objects.requireNonNull(venue, "venue");
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(side, "side");
      Objects.requireNonNull(limitPrice, "limitPrice");
      Objects.requireNonNull(requested, "requested");
      Objects.requireNonNull(filled, "filled");
      Objects.requireNonNull(result, "result");
    }
  }

  /** One line of the alerts or log pane; {@code pairId} null when none applies. */
  public record LogLine(Instant time, Severity severity, String pairId, String text) {
    public LogLine {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A venue's cash as last read by the current mode.
   *
   * @param available what the venue reported available, less what executions since reserved
   * @param reported what the venue reported available at {@code readAt}
   * @param portfolioValue the venue's mark of open positions, or null
   */
  public record BalanceView(VenueId venue, Money available, Money reported, Money portfolioValue, Instant readAt) {
    public BalanceView {
      Objects.requireNonNull(venue, "venue");
      Objects.requireNonNull(available, "available");
      Objects.requireNonNull(reported, "reported");
      Objects.requireNonNull(readAt, "readAt");
    }
  }

  /** The kill switch: {@code reason} and {@code at} are null unless engaged. */
  public record KillState(boolean engaged, String reason, Instant at) {
    public static final KillState OFF = new KillState(false, null, null);

    public KillState {
      if (engaged != (reason != null && at != null)) {
        throw new IllegalArgumentException("an engaged kill switch has a reason and a time; a released one neither");
      }
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
