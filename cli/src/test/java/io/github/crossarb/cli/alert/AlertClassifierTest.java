package io.github.crossarb.cli.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.tui.DashboardFixtures;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.engine.EngineSnapshot.FeedHealth;
import io.github.crossarb.core.engine.EngineSnapshot.KillState;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.OrderPurpose;
import io.github.crossarb.core.event.EngineEvent.Severity;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.link.controller.LinkEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertClassifierTest {
  static final Instant T = Instant.parse("2026-11-27T09:30:00Z");
  private final AlertClassifier classifier = new AlertClassifier(Money.parse("50"), Duration.ofSeconds(60));

  static OrderRequest order(String id, VenueId venue) {
    InstrumentId instrument = venue == VenueId.KALSHI ? InstrumentId.kalshi("KXFED") : InstrumentId.polymarket("7002");
    return new OrderRequest(new ClientOrderId(id), instrument, Outcome.YES, Side.BUY, Price.parse("0.40"), Quantity.of(20),
        TimeInForce.IOC, false, null);
  }

  static EngineEvent.ExecutionFinished finished(String id, String outcome, long kalshi, long poly, long residual) {
    return new EngineEvent.ExecutionFinished(T, "fed", id, outcome, Quantity.of(kalshi), Quantity.of(poly),
        Quantity.of(Math.min(kalshi, poly)), Quantity.of(residual), Money.parse("0.5"), List.of(), "detail of " + id);
  }

  static EngineSnapshot snapshot(List<FeedHealth> feeds, Money pnlToday, KillState kill) {
    EngineSnapshot s = DashboardFixtures.busy();
    return new EngineSnapshot(s.time(), s.mode(), s.approval(), s.trading(), s.tradingDetail(), s.pairs(),
        s.pendingApprovals(), s.ledger(), pnlToday, s.lastReconciliation(), s.opportunities(), s.executions(),
        s.consecutiveOrderErrors(), s.unconfirmedFills(), s.unconfirmedNotional(), feeds, s.recentExecutions(),
        s.alerts(), s.log(), s.balances(), kill);
  }

  static List<FeedHealth> feeds(int kalshiUntrusted, int polymarketUntrusted) {
    return List.of(new FeedHealth(VenueId.KALSHI, T, Duration.ZERO, 4, kalshiUntrusted, true),
        new FeedHealth(VenueId.POLYMARKET, T, Duration.ZERO, 8, polymarketUntrusted, true));
  }

  private List<OperatorAlert> all(EngineEvent... events) {
    List<OperatorAlert> alerts = new ArrayList<>();
    for (EngineEvent e : events) {
      alerts.addAll(classifier.onEvent(e));
    }
    return alerts;
  }

  @Test
  void anUnwoundExecutionIsOneLegMismatchAlertHoweverManyEventsItEmits() {
    List<OperatorAlert> alerts = all(
        new EngineEvent.OrderSent(T, "fed", "x1", OrderPurpose.LEG, order("k1", VenueId.KALSHI)),
        new EngineEvent.OrderSent(T, "fed", "x1", OrderPurpose.LEG, order("p1", VenueId.POLYMARKET)),
        new EngineEvent.OrderSent(T, "fed", "x1", OrderPurpose.UNWIND, order("k2", VenueId.KALSHI)),
        new EngineEvent.Unwind(T, "fed", "x1", VenueId.KALSHI, Quantity.of(20), Quantity.of(10), Money.parse("0.2"),
            Money.parse("5"), "sold 10 of 20"),
        new EngineEvent.Unwind(T, "fed", "x1", VenueId.KALSHI, Quantity.of(20), Quantity.of(20), Money.parse("0.4"),
            Money.parse("5"), "sold back 20"),
        finished("x1", "UNWOUND", 20, 0, 0));

    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(AlertKind.LEG_MISMATCH);
      assertThat(a.severity()).isEqualTo(Severity.WARNING);
      assertThat(a.pairId()).isEqualTo("fed");
      assertThat(a.dedupKey()).isEqualTo("LEG_MISMATCH:x1");
      assertThat(a.text()).isEqualTo("execution x1 ended UNWOUND: unwound with a loss of $0.4 — detail of x1");
    });
  }

  @Test
  void aResidualLeftOpenIsCriticalAndAHedgedMismatchIsAWarningAndACleanExecutionNothing() {
    assertThat(all(finished("x2", "RESIDUAL_OPEN", 20, 12, 8))).singleElement()
        .satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.CRITICAL))
        .satisfies(a -> assertThat(a.text()).contains("residual 8 open"));
    assertThat(all(new EngineEvent.OrderSent(T, "fed", "x3", OrderPurpose.HEDGE, order("p9", VenueId.POLYMARKET)),
        finished("x3", "HEDGED", 20, 20, 0))).singleElement()
        .satisfies(a -> assertThat(a.text()).isEqualTo("execution x3 ended HEDGED: hedge orders sent — detail of x3"));
    assertThat(all(finished("x4", "HEDGED", 20, 20, 0), finished("x5", "NOTHING_FILLED", 0, 0, 0))).isEmpty();
  }

  @Test
  void unknownOutcomesAndGeoblocksAreAlerted() {
    List<OperatorAlert> alerts = all(
        new EngineEvent.OrderSent(T, "fed", "x1", OrderPurpose.LEG, order("p1", VenueId.POLYMARKET)),
        new EngineEvent.OrderOutcome(T, "fed", "x1", new SubmitResult.Unknown(new ClientOrderId("p1"), "timeout")),
        new EngineEvent.OrderOutcome(T, "fed", "x2", new SubmitResult.Denied(new ClientOrderId("p2"),
            "this host is geoblocked by Polymarket: it may watch markets but not place orders")),
        new EngineEvent.OrderOutcome(T, "fed", "x3", new SubmitResult.Rejected(new ClientOrderId("p3"), "geoblocked",
            "Trading restricted in your region")),
        new EngineEvent.OrderOutcome(T, "fed", "x4", new SubmitResult.Rejected(new ClientOrderId("p4"), "no_match",
            "no orders found to match")),
        new EngineEvent.OrderOutcome(T, "fed", "x5", new SubmitResult.Denied(new ClientOrderId("p5"), "below minimum")));

    assertThat(alerts).extracting(OperatorAlert::kind)
        .containsExactly(AlertKind.UNKNOWN_ORDER, AlertKind.GEOBLOCK, AlertKind.GEOBLOCK);
    assertThat(alerts.get(0).text()).isEqualTo(
        "order p1 on polymarket: outcome unknown (timeout); the pair waits for reconciliation");
    assertThat(alerts.get(0).dedupKey()).isEqualTo("UNKNOWN_ORDER:p1");
    assertThat(alerts.get(1).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(alerts.get(1).dedupKey()).isEqualTo(alerts.get(2).dedupKey());
  }

  @Test
  void suspensionsDriftAndTheKillSwitchFromEvents() {
    List<OperatorAlert> alerts = all(
        new EngineEvent.PairStatusChanged(T, "fed", "SUSPENDED", "Kalshi rules text changed"),
        new EngineEvent.PairStatusChanged(T, "fed", "BLACKLISTED", "3 mismatches"),
        new EngineEvent.Reconciled(T, false, List.of("KALSHI:KXFED YES ledger 20, venue 10"), 0, 0),
        new EngineEvent.Reconciled(T, true, List.of(), 0, 0),
        new EngineEvent.ModeChanged(T, "trading", "TRADING", "KILLED", "operator"),
        new EngineEvent.ModeChanged(T, "trading", "TRADING", "PAUSED", "operator"));

    assertThat(alerts).extracting(OperatorAlert::kind)
        .containsExactly(AlertKind.PAIR_SUSPENDED, AlertKind.RECONCILIATION_DRIFT, AlertKind.KILL_SWITCH);
    assertThat(alerts.get(0).text()).isEqualTo("pair fed suspended: Kalshi rules text changed");
    assertThat(alerts.get(1).text()).isEqualTo("1 drift(s): KALSHI:KXFED YES ledger 20, venue 10");
    // the kill switch seen again in a snapshot is not a second alert
    assertThat(classifier.onSnapshot(snapshot(feeds(0, 0), Money.ZERO, new KillState(true, "operator", T)), T))
        .isEmpty();
  }

  @Test
  void theKillSwitchFromASnapshot() {
    assertThat(classifier.onSnapshot(snapshot(feeds(0, 0), Money.ZERO, KillState.OFF), T)).isEmpty();
    assertThat(classifier.onSnapshot(snapshot(feeds(0, 0), Money.ZERO, new KillState(true, "daily loss", T)), T))
        .singleElement().satisfies(a -> {
          assertThat(a.kind()).isEqualTo(AlertKind.KILL_SWITCH);
          assertThat(a.text()).isEqualTo("kill switch engaged: daily loss; no order is sent until a restart");
        });
  }

  @Test
  void aFeedUntrustedLongerThanTheThresholdIsAlertedOnceThenItsRecovery() {
    assertThat(classifier.onSnapshot(snapshot(feeds(0, 2), Money.ZERO, KillState.OFF), T)).isEmpty();
    assertThat(classifier.onSnapshot(snapshot(feeds(0, 2), Money.ZERO, KillState.OFF), T.plusSeconds(59))).isEmpty();
    List<OperatorAlert> late = classifier.onSnapshot(snapshot(feeds(0, 3), Money.ZERO, KillState.OFF), T.plusSeconds(60));
    assertThat(late).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(AlertKind.FEED_UNTRUSTED);
      assertThat(a.text()).isEqualTo("polymarket feed untrusted (3 of 11 books) for 60 s; its pairs are not traded");
      assertThat(a.dedupKey()).isEqualTo("FEED_UNTRUSTED:polymarket");
    });
    assertThat(classifier.onSnapshot(snapshot(feeds(0, 3), Money.ZERO, KillState.OFF), T.plusSeconds(90))).isEmpty();
    List<OperatorAlert> back = classifier.onSnapshot(snapshot(feeds(0, 0), Money.ZERO, KillState.OFF), T.plusSeconds(91));
    assertThat(back).singleElement().satisfies(a -> {
      assertThat(a.severity()).isEqualTo(Severity.INFO);
      assertThat(a.resolves()).isEqualTo("FEED_UNTRUSTED:polymarket");
    });
    // untrusted briefly (shorter than the threshold): nothing
    assertThat(classifier.onSnapshot(snapshot(feeds(1, 0), Money.ZERO, KillState.OFF), T.plusSeconds(100))).isEmpty();
    assertThat(classifier.onSnapshot(snapshot(feeds(0, 0), Money.ZERO, KillState.OFF), T.plusSeconds(120))).isEmpty();
  }

  @Test
  void theDailyLossLimitOncePerDay() {
    assertThat(classifier.onSnapshot(snapshot(feeds(0, 0), Money.parse("-49.99"), KillState.OFF), T)).isEmpty();
    assertThat(classifier.onSnapshot(snapshot(feeds(0, 0), Money.parse("-50"), KillState.OFF), T)).singleElement()
        .satisfies(a -> {
          assertThat(a.kind()).isEqualTo(AlertKind.DAILY_LOSS_LIMIT);
          assertThat(a.text()).isEqualTo("today's realised loss 50 reached the daily loss limit 50; trading stops");
        });
    assertThat(classifier.onSnapshot(snapshot(feeds(0, 0), Money.parse("-51"), KillState.OFF), T.plusSeconds(5)))
        .isEmpty();
    assertThat(classifier.onSnapshot(snapshot(feeds(0, 0), Money.parse("-51"), KillState.OFF), T.plusSeconds(86400)))
        .singleElement();
  }

  @Test
  void aTraderDisconnectingFromTheLinksStructuredEventAndItsReturn() {
    List<OperatorAlert> gone = classifier.onLinkEvent(new LinkEvent(T, LinkEvent.Kind.DISCONNECTED, "tokyo",
        "trader tokyo disconnected: heartbeat timeout"));
    assertThat(gone).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(AlertKind.TRADER_DISCONNECTED);
      assertThat(a.dedupKey()).isEqualTo("TRADER_DISCONNECTED:tokyo");
    });
    assertThat(classifier.onLinkEvent(new LinkEvent(T, LinkEvent.Kind.CONNECTED, "tokyo", "trader tokyo connected")))
        .singleElement().satisfies(a -> assertThat(a.resolves()).isEqualTo("TRADER_DISCONNECTED:tokyo"));
    assertThat(classifier.onLinkEvent(new LinkEvent(T, LinkEvent.Kind.LATE_RESULT, "tokyo", "late"))).isEmpty();
  }
}
