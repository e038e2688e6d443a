package io.github.crossarb.core.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Severity;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineActivityTest {
  private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

  @Test
  void ringsKeepTheNewestFirstAndForgetTheOldest() {
    EngineActivity a = new EngineActivity(3, 4);
    for (int i = 0; i < 5; i++) {
      Instant t = T0.plusSeconds(i);
      a.record(new EngineEvent.Decision(t, "p", "ex-" + i, EngineEvent.DecisionKind.EXECUTE, "auto"));
      a.record(new EngineEvent.OrderSent(t, "p", "ex-" + i, EngineEvent.OrderPurpose.LEG,
          new OrderRequest(new ClientOrderId("c-" + i), InstrumentId.kalshi("K"), Outcome.YES, Side.BUY,
              Price.parse("0.40"), Quantity.of(1), TimeInForce.IOC, false, null)));
    }
    assertThat(a.executions()).extracting(e -> e.executionId()).containsExactly("ex-4", "ex-3", "ex-2");
    assertThat(a.executions().get(0).outcome()).isEqualTo("IN_FLIGHT");
    assertThat(a.executions().get(0).detail()).isEqualTo("auto");
    // an answer for an order of a forgotten execution is ignored; one for a kept one lands
    a.record(new EngineEvent.OrderOutcome(T0, "p", null, new SubmitResult.Rejected(new ClientOrderId("c-0"), "x", "y")));
    a.record(new EngineEvent.OrderOutcome(T0, "p", null, new SubmitResult.Rejected(new ClientOrderId("c-4"), "no_money", "y")));
    assertThat(a.executions().get(0).legs().get(0).result()).isEqualTo("REJECTED: no_money");
    assertThat(a.log()).hasSize(4);
    assertThat(a.log().get(0).text()).isEqualTo("order c-4 REJECTED: no_money");
    assertThat(a.alerts()).isEmpty();

    for (int i = 0; i < 6; i++) {
      a.record(new EngineEvent.Alert(T0.plusSeconds(10 + i), Severity.WARNING, null, "alert " + i));
    }
    assertThat(a.alerts()).extracting(l -> l.text()).containsExactly("alert 5", "alert 4", "alert 3", "alert 2");
    List<?> same = a.alerts();
    assertThat(a.alerts()).isSameAs(same); // cached until the next change
  }

  @Test
  void pnlWaitsUntilTheFillsAddUpToWhatTheExecutorReported() {
    EngineActivity a = new EngineActivity(20, 50);
    ClientOrderId k = new ClientOrderId("k-1");
    ClientOrderId p = new ClientOrderId("p-1");
    a.record(new EngineEvent.OrderSent(T0, "pair", "ex", EngineEvent.OrderPurpose.LEG, new OrderRequest(k,
        InstrumentId.kalshi("K"), Outcome.YES, Side.BUY, Price.parse("0.40"), Quantity.of(10), TimeInForce.IOC, false,
        null)));
    a.record(new EngineEvent.OrderSent(T0, "pair", "ex", EngineEvent.OrderPurpose.LEG, new OrderRequest(p,
        InstrumentId.polymarket("9"), Outcome.NO, Side.BUY, Price.parse("0.50"), Quantity.of(10), TimeInForce.IOC,
        false, null)));
    a.record(new EngineEvent.OrderOutcome(T0, "pair", "ex",
        new SubmitResult.Accepted(k, new VenueOrderId("vk"), OrderStatus.FILLED, Quantity.of(10))));
    // Polymarket answers before it matches: nothing reported filled yet
    a.record(new EngineEvent.OrderOutcome(T0, "pair", "ex",
        new SubmitResult.Accepted(p, new VenueOrderId("vp"), OrderStatus.OPEN, Quantity.ZERO)));
    a.record(new EngineEvent.ExecutionFinished(T0, "pair", "ex", "HEDGED", Quantity.of(10), Quantity.of(10),
        Quantity.of(10), Quantity.ZERO, Money.parse("1.00"), List.of(), "both legs filled"));
    a.record(new EngineEvent.FillRecorded(T0, new Fill("f-k", InstrumentId.kalshi("K"), Outcome.YES, Side.BUY,
        Price.parse("0.40"), Quantity.of(10), Money.parse("0.07"), T0, k, "pair"), false));
    assertThat(a.executions().get(0).realizedPnl()).as("the Polymarket fill is still missing").isNull();
    assertThat(a.executions().get(0).legs().get(1).filled()).isEqualTo(Quantity.ZERO);
    a.record(new EngineEvent.FillRecorded(T0, new Fill("f-p", InstrumentId.polymarket("9"), Outcome.NO, Side.BUY,
        Price.parse("0.50"), Quantity.of(10), Money.ZERO, T0, p, null), true));
    assertThat(a.executions().get(0).legs().get(1).filled()).isEqualTo(Quantity.of(10));
    assertThat(a.executions().get(0).realizedPnl()).isEqualTo(Money.parse("0.93"));
  }
}
