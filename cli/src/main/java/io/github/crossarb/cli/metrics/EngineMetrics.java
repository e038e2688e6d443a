package io.github.crossarb.cli.metrics;

import io.github.crossarb.core.engine.EngineMode;
import io.github.crossarb.core.engine.EngineProbe;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.engine.EngineSnapshot.FeedHealth;
import io.github.crossarb.core.engine.EngineSnapshot.TradingState;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EventSink;
import io.github.crossarb.core.execution.ExecutionOutcome;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.SubmitResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The controller's Prometheus metrics: what the engine does (from its events), what it is (from its
 * published snapshot, read at scrape time), how fast it reacts (from its {@link EngineProbe}) and the
 * JVM. Meter names start with {@code arb_}; tags are few and bounded (venue, purpose, outcome, state,
 * mode, severity): no pair or order ids, so the series count does not grow with trading.
 *
 * <p>Thread-safety: the probe is called from the venues' contexts, the sink from the engine's, the
 * scrape from the web server's; Micrometer's meters are thread-safe, and the little state kept here
 * (which order was sent for what) is guarded by this object's lock.
 */
public final class EngineMetrics implements EngineProbe, AutoCloseable {
  /** Orders (and executions) remembered between their sending and their outcome; older ones are forgotten. */
  private static final int REMEMBERED = 4096;

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Supplier<EngineSnapshot> snapshots;
  private final InstantSource clock;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<VenueId, Counter> bookUpdates = new EnumMap<>(VenueId.class);
  private final Timer tickToOrder;
  private final Counter opportunities;
  private final Counter unwinds;
  private final Counter unwindLoss;
  private final Counter legMismatches;
  private final Map<ClientOrderId, SentOrder> sent = bounded();
  private final Map<String, Boolean> correctingOrders = bounded();

  /** What an order was sent as, and whether its first outcome was Unknown. */
  private static final class SentOrder {
    final String venue;
    final String purpose;
    boolean answered;
    boolean unknown;

    SentOrder(String venue, String purpose) {
      this.venue = venue;
      this.purpose = purpose;
    }
  }

  /**
   * @param snapshots the engine's published snapshot (thread-safe, e.g. {@code engine::snapshot})
   * @param clock for the feeds' ages
   */
  public EngineMetrics(Supplier<EngineSnapshot> snapshots, InstantSource clock) {
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.clock = Objects.requireNonNull(clock, "clock");
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);

