package io.github.crossarb.core.engine;

import static io.github.crossarb.core.engine.Harness.PAIR;
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
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Execution clients that cannot take orders now (a remote trader away) and clients coming back. */
@Timeout(30)
class EngineAvailabilityTest {
  private static final String AWAY =
      "POLYMARKET executes on trader laptop, not connected since 2026-11-27T09:00:00Z (heartbeat timeout)";

  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  private void startTrading() {
    h.start(Harness.config().build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
  }

  @Test
  void anUnavailableClientBlocksItsPairsWithTheReasonUntilItIsBack() throws Exception {
    startTrading();
    FakeExecutionClient polymarket = h.client(EngineMode.PAPER, VenueId.POLYMARKET);
    pollUntil(() -> polymarket.listener != null, "the engine listens");
    polymarket.unavailable = AWAY;
    polymarket.listener.onStreamLost("trader laptop disconnected: heartbeat timeout");

    h.pushOpportunity();
    Decision skipped = h.events.await(Decision.class, d -> d.kind() == DecisionKind.SKIPPED);
    assertThat(skipped.reason()).isEqualTo("execution unavailable: " + AWAY);
    assertThat(h.view(PAIR).state()).isEqualTo("execution unavailable: " + AWAY);
    // another tick of the same opportunity: refused again, but not logged again
    h.pushToken(Harness.YES, "0.55", "0.63");
    pollUntil(() -> h.view(PAIR).opportunity() != null, "the pair priced");
    assertThat(h.events.all(Decision.class, d -> d.kind() == DecisionKind.SKIPPED)).hasSize(1);
    assertThat(h.executor().count.get()).isZero();

    // the trader is back: its client says so and restores its stream; the pair trades at once
    polymarket.unavailable = null;
    polymarket.listener.onStreamRestored();
    FakeExecutor.Call call = h.executor().next();
    assertThat(call.request().pair().id()).isEqualTo(PAIR);
    assertThat(h.reconciler().asked).hasSize(1); // nothing to settle: no reconciliation beyond the first
  }

  @Test
  void aLiveClientUnavailableDoesNotBlockPaperTrading() throws Exception {
    startTrading();
    h.client(EngineMode.LIVE, VenueId.KALSHI).unavailable = "KALSHI executes on trader laptop, not connected";
    h.pushOpportunity();
    h.executor().next();
  }

  @Test
  void aRestoredStreamWithOrdersOfUnknownOutcomeIsReconciledAtOnce() throws Exception {
    startTrading();
    FakeExecutionClient kalshi = h.client(EngineMode.PAPER, VenueId.KALSHI);
    pollUntil(() -> kalshi.listener != null, "the engine listens");
    ClientOrderId lost = new ClientOrderId("arb-lost-7");
    // the trader is gone: the reconciliation the unknown order triggers cannot settle it
    h.reconciler().answer = unknown -> new ReconciliationReport(List.of(), List.of(), 0, Map.of(), List.copyOf(unknown));
    h.pushOpportunity();
    FakeExecutor.Call call = h.executor().next();
    kalshi.unavailable = "KALSHI executes on trader laptop, not connected since 2026-11-27T09:00:00Z";
    kalshi.listener.onStreamLost("trader laptop disconnected: connection closed");
    Quantity size = call.request().opportunity().size();
    call.promise().complete(new ExecutionReport(call.request().executionId(), PAIR, ExecutionOutcome.UNKNOWN, size,
        Quantity.ZERO, Quantity.ZERO, size, VenueId.KALSHI, false, Money.ZERO, List.of(lost), "no result from trader"));
    h.events.await(EngineEvent.PairStatusChanged.class, p -> p.status().equals("BLOCKED"));
    pollUntil(() -> h.reconciler().asked.stream().anyMatch(s -> s.contains(lost)), "the block's reconciliation");
    int askedBefore = h.reconciler().asked.size();

    // the trader returns: the venue knows the order, and the engine asks at once
    OrderReport found = new OrderReport(new VenueOrderId("v-7"), lost, InstrumentId.kalshi(Harness.TICKER), Outcome.YES,
        Side.BUY, Price.parse("0.40"), size, size, OrderStatus.FILLED, null);
    h.reconciler().answer = unknown -> new ReconciliationReport(List.of(), List.of(), 0,
        unknown.contains(lost) ? Map.of(lost, Optional.of(found)) : Map.of(), List.of());
    kalshi.unavailable = null;
    kalshi.listener.onStreamRestored();
    h.events.await(EngineEvent.PairStatusChanged.class, p -> p.status().equals("ACTIVE"));
    assertThat(h.reconciler().asked).hasSize(askedBefore + 1);
    assertThat(h.reconciler().asked.get(askedBefore)).containsExactly(lost);
    assertThat(kalshi.fillsQueries).hasSize(1); // the missed fills were fetched first
    h.events.await(EngineEvent.OrderOutcome.class, o -> o.result().clientOrderId().equals(lost));
    assertThat(h.view(PAIR).unknownOrders()).isEmpty();
  }

  @Test
  void aRestoredStreamReconcilesASessionThatHasNotPassed() {
    h.build(Harness.config().build());
    h.reconciler().answer = unknown -> new ReconciliationReport(
        List.of("KALSHI position drift: ledger 0, venue 5"), List.of(), 0, Map.of(), List.of());
    Harness.await(h.engine.start());
    h.events.await(EngineEvent.Reconciled.class, r -> !r.passed());
    FakeExecutionClient kalshi = h.client(EngineMode.PAPER, VenueId.KALSHI);
    pollUntil(() -> kalshi.listener != null, "the engine listens");
    h.reconciler().answer = unknown -> FakeReconciler.CLEAN;
    kalshi.listener.onStreamLost("socket closed");
    kalshi.listener.onStreamRestored();
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    pollUntil(() -> h.snapshot().trading() == EngineSnapshot.TradingState.TRADING, "trading again");
  }
}
