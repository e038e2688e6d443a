package io.github.crossarb.core.engine;

import static io.github.crossarb.core.engine.Harness.PAIR;
import static io.github.crossarb.core.engine.Harness.await;
import static io.github.crossarb.core.engine.Harness.awaitFailure;
import static io.github.crossarb.core.engine.Harness.pollUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Decision;
import io.github.crossarb.core.event.EngineEvent.DecisionKind;
import io.github.crossarb.core.execution.ExecutionOutcome;
import io.github.crossarb.core.execution.ExecutionReport;
import io.github.crossarb.core.execution.ReconciliationReport;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairStatus;
import io.github.crossarb.core.venue.MarketInfo;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EngineLifecycleTest {
  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void killSwitchCancelsEverythingAndStopsTrading() throws Exception {
    h.start(Harness.config().build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());

    await(h.engine.kill("operator pressed K"));

    assertThat(h.client(EngineMode.PAPER, VenueId.KALSHI).cancelAllCalls.get()).isEqualTo(1);
    assertThat(h.client(EngineMode.PAPER, VenueId.POLYMARKET).cancelAllCalls.get()).isEqualTo(1);
    assertThat(h.client(EngineMode.LIVE, VenueId.KALSHI).cancelAllCalls.get()).isZero(); // never used
    assertThat(h.snapshot().trading()).isEqualTo(EngineSnapshot.TradingState.KILLED);
    h.events.await(EngineEvent.ModeChanged.class, m -> m.to().equals("KILLED"));
    h.pushOpportunity();
    h.events.await(Decision.class, d -> d.kind() == DecisionKind.SKIPPED && d.reason().contains("kill switch"));
    assertThat(h.executor().count.get()).isZero();
    // resume does not release it
    await(h.engine.resume());
    assertThat(h.snapshot().trading()).isEqualTo(EngineSnapshot.TradingState.KILLED);
  }

  @Test
  void aChangedFingerprintSuspendsThePairAtStart() {
    h.kalshi.markets.put(InstrumentId.kalshi(Harness.TICKER),
        Harness.kalshiMarket(Harness.TICKER, "Above 4.50% if the Fed says so.")); // rules edited since approval
    h.start(Harness.config().build());

    EngineEvent.PairStatusChanged changed = h.events.await(EngineEvent.PairStatusChanged.class,
        p -> p.status().equals("SUSPENDED"));
    assertThat(changed.reason()).contains("Kalshi rules text changed");
    h.events.await(EngineEvent.Alert.class, a -> a.severity() == EngineEvent.Severity.CRITICAL
        && a.message().contains("suspended"));
    assertThat(h.pairChanges).hasSize(1);
    assertThat(h.pairChanges.get(0).status()).isEqualTo(PairStatus.SUSPENDED);
    assertThat(h.pairChanges.get(0).statusReason()).contains("Kalshi rules text changed");
    assertThat(h.kalshi.marketData.isSubscribed(InstrumentId.kalshi(Harness.TICKER))).isFalse();
    pollUntil(() -> h.view(PAIR).status() == PairStatus.SUSPENDED, "suspension published");
    assertThat(h.view(PAIR).state()).isEqualTo("suspended");
  }

  @Test
  void aFingerprintRecheckSuspendsATradingPair() {
    h.start(Harness.config().fingerprintRecheckInterval(Duration.ofMillis(100)).build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    assertThat(h.kalshi.marketData.isSubscribed(InstrumentId.kalshi(Harness.TICKER))).isTrue();
    MarketInfo old = h.polymarket.markets.get(InstrumentId.polymarket(Harness.YES));
    h.polymarket.markets.put(old.yes(), new MarketInfo(old.venue(), old.marketId(), old.title(), old.status(), true,
        Harness.CLOSE.plusSeconds(86_400), old.rules(), old.yes(), old.no())); // close time moved a day
    EngineEvent.PairStatusChanged changed = h.events.await(EngineEvent.PairStatusChanged.class,
        p -> p.status().equals("SUSPENDED"));
    assertThat(changed.reason()).contains("Polymarket close time changed");
    h.pushOpportunity();
    pollUntil(() -> h.view(PAIR).lastEvaluation().startsWith("PAIR_NOT_ACTIVE"), "the suspended pair refused");
    assertThat(h.executor().count.get()).isZero();
  }

  @Test
  void marketNotOpenLeavesThePairUnloaded() {
    MarketInfo k = Harness.kalshiMarket(Harness.TICKER, "Above 4.25% if the Fed says so.");
    h.kalshi.markets.put(k.yes(), new MarketInfo(k.venue(), k.marketId(), k.title(), "closed", false, k.closeTime(),
        k.rules(), k.yes(), k.no()));
    h.start(Harness.config().build());
    pollUntil(() -> h.view(PAIR).state().startsWith("not loaded: market not open"), "pair not loaded");
    assertThat(h.kalshi.marketData.batches).isEmpty();
  }

  @Test
  void booksAreSubscribedInBatches() {
    h.pairs.add(h.addPair("btc", "KXBTC-100K", "8001", "8002"));
    h.pairs.add(h.addPair("eth", "KXETH-5K", "9001", "9002"));
    h.start(Harness.config().subscribeBatchSize(4).build());
    assertThat(h.kalshi.marketData.batches).containsExactly(3);
    assertThat(h.polymarket.marketData.batches).containsExactly(4, 2);
    h.pushOpportunity("KXBTC-100K", "8001", "8002");
    pollUntil(() -> h.view("btc").opportunity() != null, "btc priced");
    assertThat(h.view(PAIR).opportunity()).isNull(); // only the pair touched is evaluated
  }

  @Test
  void liveIsRefusedUnlessAllowed() {
    h.start(Harness.config().build());
    assertThat(awaitFailure(h.engine.setMode(EngineMode.LIVE, "go"))).hasMessageContaining("not allowed");
    assertThat(h.snapshot().mode()).isEqualTo(EngineMode.PAPER);
    assertThat(awaitFailure(h.build(Harness.config().mode(EngineMode.LIVE).build()).start()))
        .hasMessageContaining("not allowed");
  }

  @Test
  void liveIsRefusedWhenItsReconciliationFails() {
    h.start(Harness.config().mode(EngineMode.DRY_RUN).allowLive(true).build());
    h.reconcilers.get(EngineMode.LIVE).answer = unknown -> new ReconciliationReport(
        List.of("POLYMARKET unreachable: connection refused"), List.of(), 0, Map.of(), List.of());
    assertThat(awaitFailure(h.engine.setMode(EngineMode.LIVE, "go")))
        .hasMessageContaining("LIVE refused").hasMessageContaining("POLYMARKET unreachable");
    assertThat(h.snapshot().mode()).isEqualTo(EngineMode.DRY_RUN);
    assertThat(h.events.all(EngineEvent.ModeChanged.class, m -> "LIVE".equals(m.to()))).isEmpty();
  }

  @Test
  void liveIsRefusedWithoutAPositiveBalance() {
    h.build(Harness.config().mode(EngineMode.DRY_RUN).allowLive(true).build());
    h.client(EngineMode.LIVE, VenueId.POLYMARKET).available = Money.ZERO;
    await(h.engine.start());
    assertThat(awaitFailure(h.engine.setMode(EngineMode.LIVE, "go"))).hasMessageContaining("POLYMARKET balance is");
    h.client(EngineMode.LIVE, VenueId.KALSHI).balanceFails = true;
    h.client(EngineMode.LIVE, VenueId.POLYMARKET).available = Money.parse("50");
    assertThat(awaitFailure(h.engine.setMode(EngineMode.LIVE, "go"))).hasMessageContaining("KALSHI balance unreadable");
  }

  @Test
  void liveIsEnteredWhenTheChecksPassAndTradesThroughItsOwnExecutor() throws Exception {
    h.start(Harness.config().mode(EngineMode.DRY_RUN).allowLive(true).build());
    await(h.engine.setMode(EngineMode.LIVE, "operator typed LIVE"));
    assertThat(h.snapshot().mode()).isEqualTo(EngineMode.LIVE);
    h.events.await(EngineEvent.ModeChanged.class, m -> "LIVE".equals(m.to()) && m.reason().equals("operator typed LIVE"));
    h.pushOpportunity();
    FakeExecutor.Call call = h.executors.get(EngineMode.LIVE).next();
    assertThat(call.request().pair().id()).isEqualTo(PAIR);
    assertThat(h.executor().count.get()).isZero();
  }

  @Test
  void stopUnsubscribesAndWaitsForTheExecutionInFlight() throws Exception {
    h.start(Harness.config().build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    h.pushOpportunity();
    FakeExecutor.Call call = h.executor().next();
    var stopping = h.engine.stop();
    h.events.await(Decision.class, d -> true); // the engine is still there
    assertThat(stopping.isComplete()).isFalse();
    Quantity size = call.request().opportunity().size();
    call.promise().complete(new ExecutionReport(call.request().executionId(), PAIR, ExecutionOutcome.HEDGED, size, size,
        size, Quantity.ZERO, null, false, Money.ZERO, List.of(), "ok"));
    await(stopping);
    assertThat(h.kalshi.marketData.cancelled).isEqualTo(1);
    assertThat(h.polymarket.marketData.cancelled).isEqualTo(1);
    assertThat(h.snapshot().trading()).isEqualTo(EngineSnapshot.TradingState.STOPPED);
    h.events.await(EngineEvent.ExecutionFinished.class, f -> f.outcome().equals("HEDGED"));
  }

  @Test
  void stopWaitsForAReconciliationUnderWayBeforeItStops() throws Exception {
    h.start(Harness.config().build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    h.reconciler().hold = true;
    h.engine.reconcileNow();
    Promise<ReconciliationReport> running = h.reconciler().held.poll(5, TimeUnit.SECONDS);
    assertThat(running).as("a reconciliation under way").isNotNull();

    Future<Void> stopped = h.engine.stop();
    h.snapshot(); // a turn of the engine's context: the stop has begun
    assertThat(stopped.isComplete()).as("stop waits for the reconciliation").isFalse();
    running.complete(new ReconciliationReport(List.of("venue gone"), List.of(), 0, Map.of(), List.of()));
    await(stopped);

    // It finished (and was recorded) before the engine stopped; nothing comes after the stop.
    List<EngineEvent> all = h.events.all(EngineEvent.class);
    int reconciled = all.indexOf(h.events.await(EngineEvent.Reconciled.class, r -> !r.passed()));
    int stop = all.indexOf(h.events.await(EngineEvent.ModeChanged.class, m -> m.to().equals("STOPPED")));
    assertThat(reconciled).isLessThan(stop);
    assertThat(stop).isEqualTo(all.size() - 1);
  }
}