    for (VenueId venue : VenueId.values()) {
      String v = venue.label();
      bookUpdates.put(venue, Counter.builder("arb.book.updates")
          .description("Book updates (and untrust notices) the venue's feed handed to the engine")
          .tag("venue", v).register(registry));
      Gauge.builder("arb.feed.age", this, m -> m.read(snap -> m.feedAgeSeconds(snap, venue))).baseUnit("seconds")
          .description("Seconds since the engine last took a book message from the venue (NaN before the first)")
          .tag("venue", v).register(registry);
      Gauge.builder("arb.books.untrusted", this, m -> m.read(snap -> feedCount(snap, venue, false)))
          .description("Followed books of the venue that are not trusted (awaiting a snapshot, gap, silence, ...)")
          .tag("venue", v).register(registry);
      Gauge.builder("arb.books.trusted", this, m -> m.read(snap -> feedCount(snap, venue, true)))
          .description("Followed books of the venue that are trusted")
          .tag("venue", v).register(registry);
    }
    tickToOrder = Timer.builder("arb.tick.to.order")
        .description("From the book update that opened an opportunity arriving at the engine to its legs handed to"
            + " the executor")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(10_000))
        .maximumExpectedValue(Duration.ofSeconds(5))
        .register(registry);
    opportunities = Counter.builder("arb.opportunities")
        .description("Opportunities found (each once, not per book tick)").register(registry);
    unwinds = Counter.builder("arb.unwinds").description("Residuals sold back (unwinds)").register(registry);
    unwindLoss = Counter.builder("arb.unwind.loss").baseUnit("dollars")
        .description("Dollars lost by unwinds").register(registry);
    legMismatches = Counter.builder("arb.leg.mismatches")
        .description("Executions whose legs filled differently (a hedge or an unwind was needed, or a residual left)")
        .register(registry);
    Gauge.builder("arb.realized.pnl.today", this, m -> m.read(snap -> dollars(snap.realizedPnlToday()))).baseUnit("dollars")
        .description("Today's realised P&L as the daily loss limit counts it").register(registry);
    Gauge.builder("arb.realized.pnl", this, m -> m.read(
        snap -> snap.ledger() == null ? Double.NaN : dollars(snap.ledger().totals().realizedPnl()))).baseUnit("dollars").description("The current mode's ledger's realised P&L, all time (NaN in dry-run)")
        .register(registry);
    Gauge.builder("arb.kill.switch.engaged", this, m -> m.read(snap -> snap.kill().engaged() ? 1 : 0))
        .description("1 while the kill switch is engaged").register(registry);
    for (TradingState state : TradingState.values()) {
      Gauge.builder("arb.trading.state", this, m -> m.read(snap -> snap.trading() == state ? 1 : 0))
          .description("1 for the engine's trading state now, 0 for the others")
          .tag("state", lower(state)).register(registry);
    }
    for (EngineMode mode : EngineMode.values()) {
      Gauge.builder("arb.engine.mode", this, m -> m.read(snap -> snap.mode() == mode ? 1 : 0))
          .description("1 for the engine's mode now, 0 for the others")
          .tag("mode", lower(mode)).register(registry);
    }
    Gauge.builder("arb.reconciliation.passed", this, m -> m.read(snap -> {
      EngineSnapshot.Reconciliation r = snap.lastReconciliation();
      return r == null ? Double.NaN : r.passed() ? 1 : 0;
    })).description("1 if the last reconciliation passed, 0 if it found drift (NaN before the first)")
        .register(registry);
    Gauge.builder("arb.consecutive.order.errors", this, m -> m.read(EngineSnapshot::consecutiveOrderErrors))
        .description("Order errors in a row (trading stops at the configured limit)").register(registry);
    Gauge.builder("arb.unconfirmed.fills", this, m -> m.read(EngineSnapshot::unconfirmedFills))
        .description("Polymarket fills not confirmed on chain yet").register(registry);
  }

  /** The engine's events, counted. Returns at once and never throws. */
  public EventSink sink() {
    return event -> {
      try {
        record(event);
      } catch (RuntimeException e) {
        // Metrics never stop the audit trail; a miscount is what is lost.
      }
    };
  }

  /** Everything, in the Prometheus text format (version 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  /** The registry, for meters of other parts (the alert notifier's deliveries). */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void bookUpdate(VenueId venue) {
    Counter c = bookUpdates.get(venue);
    if (c != null) {
      c.increment();
    }
  }

  @Override
  public void tickToOrder(long nanos) {
    tickToOrder.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }

  private void record(EngineEvent event) {
    if (event instanceof EngineEvent.OpportunityFound) {
      opportunities.increment();
    } else if (event instanceof EngineEvent.OrderSent o) {
      String purpose = lower(o.purpose());
      synchronized (this) {
        sent.put(o.request().clientOrderId(), new SentOrder(o.request().instrument().venue().label(), purpose));
        if (o.executionId() != null && o.purpose() != EngineEvent.OrderPurpose.LEG) {
          correctingOrders.put(o.executionId(), Boolean.TRUE);
        }
      }
    } else if (event instanceof EngineEvent.OrderOutcome o) {
      orderOutcome(o.result());
    } else if (event instanceof EngineEvent.FillRecorded f) {
      fill(f.fill().venue(), f.provisional() ? "provisional" : "final");
    } else if (event instanceof EngineEvent.FillConfirmed f) {
      fill(f.venue(), "confirmed");
    } else if (event instanceof EngineEvent.FillReversed f) {
      fill(f.fillVoid().venue(), "reversed");
    } else if (event instanceof EngineEvent.Unwind u) {
      unwinds.increment();
      if (u.realizedLoss().isPositive()) {
        unwindLoss.increment(dollars(u.realizedLoss()));
      }
    } else if (event instanceof EngineEvent.ExecutionFinished f) {
      executionFinished(f);
    } else if (event instanceof EngineEvent.Alert a) {
      registry.counter("arb.alerts", "severity", lower(a.severity())).increment();
    } else if (event instanceof EngineEvent.Reconciled r) {
      registry.counter("arb.reconciliations", "passed", Boolean.toString(r.passed())).increment();
    }
  }

  private void orderOutcome(SubmitResult result) {
    String outcome = result instanceof SubmitResult.Accepted ? "accepted"
        : result instanceof SubmitResult.Rejected ? "rejected"
        : result instanceof SubmitResult.Denied ? "denied" : "unknown";
    SentOrder order;
    boolean resolution;
    synchronized (this) {
      order = sent.get(result.clientOrderId());
      if (order == null) {
        order = new SentOrder("unknown", "unknown"); // sent before this process counted (or forgotten)
      }
      resolution = order.answered;
      if (resolution && !order.unknown) {
        return; // answered already, not an Unknown being settled: counted once
      }
      order.answered = true;
      order.unknown = !resolution && "unknown".equals(outcome);
    }
    if (resolution) {
      registry.counter("arb.orders.unknown.resolved", "venue", order.venue, "outcome", outcome).increment();
    } else {
      registry.counter("arb.orders", "venue", order.venue, "purpose", order.purpose, "outcome", outcome).increment();
    }
  }

  private void fill(VenueId venue, String state) {
    registry.counter("arb.fills", "venue", venue.label(), "state", state).increment();
  }

  private void executionFinished(EngineEvent.ExecutionFinished f) {
    String outcome = f.outcome() == null ? "unknown" : f.outcome().toLowerCase(Locale.ROOT);
    registry.counter("arb.executions", "outcome", outcome).increment();
    boolean corrected;
    synchronized (this) {
      corrected = f.executionId() != null && correctingOrders.remove(f.executionId()) != null;
    }
    if (isMismatch(f) || corrected) {
      legMismatches.increment();
    }
  }

  /** Whether an execution's legs filled differently, by what it reported (hedges and unwinds aside). */
  public static boolean isMismatch(EngineEvent.ExecutionFinished f) {
    if (ExecutionOutcome.UNWOUND.name().equals(f.outcome()) || ExecutionOutcome.RESIDUAL_OPEN.name().equals(f.outcome())) {
      return true;
    }
    if (f.residual() != null && !f.residual().isZero()) {
      return true;
    }
    return f.kalshiFilled() != null && f.polymarketFilled() != null && !f.kalshiFilled().equals(f.polymarketFilled());
  }

  /** A value of the snapshot now; NaN when there is none (a gauge never throws into a scrape). */
  private double read(ToDoubleFunction<EngineSnapshot> value) {
    try {
      EngineSnapshot s = snapshots.get();
      return s == null ? Double.NaN : value.applyAsDouble(s);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private double feedAgeSeconds(EngineSnapshot snapshot, VenueId venue) {
    FeedHealth feed = snapshot.feed(venue);
    if (feed == null || feed.lastMessage() == null) {
      return Double.NaN;
    }
    return (clock.millis() - feed.lastMessage().toEpochMilli()) / 1000.0;
  }

  private static double feedCount(EngineSnapshot snapshot, VenueId venue, boolean trusted) {
    FeedHealth feed = snapshot.feed(venue);
    if (feed == null) {
      return Double.NaN;
    }
    return trusted ? feed.trusted() : feed.untrusted();
  }

  /**
   * Money as a double, for Micrometer (whose values are doubles): only here, at the metrics edge,
   * where a rounding in the last cent of a chart costs nothing; the engine's money stays exact.
   */
  static double dollars(Money money) {
    return money.micros() / 1_000_000.0;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static <K, V> Map<K, V> bounded() {
    return new LinkedHashMap<>(64, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > REMEMBERED;
      }
    };
  }
}
