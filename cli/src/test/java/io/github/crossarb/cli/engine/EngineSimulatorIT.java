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
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.store.EventLog;
import io.github.crossarb.core.store.PositionsFile;
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
      assertThat(PositionsFile.read(dataDir).orElseThrow().snapshot().pair(FED).hedged()).isEqualTo(Quantity.of(20));
      assertThat(h.ourOrders(VenueId.KALSHI)).hasSize(1);
      assertThat(h.ourOrders(VenueId.POLYMARKET)).hasSize(1);
    }
    assertThat(EventLog.read(dataDir.resolve(EventLog.FILE_NAME)))
        .anySatisfy(e -> assertThat(e).isInstanceOf(ExecutionFinished.class));
  }
}
