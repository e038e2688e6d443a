package io.github.crossarb.core.engine;

import static io.github.crossarb.core.engine.Harness.PAIR;
import static io.github.crossarb.core.engine.Harness.await;
import static io.github.crossarb.core.engine.Harness.pollUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.engine.EngineSnapshot.ExecutionView;
import io.github.crossarb.core.engine.EngineSnapshot.FeedHealth;
import io.github.crossarb.core.engine.EngineSnapshot.LegView;
import io.github.crossarb.core.engine.EngineSnapshot.Quote;
import io.github.crossarb.core.engine.EngineSnapshot.Quotes;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Severity;
import io.github.crossarb.core.execution.ExecutionOutcome;
import io.github.crossarb.core.execution.ExecutionReport;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.pricing.Direction;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.model.VenueOrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The snapshot's dashboard parts: feeds, quotes and edge, executions, alerts, log, balances, kill switch. */
@Timeout(30)
class EngineDashboardSnapshotTest {
  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void feedHealthFollowsTheBookEvents() {
    h.start(Harness.config().mode(EngineMode.DRY_RUN).build());
    FeedHealth kalshi = h.snapshot().feed(VenueId.KALSHI);
    assertThat(kalshi.lastMessage()).isNull();
    assertThat(kalshi.age()).isNull();
    assertThat(kalshi.trusted()).isZero();
    assertThat(kalshi.untrusted()).isEqualTo(1); // awaiting its snapshot
    assertThat(kalshi.connected()).isFalse();
    assertThat(h.snapshot().feed(VenueId.POLYMARKET).untrusted()).isEqualTo(2);

    h.pushKalshi(Harness.TICKER, "0.35", "0.40");
    pollUntil(() -> h.snapshot().feed(VenueId.KALSHI).trusted() == 1, "the Kalshi book trusted");
    kalshi = h.snapshot().feed(VenueId.KALSHI);
    assertThat(kalshi.untrusted()).isZero();
    assertThat(kalshi.lastMessage()).isNotNull();
    assertThat(kalshi.connected()).isTrue();
    Instant first = kalshi.lastMessage();

    h.clock.advance(Duration.ofSeconds(30));
    kalshi = h.snapshot().feed(VenueId.KALSHI);
    assertThat(kalshi.lastMessage()).isEqualTo(first);
    assertThat(kalshi.age()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));

    h.pushToken(Harness.YES, "0.55", "0.62");
    h.pushToken(Harness.NO, "0.45", "0.65");
    pollUntil(() -> h.snapshot().feed(VenueId.POLYMARKET).trusted() == 2, "both tokens trusted");
    assertThat(h.snapshot().feed(VenueId.POLYMARKET).connected()).isTrue();

