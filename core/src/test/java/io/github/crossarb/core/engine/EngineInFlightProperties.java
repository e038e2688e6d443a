package io.github.crossarb.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.execution.ExecutionOutcome;
import io.github.crossarb.core.execution.ExecutionReport;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Quantity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any interleaving of book updates (with and without an edge, on two pairs) and executions
 * finishing in any way, a pair never has two executions at once, every execution is reported
 * finished exactly once, and dry-run never executes.
 */
class EngineInFlightProperties {
  private static final String BTC = "btc";

  @Provide
  Arbitrary<List<Integer>> steps() {
    return Arbitraries.integers().between(0, 9).list().ofMinSize(5).ofMaxSize(40);
  }

  @Property(tries = 12)
  void oneExecutionPerPairAtATime(@ForAll("steps") List<Integer> steps, @ForAll boolean dryRun) throws Exception {
    try (Harness h = new Harness()) {
      h.pairs.add(h.addPair(BTC, "KXBTC", "8001", "8002"));
      h.start(Harness.config().mode(dryRun ? EngineMode.DRY_RUN : EngineMode.PAPER).build());
      if (!dryRun) {
        h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
      }
      FakeExecutor executor = h.executor();
      List<FakeExecutor.Call> open = new ArrayList<>();
      for (int step : steps) {
        switch (step) {
          case 0, 1 -> h.pushOpportunity();
          case 2 -> h.pushOpportunity("KXBTC", "8001", "8002");
          case 3 -> h.pushToken(Harness.NO, "0.45", "0.4" + (step + steps.size()) % 10);
          case 4 -> h.pushNoOpportunity();
          default -> {
            FakeExecutor.Call c;
            while ((c = executor.calls.poll()) != null) {
              open.add(c);
            }
            if (!open.isEmpty()) {
              FakeExecutor.Call done = open.remove(step % open.size());
              done.promise().complete(report(done, ExecutionOutcome.values()[step % 3]));
            }
          }
        }
        // let the venue and then the engine handle what was pushed before the next step
        h.kalshi.barrier(() -> h.engine.approve("none")).get(5, TimeUnit.SECONDS);
        h.polymarket.barrier(() -> h.engine.approve("none")).get(5, TimeUnit.SECONDS);
      }
      assertThat(executor.overlaps.get()).isZero();
      if (dryRun) {
        assertThat(executor.count.get()).isZero();
      }
      Harness.await(h.engine.pause("drain")); // no new executions while the open ones finish
      FakeExecutor.Call c;
      while ((c = executor.calls.poll()) != null) {
        open.add(c);
      }
      for (FakeExecutor.Call call : open) {
        call.promise().complete(report(call, ExecutionOutcome.HEDGED));
      }
      int started = executor.count.get();
      net.jqwik.api.statistics.Statistics.label("executed").collect(started > 0);
      Harness.pollUntil(() -> h.events.all(EngineEvent.ExecutionFinished.class).size() >= started
          && executor.calls.isEmpty(), "every execution finished");
      assertThat(h.events.all(EngineEvent.ExecutionFinished.class)).hasSize(executor.count.get());
      assertThat(h.events.all(EngineEvent.ExecutionFinished.class).stream().map(EngineEvent.ExecutionFinished::executionId)
          .distinct()).hasSize(executor.count.get());
    }
  }

  private static ExecutionReport report(FakeExecutor.Call call, ExecutionOutcome outcome) {
    Quantity size = call.request().opportunity().size();
    boolean filled = outcome != ExecutionOutcome.NOTHING_FILLED;
    return new ExecutionReport(call.request().executionId(), call.request().pair().id(), outcome,
        filled ? size : Quantity.ZERO, filled ? size : Quantity.ZERO, filled ? size : Quantity.ZERO, Quantity.ZERO,
        null, outcome == ExecutionOutcome.UNWOUND, Money.ZERO, List.of(), outcome.name());
  }
}
