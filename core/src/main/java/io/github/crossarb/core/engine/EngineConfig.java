package io.github.crossarb.core.engine;

import io.github.crossarb.core.execution.ExecutionPolicy;
import io.github.crossarb.core.execution.LegRiskParams;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.pricing.EdgeParams;
import io.github.crossarb.core.risk.RiskLimits;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the engine trades. Build with {@link #defaults()} and {@link #toBuilder()}; every duration is
 * a Vert.x timer period or a time window, so tests can make them short.
 *
 * @param mode the mode the engine starts in
 * @param allowLive whether LIVE may be entered at all (an explicit operator choice)
 * @param approval AUTO or MANUAL
 * @param approvalTimeout how long a MANUAL opportunity waits before it EXPIRES
 * @param rejectBlacklist how long a pair is blacklisted when the operator rejects with blacklist
 * @param policy the execution policy of pairs without an override
 * @param pairPolicies per pair id overrides of {@code policy}
 * @param maxSize the largest size to plan (also capped by the venues' available balances)
 * @param minEdge the smallest expected profit worth trading
 * @param minEdgeRelativeMicros the smallest profit as a fraction of cost, in micros (10 000 = 1%)
 * @param maxBookAge books older than this are not traded on
 * @param legRisk what the executor may do to close a leg mismatch
 * @param maxMismatchesInRow executions with mismatched legs in a row that blacklist a pair
 * @param mismatchBlacklist how long such a pair is blacklisted
 * @param cooldown how long a pair waits after an execution before the next one
 * @param reconcileInterval how often the ledger is reconciled with the venues
 * @param fingerprintRecheckInterval how often the approved pairs' rules are fetched and compared
 * @param subscribeBatchSize books per subscribe call
 * @param riskLimits the limits every order is checked against
 * @param stopTimeout how long {@code stop()} waits for executions in flight
 */
public record EngineConfig(
    EngineMode mode,
    boolean allowLive,
    ApprovalMode approval,
    Duration approvalTimeout,
    Duration rejectBlacklist,
    ExecutionPolicy policy,
    Map<String, ExecutionPolicy> pairPolicies,
    Quantity maxSize,
    Money minEdge,
    long minEdgeRelativeMicros,
    Duration maxBookAge,
    LegRiskParams legRisk,
    int maxMismatchesInRow,
    Duration mismatchBlacklist,
    Duration cooldown,
    Duration reconcileInterval,
    Duration fingerprintRecheckInterval,
    int subscribeBatchSize,
    RiskLimits riskLimits,
    Duration stopTimeout) {

  public EngineConfig {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(approval, "approval");
    positive(approvalTimeout, "approval timeout");
    notNegative(rejectBlacklist, "reject blacklist");
    Objects.requireNonNull(policy, "policy");
    pairPolicies = Map.copyOf(Objects.requireNonNull(pairPolicies, "pairPolicies"));
    Objects.requireNonNull(legRisk, "legRisk");
    if (maxMismatchesInRow < 1) {
      throw new IllegalArgumentException("max mismatches in a row must be at least 1, was " + maxMismatchesInRow);
    }
    notNegative(mismatchBlacklist, "mismatch blacklist");
    notNegative(cooldown, "cooldown");
    positive(reconcileInterval, "reconcile interval");
    positive(fingerprintRecheckInterval, "fingerprint recheck interval");
    if (subscribeBatchSize < 1) {
      throw new IllegalArgumentException("subscribe batch size must be at least 1, was " + subscribeBatchSize);
    }
    Objects.requireNonNull(riskLimits, "riskLimits");
    positive(stopTimeout, "stop timeout");
    // EdgeParams checks size, edge and book age: fail here, at configuration, not on the first book.
    new EdgeParams(maxSize, minEdge, minEdgeRelativeMicros, maxBookAge);
  }

  /**
   * Dry-run, auto approval, parallel legs, at most 10 contracts, at least $0.01 of profit, books at
   * most 10 s old; hedges may pay $0.02 more within 5 s and 3 attempts, unwinds lose at most $5;
   * 3 mismatches in a row blacklist a pair for 5 minutes; 2 s cooldown; reconcile every 5 minutes,
   * re-check fingerprints every 30 minutes; limits $100 per pair, $500 in total, $50 unhedged, $50
   * daily loss, 5 order errors in a row.
   */
  public static EngineConfig defaults() {
    return new EngineConfig(
        EngineMode.DRY_RUN,
        false,
        ApprovalMode.AUTO,
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        ExecutionPolicy.PARALLEL,
        Map.of(),
        Quantity.of(10),
        Money.parse("0.01"),
        0,
        Duration.ofSeconds(10),
        new LegRiskParams(Money.parse("0.02"), Duration.ofSeconds(5), 3, Money.parse("5"), Duration.ofSeconds(10)),
        3,
        Duration.ofMinutes(5),
        Duration.ofSeconds(2),
        Duration.ofMinutes(5),
        Duration.ofMinutes(30),
        50,
        new RiskLimits(Money.parse("100"), Money.parse("500"), Money.parse("50"), Money.parse("50"), 5),
        Duration.ofSeconds(10));
  }

  /** The execution policy of {@code pairId}. */
  public ExecutionPolicy policyFor(String pairId) {
    return pairPolicies.getOrDefault(pairId, policy);
  }

  /** The calculator's limits with {@code maxSize}. */
  public EdgeParams edgeParams(Quantity size) {
    return new EdgeParams(size, minEdge, minEdgeRelativeMicros, maxBookAge);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + d);
    }
  }

  private static void notNegative(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, was " + d);
    }
  }

  /** Changes some fields of a config; {@link #build()} checks them all. */
  public static final class Builder {
    private EngineMode mode;
    private boolean allowLive;
    private ApprovalMode approval;
    private Duration approvalTimeout;
    private Duration rejectBlacklist;
    private ExecutionPolicy policy;
    private Map<String, ExecutionPolicy> pairPolicies;
    private Quantity maxSize;
    private Money minEdge;
    private long minEdgeRelativeMicros;
    private Duration maxBookAge;
    private LegRiskParams legRisk;
    private int maxMismatchesInRow;
    private Duration mismatchBlacklist;
    private Duration cooldown;
    private Duration reconcileInterval;
    private Duration fingerprintRecheckInterval;
    private int subscribeBatchSize;
    private RiskLimits riskLimits;
    private Duration stopTimeout;

    private Builder(EngineConfig c) {
      mode = c.mode;
      allowLive = c.allowLive;
      approval = c.approval;
      approvalTimeout = c.approvalTimeout;
      rejectBlacklist = c.rejectBlacklist;
      policy = c.policy;
      pairPolicies = c.pairPolicies;
      maxSize = c.maxSize;
      minEdge = c.minEdge;
      minEdgeRelativeMicros = c.minEdgeRelativeMicros;
      maxBookAge = c.maxBookAge;
      legRisk = c.legRisk;
      maxMismatchesInRow = c.maxMismatchesInRow;
      mismatchBlacklist = c.mismatchBlacklist;
      cooldown = c.cooldown;
      reconcileInterval = c.reconcileInterval;
      fingerprintRecheckInterval = c.fingerprintRecheckInterval;
      subscribeBatchSize = c.subscribeBatchSize;
      riskLimits = c.riskLimits;
      stopTimeout = c.stopTimeout;
    }

    public Builder mode(EngineMode v) { mode = v; return this; }
    public Builder allowLive(boolean v) { allowLive = v; return this; }
    public Builder approval(ApprovalMode v) { approval = v; return this; }
    public Builder approvalTimeout(Duration v) { approvalTimeout = v; return this; }
    public Builder rejectBlacklist(Duration v) { rejectBlacklist = v; return this; }
    public Builder policy(ExecutionPolicy v) { policy = v; return this; }
    public Builder pairPolicies(Map<String, ExecutionPolicy> v) { pairPolicies = v; return this; }
    public Builder maxSize(Quantity v) { maxSize = v; return this; }
    public Builder minEdge(Money v) { minEdge = v; return this; }
    public Builder minEdgeRelativeMicros(long v) { minEdgeRelativeMicros = v; return this; }
    public Builder maxBookAge(Duration v) { maxBookAge = v; return this; }
    public Builder legRisk(LegRiskParams v) { legRisk = v; return this; }
    public Builder maxMismatchesInRow(int v) { maxMismatchesInRow = v; return this; }
    public Builder mismatchBlacklist(Duration v) { mismatchBlacklist = v; return this; }
    public Builder cooldown(Duration v) { cooldown = v; return this; }
    public Builder reconcileInterval(Duration v) { reconcileInterval = v; return this; }
    public Builder fingerprintRecheckInterval(Duration v) { fingerprintRecheckInterval = v; return this; }
    public Builder subscribeBatchSize(int v) { subscribeBatchSize = v; return this; }
    public Builder riskLimits(RiskLimits v) { riskLimits = v; return this; }
    public Builder stopTimeout(Duration v) { stopTimeout = v; return this; }

    public EngineConfig build() {
      return new EngineConfig(mode, allowLive, approval, approvalTimeout, rejectBlacklist, policy, pairPolicies,
          maxSize, minEdge, minEdgeRelativeMicros, maxBookAge, legRisk, maxMismatchesInRow, mismatchBlacklist,
          cooldown, reconcileInterval, fingerprintRecheckInterval, subscribeBatchSize, riskLimits, stopTimeout);
    }
  }
}
