package io.github.crossarb.core.execution;

import static io.github.crossarb.core.execution.ExecutionFixtures.KALSHI;
import static io.github.crossarb.core.execution.ExecutionFixtures.POLY_NO;
import static io.github.crossarb.core.execution.ExecutionFixtures.book;
import static io.github.crossarb.core.execution.ExecutionFixtures.levels;
import static io.github.crossarb.core.execution.ExecutionFixtures.opportunity;
import static io.github.crossarb.core.execution.ExecutionFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.OrderPurpose;
import io.github.crossarb.core.execution.ExecutionFixtures.RecordingContext;
import io.github.crossarb.core.execution.ScriptedExecutionClient.Kind;
import io.github.crossarb.core.execution.ScriptedExecutionClient.Reply;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Whatever the venues answer (fills, partials, rejects, denials, unknowns, late answers) and
 * whatever the risk check and the books say, the executor never sends two orders under one client
 * order id, never hedges after the deadline, never loops unwinds, and accounts exactly what the
 * venues filled.
 */
class LegExecutorProperties {
  private static final Vertx VERTX = Vertx.vertx();
  private static final Duration DEADLINE = Duration.ofMillis(40);
  private static final LegRiskParams PARAMS =
      new LegRiskParams(Money.parse("0.02"), DEADLINE, 2, Money.parse("0.60"), Duration.ofMillis(30));

  @AfterContainer
  static void closeVertx() throws Exception {
    VERTX.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  record Scenario(ExecutionPolicy policy, List<Reply> kalshi, List<Reply> poly, Set<Integer> deniedChecks,
      boolean kalshiTrusted, boolean polyTrusted, boolean polyAsksWithinCap) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<List<Reply>> replies = reply().list().ofMinSize(0).ofMaxSize(6);
    Arbitrary<Set<Integer>> denied = Arbitraries.integers().between(1, 8).set().ofMaxSize(3)
        .injectDuplicates(0).edgeCases(e -> e.add(Set.of()));
    return Combinators.combine(
            Arbitraries.of(ExecutionPolicy.class), replies, replies, denied,
            Arbitraries.of(true, true, false), Arbitraries.of(true, true, false), Arbitraries.of(true, false))
        .as(Scenario::new);
  }

