package io.github.crossarb.core.execution;

import static io.github.crossarb.core.execution.ExecutionFixtures.KALSHI;
import static io.github.crossarb.core.execution.ExecutionFixtures.KALSHI_INSTRUMENT;
import static io.github.crossarb.core.execution.ExecutionFixtures.NO_FEES;
import static io.github.crossarb.core.execution.ExecutionFixtures.POLY_NO;
import static io.github.crossarb.core.execution.ExecutionFixtures.book;
import static io.github.crossarb.core.execution.ExecutionFixtures.defaultParams;
import static io.github.crossarb.core.execution.ExecutionFixtures.levels;
import static io.github.crossarb.core.execution.ExecutionFixtures.opportunity;
import static io.github.crossarb.core.execution.ExecutionFixtures.params;
import static io.github.crossarb.core.execution.ExecutionFixtures.request;
import static io.github.crossarb.core.execution.ScriptedExecutionClient.Kind;
import static io.github.crossarb.core.execution.ScriptedExecutionClient.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.OrderPurpose;
import io.github.crossarb.core.execution.ExecutionFixtures.RecordingContext;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pricing.KalshiFeeModel;
import io.github.crossarb.core.risk.DenialReason;
import io.github.crossarb.core.risk.RiskDecision;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LegExecutorTest {
  private static Vertx vertx;
  private final InstantSource clock = InstantSource.system();
  private ScriptedExecutionClient kalshi;
  private ScriptedExecutionClient poly;
  private RecordingContext ctx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void setUp() {
    kalshi = new ScriptedExecutionClient(vertx, VenueId.KALSHI, Quantity.of(1), clock);
    poly = new ScriptedExecutionClient(vertx, VenueId.POLYMARKET, Quantity.parse("0.01"), clock);
    ctx = new RecordingContext(clock)
        .withBook(book(KALSHI, clock, levels("0.38@100"), levels("0.40@100")))
        .withBook(book(POLY_NO, clock, levels("0.53@100"), levels("0.55@6", "0.56@100")));
  }

  private ExecutionReport run(ExecutionPolicy policy) throws Exception {
    return run(request(opportunity("10", "0.40", "0.55"), policy), defaultParams(), Map.of());
  }

  private ExecutionReport run(ExecutionRequest request, LegRiskParams params, Map<VenueId, VenueCapabilities> caps)
      throws Exception {
    LegExecutor executor = new LegExecutor(vertx, Map.of(VenueId.KALSHI, kalshi, VenueId.POLYMARKET, poly), caps, params);
    CompletableFuture<ExecutionReport> done = new CompletableFuture<>();
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> executor.execute(request, ctx).onComplete(ar -> {
      if (ar.succeeded()) {
        done.complete(ar.result());
      } else {
        done.completeExceptionally(ar.cause());
      }
    }));
    return done.get(20, TimeUnit.SECONDS);
  }

  private List<EngineEvent.OrderSent> sent(OrderPurpose purpose) {
    return ctx.eventsOf(EngineEvent.OrderSent.class).stream().filter(e -> e.purpose() == purpose).toList();
  }

  /** Every submit was announced, answered, reported to the engine and risk-checked, each id once. */
  private void assertOrderBookkeeping() {
    int orders = kalshi.orders().size() + poly.orders().size();
    assertThat(ctx.eventsOf(EngineEvent.OrderSent.class)).hasSize(orders);
    assertThat(ctx.finished).hasSize(orders);
    assertThat(ctx.intents.size()).isGreaterThanOrEqualTo(orders);
    List<String> ids = java.util.stream.Stream.concat(kalshi.orders().stream(), poly.orders().stream())
        .map(o -> o.clientOrderId().value()).toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ctx.ids.stream().map(Object::toString).toList()).containsAll(ids);
  }

  @Nested
  class Parallel {
    @Test
    void bothLegsFillingIsHedged() throws Exception {
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.HEDGED);
      assertThat(report.hedged()).isEqualTo(Quantity.of(10));
      assertThat(report.residual()).isEqualTo(Quantity.ZERO);
      assertThat(report.legsMismatched()).isFalse();
      OrderRequest k = kalshi.orders().get(0);
      OrderRequest p = poly.orders().get(0);
      assertThat(k.timeInForce()).isEqualTo(TimeInForce.IOC);
      assertThat(p.timeInForce()).isEqualTo(TimeInForce.IOC);
      assertThat(k.price()).isEqualTo(Price.parse("0.40"));
      assertThat(p.price()).isEqualTo(Price.parse("0.55"));
      assertThat(p.outcome()).isEqualTo(io.github.crossarb.core.model.Outcome.NO);
      assertThat(kalshi.orders()).hasSize(1);
      assertThat(poly.orders()).hasSize(1);
      assertThat(ctx.intents.get(0).addedUnhedgedExposure()).isEqualTo(Money.parse("4"));
      assertOrderBookkeeping();
    }

    @Test
    void riskDenyingEitherLegSendsNothing() throws Exception {
      ctx.denyCheck(2); // the Polymarket leg
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.DENIED);
      assertThat(report.detail()).contains("check 2 denied");
      assertThat(kalshi.orders()).isEmpty();
      assertThat(poly.orders()).isEmpty();
      assertThat(ctx.events).isEmpty();
    }

    @Test
    void venueDenyingBothLegsIsDenied() throws Exception {
      kalshi.then(Reply.of(Kind.DENY));
      poly.then(Reply.of(Kind.DENY));
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.DENIED);
      assertOrderBookkeeping();
    }

    @Test
    void neitherLegFillingIsNothingFilled() throws Exception {
      kalshi.then(Reply.fill(0));
      poly.then(Reply.of(Kind.REJECT));
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.NOTHING_FILLED);
      assertThat(kalshi.orders()).hasSize(1);
      assertThat(poly.orders()).hasSize(1);
    }

    @Test
    void partialLegIsHedgedAtTheWorstAskItNeeds() throws Exception {
      poly.then(Reply.fill(400)); // 4 of 10
      ctx.withBook(book(POLY_NO, clock, levels("0.53@100"), levels("0.55@20", "0.56@100")));
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.HEDGED);
      assertThat(report.legsMismatched()).isTrue();
      assertThat(report.polymarketFilled()).isEqualTo(Quantity.of(10));
      List<EngineEvent.OrderSent> hedges = sent(OrderPurpose.HEDGE);
      assertThat(hedges).hasSize(1);
      OrderRequest hedge = hedges.get(0).request();
      assertThat(hedge.instrument()).isEqualTo(POLY_NO);
      // 6 more, priced as if the 4 bought were still on the book: 10 fit in the 0.55 level
      assertThat(hedge.size()).isEqualTo(Quantity.of(6));
      assertThat(hedge.price()).isEqualTo(Price.parse("0.55"));
      assertThat(hedge.timeInForce()).isEqualTo(TimeInForce.IOC);
      // a hedge closes a residual: it adds no unhedged exposure
      assertThat(ctx.intents.get(2).addedUnhedgedExposure()).isEqualTo(Money.ZERO);
      assertOrderBookkeeping();
    }

    @Test
    void shortfallBelowTheVenueMinimumIsUnwoundInstead() throws Exception {
      poly.then(Reply.fill(600)); // 4 short, Polymarket's minimum is 5
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(sent(OrderPurpose.HEDGE)).isEmpty();
      assertThat(sent(OrderPurpose.UNWIND)).singleElement()
          .satisfies(u -> assertThat(u.request().size()).isEqualTo(Quantity.of(4)));
      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNWOUND);
      assertThat(report.hedged()).isEqualTo(Quantity.of(6));
    }

    @Test
    void anUnwindAsksTheRiskCheckAsAnOrderThatReducesExposure() throws Exception {
      poly.then(Reply.fill(600)); // 4 short, below Polymarket's minimum: unwound
      // The limits refuse anything that is not an unwind (exposure already over a limit).
      ctx.risk = intent -> intent.reducesExposure() || ctx.intents.size() <= 2 ? RiskDecision.ALLOWED
          : new RiskDecision.Denied(DenialReason.UNHEDGED_EXPOSURE_LIMIT, "over the limit");
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNWOUND);
      assertThat(ctx.intents.get(2).reducesExposure()).isTrue();
      assertThat(ctx.intents.get(2).addedUnhedgedExposure()).isEqualTo(Money.ZERO);
    }

    @Test
    void hedgePaysTheWorstLevelItNeeds() throws Exception {
      // asks 0.55@6 then 0.56@100: the 0.55 level is not enough for 2 bought + 8 more
      poly.then(Reply.fill(200));
      run(ExecutionPolicy.PARALLEL);

      OrderRequest hedge = sent(OrderPurpose.HEDGE).get(0).request();
      assertThat(hedge.size()).isEqualTo(Quantity.of(8));
      assertThat(hedge.price()).isEqualTo(Price.parse("0.56"));
    }

    @Test
    void hedgeNeverPaysMoreThanTheSlippageCap() throws Exception {
      poly.then(Reply.fill(200));
      ctx.withBook(book(POLY_NO, clock, levels("0.53@100"), levels("0.55@3", "0.58@100")));
      run(ExecutionPolicy.PARALLEL);

      assertThat(sent(OrderPurpose.HEDGE)).isNotEmpty()
          .allSatisfy(h -> assertThat(h.request().price()).isEqualTo(Price.parse("0.57")));
    }

    @Test
    void failedLegWithoutAHedgeWithinTheCapIsUnwoundAtTheBestBid() throws Exception {
      poly.then(Reply.of(Kind.REJECT));
      ctx.withBook(book(POLY_NO, clock, levels("0.53@100"), levels("0.60@100"))); // above 0.55 + 0.02
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNWOUND);
      assertThat(sent(OrderPurpose.HEDGE)).isEmpty();
      List<EngineEvent.OrderSent> unwinds = sent(OrderPurpose.UNWIND);
      assertThat(unwinds).hasSize(1);
      OrderRequest sell = unwinds.get(0).request();
      assertThat(sell.side()).isEqualTo(Side.SELL);
      assertThat(sell.instrument()).isEqualTo(KALSHI);
      assertThat(sell.price()).isEqualTo(Price.parse("0.38"));
      assertThat(sell.size()).isEqualTo(Quantity.of(10));
      assertThat(report.kalshiFilled()).isEqualTo(Quantity.ZERO);
      assertThat(report.realizedLoss()).isEqualTo(Money.parse("0.2"));
      EngineEvent.Unwind unwind = ctx.eventsOf(EngineEvent.Unwind.class).get(0);
      assertThat(unwind.sold()).isEqualTo(Quantity.of(10));
      assertThat(unwind.residual()).isEqualTo(Quantity.of(10));
      assertThat(unwind.realizedLoss()).isEqualTo(Money.parse("0.2"));
      assertOrderBookkeeping();
    }

    @Test
    void unwindBelowTheLossCapGoesAtTheCapPriceOnceAndLeavesTheResidualOpen() throws Exception {
      poly.then(Reply.of(Kind.REJECT));
      kalshi.then(Reply.fill(1000), Reply.fill(300)); // the sell fills 3 of 10
      ctx.withBook(book(POLY_NO, clock, levels("0.53@100"), levels("0.60@100")));
      ctx.withBook(book(KALSHI, clock, levels("0.20@100"), levels("0.40@100")));
      // cap 0.50 on 10 bought at 0.40: no lower than 0.35
      ExecutionReport report = run(request(opportunity("10", "0.40", "0.55"), ExecutionPolicy.PARALLEL),
          params(Duration.ofMillis(100), 2, "0.50", Duration.ofMillis(100)), Map.of());

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.RESIDUAL_OPEN);
      List<EngineEvent.OrderSent> unwinds = sent(OrderPurpose.UNWIND);
      assertThat(unwinds).hasSize(1);
      assertThat(unwinds.get(0).request().price()).isEqualTo(Price.parse("0.35"));
      assertThat(report.residual()).isEqualTo(Quantity.of(7));
      assertThat(report.residualVenue()).isEqualTo(VenueId.KALSHI);
      assertThat(report.hedged()).isEqualTo(Quantity.ZERO);
      assertThat(report.realizedLoss()).isEqualTo(Money.parse("0.15"));
      assertThat(ctx.eventsOf(EngineEvent.Alert.class))
          .singleElement()
          .satisfies(a -> assertThat(a.severity()).isEqualTo(EngineEvent.Severity.CRITICAL));
    }

    @Test
    void unwindRetriesOnceAtTheCapPriceAndNeverLoops() throws Exception {
      poly.then(Reply.of(Kind.REJECT));
      kalshi.then(Reply.fill(1000), Reply.fill(500), Reply.fill(0), Reply.fill(1000));
      ctx.withBook(book(POLY_NO, clock, levels("0.53@100"), levels("0.60@100")));
      ExecutionReport report = run(request(opportunity("10", "0.40", "0.55"), ExecutionPolicy.PARALLEL),
          params(Duration.ofMillis(100), 2, "0.50", Duration.ofMillis(100)), Map.of());

      List<EngineEvent.OrderSent> unwinds = sent(OrderPurpose.UNWIND);
      assertThat(unwinds).hasSize(2);
      assertThat(unwinds.get(0).request().price()).isEqualTo(Price.parse("0.38"));
      assertThat(unwinds.get(0).request().size()).isEqualTo(Quantity.of(10));
      // 5 sold at 0.38 lost 0.10; 0.40 left of the cap: 5 more no lower than 0.32
      assertThat(unwinds.get(1).request().price()).isEqualTo(Price.parse("0.32"));
      assertThat(unwinds.get(1).request().size()).isEqualTo(Quantity.of(5));
      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.RESIDUAL_OPEN);
      assertThat(report.residual()).isEqualTo(Quantity.of(5));
      assertThat(kalshi.orders()).hasSize(3);
    }

    @Test
    void untrustedLongBookIsUnwoundOnceAtTheCapPrice() throws Exception {
      poly.then(Reply.of(Kind.REJECT));
      ctx.withBook(book(POLY_NO, clock, levels("0.53@100"), levels("0.60@100")));
      ctx.book(KALSHI).markUntrusted(UntrustedReason.DISCONNECTED);
      kalshi.then(Reply.fill(1000), Reply.fill(0));
      ExecutionReport report = run(request(opportunity("10", "0.40", "0.55"), ExecutionPolicy.PARALLEL),
          params(Duration.ofMillis(100), 2, "0.50", Duration.ofMillis(100)), Map.of());

      assertThat(sent(OrderPurpose.UNWIND)).singleElement()
          .satisfies(u -> assertThat(u.request().price()).isEqualTo(Price.parse("0.35")));
      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.RESIDUAL_OPEN);
      assertThat(report.residual()).isEqualTo(Quantity.of(10));
    }

    @Test
    void polymarketHedgeIsCutToWholeCentsAndTheRestUnwound() throws Exception {
      Instrument poly005 = new Instrument(POLY_NO, TickGrid.fixed(Price.parse("0.005")), Quantity.of(5), Quantity.parse("0.01"));
      ctx.withBook(book(POLY_NO, clock, levels("0.53@100"), levels("0.585@100")));
      poly.then(Reply.fill(0));
      ExecutionReport report = run(request(opportunity("8", "0.40", "0.585"), ExecutionPolicy.PARALLEL,
          KALSHI_INSTRUMENT, poly005, NO_FEES), params(Duration.ofMillis(100), 1, "1.00", Duration.ofMillis(100)), Map.of());

      // 8 × 0.585 is whole cents; the hedge of 8 too
      assertThat(sent(OrderPurpose.HEDGE)).singleElement()
          .satisfies(h -> assertThat(h.request().size()).isEqualTo(Quantity.of(8)));
      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.HEDGED);
    }

    @Test
    void polymarketHedgeOfAnOddCountAtAHalfTickIsCut() throws Exception {
      Instrument poly005 = new Instrument(POLY_NO, TickGrid.fixed(Price.parse("0.005")), Quantity.of(5), Quantity.parse("0.01"));
      ctx.withBook(book(POLY_NO, clock, levels("0.53@100"), levels("0.585@100")));
      kalshi.then(Reply.fill(1000), Reply.fill(1000));
      poly.then(Reply.filled(Quantity.of(1)), Reply.fill(1000)); // 1 of 8: 7 short, 7 × 0.585 = 4.095
      ExecutionReport report = run(request(opportunity("8", "0.40", "0.585"), ExecutionPolicy.PARALLEL,
          KALSHI_INSTRUMENT, poly005, NO_FEES), params(Duration.ofMillis(100), 1, "1.00", Duration.ofMillis(100)), Map.of());

      assertThat(sent(OrderPurpose.HEDGE)).singleElement()
          .satisfies(h -> assertThat(h.request().size()).isEqualTo(Quantity.of(6)));
      assertThat(sent(OrderPurpose.UNWIND)).singleElement()
          .satisfies(u -> assertThat(u.request().size()).isEqualTo(Quantity.of(1)));
      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNWOUND);
      assertThat(report.hedged()).isEqualTo(Quantity.of(7));
    }

    @Test
    void unknownLegFoundAtTheVenueCountsItsFill() throws Exception {
      poly.then(Reply.of(Kind.UNKNOWN_TAKEN, 1000));
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.HEDGED);
      assertThat(poly.orders()).hasSize(1);
      assertThat(poly.lookups()).isGreaterThanOrEqualTo(1);
      assertThat(ctx.eventsOf(EngineEvent.OrderOutcome.class))
          .anySatisfy(o -> assertThat(o.result()).isInstanceOf(SubmitResult.Unknown.class))
          .anySatisfy(o -> assertThat(o.result()).isInstanceOf(SubmitResult.Accepted.class)
              .extracting(r -> ((SubmitResult.Accepted) r).filled()).isEqualTo(Quantity.of(10)));
      assertOrderBookkeeping();
    }

    @Test
    void unknownLegNotFoundNeverArrivedAndIsHedgedNotResent() throws Exception {
      poly.then(Reply.of(Kind.UNKNOWN_LOST));
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.HEDGED);
      assertThat(report.legsMismatched()).isTrue();
      // the lost order is not resent: the hedge is a new order with a new id
      assertThat(poly.orders()).hasSize(2);
      assertThat(sent(OrderPurpose.HEDGE)).hasSize(1);
      assertThat(poly.orders().get(1).clientOrderId()).isNotEqualTo(poly.orders().get(0).clientOrderId());
      assertOrderBookkeeping();
    }

    @Test
    void unknownLegTheVenueCannotSettleEndsUnknownWithoutHedging() throws Exception {
      poly.then(Reply.of(Kind.UNKNOWN_SILENT));
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNKNOWN);
      assertThat(report.unknownOrders()).containsExactly(poly.orders().get(0).clientOrderId());
      assertThat(poly.orders()).hasSize(1);
      assertThat(kalshi.orders()).hasSize(1);
      assertThat(sent(OrderPurpose.HEDGE)).isEmpty();
      assertThat(sent(OrderPurpose.UNWIND)).isEmpty();
      assertThat(poly.lookups()).isGreaterThan(1);
    }

    @Test
    void pendingAnswerIsLookedUpUntilFinal() throws Exception {
      poly.then(Reply.of(Kind.PENDING, 1000));
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.HEDGED);
      assertThat(poly.orders()).hasSize(1);
      assertThat(poly.lookups()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void orderLeftOpenIsCancelledWhenTheLookupGivesUpAndItsFillCounts() throws Exception {
      poly.then(Reply.of(Kind.RESTING, 1000).withExact(Quantity.of(7)));
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(poly.cancels()).isEqualTo(1);
      assertThat(report.outcome()).isNotEqualTo(ExecutionOutcome.UNKNOWN);
      assertThat(sent(OrderPurpose.LEG)).hasSize(2);
      // 7 filled and cancelled; the 3 short were below Polymarket's minimum: Kalshi sold 3 back
      assertThat(report.polymarketFilled()).isEqualTo(Quantity.of(7));
      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNWOUND);
    }

    @Test
    void lateAnswerIsWaitedFor() throws Exception {
      poly.then(Reply.fill(1000).late(80));
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.HEDGED);
      assertThat(poly.orders()).hasSize(1);
    }

    @Test
    void untrustedBookIsNotHedgedOn() throws Exception {
      poly.then(Reply.fill(500));
      ctx.book(POLY_NO).markUntrusted(UntrustedReason.SEQUENCE_GAP);
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(sent(OrderPurpose.HEDGE)).isEmpty();
      assertThat(sent(OrderPurpose.UNWIND)).hasSize(1);
      assertThat(sent(OrderPurpose.UNWIND).get(0).request().size()).isEqualTo(Quantity.of(5));
      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNWOUND);
      assertThat(report.hedged()).isEqualTo(Quantity.of(5));
    }

    @Test
    void hedgesStopAtMaxAttempts() throws Exception {
      poly.then(Reply.fill(0), Reply.fill(0), Reply.fill(0), Reply.fill(0));
      ExecutionReport report = run(request(opportunity("10", "0.40", "0.55"), ExecutionPolicy.PARALLEL),
          params(Duration.ofSeconds(5), 2, "1.00", Duration.ofMillis(100)), Map.of());

      assertThat(sent(OrderPurpose.HEDGE)).hasSize(2);
      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNWOUND);
    }

    @Test
    void shortfallBelowEveryMinimumStaysAResidual() throws Exception {
      // Polymarket filled 9.99 of 10: 0.01 cannot be bought (minimum 5) nor sold on Kalshi (step 1)
      poly.then(Reply.filled(Quantity.parse("9.99")));
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.RESIDUAL_OPEN);
      assertThat(report.residual()).isEqualTo(Quantity.parse("0.01"));
      assertThat(report.residualVenue()).isEqualTo(VenueId.KALSHI);
      assertThat(sent(OrderPurpose.HEDGE)).isEmpty();
      assertThat(sent(OrderPurpose.UNWIND)).isEmpty();
      assertThat(report.hedged().plus(report.residual())).isEqualTo(Quantity.of(10));
    }

    @Test
    void sizeIsCutSoThePolymarketAmountIsWholeCents() throws Exception {
      Instrument poly005 = new Instrument(POLY_NO, TickGrid.fixed(Price.parse("0.005")), Quantity.of(5), Quantity.parse("0.01"));
      ctx.withBook(book(POLY_NO, clock, levels("0.53@100"), levels("0.585@100")));
      ExecutionReport report = run(request(opportunity("9", "0.40", "0.585"), ExecutionPolicy.PARALLEL,
          KALSHI_INSTRUMENT, poly005, NO_FEES), defaultParams(), Map.of());

      // 9 × 0.585 = 5.265 is not whole cents; 8 × 0.585 = 4.68 is
      assertThat(poly.orders().get(0).size()).isEqualTo(Quantity.of(8));
      assertThat(kalshi.orders().get(0).size()).isEqualTo(Quantity.of(8));
      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.HEDGED);
      assertThat(report.detail()).contains("whole cents");
    }

    @Test
    void missingClientIsDenied() throws Exception {
      LegExecutor executor = new LegExecutor(vertx, Map.of(VenueId.KALSHI, kalshi), defaultParams());
      CompletableFuture<ExecutionReport> done = new CompletableFuture<>();
      vertx.getOrCreateContext().runOnContext(v -> executor
          .execute(request(opportunity("10", "0.40", "0.55"), ExecutionPolicy.PARALLEL), ctx)
          .onSuccess(done::complete));
      ExecutionReport report = done.get(10, TimeUnit.SECONDS);
      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.DENIED);
      assertThat(kalshi.orders()).isEmpty();
    }

    @Test
    void aBugAfterOrdersWentReportsThemUnknownInsteadOfFailing() throws Exception {
      java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
      io.github.crossarb.core.pricing.FeeModel breaksAfterTheRiskChecks = new io.github.crossarb.core.pricing.FeeModel() {
        @Override
        public long takerFeeMicros(long priceMicros, long quantityMicros) {
          if (calls.incrementAndGet() > 2) {
            throw new IllegalStateException("fee table corrupt");
          }
          return 0;
        }

        @Override
        public Money makerFee(Price price, Quantity quantity) {
          return Money.ZERO;
        }
      };
      ExecutionReport report = run(request(opportunity("10", "0.40", "0.55"), ExecutionPolicy.PARALLEL,
          KALSHI_INSTRUMENT, ExecutionFixtures.POLY_INSTRUMENT, breaksAfterTheRiskChecks), defaultParams(), Map.of());

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNKNOWN);
      assertThat(report.unknownOrders()).containsExactlyInAnyOrder(
          kalshi.orders().get(0).clientOrderId(), poly.orders().get(0).clientOrderId());
      assertThat(report.detail()).contains("fee table corrupt");
      assertThat(kalshi.orders()).hasSize(1);
      assertThat(poly.orders()).hasSize(1);
    }

    @Test
    void aBugBeforeAnyOrderIsDenied() throws Exception {
      io.github.crossarb.core.pricing.FeeModel broken = new io.github.crossarb.core.pricing.FeeModel() {
        @Override
        public long takerFeeMicros(long priceMicros, long quantityMicros) {
          throw new IllegalStateException("fee table corrupt");
        }

        @Override
        public Money makerFee(Price price, Quantity quantity) {
          return Money.ZERO;
        }
      };
      ExecutionReport report = run(request(opportunity("10", "0.40", "0.55"), ExecutionPolicy.PARALLEL,
          KALSHI_INSTRUMENT, ExecutionFixtures.POLY_INSTRUMENT, broken), defaultParams(), Map.of());

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.DENIED);
      assertThat(report.detail()).contains("internal error");
      assertThat(kalshi.orders()).isEmpty();
    }

    @Test
    void requestWhoseInstrumentIsNotTheLegsIsDeniedNotThrown() throws Exception {
      Instrument yesToken = new Instrument(io.github.crossarb.core.model.InstrumentId.polymarket("7001"),
          TickGrid.fixed(Price.parse("0.01")), Quantity.of(5), Quantity.parse("0.01"));
      ExecutionReport report = run(request(opportunity("10", "0.40", "0.55"), ExecutionPolicy.PARALLEL,
          KALSHI_INSTRUMENT, yesToken, NO_FEES), defaultParams(), Map.of());

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.DENIED);
      assertThat(report.detail()).startsWith("invalid execution request:").contains("7001");
      assertThat(kalshi.orders()).isEmpty();
      assertThat(poly.orders()).isEmpty();
    }

    @Test
    void unwindLossCountsFees() throws Exception {
      var fees = KalshiFeeModel.of("quadratic", 1_000_000L);
      poly.then(Reply.of(Kind.REJECT));
      ctx.withBook(book(POLY_NO, clock, levels("0.53@100"), levels("0.60@100")));
      ExecutionReport report = run(request(opportunity("10", "0.40", "0.55"), ExecutionPolicy.PARALLEL,
          KALSHI_INSTRUMENT, ExecutionFixtures.POLY_INSTRUMENT, fees), defaultParams(), Map.of());

      Money buyFee = fees.takerFee(Price.parse("0.40"), Quantity.of(10));
      Money sellFee = fees.takerFee(Price.parse("0.38"), Quantity.of(10));
      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNWOUND);
      assertThat(report.realizedLoss()).isEqualTo(Money.parse("0.2").plus(buyFee).plus(sellFee));
    }
  }

  @Nested
  class FrozenClock {
    private final InstantSource frozen = InstantSource.fixed(java.time.Instant.parse("2026-11-27T08:00:00Z"));

    @BeforeEach
    void freeze() {
      kalshi = new ScriptedExecutionClient(vertx, VenueId.KALSHI, Quantity.of(1), frozen);
      poly = new ScriptedExecutionClient(vertx, VenueId.POLYMARKET, Quantity.parse("0.01"), frozen);
      ctx = new RecordingContext(frozen)
          .withBook(book(KALSHI, frozen, levels("0.38@100"), levels("0.40@100")))
          .withBook(book(POLY_NO, frozen, levels("0.53@100"), levels("0.55@6", "0.56@100")));
    }

    @Test
    void lookupsEndEvenWhenTheClockDoesNotMove() throws Exception {
      poly.then(Reply.of(Kind.UNKNOWN_SILENT));
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNKNOWN);
    }

    @Test
    void hedgeWaitsEndEvenWhenTheClockDoesNotMove() throws Exception {
      poly.then(Reply.fill(500));
      ctx.book(POLY_NO).markUntrusted(UntrustedReason.DISCONNECTED);
      ExecutionReport report = run(ExecutionPolicy.PARALLEL);

      assertThat(sent(OrderPurpose.HEDGE)).isEmpty();
      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNWOUND);
    }
  }

  @Nested
  class Sequential {
    @Test
    void thinnerLegGoesFirstFokThenTheOtherIoc() throws Exception {
      // Polymarket has 6 at its limit, Kalshi 100: Polymarket goes first
      ExecutionReport report = run(ExecutionPolicy.SEQUENTIAL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.HEDGED);
      List<EngineEvent.OrderSent> legs = sent(OrderPurpose.LEG);
      assertThat(legs).hasSize(2);
      assertThat(legs.get(0).request().instrument()).isEqualTo(POLY_NO);
      assertThat(legs.get(0).request().timeInForce()).isEqualTo(TimeInForce.FOK);
      assertThat(legs.get(1).request().instrument()).isEqualTo(KALSHI);
      assertThat(legs.get(1).request().timeInForce()).isEqualTo(TimeInForce.IOC);
      assertThat(legs.get(1).request().price()).isEqualTo(Price.parse("0.40"));
      assertOrderBookkeeping();
    }

    @Test
    void kalshiGoesFirstWhenItIsThinner() throws Exception {
      ctx.withBook(book(KALSHI, clock, levels("0.38@100"), levels("0.40@2", "0.41@100")));
      ctx.withBook(book(POLY_NO, clock, levels("0.53@100"), levels("0.55@100")));
      run(ExecutionPolicy.SEQUENTIAL);

      List<EngineEvent.OrderSent> legs = sent(OrderPurpose.LEG);
      assertThat(legs.get(0).request().instrument()).isEqualTo(KALSHI);
      assertThat(legs.get(0).request().timeInForce()).isEqualTo(TimeInForce.FOK);
      assertThat(legs.get(1).request().instrument()).isEqualTo(POLY_NO);
    }

    @Test
    void firstLegNotFilledSendsNothingElse() throws Exception {
      poly.then(Reply.fill(0));
      ExecutionReport report = run(ExecutionPolicy.SEQUENTIAL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.NOTHING_FILLED);
      assertThat(kalshi.orders()).isEmpty();
      assertThat(poly.orders()).hasSize(1);
    }

    @Test
    void firstLegUnknownEndsUnknownWithoutTheSecond() throws Exception {
      poly.then(Reply.of(Kind.UNKNOWN_SILENT));
      ExecutionReport report = run(ExecutionPolicy.SEQUENTIAL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNKNOWN);
      assertThat(report.unknownOrders()).containsExactly(poly.orders().get(0).clientOrderId());
      assertThat(kalshi.orders()).isEmpty();
      assertThat(poly.orders()).hasSize(1);
    }

    @Test
    void firstLegThatNeverArrivedFilledNothing() throws Exception {
      poly.then(Reply.of(Kind.UNKNOWN_LOST));
      ExecutionReport report = run(ExecutionPolicy.SEQUENTIAL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.NOTHING_FILLED);
      assertThat(kalshi.orders()).isEmpty();
      assertThat(poly.orders()).hasSize(1);
    }

    @Test
    void firstLegFoundAfterAnUnknownAnswerIsHedged() throws Exception {
      poly.then(Reply.of(Kind.UNKNOWN_TAKEN, 1000));
      ExecutionReport report = run(ExecutionPolicy.SEQUENTIAL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.HEDGED);
      assertThat(kalshi.orders()).singleElement()
          .satisfies(k -> assertThat(k.size()).isEqualTo(Quantity.of(10)));
    }

    @Test
    void firstLegDeniedByTheVenueIsDenied() throws Exception {
      poly.then(Reply.of(Kind.DENY));
      ExecutionReport report = run(ExecutionPolicy.SEQUENTIAL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.DENIED);
      assertThat(kalshi.orders()).isEmpty();
    }

    @Test
    void riskDenyingTheHedgeLegUpFrontSendsNothing() throws Exception {
      ctx.denyCheck(2);
      ExecutionReport report = run(ExecutionPolicy.SEQUENTIAL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.DENIED);
      assertThat(kalshi.orders()).isEmpty();
      assertThat(poly.orders()).isEmpty();
    }

    @Test
    void riskDenyingTheSecondLegWhenItIsDueUnwindsTheFirst() throws Exception {
      ctx.denyChecks(3, 4); // 1 first leg, 2 pre-flight of the second, 3 the second, 4 a hedge; 5 the unwind
      ExecutionReport report = run(ExecutionPolicy.SEQUENTIAL);

      assertThat(kalshi.orders()).isEmpty();
      assertThat(sent(OrderPurpose.UNWIND)).hasSize(1);
      assertThat(sent(OrderPurpose.UNWIND).get(0).request().instrument()).isEqualTo(POLY_NO);
      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNWOUND);
    }

    @Test
    void secondLegPartialIsHedged() throws Exception {
      kalshi.then(Reply.fill(700), Reply.fill(1000));
      ExecutionReport report = run(ExecutionPolicy.SEQUENTIAL);

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.HEDGED);
      assertThat(report.legsMismatched()).isTrue();
      assertThat(sent(OrderPurpose.HEDGE)).singleElement()
          .satisfies(h -> assertThat(h.request().size()).isEqualTo(Quantity.of(3)));
    }

    @Test
    void secondLegWithoutAskWithinTheCapUnwindsTheFirstAfterTheDeadline() throws Exception {
      // no depth at either limit: a tie, so Polymarket goes first; Kalshi's asks are above 0.40 + 0.02
      ctx.withBook(book(KALSHI, clock, levels("0.38@100"), levels("0.45@100")));
      ctx.withBook(book(POLY_NO, clock, levels("0.53@100"), levels("0.56@100")));
      ExecutionReport report = run(ExecutionPolicy.SEQUENTIAL);

      assertThat(kalshi.orders()).isEmpty();
      assertThat(sent(OrderPurpose.UNWIND)).hasSize(1);
      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNWOUND);
      EngineEvent.OrderSent firstLeg = sent(OrderPurpose.LEG).get(0);
      EngineEvent.OrderSent unwind = sent(OrderPurpose.UNWIND).get(0);
      assertThat(Duration.between(firstLeg.time(), unwind.time())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void venueWithoutFokGetsIocForTheFirstLeg() throws Exception {
      VenueCapabilities noFok = new VenueCapabilities(Set.of(TimeInForce.GTC, TimeInForce.IOC), false, false, false, true);
      run(request(opportunity("10", "0.40", "0.55"), ExecutionPolicy.SEQUENTIAL), defaultParams(),
          Map.of(VenueId.POLYMARKET, noFok));

      assertThat(poly.orders().get(0).timeInForce()).isEqualTo(TimeInForce.IOC);
    }
  }

  @Nested
  class Residual {
    private ExecutionReport close(String averagePrice) throws Exception {
      ResidualRequest request = new ResidualRequest("ex-r", ExecutionFixtures.PAIR, KALSHI, io.github.crossarb.core.model.Outcome.YES,
          Quantity.of(10), Price.parse(averagePrice), POLY_NO, io.github.crossarb.core.model.Outcome.NO,
          KALSHI_INSTRUMENT, ExecutionFixtures.POLY_INSTRUMENT, NO_FEES, NO_FEES);
      LegExecutor executor = new LegExecutor(vertx, Map.of(VenueId.KALSHI, kalshi, VenueId.POLYMARKET, poly),
          defaultParams());
      CompletableFuture<ExecutionReport> done = new CompletableFuture<>();
      vertx.getOrCreateContext().runOnContext(v -> executor.closeResidual(request, ctx)
          .onComplete(ar -> done.complete(ar.result())));
      return done.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aResidualIsHedgedWhenTheOtherVenueCompletesThePairWithoutALoss() throws Exception {
      // 10 Kalshi YES at 0.40: buying NO up to 0.60 completes the pair without a loss; asks 0.55, 0.56.
      ExecutionReport report = close("0.40");

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.HEDGED);
      assertThat(report.hedged()).isEqualTo(Quantity.of(10));
      assertThat(kalshi.orders()).isEmpty();
      assertThat(poly.orders()).singleElement().satisfies(o -> {
        assertThat(o.side()).isEqualTo(Side.BUY);
        assertThat(o.price()).isEqualTo(Price.parse("0.56"));
        assertThat(o.size()).isEqualTo(Quantity.of(10));
      });
      assertThat(sent(OrderPurpose.HEDGE)).hasSize(1);
      assertOrderBookkeeping();
    }

    @Test
    void aResidualThatCannotBeHedgedWithoutALossIsSoldBackOnce() throws Exception {
      // 10 Kalshi YES at 0.46: a hedge may pay 0.54 at most, the asks start at 0.55: sell at the 0.38 bid.
      ExecutionReport report = close("0.46");

      assertThat(report.outcome()).isEqualTo(ExecutionOutcome.UNWOUND);
      assertThat(poly.orders()).isEmpty();
      assertThat(kalshi.orders()).singleElement().satisfies(o -> {
        assertThat(o.side()).isEqualTo(Side.SELL);
        assertThat(o.price()).isEqualTo(Price.parse("0.38"));
      });
      assertThat(report.realizedLoss()).isEqualTo(Money.parse("0.8"));
      assertThat(report.legsMismatched()).isFalse();
      assertOrderBookkeeping();
    }
  }
}
