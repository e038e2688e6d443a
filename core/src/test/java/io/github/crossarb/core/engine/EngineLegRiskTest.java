package io.github.crossarb.core.engine;

import static io.github.crossarb.core.engine.Harness.PAIR;
import static io.github.crossarb.core.engine.Harness.await;
import static io.github.crossarb.core.engine.Harness.pollUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Decision;
import io.github.crossarb.core.event.EngineEvent.DecisionKind;
import io.github.crossarb.core.execution.ExecutionOutcome;
import io.github.crossarb.core.execution.ExecutionReport;
import io.github.crossarb.core.execution.ReconciliationReport;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.risk.DenialReason;
import io.github.crossarb.core.risk.OrderIntent;
import io.github.crossarb.core.risk.RiskDecision;
import io.github.crossarb.core.risk.RiskLimits;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EngineLegRiskTest {
  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  private static ExecutionReport report(FakeExecutor.Call call, ExecutionOutcome outcome, boolean mismatched,
      Money loss, List<ClientOrderId> unknown) {
    Quantity size = call.request().opportunity().size();
    boolean residual = outcome == ExecutionOutcome.RESIDUAL_OPEN || outcome == ExecutionOutcome.UNKNOWN;
    return new ExecutionReport(call.request().executionId(), PAIR, outcome, size, residual ? Quantity.ZERO : size,
        residual ? Quantity.ZERO : size, residual ? size : Quantity.ZERO, residual ? VenueId.KALSHI : null, mismatched,
        loss, unknown, outcome.name());
  }

  private void startTrading(EngineConfig config) {
    h.start(config);
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
  }

  @Test
  void mismatchesInARowBlacklistThePair() throws Exception {
    startTrading(Harness.config().maxMismatchesInRow(2).build());
    h.pushOpportunity();
    FakeExecutor.Call first = h.executor().next();
    first.promise().complete(report(first, ExecutionOutcome.UNWOUND, true, Money.parse("0.30"), List.of()));
    FakeExecutor.Call second = h.executor().next(); // no cooldown: the opportunity is still there
    second.promise().complete(report(second, ExecutionOutcome.UNWOUND, true, Money.parse("0.20"), List.of()));
    EngineEvent.PairStatusChanged black = h.events.await(EngineEvent.PairStatusChanged.class,
        p -> p.status().equals("BLACKLISTED"));
    assertThat(black.reason()).contains("2 executions in a row with mismatched legs");
    h.events.await(EngineEvent.Alert.class, a -> a.message().contains("blacklisted"));
    h.pushToken(Harness.NO, "0.45", "0.48");
    h.events.await(Decision.class, d -> d.kind() == DecisionKind.SKIPPED && d.reason().contains("blacklisted"));
    assertThat(h.executor().count.get()).isEqualTo(2);
    // the unwind losses count in today's P&L (no fills in the ledger yet: the reports say so)
    pollUntil(() -> h.snapshot().realizedPnlToday().equals(Money.parse("-0.50")), "unwind losses counted");
  }

  @Test
  void aCleanExecutionResetsTheMismatchCount() throws Exception {
    startTrading(Harness.config().maxMismatchesInRow(2).build());
    h.pushOpportunity();
    FakeExecutor.Call a = h.executor().next();
    a.promise().complete(report(a, ExecutionOutcome.UNWOUND, true, Money.ZERO, List.of()));
    FakeExecutor.Call b = h.executor().next();
    b.promise().complete(report(b, ExecutionOutcome.HEDGED, false, Money.ZERO, List.of()));
    FakeExecutor.Call c = h.executor().next();
    c.promise().complete(report(c, ExecutionOutcome.UNWOUND, true, Money.ZERO, List.of()));
    h.executor().next(); // a fourth execution: never blacklisted
    assertThat(h.events.all(EngineEvent.PairStatusChanged.class)).isEmpty();
  }

  @Test
  void unknownOutcomeBlocksThePairUntilReconciliationSettlesIt() throws Exception {
    startTrading(Harness.config().build());
    ClientOrderId lost = new ClientOrderId("arb-lost-1");
    // the reconciliation the block triggers cannot reach the venue
    h.reconciler().answer = unknown -> new ReconciliationReport(List.of(), List.of(), 0, Map.of(), List.copyOf(unknown));
    h.pushOpportunity();
    FakeExecutor.Call call = h.executor().next();
    call.promise().complete(report(call, ExecutionOutcome.UNKNOWN, false, Money.ZERO, List.of(lost)));
    h.events.await(EngineEvent.PairStatusChanged.class, p -> p.status().equals("BLOCKED"));
    pollUntil(() -> h.reconciler().asked.stream().anyMatch(s -> s.contains(lost)), "the reconciler asked about it");
    h.pushToken(Harness.NO, "0.45", "0.48");
    h.events.await(Decision.class, d -> d.kind() == DecisionKind.SKIPPED && d.reason().contains("unknown outcome"));
    assertThat(h.view(PAIR).unknownOrders()).containsExactly(lost);
    assertThat(h.executor().count.get()).isEqualTo(1);

    // the venue answers: the order was accepted and filled; the pair trades again
    OrderReport found = new OrderReport(new VenueOrderId("v-1"), lost, InstrumentId.kalshi(Harness.TICKER), Outcome.YES,
        Side.BUY, Price.parse("0.40"), Quantity.of(10), Quantity.of(10), OrderStatus.FILLED, null);
    h.reconciler().answer = unknown -> new ReconciliationReport(List.of(), List.of(), 1, Map.of(lost, Optional.of(found)),
        List.of());
    await(h.engine.reconcileNow());
    h.events.await(EngineEvent.PairStatusChanged.class, p -> p.status().equals("ACTIVE"));
    h.events.await(EngineEvent.OrderOutcome.class, o -> o.result().clientOrderId().equals(lost));
    h.executor().next();
  }

  @Test
  void residualLeftOpenIsReportedAndCountsAsAMismatch() throws Exception {
    // The executor alerts a residual itself (LegExecutor does, CRITICAL); the engine reports the
    // execution's outcome and counts the mismatch.
    startTrading(Harness.config().build());
    h.pushOpportunity();
    FakeExecutor.Call call = h.executor().next();
    call.promise().complete(report(call, ExecutionOutcome.RESIDUAL_OPEN, true, Money.ZERO, List.of()));
    EngineEvent.ExecutionFinished done = h.events.await(EngineEvent.ExecutionFinished.class, e -> true);
    assertThat(done.outcome()).isEqualTo("RESIDUAL_OPEN");
    pollUntil(() -> h.view(PAIR).mismatchesInRow() == 1, "the mismatch is counted");
  }

  @Test
  void anExecutorFailureBlocksThePairWithTheOrdersItMayHaveSent() throws Exception {
    startTrading(Harness.config().build());
    h.reconciler().answer = unknown -> new ReconciliationReport(List.of(), List.of(), 0, Map.of(), List.copyOf(unknown));
    CompletableFuture<ClientOrderId> sent = new CompletableFuture<>();
    h.executor().script = (req, ctx) -> {
      sent.complete(ctx.newClientOrderId());
      throw new IllegalStateException("executor bug");
    };
    h.pushOpportunity();
    ClientOrderId id = sent.get(5, TimeUnit.SECONDS);
    EngineEvent.ExecutionFinished failed = h.events.await(EngineEvent.ExecutionFinished.class,
        f -> f.outcome().equals("FAILED"));
    assertThat(failed.detail()).contains("executor bug");
    h.events.await(EngineEvent.PairStatusChanged.class, p -> p.status().equals("BLOCKED"));
    pollUntil(() -> h.view(PAIR).unknownOrders().contains(id), "the pair blocked on the order it may have sent");
  }

  @Test
  void executionContextChecksRiskWithWhatIsInFlightAndIssuesUniqueShortIds() throws Exception {
    startTrading(Harness.config().maxSize(Quantity.of(5)) // $4.50: passes the whole-opportunity check
        .riskLimits(new RiskLimits(Money.parse("6"), Money.parse("500"), Money.parse("50"), Money.parse("50"), 2))
        .build());
    CompletableFuture<List<Object>> seen = new CompletableFuture<>();
    h.executor().script = (req, ctx) -> {
      // first leg $4 allowed; a second $4 on the same pair would make $8 > $6 per pair
      RiskDecision first = ctx.checkRisk(new OrderIntent(PAIR, Money.parse("4"), Money.parse("4")));
      RiskDecision second = ctx.checkRisk(new OrderIntent(PAIR, Money.parse("4"), Money.ZERO));
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < 1000; i++) {
        ids.add(ctx.newClientOrderId().value());
      }
      String sample = ctx.newClientOrderId().value();
      ctx.orderFinished(new io.github.crossarb.core.venue.SubmitResult.Rejected(new ClientOrderId("a"), "x", "no"));
      ctx.orderFinished(new io.github.crossarb.core.venue.SubmitResult.Unknown(new ClientOrderId("b"), "timeout"));
      RiskDecision third = ctx.checkRisk(new OrderIntent(PAIR, Money.parse("1"), Money.ZERO));
      seen.complete(List.of(first, second, ids.size(), sample, third, ctx.book(InstrumentId.kalshi(Harness.TICKER))));
      return report(FakeExecutorCall.of(req), ExecutionOutcome.HEDGED, false, Money.ZERO, List.of());
    };
    h.pushOpportunity();
    List<Object> r = seen.get(5, TimeUnit.SECONDS);
    assertThat(((RiskDecision) r.get(0)).isAllowed()).isTrue();
    assertThat(r.get(1)).isInstanceOfSatisfying(RiskDecision.Denied.class,
        d -> assertThat(d.reason()).isEqualTo(DenialReason.PAIR_NOTIONAL_LIMIT));
    assertThat(r.get(2)).isEqualTo(1000);
    assertThat((String) r.get(3)).startsWith("arb-").hasSizeLessThanOrEqualTo(32);
    assertThat(r.get(4)).isInstanceOfSatisfying(RiskDecision.Denied.class,
        d -> assertThat(d.reason()).isEqualTo(DenialReason.CONSECUTIVE_ERRORS));
    assertThat(r.get(5)).isNotNull();
    h.events.await(EngineEvent.Alert.class, a -> a.message().contains("order errors in a row"));
  }

  @Test
  void opportunityBeyondTheRiskLimitsIsSizedDownToFitThem() throws Exception {
    startTrading(Harness.config().riskLimits(new RiskLimits(Money.parse("5"), Money.parse("500"), Money.parse("50"),
        Money.parse("50"), 5)).build());
    h.pushOpportunity(); // $9 for 10 contracts > $5 per pair: 5 contracts fit
    FakeExecutor.Call call = h.executor().next();
    assertThat(call.request().opportunity().size()).isEqualTo(Quantity.of(5));
    assertThat(call.request().opportunity().totalCost().compareTo(Money.parse("5"))).isLessThanOrEqualTo(0);
  }

  @Test
  void opportunityBeyondTheRiskLimitsWithNoRoomLeftIsSkipped() {
    startTrading(Harness.config().riskLimits(new RiskLimits(Money.parse("0.5"), Money.parse("500"), Money.parse("50"),
        Money.parse("50"), 5)).build());
    h.pushOpportunity(); // not even one contract fits $0.50
    Decision skip = h.events.await(Decision.class, d -> d.kind() == DecisionKind.SKIPPED);
    assertThat(skip.reason()).startsWith("risk: PAIR_NOTIONAL_LIMIT");
    assertThat(h.executor().count.get()).isZero();
  }

  @Test
  void sizeIsCappedByTheAvailableBalances() throws Exception {
    h.build(Harness.config().build());
    h.client(EngineMode.PAPER, VenueId.KALSHI).available = Money.parse("2.00"); // 5 contracts at 0.40
    await(h.engine.start());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    h.pushOpportunity();
    FakeExecutor.Call call = h.executor().next();
    assertThat(call.request().opportunity().size()).isEqualTo(Quantity.of(5));
    assertThat(call.request().opportunity().kalshi().cost()).isEqualTo(Money.parse("2.00"));
  }

  @Test
  void fillsGoToTheModesLedgerAndPolymarketOnesAreProvisional() throws Exception {
    startTrading(Harness.config().build());
    FakeExecutionClient poly = h.client(EngineMode.PAPER, VenueId.POLYMARKET);
    pollUntil(() -> poly.listener != null, "the engine listens");
    Fill fill = new Fill("t-1", InstrumentId.polymarket(Harness.NO), Outcome.NO, Side.BUY, Price.parse("0.50"),
        Quantity.of(10), Money.ZERO, Instant.now(), new ClientOrderId("arb-1"), PAIR);
    poly.listener.onFill(fill);
    poly.listener.onFill(fill); // a duplicate changes nothing
    EngineEvent.FillRecorded rec = h.events.await(EngineEvent.FillRecorded.class, f -> true);
    assertThat(rec.provisional()).isTrue();
    // Until confirmed, the fill may still be reversed: it counts as unhedged exposure.
    pollUntil(() -> h.snapshot().unconfirmedFills() == 1, "the fill is unconfirmed");
    assertThat(h.snapshot().unconfirmedNotional()).isEqualTo(Money.parse("5"));
    poly.listener.onFillConfirmed(VenueId.POLYMARKET, "t-1");
    h.events.await(EngineEvent.FillConfirmed.class, f -> f.fillId().equals("t-1"));
    pollUntil(() -> h.snapshot().unconfirmedFills() == 0, "the fill is confirmed");
    assertThat(h.ledgers.get(EngineMode.PAPER).snapshot().fills()).isEqualTo(1);
    assertThat(h.ledgers.get(EngineMode.LIVE).snapshot().fills()).isZero();
    assertThat(h.events.all(EngineEvent.FillRecorded.class)).hasSize(1);

    // the Kalshi leg filled too: hedged, until the Polymarket trade fails on chain
    FakeExecutionClient kalshi = h.client(EngineMode.PAPER, VenueId.KALSHI);
    pollUntil(() -> kalshi.listener != null, "the engine listens to Kalshi");
    kalshi.listener.onFill(new Fill("k-1", InstrumentId.kalshi(Harness.TICKER), Outcome.YES, Side.BUY,
        Price.parse("0.40"), Quantity.of(10), Money.ZERO, Instant.now(), new ClientOrderId("arb-2"), PAIR));
    h.events.await(EngineEvent.FillRecorded.class, f -> f.fill().fillId().equals("k-1") && !f.provisional());
    poly.listener.onFillVoid(new io.github.crossarb.core.position.FillVoid(VenueId.POLYMARKET, "t-1", Instant.now()));
    h.events.await(EngineEvent.FillReversed.class, f -> f.fillVoid().fillId().equals("t-1"));
    assertThat(h.ledgers.get(EngineMode.PAPER).snapshot().fills()).isEqualTo(1);
    EngineEvent.Alert reversed = h.events.await(EngineEvent.Alert.class, a -> a.message().contains("reversed"));
    assertThat(reversed.pairId()).isEqualTo(PAIR);
    assertThat(reversed.message()).contains("residual now 10 paying on Kalshi YES");

    // The residual goes to the executor once: 10 Kalshi YES held, its hedge the NO token.
    FakeExecutor.ResidualCall close = h.executors.get(EngineMode.PAPER).residuals.poll(5, TimeUnit.SECONDS);
    assertThat(close).as("the residual is handed to the executor").isNotNull();
    assertThat(close.request().held()).isEqualTo(InstrumentId.kalshi(Harness.TICKER));
    assertThat(close.request().heldOutcome()).isEqualTo(Outcome.YES);
    assertThat(close.request().quantity()).isEqualTo(Quantity.of(10));
    assertThat(close.request().averagePrice()).isEqualTo(Price.parse("0.40"));
    assertThat(close.request().hedge()).isEqualTo(InstrumentId.polymarket(Harness.NO));
    assertThat(close.request().hedgeOutcome()).isEqualTo(Outcome.NO);
    assertThat(h.view(PAIR).state()).isEqualTo("in flight");
    close.promise().complete(new ExecutionReport(close.request().executionId(), PAIR, ExecutionOutcome.UNWOUND,
        Quantity.ZERO, Quantity.ZERO, Quantity.ZERO, Quantity.ZERO, null, false, Money.parse("0.20"), List.of(),
        "residual: sold back"));
    EngineEvent.ExecutionFinished closed = h.events.await(EngineEvent.ExecutionFinished.class,
        e -> e.executionId().equals(close.request().executionId()));
    assertThat(closed.outcome()).isEqualTo("UNWOUND");
    assertThat(closed.expectedProfit()).isNull();
    assertThat(h.executors.get(EngineMode.PAPER).residuals).isEmpty();
  }

  @Test
  void fillsMissedWhileTheStreamWasDownAreFetched() {
    startTrading(Harness.config().build());
    FakeExecutionClient kalshi = h.client(EngineMode.PAPER, VenueId.KALSHI);
    pollUntil(() -> kalshi.listener != null, "the engine listens");
    kalshi.venueFills.add(new Fill("k-9", InstrumentId.kalshi(Harness.TICKER), Outcome.YES, Side.BUY, Price.parse("0.40"),
        Quantity.of(3), Money.parse("0.05"), Instant.now(), null, null));
    kalshi.listener.onStreamLost("socket closed");
    kalshi.listener.onStreamRestored();
    h.events.await(EngineEvent.FillRecorded.class, f -> f.fill().fillId().equals("k-9") && !f.provisional());
    assertThat(kalshi.fillsQueries).hasSize(1);
  }

  @Test
  void aFailingLedgerEngagesTheKillSwitch() {
    startTrading(Harness.config().build());
    FakeExecutionClient kalshi = h.client(EngineMode.PAPER, VenueId.KALSHI);
    pollUntil(() -> kalshi.listener != null, "the engine listens");
    h.stores.get(EngineMode.PAPER).failAppends = true;
    kalshi.listener.onFill(new Fill("k-1", InstrumentId.kalshi(Harness.TICKER), Outcome.YES, Side.BUY,
        Price.parse("0.40"), Quantity.of(3), Money.ZERO, Instant.now(), null, null));
    pollUntil(() -> h.snapshot().trading() == EngineSnapshot.TradingState.KILLED, "kill switch");
    assertThat(h.snapshot().tradingDetail()).contains("disk full");
  }

  /** Builds a report for a request outside a recorded call. */
  private static final class FakeExecutorCall {
    static FakeExecutor.Call of(io.github.crossarb.core.execution.ExecutionRequest req) {
      return new FakeExecutor.Call(req, null, null, "");
    }
  }

  @Test
  void aLossRealisedEarlierTodayBeforeARestartStillCountsTowardsTheDailyLimit() {
    // The ledger's history: +$0.60 realised by midnight, $0 in all now, so $0.60 was lost today.
    h.realizedBefore = Money.parse("0.60");
    startTrading(Harness.config().riskLimits(new RiskLimits(Money.parse("100"), Money.parse("500"), Money.parse("50"),
        Money.parse("0.50"), 5)).build());
    h.pushOpportunity();
    Decision skip = h.events.await(Decision.class, d -> d.kind() == DecisionKind.SKIPPED);
    assertThat(skip.reason()).startsWith("risk: DAILY_LOSS_LIMIT");
    assertThat(h.snapshot().realizedPnlToday()).isEqualTo(Money.parse("-0.60"));
    assertThat(h.executor().count.get()).isZero();
  }
}