  private Arbitrary<Reply> reply() {
    Arbitrary<Kind> kind = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.FILL)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.PENDING)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.RESTING)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.REJECT)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.DENY)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.UNKNOWN_TAKEN)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.UNKNOWN_LOST)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.UNKNOWN_SILENT)));
    Arbitrary<Integer> permille = Arbitraries.oneOf(Arbitraries.of(0, 1000, 1000), Arbitraries.integers().between(0, 1000));
    Arbitrary<Long> delay = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 15));
    return Combinators.combine(kind, permille, delay).as((k, p, d) -> new Reply(k, p, d, null));
  }

  @Property(tries = 150)
  void executorKeepsItsPromises(@ForAll("scenarios") Scenario s) throws Exception {
    InstantSource clock = InstantSource.system();
    ScriptedExecutionClient kalshi = new ScriptedExecutionClient(VERTX, VenueId.KALSHI, Quantity.of(1), clock);
    ScriptedExecutionClient poly = new ScriptedExecutionClient(VERTX, VenueId.POLYMARKET, Quantity.parse("0.01"), clock);
    kalshi.then(s.kalshi().toArray(Reply[]::new));
    poly.then(s.poly().toArray(Reply[]::new));
    RecordingContext ctx = new RecordingContext(clock)
        .withBook(book(KALSHI, clock, levels("0.38@100"), levels("0.40@100")))
        .withBook(book(POLY_NO, clock, levels("0.53@100"),
            s.polyAsksWithinCap() ? levels("0.55@6", "0.56@100") : levels("0.60@100")))
        .denyChecks(s.deniedChecks().toArray(Integer[]::new));
    if (!s.kalshiTrusted()) {
      ctx.book(KALSHI).markUntrusted(UntrustedReason.DISCONNECTED);
    }
    if (!s.polyTrusted()) {
      ctx.book(POLY_NO).markUntrusted(UntrustedReason.SILENT);
    }
    LegExecutor executor = new LegExecutor(VERTX, Map.of(VenueId.KALSHI, kalshi, VenueId.POLYMARKET, poly), PARAMS);
    CompletableFuture<ExecutionReport> done = new CompletableFuture<>();
    VERTX.getOrCreateContext().runOnContext(v -> executor
        .execute(request(opportunity("10", "0.40", "0.55"), s.policy()), ctx)
        .onComplete(ar -> {
          if (ar.succeeded()) {
            done.complete(ar.result());
          } else {
            done.completeExceptionally(ar.cause());
          }
        }));
    ExecutionReport report = done.get(20, TimeUnit.SECONDS);

    List<OrderRequest> all = new ArrayList<>(kalshi.orders());
    all.addAll(poly.orders());

    // one order per client order id, every id the engine's
    Set<String> ids = new HashSet<>();
    for (OrderRequest order : all) {
      assertThat(ids.add(order.clientOrderId().value())).as("id %s sent twice", order.clientOrderId()).isTrue();
    }
    assertThat(ctx.ids.stream().map(Object::toString).toList()).containsAll(ids);

    // every submit announced, answered, reported; risk checked at least as often
    assertThat(ctx.eventsOf(EngineEvent.OrderSent.class)).hasSize(all.size());
    assertThat(ctx.finished).hasSize(all.size());
    assertThat(ctx.intents.size()).isGreaterThanOrEqualTo(all.size());

    // every order was allowed by a risk check of its own notional made before it was sent
    List<Object> timeline;
    synchronized (ctx.timeline) {
      timeline = List.copyOf(ctx.timeline);
    }
    Set<Integer> usedChecks = new HashSet<>();
    for (int i = 0; i < timeline.size(); i++) {
      if (timeline.get(i) instanceof EngineEvent.OrderSent sent) {
        OrderRequest o = sent.request();
        Money notional = o.side() == io.github.crossarb.core.model.Side.BUY
            ? Money.costOf(o.price(), o.size())
            : Money.proceedsOf(o.price(), o.size());
        int match = -1;
        for (int j = 0; j < i && match < 0; j++) {
          if (!usedChecks.contains(j) && timeline.get(j) instanceof ExecutionFixtures.Checked c
              && c.intent().notional().equals(notional) && c.decision().isAllowed()) {
            match = j;
          }
        }
        assertThat(match).as("no allowed risk check of %s before %s", notional, o).isNotNegative();
        usedChecks.add(match);
      }
    }

    // nothing but unwinds after the hedge deadline (counted from the first fill learnt)
    Instant firstFill = ctx.eventsOf(EngineEvent.OrderOutcome.class).stream()
        .filter(o -> o.result() instanceof SubmitResult.Accepted a && !a.filled().isZero())
        .map(EngineEvent.OrderOutcome::time).min(Instant::compareTo).orElse(null);
    for (EngineEvent.OrderSent sent : ctx.eventsOf(EngineEvent.OrderSent.class)) {
      if (sent.purpose() != OrderPurpose.UNWIND && firstFill != null && sent.time().isAfter(firstFill)) {
        assertThat(sent.time()).as("%s sent after the deadline", sent.purpose()).isBeforeOrEqualTo(firstFill.plus(DEADLINE));
      }
    }

    // bounded: two legs, the hedge attempts, one unwind plus one retry
    long hedges = ctx.eventsOf(EngineEvent.OrderSent.class).stream().filter(e -> e.purpose() == OrderPurpose.HEDGE).count();
    long unwinds = ctx.eventsOf(EngineEvent.OrderSent.class).stream().filter(e -> e.purpose() == OrderPurpose.UNWIND).count();
    assertThat(hedges).isLessThanOrEqualTo(PARAMS.maxHedgeAttempts());
    assertThat(unwinds).isLessThanOrEqualTo(2);

    // hedged + residual = the larger fill
    Quantity k = report.kalshiFilled();
    Quantity p = report.polymarketFilled();
    assertThat(report.hedged()).isEqualTo(k.min(p));
    assertThat(report.hedged().plus(report.residual())).isEqualTo(k.compareTo(p) >= 0 ? k : p);

    if (report.outcome() != ExecutionOutcome.UNKNOWN) {
      // the executor's accounting is the venues' truth
      assertThat(k).isEqualTo(kalshi.netFilled());
      assertThat(p).isEqualTo(poly.netFilled());
      assertThat(report.unknownOrders()).isEmpty();
    } else {
      assertThat(report.unknownOrders()).isNotEmpty();
      // an order left unknown stops the execution: no hedge or unwind is sent after its answer
      List<EngineEvent> events;
      synchronized (ctx.events) {
        events = List.copyOf(ctx.events);
      }
      for (var unknown : report.unknownOrders()) {
        int answered = -1;
        for (int i = 0; i < events.size(); i++) {
          if (events.get(i) instanceof EngineEvent.OrderOutcome o && o.result().clientOrderId().equals(unknown)) {
            answered = i;
          }
        }
        assertThat(answered).isNotNegative();
        for (int i = answered + 1; i < events.size(); i++) {
          if (events.get(i) instanceof EngineEvent.OrderSent sent) {
            assertThat(sent.purpose()).as("sent after %s stayed unknown", unknown).isEqualTo(OrderPurpose.LEG);
          }
        }
      }
    }
    switch (report.outcome()) {
      case HEDGED, UNWOUND, NOTHING_FILLED -> assertThat(report.residual()).isEqualTo(Quantity.ZERO);
      case DENIED -> assertThat(k.plus(p)).isEqualTo(Quantity.ZERO);
      case RESIDUAL_OPEN -> {
        assertThat(report.residual()).isNotEqualTo(Quantity.ZERO);
        assertThat(ctx.eventsOf(EngineEvent.Alert.class))
            .anySatisfy(a -> assertThat(a.severity()).isEqualTo(EngineEvent.Severity.CRITICAL));
      }
      default -> { }
    }
    assertThat(report.realizedLoss()).isLessThanOrEqualTo(PARAMS.unwindLossCap());
  }
}
