package io.github.crossarb.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.testing.MutableClock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RiskGuardTest {
  private static final RiskLimits LIMITS = new RiskLimits(
      Money.parse("100"), Money.parse("250"), Money.parse("25"), Money.parse("50"), 3);
  private KillSwitch killSwitch;
  private RiskGuard guard;

  @BeforeEach
  void setUp() {
    killSwitch = new KillSwitch(MutableClock.atEpoch());
    guard = new RiskGuard(LIMITS, killSwitch);
  }

  private static OrderIntent order(String notional, String unhedged) {
    return new OrderIntent("p1", Money.parse(notional), Money.parse(unhedged));
  }

  private static Exposure exposure(String pair, String total, String unhedged, String pnl) {
    return new Exposure(Map.of("p1", Money.parse(pair)), Money.parse(total), Money.parse(unhedged), Money.parse(pnl));
  }

  private static DenialReason reasonOf(RiskDecision decision) {
    assertThat(decision).isInstanceOf(RiskDecision.Denied.class);
    return ((RiskDecision.Denied) decision).reason();
  }

  @Test
  void allowsAnOrderWithinEveryLimit() {
    assertThat(guard.check(order("20", "20"), exposure("80", "230", "5", "-49.99")).isAllowed()).isTrue();
  }

  @Test
  void limitsAreInclusiveAndTheFirstBrokenOneIsReported() {
    assertThat(reasonOf(guard.check(order("20.000001", "0"), exposure("80", "0", "0", "0"))))
        .isEqualTo(DenialReason.PAIR_NOTIONAL_LIMIT);
    assertThat(reasonOf(guard.check(order("20.01", "0"), exposure("0", "230", "0", "0"))))
        .isEqualTo(DenialReason.TOTAL_NOTIONAL_LIMIT);
    assertThat(reasonOf(guard.check(order("1", "20.01"), exposure("0", "0", "5", "0"))))
        .isEqualTo(DenialReason.UNHEDGED_EXPOSURE_LIMIT);
    assertThat(reasonOf(guard.check(order("1", "0"), exposure("0", "0", "0", "-50"))))
        .isEqualTo(DenialReason.DAILY_LOSS_LIMIT);
  }

  @Test
  void anOrderThatOnlyReducesExposureIsStoppedByTheKillSwitchAlone() {
    OrderIntent unwind = OrderIntent.reducing("p1", Money.parse("3"));
    // Every limit already broken (provisional fills counted, a loss taken, an error streak).
    guard.recordOrderError();
    guard.recordOrderError();
    guard.recordOrderError();
    assertThat(guard.check(unwind, exposure("100", "250", "44", "-60")).isAllowed()).isTrue();
    assertThat(reasonOf(guard.check(order("3", "0"), exposure("100", "250", "44", "-60"))))
        .isEqualTo(DenialReason.CONSECUTIVE_ERRORS);

    killSwitch.engage("operator pressed K");
    assertThat(reasonOf(guard.check(unwind, Exposure.NONE))).isEqualTo(DenialReason.KILL_SWITCH);
  }

  @Test
  void theKillSwitchDeniesEverythingAndKeepsItsFirstReason() {
    assertThat(killSwitch.engage("operator pressed K")).isTrue();
    assertThat(killSwitch.engage("daily loss")).isFalse();
    RiskDecision decision = guard.check(order("1", "0"), Exposure.NONE);
    assertThat(reasonOf(decision)).isEqualTo(DenialReason.KILL_SWITCH);
    assertThat(((RiskDecision.Denied) decision).detail()).contains("operator pressed K");
    assertThat(killSwitch.release()).isTrue();
    assertThat(guard.check(order("1", "0"), Exposure.NONE).isAllowed()).isTrue();
  }

  @Test
  void anErrorStreakStopsTradingUntilSuccessOrReset() {
    guard.recordOrderError();
    guard.recordOrderError();
    assertThat(guard.check(order("1", "0"), Exposure.NONE).isAllowed()).isTrue();
    guard.recordOrderError();
    assertThat(reasonOf(guard.check(order("1", "0"), Exposure.NONE))).isEqualTo(DenialReason.CONSECUTIVE_ERRORS);
    guard.resetErrors();
    assertThat(guard.check(order("1", "0"), Exposure.NONE).isAllowed()).isTrue();
    guard.recordOrderError();
    guard.recordOrderSuccess();
    assertThat(guard.consecutiveErrors()).isZero();
  }

  @Test
  void malformedIntentsAreDenied() {
    assertThat(reasonOf(guard.check(order("0", "0"), Exposure.NONE))).isEqualTo(DenialReason.INVALID_ORDER);
    assertThat(reasonOf(guard.check(order("1", "-1"), Exposure.NONE))).isEqualTo(DenialReason.INVALID_ORDER);
  }
}
