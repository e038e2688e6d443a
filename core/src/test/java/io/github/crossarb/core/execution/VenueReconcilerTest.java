package io.github.crossarb.core.execution;

import static io.github.crossarb.core.position.LedgerFixtures.FED;
import static io.github.crossarb.core.position.LedgerFixtures.K_FED;
import static io.github.crossarb.core.position.LedgerFixtures.K_LONE;
import static io.github.crossarb.core.position.LedgerFixtures.PAIRS;
import static io.github.crossarb.core.position.LedgerFixtures.P_FED_NO;
import static io.github.crossarb.core.position.LedgerFixtures.P_FED_YES;
import static io.github.crossarb.core.position.LedgerFixtures.P_LONE;
import static io.github.crossarb.core.position.LedgerFixtures.T0;
import static io.github.crossarb.core.position.LedgerFixtures.buy;
import static io.github.crossarb.core.position.LedgerFixtures.sell;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.DurableLedger;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.store.JsonLedgerStore;
import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.CancelResult;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.ExecutionListener;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.PositionReport;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.VenueUnavailableException;
import io.github.crossarb.core.venue.WireRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class VenueReconcilerTest {
  private static final Instant NOW = T0.plus(Duration.ofHours(1));
  private static final VenueReconciler.Policy POLICY = VenueReconciler.Policy.defaults().withCallTimeout(Duration.ofSeconds(5));

  @TempDir Path dir;
  private Vertx vertx;
  private Context context;
  private DurableLedger ledger;
  private final FakeClient kalshi = new FakeClient(VenueId.KALSHI);
  private final FakeClient poly = new FakeClient(VenueId.POLYMARKET);

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    ledger = JsonLedgerStore.recover(dir, PAIRS);
  }

  @AfterEach
  void close() throws Exception {
    ledger.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private VenueReconciler reconciler(VenueReconciler.Policy policy) {
    return new VenueReconciler(Map.of(VenueId.KALSHI, kalshi, VenueId.POLYMARKET, poly), ledger, PAIRS, policy,
        InstantSource.fixed(NOW));
  }

  private ReconciliationReport run(VenueReconciler reconciler, Set<ClientOrderId> unknown) throws Exception {
    CompletableFuture<ReconciliationReport> result = new CompletableFuture<>();
    context.runOnContext(v -> reconciler.reconcile(unknown).onComplete(ar -> {
      if (Vertx.currentContext() != context) {
        result.completeExceptionally(new AssertionError("completed off the caller's context"));
      } else if (ar.failed()) {
        result.completeExceptionally(new AssertionError("the reconciliation future failed", ar.cause()));
      } else {
        result.complete(ar.result());
      }
    }));
    return result.get(30, TimeUnit.SECONDS);
  }

  /** A hedged FED pair: Kalshi YES 10, Polymarket NO token 10. */
  private void hedgedFed() throws Exception {
    ledger.record(buy("k1", K_FED, Outcome.YES, "10", "0.40", "0.07"));
    ledger.record(buy("p1", P_FED_NO, Outcome.NO, "10", "0.55", "0"));
    kalshi.positions.add(new PositionReport(K_FED, Outcome.YES, Quantity.of(10), null));
    poly.positions.add(new PositionReport(P_FED_NO, Outcome.NO, Quantity.of(10), null));
  }

  @Test
  void aCleanLedgerPasses() throws Exception {
    hedgedFed();
    kalshi.fills.add(buy("k1", K_FED, Outcome.YES, "10", "0.40", "0.07")); // known: nothing added

    ReconciliationReport report = run(reconciler(POLICY), Set.of());

    assertThat(report.drifts()).isEmpty();
    assertThat(report.notes()).isEmpty();
    assertThat(report.fillsAdded()).isZero();
    assertThat(report.passed()).isTrue();
  }

  @Test
  void aFillTheLedgerMissedIsAddedOnceAndThenThePositionsAgree() throws Exception {
    hedgedFed();
    Fill missed = buy("p2", P_FED_NO, Outcome.NO, "2.5", "0.55", "0");
    poly.fills.add(missed);
    poly.positions.set(0, new PositionReport(P_FED_NO, Outcome.NO, Quantity.parse("12.5"), null));
    VenueReconciler reconciler = reconciler(POLICY);

    ReconciliationReport first = run(reconciler, Set.of());
    ReconciliationReport second = run(reconciler, Set.of());

    assertThat(first.fillsAdded()).isEqualTo(1);
    assertThat(first.passed()).as(first.drifts().toString()).isTrue();
    assertThat(ledger.snapshot().position(P_FED_NO, Outcome.NO).netMicros()).isEqualTo(12_500_000);
    assertThat(second.fillsAdded()).as("the ledger is idempotent by fill id").isZero();
    assertThat(second.passed()).isTrue();
  }

  @Test
  void fillsAreFetchedFromTheLedgersNewestFillMinusTheMarginThenFromTheLastFetch() throws Exception {
    Instant newest = T0.plus(Duration.ofMinutes(30));
    VenueReconciler reconciler = reconciler(POLICY.withLedgerNewestFills(Map.of(VenueId.KALSHI, newest)));

    run(reconciler, Set.of());
    run(reconciler, Set.of());

    assertThat(kalshi.since).containsExactly(newest.minus(POLICY.margin()), NOW.minus(POLICY.margin()));
    assertThat(poly.since).as("no fill of that venue in the ledger: the long look-back")
        .containsExactly(NOW.minus(POLICY.whenEmpty()), NOW.minus(POLICY.margin()));
  }

  @Test
  void aFailedFetchIsFetchedAgainFromTheSamePoint() throws Exception {
    kalshi.failFills = true;
    VenueReconciler reconciler = reconciler(POLICY);
    ReconciliationReport first = run(reconciler, Set.of());
    kalshi.failFills = false;
    run(reconciler, Set.of());

    assertThat(first.drifts()).contains("venue kalshi unreachable (fills): kalshi down");
    assertThat(kalshi.since).containsExactly(NOW.minus(POLICY.whenEmpty()), NOW.minus(POLICY.whenEmpty()));
  }

  @Test
  void newestFillsPerVenueComeFromTheJournal() {
    Fill early = buy("a", K_FED, Outcome.YES, "1", "0.4", "0");
    Fill late = new Fill("b", K_FED, Outcome.YES, Side.BUY, Price.parse("0.4"), Quantity.of(1),
        io.github.crossarb.core.model.Money.ZERO, T0.plusSeconds(5), null, null);
    assertThat(VenueReconciler.newestFills(List.of(late, early)))
        .isEqualTo(Map.of(VenueId.KALSHI, T0.plusSeconds(5)));
  }

  @Test
  void aPositionThatDiffersIsADriftNamingTheInstrumentAndBothSides() throws Exception {
    hedgedFed();
    poly.positions.set(0, new PositionReport(P_FED_NO, Outcome.NO, Quantity.of(9), null));

    ReconciliationReport report = run(reconciler(POLICY), Set.of());

    assertThat(report.passed()).isFalse();
    assertThat(report.drifts()).containsExactly(
        "POLYMARKET:222 (pair fed-dec): ledger holds 10 shares, polymarket reports 9 shares");
  }

  @Test
  void aPositionTheLedgerDoesNotKnowOnAPairIsADrift() throws Exception {
    poly.positions.add(new PositionReport(P_FED_YES, Outcome.YES, Quantity.of(3), null));

    ReconciliationReport report = run(reconciler(POLICY), Set.of());

    assertThat(report.drifts()).containsExactly(
        "POLYMARKET:111 (pair fed-dec): ledger holds nothing, polymarket reports 3 shares");
  }

  @Test
  void kalshiIsComparedNetOfYesAgainstNo() throws Exception {
    ledger.record(buy("k1", K_FED, Outcome.YES, "10", "0.40", "0"));
    ledger.record(buy("k2", K_FED, Outcome.NO, "4", "0.55", "0"));
    kalshi.positions.add(new PositionReport(K_FED, Outcome.YES, Quantity.of(6), null));

    assertThat(run(reconciler(POLICY), Set.of()).drifts()).as("YES 10 − NO 4 = YES 6").isEmpty();

    kalshi.positions.set(0, new PositionReport(K_FED, Outcome.NO, Quantity.of(6), null));
    assertThat(run(reconciler(POLICY), Set.of()).drifts())
        .containsExactly("KALSHI:KXFED-26DEC (pair fed-dec): ledger holds YES 6 (net), kalshi reports NO 6 (net)");

    ledger.record(sell("k3", K_FED, Outcome.YES, "6", "0.50", "0"));
    kalshi.positions.clear(); // flat: Kalshi reports nothing
    assertThat(run(reconciler(POLICY), Set.of()).drifts()).as("YES 4 − NO 4 = flat").isEmpty();
  }

  @Test
  void positionsOutsideTheRegistryAreNotesNotDrifts() throws Exception {
    kalshi.positions.add(new PositionReport(K_LONE, Outcome.NO, Quantity.of(2), null));
    ledger.record(buy("x1", P_LONE, Outcome.YES, "1", "0.5", "0"));

    ReconciliationReport report = run(reconciler(POLICY), Set.of());

    assertThat(report.passed()).isTrue();
    assertThat(report.notes()).containsExactlyInAnyOrder(
        "KALSHI:KXLONE (no registry pair): kalshi reports NO 2 (net), ledger holds nothing",
        "POLYMARKET:999 (no registry pair): ledger holds 1 shares, polymarket reports nothing");
  }

  @Test
  void anOpenOrderOnAPairInstrumentIsADriftElsewhereANote() throws Exception {
    kalshi.open.add(order("v-1", "c-1", K_FED, OrderStatus.OPEN));
    poly.open.add(order("v-2", null, P_LONE, OrderStatus.OPEN));

    ReconciliationReport report = run(reconciler(POLICY), Set.of());

    assertThat(report.drifts()).singleElement().asString()
        .contains("open order v-1 (c-1)", "KALSHI:KXFED-26DEC", "pair fed-dec", "IOC/FOK");
    assertThat(report.notes()).singleElement().asString().contains("open order v-2", "POLYMARKET:999", "no registry pair");
  }

  @Test
  void unknownOrdersAreResolvedByClientOrderId() throws Exception {
    ClientOrderId foundAtKalshi = new ClientOrderId("arb-1");
    ClientOrderId neverArrived = new ClientOrderId("arb-2");
    OrderReport report = order("v-7", "arb-1", K_FED, OrderStatus.CANCELLED);
    kalshi.orders.put(foundAtKalshi, report);

    ReconciliationReport result = run(reconciler(POLICY), Set.of(foundAtKalshi, neverArrived));

    assertThat(result.resolved()).isEqualTo(Map.of(foundAtKalshi, Optional.of(report), neverArrived, Optional.empty()));
    assertThat(result.unresolved()).isEmpty();
    assertThat(result.passed()).isTrue();
    assertThat(kalshi.found).containsExactlyInAnyOrder(foundAtKalshi, neverArrived);
    assertThat(poly.found).containsExactlyInAnyOrder(foundAtKalshi, neverArrived);
    assertThat(kalshi.submits + poly.submits).as("never resent").isZero();
  }

  @Test
  void anUnknownOrderStaysUnresolvedWhenAVenueCannotAnswer() throws Exception {
    ClientOrderId id = new ClientOrderId("arb-3");
    poly.failFind = true;

    ReconciliationReport result = run(reconciler(POLICY), Set.of(id));

    assertThat(result.unresolved()).containsExactly(id);
    assertThat(result.resolved()).isEmpty();
    assertThat(result.passed()).isFalse();
    assertThat(result.drifts()).contains("venue polymarket unreachable (find order arb-3): polymarket down");
  }

  @Test
  void anUnknownOrderFoundAtOneVenueIsResolvedEvenIfTheOtherCannotAnswer() throws Exception {
    ClientOrderId id = new ClientOrderId("arb-4");
    OrderReport report = order("v-8", "arb-4", K_FED, OrderStatus.FILLED);
    kalshi.orders.put(id, report);
    poly.failFind = true;

    ReconciliationReport result = run(reconciler(POLICY), Set.of(id));

    assertThat(result.resolved()).isEqualTo(Map.of(id, Optional.of(report)));
    assertThat(result.unresolved()).isEmpty();
  }

  @Test
  void aVenueThatFailsIsAnUnreachableDriftAndTheOtherIsStillReconciled() throws Exception {
    hedgedFed();
    kalshi.failAll = true;
    poly.positions.set(0, new PositionReport(P_FED_NO, Outcome.NO, Quantity.of(8), null));

    ReconciliationReport report = run(reconciler(POLICY), Set.of());

    assertThat(report.drifts()).contains("venue kalshi unreachable (fills): kalshi down",
        "venue kalshi unreachable (open orders): kalshi down", "venue kalshi unreachable (positions): kalshi down",
        "POLYMARKET:222 (pair fed-dec): ledger holds 10 shares, polymarket reports 8 shares");
  }

  @Test
  void aVenueThatNeverAnswersTimesOut() throws Exception {
    kalshi.silent = true;

    ReconciliationReport report = run(reconciler(POLICY.withCallTimeout(Duration.ofMillis(200))), Set.of());

    assertThat(report.drifts()).contains("venue kalshi unreachable (fills): no answer within 200 ms");
    assertThat(report.passed()).isFalse();
  }

  @Test
  void aVenueThatAnswersOnAnotherThreadStillCompletesOnTheCallersContext() throws Exception {
    hedgedFed();
    kalshi.answerOnAnotherThread = true;
    poly.answerOnAnotherThread = true;

    assertThat(run(reconciler(POLICY), Set.of()).passed()).isTrue();
  }

  @Test
  void aFillContradictingTheLedgerIsADrift() throws Exception {
    hedgedFed();
    kalshi.fills.add(buy("k1", K_FED, Outcome.YES, "11", "0.40", "0.07")); // same id, other size

    ReconciliationReport report = run(reconciler(POLICY), Set.of());

    assertThat(report.drifts()).singleElement().asString().startsWith("cannot record kalshi fill k1: ");
  }

  @Test
  void aMissingClientForAPairsVenueIsADrift() throws Exception {
    VenueReconciler onlyKalshi = new VenueReconciler(Map.of(VenueId.KALSHI, kalshi), ledger, List.of(FED), POLICY,
        InstantSource.fixed(NOW));

    ReconciliationReport report = run(onlyKalshi, Set.of());

    assertThat(report.drifts()).containsExactly("pair fed-dec: no polymarket client to reconcile with");
  }

  private static OrderReport order(String venueId, String clientId, InstrumentId instrument, OrderStatus status) {
    return new OrderReport(new VenueOrderId(venueId), clientId == null ? null : new ClientOrderId(clientId), instrument,
        Outcome.YES, Side.BUY, Price.parse("0.40"), Quantity.of(10), Quantity.of(2), status, T0);
  }

  /** A scripted venue: answers from its lists, records what it was asked. */
  private static final class FakeClient implements ExecutionClient {
    final VenueId venue;
    final List<Fill> fills = new ArrayList<>();
    final List<PositionReport> positions = new ArrayList<>();
    final List<OrderReport> open = new ArrayList<>();
    final Map<ClientOrderId, OrderReport> orders = new HashMap<>();
    final List<Instant> since = new ArrayList<>();
    final List<ClientOrderId> found = new ArrayList<>();
    volatile boolean failAll;
    volatile boolean failFills;
    volatile boolean failFind;
    volatile boolean silent;
    volatile boolean answerOnAnotherThread;
    int submits;

    FakeClient(VenueId venue) {
      this.venue = venue;
    }

    private <T> Future<T> answer(boolean fail, T value) {
      if (silent) {
        return Promise.<T>promise().future();
      }
      if (failAll || fail) {
        return Future.failedFuture(new VenueUnavailableException(venue, venue.label() + " down"));
      }
      if (answerOnAnotherThread) {
        Promise<T> p = Promise.promise();
        AtomicReference<T> v = new AtomicReference<>(value);
        new Thread(() -> p.complete(v.get())).start();
        return p.future();
      }
      return Future.succeededFuture(value);
    }

    @Override
    public Future<SubmitResult> submit(OrderRequest request) {
      submits++;
      return Future.failedFuture(new AssertionError("the reconciler never submits"));
    }

    @Override
    public Future<WireRequest> prepare(OrderRequest request) {
      return Future.failedFuture(new AssertionError("not used"));
    }

    @Override
    public synchronized Future<Optional<OrderReport>> findOrder(ClientOrderId clientOrderId) {
      found.add(clientOrderId);
      return answer(failFind, Optional.ofNullable(orders.get(clientOrderId)));
    }

    @Override
    public Future<CancelResult> cancel(VenueOrderId venueOrderId) {
      return Future.failedFuture(new AssertionError("the reconciler never cancels"));
    }

    @Override
    public Future<List<VenueOrderId>> cancelAll() {
      return Future.failedFuture(new AssertionError("the reconciler never cancels"));
    }

    @Override
    public Future<List<OrderReport>> openOrders() {
      return answer(false, List.copyOf(open));
    }

    @Override
    public synchronized Future<List<Fill>> fills(Instant from) {
      since.add(from);
      return answer(failFills, fills.stream().filter(f -> !f.time().isBefore(from)).toList());
    }

    @Override
    public Future<Balance> balance() {
      return Future.failedFuture(new AssertionError("not used"));
    }

    @Override
    public Future<List<PositionReport>> positions() {
      return answer(false, List.copyOf(positions));
    }

    @Override
    public Future<Void> listen(ExecutionListener listener) {
      return Future.failedFuture(new AssertionError("not used"));
    }
  }
}
