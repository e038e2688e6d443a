package io.github.crossarb.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.tui.DashboardFixtures;
import io.github.crossarb.core.engine.EngineMode;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.engine.EngineSnapshot.FeedHealth;
import io.github.crossarb.core.engine.EngineSnapshot.KillState;
import io.github.crossarb.core.engine.EngineSnapshot.Reconciliation;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.link.controller.LinkStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each readiness condition, each way. */
class ReadinessTest {
  private static final Instant T = Instant.parse("2026-11-27T09:30:00Z");

  static List<FeedHealth> healthyFeeds() {
    return List.of(new FeedHealth(VenueId.KALSHI, T, Duration.ofMillis(100), 5, 0, true),
        new FeedHealth(VenueId.POLYMARKET, T, Duration.ofMillis(100), 10, 0, true));
  }

  static EngineSnapshot withFeeds(EngineSnapshot s, List<FeedHealth> feeds) {
    return copy(s, s.mode(), feeds, s.lastReconciliation(), s.kill());
  }

  static EngineSnapshot copy(EngineSnapshot s, EngineMode mode, List<FeedHealth> feeds, Reconciliation reconciliation,
      KillState kill) {
    return new EngineSnapshot(s.time(), mode, s.approval(), s.trading(), s.tradingDetail(), s.pairs(),
        s.pendingApprovals(), s.ledger(), s.realizedPnlToday(), reconciliation, s.opportunities(), s.executions(),
        s.consecutiveOrderErrors(), s.unconfirmedFills(), s.unconfirmedNotional(), feeds, s.recentExecutions(),
        s.alerts(), s.log(), s.balances(), kill);
  }

  private static final EngineSnapshot READY = copy(DashboardFixtures.busy(), EngineMode.PAPER, healthyFeeds(),
      new Reconciliation(T, true, List.of()), KillState.OFF);

  private static Readiness.Check check(Readiness r, String name) {
    return r.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static LinkStatus link(boolean connected, VenueId... serves) {
    return new LinkStatus(T, List.of(VenueId.POLYMARKET),
        List.of(new LinkStatus.Trader("laptop", connected, List.of(serves), T, T, null, List.of())));
  }

  @Test
  void allConditionsHold() {
    Readiness r = Readiness.of(READY, Optional.empty());

    assertThat(r.ready()).isTrue();
    assertThat(r.checks()).extracting(Readiness.Check::name)
        .containsExactly("feeds", "reconciliation", "trader link", "kill switch");
    assertThat(r.checks()).allMatch(Readiness.Check::ok);
  }

  @Test
  void feedsMustAllBeTrustedAndConnected() {
    Readiness untrusted = Readiness.of(withFeeds(READY, List.of(healthyFeeds().get(0),
        new FeedHealth(VenueId.POLYMARKET, T, Duration.ZERO, 9, 1, true))), Optional.empty());
    assertThat(untrusted.ready()).isFalse();
    assertThat(check(untrusted, "feeds").detail()).isEqualTo("polymarket 1 book(s) untrusted");

    Readiness down = Readiness.of(withFeeds(READY, List.of(new FeedHealth(VenueId.KALSHI, null, null, 0, 5, false),
        healthyFeeds().get(1))), Optional.empty());
    assertThat(check(down, "feeds").ok()).isFalse();
    assertThat(check(down, "feeds").detail()).isEqualTo("kalshi not connected");

    Readiness none = Readiness.of(withFeeds(READY, List.of()), Optional.empty());
    assertThat(check(none, "feeds").ok()).isFalse();
    Readiness noBook = Readiness.of(withFeeds(READY, List.of(new FeedHealth(VenueId.KALSHI, T, Duration.ZERO, 0, 0,
        true))), Optional.empty());
    assertThat(check(noBook, "feeds").ok()).isFalse();
  }

  @Test
  void theLastReconciliationMustHavePassedExceptInDryRun() {
    Readiness none = Readiness.of(copy(READY, EngineMode.PAPER, healthyFeeds(), null, KillState.OFF), Optional.empty());
    assertThat(none.ready()).isFalse();
    assertThat(check(none, "reconciliation").detail()).isEqualTo("none yet");

    Readiness failed = Readiness.of(copy(READY, EngineMode.LIVE, healthyFeeds(),
        new Reconciliation(T, false, List.of("KALSHI position differs")), KillState.OFF), Optional.empty());
    assertThat(failed.ready()).isFalse();
    assertThat(check(failed, "reconciliation").detail()).contains("KALSHI position differs");

    Readiness dryRun = Readiness.of(copy(READY, EngineMode.DRY_RUN, healthyFeeds(), null, KillState.OFF),
        Optional.empty());
    assertThat(dryRun.ready()).isTrue();
  }

  @Test
  void eachRemoteVenueNeedsAConnectedTraderServingIt() {
    assertThat(Readiness.of(READY, Optional.of(link(true, VenueId.POLYMARKET))).ready()).isTrue();

    Readiness disconnected = Readiness.of(READY, Optional.of(link(false, VenueId.POLYMARKET)));
    assertThat(disconnected.ready()).isFalse();
    assertThat(check(disconnected, "trader link").detail()).isEqualTo("no connected trader for polymarket");

    assertThat(Readiness.of(READY, Optional.of(link(true, VenueId.KALSHI))).ready()).as("serves the wrong venue")
        .isFalse();
  }

  @Test
  void theKillSwitchMustBeOff() {
    Readiness killed = Readiness.of(copy(READY, READY.mode(), healthyFeeds(), READY.lastReconciliation(),
        new KillState(true, "operator", T)), Optional.empty());

    assertThat(killed.ready()).isFalse();
    assertThat(check(killed, "kill switch").detail()).isEqualTo("engaged: operator");
  }
}
