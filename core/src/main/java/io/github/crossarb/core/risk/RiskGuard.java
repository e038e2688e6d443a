package io.github.crossarb.core.risk;

import io.github.crossarb.core.model.Money;
import java.util.Objects;

/**
 * Checks every order against the limits before it is sent. Checks run in a fixed order so the
 * reason reported is the most fundamental one: kill switch, error streak, daily loss, then the
 * notional and exposure limits. An order that only reduces exposure (an unwind) is stopped by the
 * kill switch alone. Not thread-safe: the engine's single writer owns it.
 */
public final class RiskGuard {
  private final RiskLimits limits;
  private final KillSwitch killSwitch;
  private int consecutiveErrors;

  public RiskGuard(RiskLimits limits, KillSwitch killSwitch) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
  }

  public RiskLimits limits() {
    return limits;
  }

  public KillSwitch killSwitch() {
    return killSwitch;
  }

  public RiskDecision check(OrderIntent order, Exposure exposure) {
    if (!order.notional().isPositive()) {
      return new RiskDecision.Denied(DenialReason.INVALID_ORDER, "order notional must be positive, was " + order.notional());
    }
    if (order.addedUnhedgedExposure().isNegative()) {
      return new RiskDecision.Denied(DenialReason.INVALID_ORDER, "added unhedged exposure cannot be negative");
    }
    var engaged = killSwitch.engagement();
    if (engaged.isPresent()) {
      return new RiskDecision.Denied(DenialReason.KILL_SWITCH, "kill switch engaged: " + engaged.get().reason());
    }
    if (order.reducesExposure()) {
      // Selling back what is held only lowers what the limits bound: refusing it because a limit is
      // already exceeded (say by provisional fills) would keep the very position the limit is about.
      return RiskDecision.ALLOWED;
    }
    if (consecutiveErrors >= limits.maxConsecutiveErrors()) {
      return new RiskDecision.Denied(DenialReason.CONSECUTIVE_ERRORS,
          consecutiveErrors + " order errors in a row (limit " + limits.maxConsecutiveErrors() + ")");
    }
    Money loss = exposure.realizedPnlToday().negate();
    if (loss.compareTo(limits.dailyLossLimit()) >= 0) {
      return new RiskDecision.Denied(DenialReason.DAILY_LOSS_LIMIT,
          "realised loss today " + loss + " reached the limit " + limits.dailyLossLimit());
    }
    Money pairAfter = exposure.notionalOf(order.pairId()).plus(order.notional());
    if (pairAfter.compareTo(limits.maxNotionalPerPair()) > 0) {
      return new RiskDecision.Denied(DenialReason.PAIR_NOTIONAL_LIMIT,
          "pair " + order.pairId() + " notional would be " + pairAfter + " > " + limits.maxNotionalPerPair());
    }
    Money totalAfter = exposure.totalNotional().plus(order.notional());
    if (totalAfter.compareTo(limits.maxNotionalTotal()) > 0) {
      return new RiskDecision.Denied(DenialReason.TOTAL_NOTIONAL_LIMIT,
          "total notional would be " + totalAfter + " > " + limits.maxNotionalTotal());
    }
    Money unhedgedAfter = exposure.unhedgedExposure().plus(order.addedUnhedgedExposure());
    if (unhedgedAfter.compareTo(limits.maxUnhedgedExposure()) > 0) {
      return new RiskDecision.Denied(DenialReason.UNHEDGED_EXPOSURE_LIMIT,
          "unhedged exposure would be " + unhedgedAfter + " > " + limits.maxUnhedgedExposure());
    }
    return RiskDecision.ALLOWED;
  }

  /** An order ended Rejected or Unknown. */
  public void recordOrderError() {
    consecutiveErrors++;
  }

  /** An order was accepted: the streak is broken. */
  public void recordOrderSuccess() {
    consecutiveErrors = 0;
  }

  /** Operator acknowledgement after an error streak. */
  public void resetErrors() {
    consecutiveErrors = 0;
  }

  public int consecutiveErrors() {
    return consecutiveErrors;
  }
}
