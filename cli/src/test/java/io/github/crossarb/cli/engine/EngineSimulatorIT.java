package io.github.crossarb.cli.engine;

import static io.github.crossarb.cli.engine.EngineHarness.FED;
import static io.github.crossarb.cli.engine.EngineHarness.FED_NO_TOKEN;
import static io.github.crossarb.cli.engine.EngineHarness.FED_TICKER;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Decision;
import io.github.crossarb.core.event.EngineEvent.DecisionKind;
import io.github.crossarb.core.event.EngineEvent.ExecutionFinished;
import io.github.crossarb.core.event.EngineEvent.FillRecorded;
import io.github.crossarb.core.event.EngineEvent.OpportunityFound;
import io.github.crossarb.core.event.EngineEvent.OrderSent;
import io.github.crossarb.core.event.EngineEvent.Reconciled;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairFingerprint;
import io.github.crossarb.core.pair.PairStatus;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.store.PairsFile;
import io.github.crossarb.core.store.EventLog;
import io.github.crossarb.core.store.PositionsFile;
import io.github.crossarb.simulator.exchange.OrderState;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.github.crossarb.simulator.fault.FaultRule;
import io.github.crossarb.simulator.fault.PolymarketFaultKinds;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine issue's scenarios against the simulator, over real sockets with the real clients.
 * {@code engine-window.yaml} starts with one window on pair {@code fed}: Kalshi YES asks 20 at 0.40,
 * Polymarket NO asks 20 at 0.52 (next levels 0.47 and 0.58).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EngineSimulatorIT {
  @TempDir Path dataDir;

  @Test
  void aWindowIsExecutedOnBothVenuesAndTheLedgerHoldsTheHedgeWithTheCalculatedProfit() throws Exception {
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-window.yaml")) {
      h.startEngine();

      OpportunityFound found = h.await(OpportunityFound.class, e -> e.opportunity().pairId().equals(FED));
      ExecutionFinished done = h.await(ExecutionFinished.class, e -> e.pairId().equals(FED));
      assertThat(done.outcome()).isEqualTo("HEDGED");
      assertThat(done.kalshiFilled()).isEqualTo(Quantity.of(20));
      assertThat(done.polymarketFilled()).isEqualTo(Quantity.of(20));
      h.await(FillRecorded.class, e -> e.fill().venue() == VenueId.KALSHI);
      h.await(FillRecorded.class, e -> e.fill().venue() == VenueId.POLYMARKET);

      LedgerSnapshot.PairPosition pair = h.runtime.ledger().snapshot().pair(FED);
      assertThat(pair.hedged()).isEqualTo(Quantity.of(20));
      assertThat(pair.residual().isZero()).isTrue();
      // Both legs filled at the planned levels, with the venues' own fees: the ledger's locked-in
      // profit is the calculator's expected profit.
      assertThat(pair.lockedProfit()).isEqualTo(found.opportunity().expectedProfit());
      assertThat(h.ourOrders(VenueId.KALSHI)).hasSize(1);
      assertThat(h.ourOrders(VenueId.POLYMARKET)).hasSize(1);
      h.stopEngine();
      // positions.json is written just after each fill, off the engine's event loop; a stopped
      // engine has written the last one.
      assertThat(PositionsFile.read(dataDir).orElseThrow().snapshot().pair(FED).hedged()).isEqualTo(Quantity.of(20));
    }
    assertThat(EventLog.read(dataDir.resolve(EventLog.FILE_NAME)))
        .anySatisfy(e -> assertThat(e).isInstanceOf(ExecutionFinished.class));
  }

  @Test
  void aPartlyFilledSecondLegIsHedgedWithinTheSlippage() throws Exception {
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-window.yaml")) {
      h.set("ARB_HEDGE_SLIPPAGE", "0.06");
      h.sim.faults(VenueId.POLYMARKET).add(FaultRule.once(FaultKinds.LATENCY, "POST /order").withMillis(1_000));
      h.startEngine();

      h.await(OrderSent.class, e -> e.request().instrument().venue() == VenueId.POLYMARKET);
      // Someone else takes 8 of the 20 NO shares while our order is on its way.
      h.takeLiquidity(VenueId.POLYMARKET, FED_NO_TOKEN, Side.BUY, "0.52", "8");

      ExecutionFinished done = h.await(ExecutionFinished.class, e -> e.pairId().equals(FED));
      assertThat(done.outcome()).isEqualTo("HEDGED");
      assertThat(done.polymarketFilled()).isEqualTo(Quantity.of(20));
      OrderSent hedge = h.await(OrderSent.class, e -> e.purpose() == EngineEvent.OrderPurpose.HEDGE);
      assertThat(hedge.request().instrument().symbol()).isEqualTo(FED_NO_TOKEN);
      assertThat(hedge.request().size()).as("events %s", h.events()).isEqualTo(Quantity.of(8));
      assertThat(h.ourOrders(VenueId.POLYMARKET)).hasSize(2);
    }
  }

  @Test
  void aShortSecondLegThatCannotBeHedgedIsUnwoundWithinTheLossCapAndTheMismatchBlacklistsThePair() throws Exception {
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-window.yaml")) {
      h.set("ARB_MAX_MISMATCHES", "1");
      h.sim.faults(VenueId.POLYMARKET).add(FaultRule.once(FaultKinds.LATENCY, "POST /order").withMillis(1_000));
      h.startEngine();

      h.await(OrderSent.class, e -> e.request().instrument().venue() == VenueId.POLYMARKET);
      h.takeLiquidity(VenueId.POLYMARKET, FED_NO_TOKEN, Side.BUY, "0.52", "8");

      ExecutionFinished done = h.await(ExecutionFinished.class, e -> e.pairId().equals(FED));
      assertThat(done.outcome()).isEqualTo("UNWOUND");
      assertThat(done.residual().isZero()).isTrue();
      EngineEvent.Unwind unwind = h.await(EngineEvent.Unwind.class, e -> e.pairId().equals(FED));
      assertThat(unwind.venue()).isEqualTo(VenueId.KALSHI);
      assertThat(unwind.sold()).isEqualTo(Quantity.of(8));
      assertThat(unwind.realizedLoss().compareTo(unwind.lossCap())).isLessThanOrEqualTo(0);
      h.await(EngineEvent.PairStatusChanged.class, e -> e.pairId().equals(FED) && e.status().equals("BLACKLISTED"));
      // The snapshot is published just after the event.
      h.awaitSnapshot(snapshot -> snapshot.pair(FED).blacklistedUntil() != null);
      // Kalshi: the leg and one unwind, never a second unwind.
      assertThat(h.ourOrders(VenueId.KALSHI)).hasSize(2);

      // After a restart, the day's loss is still counted (from the ledger's history).
      h.await(FillRecorded.class, e -> e.fill().venue() == VenueId.KALSHI && e.fill().side() == Side.SELL);
      io.github.crossarb.core.model.Money lost = h.runtime.ledger().snapshot().totals().realizedPnl();
      assertThat(lost.isNegative()).isTrue();
      h.stopEngine();
      h.startEngine();
      assertThat(EngineRuntime.await(h.runtime.engine().currentSnapshot(), EngineHarness.WAIT, "snapshot")
          .realizedPnlToday()).isEqualTo(lost);
    }
  }

  @Test
  void anOrderAcceptedWhoseAnswerIsLostIsFoundByItsClientOrderIdAndNeverSentTwice() throws Exception {
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-window.yaml")) {
      h.sim.faults(VenueId.KALSHI).add(
          FaultRule.once(FaultKinds.ACCEPT_THEN_DROP, "POST /trade-api/v2/portfolio/events/orders"));
      h.startEngine();

      EngineEvent.OrderOutcome unknown = h.await(EngineEvent.OrderOutcome.class,
          e -> e.result() instanceof io.github.crossarb.core.venue.SubmitResult.Unknown);
      ExecutionFinished done = h.await(ExecutionFinished.class, e -> e.pairId().equals(FED));
      assertThat(done.outcome()).isEqualTo("HEDGED");
      assertThat(done.kalshiFilled()).isEqualTo(Quantity.of(20));
      assertThat(h.ourOrders(VenueId.KALSHI))
          .filteredOn(o -> unknown.result().clientOrderId().value().equals(o.clientOrderId()))
          .hasSize(1);
      assertThat(h.ourOrders(VenueId.KALSHI)).hasSize(1);
    }
  }

  @Test
  void aPolymarketTradeThatFailsAfterMatchingIsReversedAndItsResidualIsClosed() throws Exception {
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-window.yaml")) {
      h.sim.faults(VenueId.POLYMARKET).add(FaultRule.once(PolymarketFaultKinds.TRADE_FAILED, FED_NO_TOKEN));
      h.startEngine();

      ExecutionFinished first = h.await(ExecutionFinished.class, e -> e.pairId().equals(FED));
      assertThat(first.outcome()).isEqualTo("HEDGED");
      EngineEvent.FillReversed reversed = h.await(EngineEvent.FillReversed.class,
          e -> e.fillVoid().venue() == VenueId.POLYMARKET);
      assertThat(reversed.fillVoid().fillId()).isNotBlank();
      EngineEvent.Alert alert = h.await(EngineEvent.Alert.class, e -> FED.equals(e.pairId())
          && e.severity() == EngineEvent.Severity.CRITICAL && e.message().contains("reversed"));
      assertThat(alert.message()).contains("residual now 20 paying on Kalshi YES");

      // The 20 Kalshi YES left naked: Polymarket NO now asks 0.58, too dear to complete the pair
      // without a loss, so they are sold back at the 0.38 bid, within the loss cap.
      ExecutionFinished closed = h.await(ExecutionFinished.class,
          e -> e.pairId().equals(FED) && !e.executionId().equals(first.executionId()));
      assertThat(closed.outcome()).as("events %s", h.events()).isEqualTo("UNWOUND");
      EngineEvent.Unwind unwind = h.await(EngineEvent.Unwind.class, e -> e.pairId().equals(FED));
      assertThat(unwind.sold()).isEqualTo(Quantity.of(20));
      h.await(FillRecorded.class, e -> e.fill().venue() == VenueId.KALSHI && e.fill().side() == Side.SELL);
      LedgerSnapshot.PairPosition pair = h.runtime.ledger().snapshot().pair(FED);
      assertThat(pair.residual().isZero()).isTrue();
      assertThat(pair.realizedPnl().isNegative()).isTrue();
      assertThat(pair.realizedPnl().negate().compareTo(unwind.lossCap())).isLessThanOrEqualTo(0);
      assertThat(h.ourOrders(VenueId.KALSHI)).hasSize(2);
    }
  }

  @Test
  void theKillSwitchCancelsOpenOrdersOnBothVenuesAndStopsTrading() throws Exception {
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-quiet.yaml")) {
      h.startEngine();
      h.await(EngineEvent.ModeChanged.class, e -> e.to().equals("TRADING"));
      // Resting orders of ours (an operator's, say) on both venues, placed through the clients.
      h.placeResting(VenueId.KALSHI, FED_TICKER, Outcome.YES, "0.10", "1");
      h.placeResting(VenueId.POLYMARKET, FED_NO_TOKEN, Outcome.NO, "0.10", "5");
      assertThat(h.ourOrders(VenueId.POLYMARKET)).hasSize(1);

      EngineRuntime.await(h.runtime.engine().kill("test"), EngineHarness.WAIT, "kill");

      assertThat(h.ourOrders(VenueId.KALSHI)).as("events %s", h.events()).isNotEmpty()
          .allSatisfy(o -> assertThat(o.state()).isEqualTo(OrderState.CANCELED));
      assertThat(h.ourOrders(VenueId.POLYMARKET)).isNotEmpty()
          .allSatisfy(o -> assertThat(o.state()).isEqualTo(OrderState.CANCELED));
      assertThat(h.runtime.engine().snapshot().trading()).isEqualTo(EngineSnapshot.TradingState.KILLED);
      // A window now is not traded.
      h.addLiquidity(VenueId.KALSHI, FED_TICKER, Side.SELL, "0.40", "20");
      h.await(OpportunityFound.class, e -> e.opportunity().pairId().equals(FED));
      h.await(Decision.class, e -> e.pairId().equals(FED) && e.kind() == DecisionKind.SKIPPED);
      assertThat(h.events(OrderSent.class)).isEmpty();
    }
  }

  @Test
  void aRestartRecoversTheLedgerFromItsFilesAndReconcilesBeforeTrading() throws Exception {
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-window.yaml")) {
      h.startEngine();
      h.await(ExecutionFinished.class, e -> e.pairId().equals(FED));
      h.await(FillRecorded.class, e -> e.fill().venue() == VenueId.KALSHI);
      h.await(FillRecorded.class, e -> e.fill().venue() == VenueId.POLYMARKET);
      LedgerSnapshot before = h.runtime.ledger().snapshot();
      h.stopEngine();

      h.startEngine();
      Reconciled reconciled = h.await(Reconciled.class, e -> true);
      assertThat(reconciled.passed()).as("drifts %s", reconciled.drifts()).isTrue();
      assertThat(h.runtime.ledger().snapshot().pair(FED)).isEqualTo(before.pair(FED));
      h.await(EngineEvent.ModeChanged.class, e -> e.to().equals("TRADING"));
    }
  }

  @Test
  void dryRunAndPaperNeverSendAnOrderToTheVenues() throws Exception {
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-window.yaml")) {
      h.set("ARB_MODE", "dry-run").set("ARB_ALLOW_LIVE", "false");
      h.startEngine();
      h.await(Decision.class, e -> e.pairId().equals(FED) && e.kind() == DecisionKind.DRY_RUN);
      h.stopEngine();

      h.set("ARB_MODE", "paper");
      h.startEngine();
      ExecutionFinished paper = h.await(ExecutionFinished.class, e -> e.pairId().equals(FED));
      assertThat(paper.outcome()).isEqualTo("HEDGED");
      h.await(FillRecorded.class, e -> e.fill().venue() == VenueId.POLYMARKET);

      assertThat(h.ourOrders(VenueId.KALSHI)).isEmpty();
      assertThat(h.ourOrders(VenueId.POLYMARKET)).isEmpty();
      h.stopEngine(); // the ledgers' last snapshots written
      assertThat(PositionsFile.read(dataDir.resolve("paper")).orElseThrow().snapshot().pair(FED).hedged())
          .isEqualTo(Quantity.of(20));
      assertThat(PositionsFile.read(dataDir).orElseThrow().snapshot().fills()).isZero();
    }
  }

  @Test
  void aSequenceGapStopsTradingOnTheBookUntilItsResyncThenTheWindowIsTraded() throws Exception {
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-quiet.yaml")) {
      h.startEngine();
      h.await(EngineEvent.ModeChanged.class, e -> e.to().equals("TRADING"));
      // The delta that opens the window arrives with a skipped sequence number: the client marks
      // the book untrusted and resubscribes; the window is traded from the fresh snapshot.
      h.sim.faults(VenueId.KALSHI).add(FaultRule.once(FaultKinds.SEQ_GAP, FED_TICKER));
      h.addLiquidity(VenueId.KALSHI, FED_TICKER, Side.SELL, "0.40", "20");

      ExecutionFinished done = h.await(ExecutionFinished.class, e -> e.pairId().equals(FED));
      assertThat(done.outcome()).isEqualTo("HEDGED");
      assertThat(h.ourOrders(VenueId.KALSHI)).hasSize(1);
    }
  }

  @Test
  void aPairWhoseRulesChangedSinceApprovalIsSuspendedAndNeverTraded() throws Exception {
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-window.yaml")) {
      // The operator approved other rules text than the venue now shows.
      PairEntry approved = PairsFile.read(dataDir).require(FED);
      PairFingerprint reviewed = approved.fingerprint();
      PairsFile.replaceEntry(dataDir, approved.reapprove("operator", approved.approvedAt(), new PairFingerprint(
          reviewed.kalshiRulesSha256(), reviewed.kalshiCloseTime(), "0".repeat(64), reviewed.polymarketCloseTime())));
      h.startEngine();

      EngineEvent.PairStatusChanged suspended = h.await(EngineEvent.PairStatusChanged.class,
          e -> e.pairId().equals(FED) && e.status().equals("SUSPENDED"));
      assertThat(suspended.reason()).contains("Polymarket resolution text changed");
      h.await(EngineEvent.Alert.class, e -> FED.equals(e.pairId()) && e.severity() == EngineEvent.Severity.CRITICAL);
      assertThat(PairsFile.read(dataDir).require(FED).status()).isEqualTo(PairStatus.SUSPENDED);
      h.await(EngineEvent.ModeChanged.class, e -> e.to().equals("TRADING"));
      assertThat(h.events(OrderSent.class)).isEmpty();
      assertThat(h.ourOrders(VenueId.KALSHI)).isEmpty();
    }
  }

  @Test
  void inManualApprovalTheOperatorApprovesOrRejectsFromTheConsole() throws Exception {
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-window.yaml")) {
      h.set("ARB_APPROVAL", "manual").set("ARB_REJECT_BLACKLIST_MS", "60000");
      h.startEngine();
      java.io.StringWriter answers = new java.io.StringWriter();
      ConsoleCommands console = new ConsoleCommands(h.runtime.engine(), new java.io.PrintWriter(answers, true));

      Decision waiting = h.await(Decision.class, e -> e.pairId().equals(FED) && e.kind() == DecisionKind.AWAIT_APPROVAL);
      assertThat(h.events(OrderSent.class)).isEmpty();
      console.answer("status");
      assertThat(answers.toString()).contains("awaiting approval: " + waiting.executionId() + " fed size 20");
      console.answer("approve " + waiting.executionId());
      assertThat(answers.toString()).contains("approve " + waiting.executionId() + ": done");

      ExecutionFinished done = h.await(ExecutionFinished.class, e -> e.pairId().equals(FED));
      assertThat(done.outcome()).isEqualTo("HEDGED");

      // The next window on the pair is rejected, and the pair blacklisted.
      h.addLiquidity(VenueId.KALSHI, FED_TICKER, Side.SELL, "0.40", "20");
      h.addLiquidity(VenueId.POLYMARKET, FED_NO_TOKEN, Side.SELL, "0.52", "20");
      Decision next = h.await(Decision.class, e -> e.pairId().equals(FED) && e.kind() == DecisionKind.AWAIT_APPROVAL
          && !e.executionId().equals(waiting.executionId()));
      console.answer("reject " + next.executionId() + " blacklist");
      h.await(Decision.class, e -> e.kind() == DecisionKind.REJECTED);
      h.await(EngineEvent.PairStatusChanged.class, e -> e.pairId().equals(FED) && e.status().equals("BLACKLISTED"));
      assertThat(h.ourOrders(VenueId.KALSHI)).hasSize(1);
      console.answer("frobnicate");
      assertThat(answers.toString()).contains("unknown command 'frobnicate'");
    }
  }

  @Test
  void aDroppedStreamStopsTradingOnTheBookUntilItReconnectsThenTheWindowIsTraded() throws Exception {
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-quiet.yaml")) {
      h.startEngine();
      h.await(EngineEvent.ModeChanged.class, e -> e.to().equals("TRADING"));
      h.sim.faults(VenueId.KALSHI).add(FaultRule.once(FaultKinds.DROP_CONNECTION, "ws"));
      h.addLiquidity(VenueId.KALSHI, FED_TICKER, Side.SELL, "0.40", "20");

      ExecutionFinished done = h.await(ExecutionFinished.class, e -> e.pairId().equals(FED));
      assertThat(done.outcome()).isEqualTo("HEDGED");
      assertThat(h.ourOrders(VenueId.KALSHI)).hasSize(1);
    }
  }

  @Test
  void aSilentFeedIsMarkedUntrustedAndResyncedFromASnapshotBeforeItsBookIsTradedAgain() throws Exception {
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-quiet.yaml")) {
      h.set("ARB_SILENCE_MS", "500");
      h.startEngine();
      h.await(EngineEvent.ModeChanged.class, e -> e.to().equals("TRADING"));
      // The delta that opens the window is never delivered: only the silence watchdog's resync
      // (a fresh snapshot) can show it, so a trade proves the book was resynced, not trusted blindly.
      h.sim.faults(VenueId.KALSHI).add(FaultRule.always(FaultKinds.SILENT_FEED, FED_TICKER));
      h.addLiquidity(VenueId.KALSHI, FED_TICKER, Side.SELL, "0.40", "20");

      ExecutionFinished done = h.await(ExecutionFinished.class, e -> e.pairId().equals(FED));
      assertThat(done.outcome()).isEqualTo("HEDGED");
      assertThat(h.ourOrders(VenueId.KALSHI)).hasSize(1);
    }
  }
}
