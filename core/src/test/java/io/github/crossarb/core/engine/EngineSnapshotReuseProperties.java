package io.github.crossarb.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.execution.ExecutionOutcome;
import io.github.crossarb.core.execution.ExecutionReport;
import io.github.crossarb.core.model.InstrumentId;
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
 * The snapshot reuses each pair's view while nothing it shows changed, and counts the feeds' books
 * as they change: after any sequence of book updates, untrusted books, executions, cooldowns
 * running out, pauses and clock moves, the snapshot published equals one built afresh.
 */
class EngineSnapshotReuseProperties {
  private static final String[][] PAIRS = {
      {Harness.PAIR, Harness.TICKER, Harness.YES, Harness.NO},
      {"btc", "KXBTC", "8001", "8002"},
      {"eth", "KXETH", "9001", "9002"}};

  @Provide
  Arbitrary<List<Integer>> steps() {
    return Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(5).ofMaxSize(40);
  }

  @Property(tries = 15)
  void theSnapshotEqualsAFullRebuild(@ForAll("steps") List<Integer> steps, @ForAll boolean dryRun) throws Exception {
    try (Harness h = new Harness()) {
      h.pairs.add(h.addPair(PAIRS[1][0], PAIRS[1][1], PAIRS[1][2], PAIRS[1][3]));
      h.pairs.add(h.addPair(PAIRS[2][0], PAIRS[2][1], PAIRS[2][2], PAIRS[2][3]));
      h.start(Harness.config().mode(dryRun ? EngineMode.DRY_RUN : EngineMode.PAPER)
          .cooldown(Duration.ofSeconds(2)).build());
      if (!dryRun) {
        h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
      }
      assertReusedEqualsRebuilt(h);
      List<FakeExecutor.Call> open = new ArrayList<>();
      for (int step : steps) {
        String[] p = PAIRS[step % PAIRS.length];
        String cents = String.valueOf(30 + (step / 7) % 40);
        switch ((step / 3) % 9) {
          case 0 -> h.pushKalshi(p[1], "0.25", "0." + cents);
          case 1 -> h.pushToken(p[2], "0.20", "0." + cents);
          case 2 -> h.pushToken(p[3], "0.20", "0." + cents);
          case 3 -> h.pushOpportunity(p[1], p[2], p[3]);
          case 4 -> {
            UntrustedReason reason = UntrustedReason.values()[step % UntrustedReason.values().length];
            if (step % 2 == 0) {
              h.kalshi.marketData.untrust(InstrumentId.kalshi(p[1]), reason);
            } else {
              h.polymarket.marketData.untrust(InstrumentId.polymarket(p[step % 4 == 1 ? 2 : 3]), reason);
            }
          }
          case 5 -> h.clock.advance(Duration.ofMillis(step % 3_000));
          case 6 -> {
            if (step % 2 == 0) {
              Harness.await(h.engine.pause("operator"));
            } else {
              Harness.await(h.engine.resume());
            }
          }
          default -> {
            FakeExecutor.Call c;
            while ((c = h.executor().calls.poll()) != null) {
              open.add(c);
            }
            if (!open.isEmpty()) {
              FakeExecutor.Call done = open.remove(step % open.size());
              done.promise().complete(report(done, ExecutionOutcome.values()[step % 3]));
            }
          }
        }
        h.kalshi.barrier(() -> h.engine.approve("none")).get(5, TimeUnit.SECONDS);
        h.polymarket.barrier(() -> h.engine.approve("none")).get(5, TimeUnit.SECONDS);
        assertReusedEqualsRebuilt(h);
      }
      Harness.await(h.engine.pause("drain"));
      open.forEach(call -> call.promise().complete(report(call, ExecutionOutcome.HEDGED)));
    }
  }

  private static void assertReusedEqualsRebuilt(Harness h) {
    // the pairs are reused and the feeds counted as they change; the feeds' ages follow the time
    List<EngineSnapshot> both = Harness.await(h.engine.currentSnapshotAndFullRebuild());
    assertThat(both.get(0).pairs()).isEqualTo(both.get(1).pairs());
    assertThat(both.get(0).feeds()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("age")
        .isEqualTo(both.get(1).feeds());
    // a second publish with nothing changed reuses every view, and still shows the same
    List<EngineSnapshot> again = Harness.await(h.engine.currentSnapshotAndFullRebuild());
    assertThat(again.get(0).pairs()).isEqualTo(again.get(1).pairs());
  }

  private static ExecutionReport report(FakeExecutor.Call call, ExecutionOutcome outcome) {
    Quantity size = call.request().opportunity().size();
    boolean filled = outcome != ExecutionOutcome.NOTHING_FILLED;
    return new ExecutionReport(call.request().executionId(), call.request().pair().id(), outcome,
        filled ? size : Quantity.ZERO, filled ? size : Quantity.ZERO, filled ? size : Quantity.ZERO, Quantity.ZERO,
        null, false, Money.ZERO, List.of(), "done");
  }
}