    h.polymarket.marketData.untrust(InstrumentId.polymarket(Harness.NO), UntrustedReason.DISCONNECTED);
    pollUntil(() -> h.snapshot().feed(VenueId.POLYMARKET).untrusted() == 1, "the NO book untrusted");
    FeedHealth poly = h.snapshot().feed(VenueId.POLYMARKET);
    assertThat(poly.trusted()).isEqualTo(1);
    assertThat(poly.connected()).isFalse();
    assertThat(h.snapshot().feed(VenueId.KALSHI).connected()).isTrue();
  }

  @Test
  void bestPricesAndEdgeFollowTheBooks() {
    h.start(Harness.config().mode(EngineMode.DRY_RUN).build());
    assertThat(h.view(PAIR).quotes().edgePerContract()).isNull();

    h.pushNoOpportunity(); // Kalshi YES 0.35/0.40, Polymarket YES 0.55/0.62, NO 0.45/0.65
    pollUntil(() -> h.view(PAIR).quotes().edgePerContract() != null, "an edge on three trusted books");
    Quotes q = h.view(PAIR).quotes();
    assertThat(q.kalshiYes()).isEqualTo(new Quote(Price.parse("0.35"), Price.parse("0.40")));
    assertThat(q.kalshiNo()).isEqualTo(new Quote(Price.parse("0.60"), Price.parse("0.65")));
    assertThat(q.polymarketYes()).isEqualTo(new Quote(Price.parse("0.55"), Price.parse("0.62")));
    assertThat(q.polymarketNo()).isEqualTo(new Quote(Price.parse("0.45"), Price.parse("0.65")));
    // Kalshi YES 0.40 + Polymarket NO 0.65 beats Kalshi NO 0.65 + Polymarket YES 0.62; no fees here
    assertThat(q.direction()).isEqualTo(Direction.BUY_KALSHI_YES);
    assertThat(q.edgePerContract()).isEqualTo(Money.parse("-0.05"));
    assertThat(q.tradableSize()).isEqualTo(Quantity.ZERO);

    h.pushToken(Harness.NO, "0.45", "0.50");
    pollUntil(() -> h.view(PAIR).quotes().tradableSize().equals(Quantity.of(10)), "the opportunity sized");
    q = h.view(PAIR).quotes();
    assertThat(q.polymarketNo().ask()).isEqualTo(Price.parse("0.50"));
    assertThat(q.direction()).isEqualTo(Direction.BUY_KALSHI_YES);
    assertThat(q.edgePerContract()).isEqualTo(Money.parse("0.10"));

    h.kalshi.marketData.untrust(InstrumentId.kalshi(Harness.TICKER), UntrustedReason.SEQUENCE_GAP);
    pollUntil(() -> h.view(PAIR).quotes().edgePerContract() == null, "no edge on an untrusted book");
    assertThat(h.view(PAIR).quotes().tradableSize()).isEqualTo(Quantity.ZERO);
  }

  @Test
  void anExecutionAppearsWithItsLegsFillsOutcomeAndPnl() throws Exception {
    AtomicReference<ClientOrderId[]> orders = new AtomicReference<>();
    h.start(Harness.config().cooldown(Duration.ofHours(1)).build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    h.executor().script = (request, context) -> {
      ClientOrderId k = context.newClientOrderId();
      ClientOrderId p = context.newClientOrderId();
      orders.set(new ClientOrderId[] {k, p});
      String pair = request.pair().id();
      String id = request.executionId();
      context.events().emit(new EngineEvent.OrderSent(Instant.now(), pair, id, EngineEvent.OrderPurpose.LEG,
          new OrderRequest(k, InstrumentId.kalshi(Harness.TICKER), Outcome.YES, Side.BUY, Price.parse("0.40"),
              Quantity.of(10), TimeInForce.IOC, false, null)));
      context.events().emit(new EngineEvent.OrderSent(Instant.now(), pair, id, EngineEvent.OrderPurpose.LEG,
          new OrderRequest(p, InstrumentId.polymarket(Harness.NO), Outcome.NO, Side.BUY, Price.parse("0.50"),
              Quantity.of(10), TimeInForce.IOC, false, null)));
      context.events().emit(new EngineEvent.OrderOutcome(Instant.now(), pair, id,
          new SubmitResult.Accepted(k, new VenueOrderId("v-k"), OrderStatus.FILLED, Quantity.of(10))));
      context.events().emit(new EngineEvent.OrderOutcome(Instant.now(), pair, id,
          new SubmitResult.Accepted(p, new VenueOrderId("v-p"), OrderStatus.FILLED, Quantity.of(10))));
      return new ExecutionReport(id, pair, ExecutionOutcome.HEDGED, Quantity.of(10), Quantity.of(10), Quantity.of(10),
          Quantity.ZERO, null, false, Money.ZERO, List.of(), "both legs filled");
    };
    h.pushOpportunity();
    FakeExecutor.Call call = h.executor().next();
    String id = call.request().executionId();
    pollUntil(() -> h.snapshot().execution(id) != null && h.snapshot().execution(id).finished() != null,
        "the execution finished in the snapshot");
    ExecutionView ex = h.snapshot().execution(id);
    assertThat(ex.pairId()).isEqualTo(PAIR);
    assertThat(ex.outcome()).isEqualTo("HEDGED");
    assertThat(ex.expectedProfit()).isEqualTo(Money.parse("1.00"));
    assertThat(ex.detail()).isEqualTo("both legs filled");
    assertThat(ex.realizedPnl()).as("fills not recorded yet").isNull();
    assertThat(ex.legs()).hasSize(2);
    LegView kalshiLeg = ex.legs().get(0);
    assertThat(kalshiLeg.venue()).isEqualTo(VenueId.KALSHI);
    assertThat(kalshiLeg.purpose()).isEqualTo("LEG");
    assertThat(kalshiLeg.side()).isEqualTo(Side.BUY);
    assertThat(kalshiLeg.outcome()).isEqualTo(Outcome.YES);
    assertThat(kalshiLeg.limitPrice()).isEqualTo(Price.parse("0.40"));
    assertThat(kalshiLeg.filled()).isEqualTo(Quantity.of(10));
    assertThat(kalshiLeg.result()).isEqualTo("ACCEPTED");
    assertThat(kalshiLeg.averagePrice()).isNull();
    assertThat(ex.legs().get(1).venue()).isEqualTo(VenueId.POLYMARKET);

    ClientOrderId[] ids = orders.get();
    h.client(EngineMode.PAPER, VenueId.KALSHI).listener.onFill(new Fill("k-1", InstrumentId.kalshi(Harness.TICKER),
        Outcome.YES, Side.BUY, Price.parse("0.39"), Quantity.of(4), Money.parse("0.02"), Instant.now(), ids[0], PAIR));
    h.client(EngineMode.PAPER, VenueId.KALSHI).listener.onFill(new Fill("k-2", InstrumentId.kalshi(Harness.TICKER),
        Outcome.YES, Side.BUY, Price.parse("0.40"), Quantity.of(6), Money.parse("0.03"), Instant.now(), ids[0], PAIR));
    h.client(EngineMode.PAPER, VenueId.POLYMARKET).listener.onFill(new Fill("p-1", InstrumentId.polymarket(Harness.NO),
        Outcome.NO, Side.BUY, Price.parse("0.50"), Quantity.of(10), Money.ZERO, Instant.now(), ids[1], PAIR));
    pollUntil(() -> h.snapshot().execution(id).realizedPnl() != null, "the P&L once every fill is in");
    ex = h.snapshot().execution(id);
    // 10 × $1 − (1.56 + 2.40 + 0.05 fees) − 5.00
    assertThat(ex.realizedPnl()).isEqualTo(Money.parse("0.99"));
    assertThat(ex.legs().get(0).averagePrice()).isEqualTo(Price.parse("0.396"));
    assertThat(ex.legs().get(1).averagePrice()).isEqualTo(Price.parse("0.50"));
    assertThat(h.snapshot().log()).anySatisfy(l -> assertThat(l.text()).startsWith("execution " + id + " HEDGED"));
    assertThat(h.snapshot().log().get(0).time()).isAfterOrEqualTo(h.snapshot().log().get(1).time());
  }

  @Test
  void killSwitchAlertsAndBalancesAppear() {
    h.start(Harness.config().build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    EngineSnapshot before = h.snapshot();
    assertThat(before.kill().engaged()).isFalse();
    assertThat(before.balance(VenueId.KALSHI).available()).isEqualTo(Money.parse("1000"));
    assertThat(before.balance(VenueId.KALSHI).readAt()).isNotNull();
    assertThat(before.balance(VenueId.POLYMARKET).reported()).isEqualTo(Money.parse("1000"));

    await(h.engine.kill("operator pressed K"));
    EngineSnapshot after = h.snapshot();
    assertThat(after.kill().engaged()).isTrue();
    assertThat(after.kill().reason()).isEqualTo("operator pressed K");
    assertThat(after.kill().at()).isNotNull();
    assertThat(after.alerts()).anySatisfy(a -> {
      assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(a.text()).isEqualTo("kill switch engaged: operator pressed K");
    });
    assertThat(after.log()).anySatisfy(l -> assertThat(l.text()).isEqualTo("trading TRADING -> KILLED: operator pressed K"));
    // a later read failure keeps the balance last read
    h.client(EngineMode.PAPER, VenueId.KALSHI).balanceFails = true;
    await(h.engine.reconcileNow());
    assertThat(h.snapshot().balance(VenueId.KALSHI).reported()).isEqualTo(Money.parse("1000"));
    assertThat(h.snapshot().balance(VenueId.KALSHI).readAt()).isEqualTo(before.balance(VenueId.KALSHI).readAt());
  }
}
