package io.github.crossarb.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Decision;
import io.github.crossarb.core.event.EngineEvent.DecisionKind;
import io.github.crossarb.core.model.VenueId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EngineProbeTest {
  private final Harness h = new Harness();
  private final RecordingProbe probe = new RecordingProbe();

  @AfterEach
  void close() {
    h.close();
  }

  /** Records what the engine measured; thread-safe as the probe contract asks. */
  static final class RecordingProbe implements EngineProbe {
    final Map<VenueId, AtomicInteger> updates = new ConcurrentHashMap<>();
    final List<Long> tickToOrder = new CopyOnWriteArrayList<>();

    @Override
    public void bookUpdate(VenueId venue) {
      updates.computeIfAbsent(venue, v -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void tickToOrder(long nanos) {
      tickToOrder.add(nanos);
    }

    int updates(VenueId venue) {
      AtomicInteger n = updates.get(venue);
      return n == null ? 0 : n.get();
    }
  }

  @Test
  void anUpdateThatOpensAWindowGivesExactlyOnePositiveTickToOrderSample() throws Exception {
    h.probe = probe;
    h.start(Harness.config().build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());

    h.pushOpportunity();
    FakeExecutor.Call call = h.executor().next();

    assertThat(probe.tickToOrder).hasSize(1);
    assertThat(probe.tickToOrder.get(0)).isPositive();
    // every venue update is counted where it arrives, before the relay coalesces a burst
    Harness.pollUntil(() -> probe.updates(VenueId.KALSHI) == 1 && probe.updates(VenueId.POLYMARKET) == 2,
        "one Kalshi and two Polymarket updates counted");

    // The same books again while the execution is in flight open no window: no second sample.
    h.pushOpportunity();
    h.events.await(Decision.class, d -> d.kind() == DecisionKind.SKIPPED && d.reason().contains("in flight"));
    assertThat(probe.tickToOrder).hasSize(1);
    Harness.pollUntil(() -> probe.updates(VenueId.KALSHI) == 2 && probe.updates(VenueId.POLYMARKET) == 4,
        "the second burst counted too");
    call.promise().complete(ArbEngineTest.hedged(call));
  }

  @Test
  void anExecutionStartedByATimerIsNotATickToOrderSample() throws Exception {
    h.probe = probe;
    h.start(Harness.config().cooldown(java.time.Duration.ofMillis(300)).build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    h.pushOpportunity();
    FakeExecutor.Call first = h.executor().next();
    first.promise().complete(ArbEngineTest.hedged(first));
    h.events.await(EngineEvent.ExecutionFinished.class, f -> true);

    // The books stay: when the cooldown ends the engine looks again by itself and executes, but no
    // book update opened that window.
    FakeExecutor.Call second = h.executor().next();
    assertThat(second.request().executionId()).isNotEqualTo(first.request().executionId());
    assertThat(probe.tickToOrder).hasSize(1);
    second.promise().complete(ArbEngineTest.hedged(second));
  }

  @Test
  void withoutAProbeTheEngineMeasuresNothingAndStillTrades() throws Exception {
    h.start(Harness.config().build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    h.pushOpportunity();
    FakeExecutor.Call call = h.executor().next();
    assertThat(call.request().pair().id()).isEqualTo(Harness.PAIR);
    call.promise().complete(ArbEngineTest.hedged(call));
  }
}
