package io.github.crossarb.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.crossarb.cli.tui.DashboardFixtures;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.OrderPurpose;
import io.github.crossarb.core.event.EventSink;
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
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineMetricsTest {
  private static final Instant T = Instant.parse("2026-11-27T09:30:00Z");
  private final AtomicReference<EngineSnapshot> snapshot = new AtomicReference<>(DashboardFixtures.busy());
  private final EngineMetrics metrics = new EngineMetrics(snapshot::get, InstantSource.fixed(T));
  private final EventSink sink = metrics.sink();

  @AfterEach
  void close() {
    metrics.close();
  }

  private PrometheusText scrape() {
    return PrometheusText.parse(metrics.scrape());
  }

  static OrderRequest order(String id, VenueId venue, Side side) {
    InstrumentId instrument = venue == VenueId.KALSHI ? InstrumentId.kalshi("KXFED") : InstrumentId.polymarket("7002");
    return new OrderRequest(new ClientOrderId(id), instrument, Outcome.YES, side, Price.parse("0.40"), Quantity.of(5),
        TimeInForce.IOC, false, null);
  }

  private void sent(String id, VenueId venue, OrderPurpose purpose, String executionId) {
    sink.emit(new EngineEvent.OrderSent(T, "fed", executionId, purpose, order(id, venue, Side.BUY)));
  }

  private void outcome(SubmitResult result) {
    sink.emit(new EngineEvent.OrderOutcome(T, "fed", "x1", result));
  }

  @Test
  void ordersAreCountedByVenuePurposeAndFirstOutcome() {
    sent("o1", VenueId.KALSHI, OrderPurpose.LEG, "x1");
    sent("o2", VenueId.POLYMARKET, OrderPurpose.LEG, "x1");
    sent("o3", VenueId.POLYMARKET, OrderPurpose.HEDGE, "x1");
    sent("o4", VenueId.KALSHI, OrderPurpose.UNWIND, "x1");
    outcome(new SubmitResult.Accepted(new ClientOrderId("o1"), new VenueOrderId("v1"), OrderStatus.FILLED, Quantity.of(5)));
    outcome(new SubmitResult.Rejected(new ClientOrderId("o2"), "no_match", "no orders found to match"));
    outcome(new SubmitResult.Unknown(new ClientOrderId("o3"), "timeout"));
    outcome(new SubmitResult.Denied(new ClientOrderId("o4"), "geoblocked"));
    // the Unknown settled later: a resolution, not a second order
    outcome(new SubmitResult.Accepted(new ClientOrderId("o3"), new VenueOrderId("v3"), OrderStatus.FILLED, Quantity.of(5)));
    // a repeated answer to an order already answered is not counted again
    outcome(new SubmitResult.Accepted(new ClientOrderId("o1"), new VenueOrderId("v1"), OrderStatus.FILLED, Quantity.of(5)));

    PrometheusText text = scrape();
    assertThat(text.value("arb_orders_total", "venue", "kalshi", "purpose", "leg", "outcome", "accepted")).contains(1.0);
    assertThat(text.value("arb_orders_total", "venue", "polymarket", "purpose", "leg", "outcome", "rejected")).contains(1.0);
    assertThat(text.value("arb_orders_total", "venue", "polymarket", "purpose", "hedge", "outcome", "unknown")).contains(1.0);
    assertThat(text.value("arb_orders_total", "venue", "kalshi", "purpose", "unwind", "outcome", "denied")).contains(1.0);
    assertThat(text.find("arb_orders_total")).hasSize(4);
    assertThat(text.value("arb_orders_unknown_resolved_total", "venue", "polymarket", "outcome", "accepted")).contains(1.0);
  }

  @Test
  void fillsUnwindsMismatchesAndOpportunitiesAreCounted() {
    Fill fill = new Fill("f1", InstrumentId.polymarket("7002"), Outcome.YES, Side.BUY, Price.parse("0.40"),
        Quantity.of(5), Money.ZERO, T, new ClientOrderId("o2"), "fed");
    sink.emit(new EngineEvent.FillRecorded(T, fill, true));
    sink.emit(new EngineEvent.FillRecorded(T, fill, false));
    sink.emit(new EngineEvent.FillConfirmed(T, VenueId.POLYMARKET, "f1"));
    sink.emit(new EngineEvent.FillReversed(T, new FillVoid(VenueId.POLYMARKET, "f1", T)));
    sink.emit(new EngineEvent.Unwind(T, "fed", "x1", VenueId.KALSHI, Quantity.of(2), Quantity.of(2),
        Money.parse("0.125"), Money.parse("5"), "sold back 2"));
    sink.emit(new EngineEvent.Unwind(T, "fed", "x2", VenueId.KALSHI, Quantity.of(1), Quantity.of(1),
        Money.parse("0.5"), Money.parse("5"), "sold back 1"));
    // x1: legs 5 and 3, unwound; x3: a hedge was needed, then both filled 5; x4: clean
    sink.emit(finished("x1", "UNWOUND", 5, 3, 0));
    sent("h1", VenueId.POLYMARKET, OrderPurpose.HEDGE, "x3");
    sink.emit(finished("x3", "HEDGED", 5, 5, 0));
    sink.emit(finished("x4", "HEDGED", 5, 5, 0));
    sink.emit(new EngineEvent.OpportunityFound(T, "x5", DashboardFixtures.busy().pairs().stream()
        .filter(p -> p.opportunity() != null).findFirst().orElseThrow().opportunity()));

    PrometheusText text = scrape();
    assertThat(text.value("arb_fills_total", "venue", "polymarket", "state", "provisional")).contains(1.0);
    assertThat(text.value("arb_fills_total", "venue", "polymarket", "state", "final")).contains(1.0);
    assertThat(text.value("arb_fills_total", "venue", "polymarket", "state", "confirmed")).contains(1.0);
    assertThat(text.value("arb_fills_total", "venue", "polymarket", "state", "reversed")).contains(1.0);
    assertThat(text.value("arb_unwinds_total")).contains(2.0);
    assertThat(text.value("arb_unwind_loss_dollars_total").orElseThrow()).isCloseTo(0.625, within(1e-9));
    assertThat(text.value("arb_leg_mismatches_total")).contains(2.0);
    assertThat(text.value("arb_executions_total", "outcome", "hedged")).contains(2.0);
    assertThat(text.value("arb_executions_total", "outcome", "unwound")).contains(1.0);
    assertThat(text.value("arb_opportunities_total")).contains(1.0);
  }

  private static EngineEvent.ExecutionFinished finished(String id, String outcome, long kalshi, long poly, long residual) {
    return new EngineEvent.ExecutionFinished(T, "fed", id, outcome, Quantity.of(kalshi), Quantity.of(poly),
        Quantity.of(Math.min(kalshi, poly)), Quantity.of(residual), Money.parse("0.5"), List.of(), "done");
  }

  @Test
  void stateGaugesReadTheSnapshotAtScrapeTime() {
    EngineSnapshot busy = DashboardFixtures.busy();
    PrometheusText text = scrape();
    // the clock is 09:30:00; Kalshi's last message 400 ms before, Polymarket's 1.2 s
    assertThat(text.value("arb_feed_age_seconds", "venue", "kalshi").orElseThrow()).isCloseTo(0.4, within(1e-9));
    assertThat(text.value("arb_feed_age_seconds", "venue", "polymarket").orElseThrow()).isCloseTo(1.2, within(1e-9));
    assertThat(text.value("arb_books_untrusted", "venue", "polymarket")).contains(1.0);
    assertThat(text.value("arb_books_trusted", "venue", "polymarket")).contains(27.0);
    assertThat(text.value("arb_realized_pnl_today_dollars")).contains(-0.06);
    assertThat(text.value("arb_realized_pnl_dollars").orElseThrow())
        .isCloseTo(busy.ledger().totals().realizedPnl().micros() / 1e6, within(1e-9));
    assertThat(text.value("arb_kill_switch_engaged")).contains(0.0);
    assertThat(text.value("arb_trading_state", "state", "trading")).contains(1.0);
    assertThat(text.value("arb_trading_state", "state", "killed")).contains(0.0);
    assertThat(text.value("arb_engine_mode", "mode", "paper")).contains(1.0);
    assertThat(text.value("arb_reconciliation_passed")).contains(1.0);

    snapshot.set(DashboardFixtures.killed());
    text = scrape();
    assertThat(text.value("arb_kill_switch_engaged")).contains(1.0);
    assertThat(text.value("arb_trading_state", "state", "killed")).contains(1.0);
    assertThat(text.value("arb_trading_state", "state", "trading")).contains(0.0);
    assertThat(text.value("arb_books_untrusted", "venue", "polymarket")).contains(28.0);
    assertThat(text.value("arb_feed_age_seconds", "venue", "polymarket")).contains(75.0);
  }

  @Test
  void probeCountsBookUpdatesAndRecordsTickToOrderInAHistogram() {
    metrics.bookUpdate(VenueId.KALSHI);
    metrics.bookUpdate(VenueId.KALSHI);
    metrics.bookUpdate(VenueId.POLYMARKET);
    metrics.tickToOrder(TimeUnit.MICROSECONDS.toNanos(250));
    metrics.tickToOrder(TimeUnit.MILLISECONDS.toNanos(3));

    PrometheusText text = scrape();
    assertThat(text.value("arb_book_updates_total", "venue", "kalshi")).contains(2.0);
    assertThat(text.value("arb_book_updates_total", "venue", "polymarket")).contains(1.0);
    assertThat(text.value("arb_tick_to_order_seconds_count")).contains(2.0);
    assertThat(text.value("arb_tick_to_order_seconds_sum").orElseThrow()).isCloseTo(0.00325, within(1e-9));
    List<PrometheusText.Sample> buckets = text.find("arb_tick_to_order_seconds_bucket");
    assertThat(buckets).hasSizeGreaterThan(10);
    assertThat(text.value("arb_tick_to_order_seconds_bucket", "le", "+Inf")).contains(2.0);
    // cumulative buckets: one sample at or below 1 ms, both at or below 5 ms
    double atOneMs = buckets.stream().filter(b -> !b.labels().get("le").equals("+Inf")
        && Double.parseDouble(b.labels().get("le")) >= 0.00025 && Double.parseDouble(b.labels().get("le")) < 0.003)
        .mapToDouble(PrometheusText.Sample::value).max().orElseThrow();
    assertThat(atOneMs).isEqualTo(1.0);
  }

  @Test
  void jvmMetersAreThere() {
    PrometheusText text = scrape();
    assertThat(text.find("jvm_memory_used_bytes")).isNotEmpty();
    assertThat(text.find("jvm_threads_live_threads")).hasSize(1);
    assertThat(text.find("jvm_classes_loaded_classes")).hasSize(1);
    assertThat(text.find("system_cpu_count")).hasSize(1);
    assertThat(text.find("process_uptime_seconds")).hasSize(1);
  }

  @Test
  void aThrowingSnapshotNeverBreaksTheSinkNorTheScrape() {
    EngineMetrics broken = new EngineMetrics(() -> {
      throw new IllegalStateException("no snapshot");
    }, InstantSource.fixed(T));
    try {
      broken.sink().emit(new EngineEvent.Alert(T, EngineEvent.Severity.WARNING, null, "x"));
      PrometheusText text = PrometheusText.parse(broken.scrape());
      assertThat(text.value("arb_alerts_total", "severity", "warning")).contains(1.0);
      assertThat(text.value("arb_kill_switch_engaged").orElseThrow()).isNaN();
    } finally {
      broken.close();
    }
  }
}
