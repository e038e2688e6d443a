package io.github.crossarb.core.engine;

import static io.github.crossarb.core.engine.Harness.PAIR;
import static io.github.crossarb.core.engine.Harness.await;
import static io.github.crossarb.core.engine.Harness.pollUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Decision;
import io.github.crossarb.core.event.EngineEvent.DecisionKind;
import io.github.crossarb.core.execution.ExecutionOutcome;
import io.github.crossarb.core.execution.ExecutionPolicy;
import io.github.crossarb.core.execution.ExecutionReport;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.pricing.Direction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ArbEngineTest {
  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  static ExecutionReport hedged(FakeExecutor.Call call) {
    Quantity size = call.request().opportunity().size();
    return new ExecutionReport(call.request().executionId(), call.request().pair().id(), ExecutionOutcome.HEDGED, size,
        size, size, Quantity.ZERO, null, false, Money.ZERO, List.of(), "both legs filled");
  }

  @Test
  void opportunityOnTrustedBooksCallsTheExecutorOnceWithThePlan() throws Exception {
    h.start(Harness.config().build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());

    h.pushOpportunity();

    FakeExecutor.Call call = h.executor().next();
    assertThat(call.request().pair().id()).isEqualTo(PAIR);
    assertThat(call.request().policy()).isEqualTo(ExecutionPolicy.PARALLEL);
    assertThat(call.request().opportunity().direction()).isEqualTo(Direction.BUY_KALSHI_YES);
    assertThat(call.request().opportunity().size()).isEqualTo(Quantity.of(10));
    assertThat(call.request().opportunity().expectedProfit()).isEqualTo(Money.parse("1.00"));
    assertThat(call.request().polymarketInstrument().id()).isEqualTo(InstrumentId.polymarket(Harness.NO));
    // the executor runs on the engine's context, not on the venue's that delivered the books
    assertThat(call.thread()).startsWith("vert.x-eventloop");
    EngineEvent.OpportunityFound found = h.events.await(EngineEvent.OpportunityFound.class, o -> true);
    assertThat(found.executionId()).isEqualTo(call.request().executionId());
    h.events.await(Decision.class, d -> d.kind() == DecisionKind.EXECUTE && d.executionId().equals(found.executionId()));

    // In flight: the same books again do not start a second execution.
    h.pushOpportunity();
    h.events.await(Decision.class, d -> d.kind() == DecisionKind.SKIPPED && d.reason().contains("in flight"));
    assertThat(h.executor().count.get()).isEqualTo(1);
    assertThat(h.view(PAIR).state()).isEqualTo("in flight");

    call.promise().complete(hedged(call));
    EngineEvent.ExecutionFinished done = h.events.await(EngineEvent.ExecutionFinished.class, f -> true);
    assertThat(done.outcome()).isEqualTo("HEDGED");
    assertThat(done.expectedProfit()).isEqualTo(Money.parse("1.00"));
    // no cooldown configured: the opportunity still there is a new execution, under a new id
    FakeExecutor.Call second = h.executor().next();
    assertThat(second.request().executionId()).isNotEqualTo(call.request().executionId());
  }

  @Test
  void cooldownHoldsThePairAfterAnExecution() throws Exception {
    h.start(Harness.config().cooldown(Duration.ofMillis(400)).build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    h.pushOpportunity();
    FakeExecutor.Call call = h.executor().next();
    call.promise().complete(hedged(call));
    h.events.await(EngineEvent.ExecutionFinished.class, f -> true);

    h.pushOpportunity();
    h.events.await(Decision.class, d -> d.kind() == DecisionKind.SKIPPED && d.reason().startsWith("cooldown until"));
    assertThat(h.executor().count.get()).isEqualTo(1);
    // when the cooldown ends the engine looks again by itself
    FakeExecutor.Call again = h.executor().next();
    assertThat(again.request().pair().id()).isEqualTo(PAIR);
  }

  @Test
  void untrustedBookGivesNothingUntilItsNextSnapshot() throws Exception {
    h.start(Harness.config().build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    h.pushKalshi(Harness.TICKER, "0.35", "0.40");
    h.pushToken(Harness.YES, "0.55", "0.62");
    pollUntil(() -> h.view(PAIR).kalshiBook().equals("TRUSTED"), "Kalshi book trusted");
    h.polymarket.marketData.push(new io.github.crossarb.core.book.BookSnapshot(InstrumentId.polymarket(Harness.NO),
        List.of(), List.of(io.github.crossarb.core.book.Level.of("0.50", "100"))));
    FakeExecutor.Call first = h.executor().next(); // the full set trades
    // lose the NO book: nothing trades while it is untrusted
    h.polymarket.marketData.untrust(InstrumentId.polymarket(Harness.NO), UntrustedReason.SEQUENCE_GAP);
    pollUntil(() -> h.view(PAIR).polymarketNoBook().equals("UNTRUSTED(SEQUENCE_GAP)"), "NO book untrusted");
    first.promise().complete(hedged(first));
    h.events.await(EngineEvent.ExecutionFinished.class, f -> true);
    h.pushKalshi(Harness.TICKER, "0.34", "0.39");
    pollUntil(() -> h.view(PAIR).lastEvaluation().startsWith("BOOK_UNTRUSTED"), "an evaluation refused as untrusted");
    assertThat(h.executor().count.get()).isEqualTo(1);
    assertThat(h.view(PAIR).opportunity()).isNull();
    // a fresh snapshot makes it tradable again
    h.pushToken(Harness.NO, "0.45", "0.50");
    pollUntil(() -> h.executor().count.get() == 2, "a second execution after the resync");
  }

  @Test
  void staleBookIsNotTradedOn() {
    h.start(Harness.config().maxBookAge(Duration.ofSeconds(2)).build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    h.pushKalshi(Harness.TICKER, "0.35", "0.40");
    h.pushToken(Harness.YES, "0.55", "0.62");
    pollUntil(() -> h.view(PAIR).kalshiBook().equals("TRUSTED") && h.view(PAIR).polymarketYesBook().equals("TRUSTED"),
        "books trusted");
    h.clock.advance(Duration.ofSeconds(5)); // the Kalshi and YES books are now 5 s old
    h.pushToken(Harness.NO, "0.45", "0.50");
    pollUntil(() -> h.view(PAIR).lastEvaluation().startsWith("BOOK_TOO_OLD"), "an evaluation refused as too old");
    assertThat(h.executor().count.get()).isZero();
    assertThat(h.events.all(EngineEvent.OpportunityFound.class)).isEmpty();
  }

  @Test
  void dryRunLogsEachOpportunityOnceAndNeverExecutes() {
    h.start(Harness.config().mode(EngineMode.DRY_RUN).build());
    h.pushOpportunity();
    Decision dry = h.events.await(Decision.class, d -> d.kind() == DecisionKind.DRY_RUN);
    assertThat(dry.pairId()).isEqualTo(PAIR);
    // the same books again: no new log lines
    h.pushOpportunity();
    h.pushOpportunity();
    // a changed opportunity (smaller profit) is logged again
    h.pushToken(Harness.NO, "0.45", "0.55");
    h.events.await(EngineEvent.OpportunityFound.class, o -> true, 2);
    h.events.await(Decision.class, d -> d.kind() == DecisionKind.DRY_RUN, 2);
    assertThat(h.events.all(EngineEvent.OpportunityFound.class)).hasSize(2);
    assertThat(h.events.all(EngineEvent.OpportunityFound.class).get(1).opportunity().expectedProfit())
        .isEqualTo(Money.parse("0.50"));
    assertThat(h.executors.values()).allSatisfy(e -> assertThat(e.count.get()).isZero());
    assertThat(h.reconcilers.values()).allSatisfy(r -> assertThat(r.asked).isEmpty());
    assertThat(h.snapshot().trading()).isEqualTo(EngineSnapshot.TradingState.DRY_RUN);
    assertThat(h.snapshot().opportunities()).isEqualTo(2);
  }

  @Test
  void tradingWaitsForTheStartReconciliation() throws Exception {
    h.build(Harness.config().build());
    h.reconciler().hold = true;
    await(h.engine.start()); // start completes once subscribed, reconciliation still running
    h.pushOpportunity();
    h.events.await(Decision.class, d -> d.kind() == DecisionKind.SKIPPED && d.reason().contains("reconciliation pending"));
    assertThat(h.snapshot().trading()).isEqualTo(EngineSnapshot.TradingState.BLOCKED);
    assertThat(h.executor().count.get()).isZero();

    h.reconciler().held.poll(5, java.util.concurrent.TimeUnit.SECONDS).complete(FakeReconciler.CLEAN);
    FakeExecutor.Call call = h.executor().next(); // the waiting opportunity trades once it passed
    assertThat(call.request().pair().id()).isEqualTo(PAIR);
    pollUntil(() -> h.snapshot().trading() == EngineSnapshot.TradingState.TRADING, "trading state published");
  }

  @Test
  void driftAtStartKeepsTradingBlockedAndAlerts() {
    h.build(Harness.config().build());
    h.reconciler().answer = unknown -> new io.github.crossarb.core.execution.ReconciliationReport(
        List.of("KALSHI:KXFED-26DEC-T4.25 YES: ledger 0, venue 5"), List.of(), 0, Map.of(), List.of());
    await(h.engine.start());
    h.events.await(EngineEvent.Alert.class, a -> a.severity() == EngineEvent.Severity.CRITICAL
        && a.message().contains("ledger 0, venue 5"));
    h.pushOpportunity();
    h.events.await(Decision.class, d -> d.kind() == DecisionKind.SKIPPED && d.reason().contains("ledger 0, venue 5"));
    assertThat(h.executor().count.get()).isZero();
    assertThat(h.snapshot().lastReconciliation().passed()).isFalse();
  }

  @Test
  void perPairPolicyOverridesTheDefault() throws Exception {
    h.start(Harness.config().pairPolicies(Map.of(PAIR, ExecutionPolicy.SEQUENTIAL)).build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    h.pushOpportunity();
    assertThat(h.executor().next().request().policy()).isEqualTo(ExecutionPolicy.SEQUENTIAL);
  }

  @Test
  void snapshotShowsTheEngineAndItsPairs() throws Exception {
    assertThat(h.build(Harness.config().build()).snapshot().trading()).isEqualTo(EngineSnapshot.TradingState.STARTING);
    await(h.engine.start());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    h.pushOpportunity();
    FakeExecutor.Call call = h.executor().next();
    pollUntil(() -> "in flight".equals(h.view(PAIR).state()), "in flight published");
    EngineSnapshot s = h.snapshot();
    assertThat(s.mode()).isEqualTo(EngineMode.PAPER);
    assertThat(s.approval()).isEqualTo(ApprovalMode.AUTO);
    assertThat(s.trading()).isEqualTo(EngineSnapshot.TradingState.TRADING);
    assertThat(s.ledger()).isNotNull();
    assertThat(s.lastReconciliation().passed()).isTrue();
    assertThat(s.opportunities()).isEqualTo(1);
    EngineSnapshot.PairView v = s.pair(PAIR);
    assertThat(v.kalshiBook()).isEqualTo("TRUSTED");
    assertThat(v.polymarketYesBook()).isEqualTo("TRUSTED");
    assertThat(v.polymarketNoBook()).isEqualTo("TRUSTED");
    assertThat(v.opportunity().expectedProfit()).isEqualTo(Money.parse("1.00"));
    assertThat(v.lastEvaluation()).startsWith("opportunity BUY_KALSHI_YES size 10");
    call.promise().complete(hedged(call));
    pollUntil(() -> h.snapshot().executions() == 1, "execution counted");
    await(h.engine.stop());
    assertThat(h.snapshot().trading()).isEqualTo(EngineSnapshot.TradingState.STOPPED);
  }
}
