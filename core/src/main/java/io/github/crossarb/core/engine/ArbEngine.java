package io.github.crossarb.core.engine;

import io.github.crossarb.core.book.BookIntegrity;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.engine.internal.ClientOrderIds;
import io.github.crossarb.core.engine.internal.EngineActivity;
import io.github.crossarb.core.engine.internal.Exposures;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Alert;
import io.github.crossarb.core.event.EngineEvent.Decision;
import io.github.crossarb.core.event.EngineEvent.DecisionKind;
import io.github.crossarb.core.event.EngineEvent.Severity;
import io.github.crossarb.core.event.EventSink;
import io.github.crossarb.core.execution.ExecutionContext;
import io.github.crossarb.core.execution.ExecutionOutcome;
import io.github.crossarb.core.execution.ExecutionReport;
import io.github.crossarb.core.execution.ExecutionRequest;
import io.github.crossarb.core.execution.ReconciliationReport;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.execution.ResidualRequest;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairFingerprint;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.position.JournalEntry;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.pricing.EdgeCalculator;
import io.github.crossarb.core.pricing.EdgeInputs;
import io.github.crossarb.core.pricing.EdgeResult;
import io.github.crossarb.core.pricing.FeeModel;
import io.github.crossarb.core.pricing.NoEdgeReason;
import io.github.crossarb.core.pricing.NoOpportunity;
import io.github.crossarb.core.pricing.Opportunity;
import io.github.crossarb.core.risk.Exposure;
import io.github.crossarb.core.risk.KillSwitch;
import io.github.crossarb.core.risk.OrderIntent;
import io.github.crossarb.core.risk.RiskDecision;
import io.github.crossarb.core.risk.RiskGuard;
import io.github.crossarb.core.risk.RiskLimits;
import io.github.crossarb.core.venue.BookSubscription;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.ExecutionListener;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.Venue;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The arbitrage engine: follows the approved pairs' books, prices every update, and executes (or,
 * in dry-run, logs) the opportunities that pass its gates.
 *
 * <p><b>Single writer.</b> All state lives on one Vert.x context: the one current when the engine
 * is constructed (a new event-loop context when constructed off Vert.x). Venue callbacks (books,
 * fills) and operator commands hop onto it; {@link #snapshot()} is the only method that reads
 * without hopping, and it reads an immutable snapshot.
 *
 * <p><b>Gates</b>, in order, before an opportunity is traded: engine stopping, paused, kill
 * switch, an execution client of the mode unavailable (a remote trader not connected; {@link
 * ExecutionClient#unavailableReason}), the mode's reconciliation not passed, pair not approved, pair blocked by an order of
 * unknown outcome, pair blacklisted, an execution of the pair in flight, awaiting approval,
 * cooldown, and the risk check of the whole opportunity. An opportunity is logged when it appears
 * or its direction, size or profit changes, not on every book tick; so is a refusal.
 */
public final class ArbEngine {
  private static final Logger LOG = Logger.getLogger(ArbEngine.class.getName());
  /** Fills are fetched from this long before a private stream dropped (clocks and delays). */
  private static final Duration FILL_CATCH_UP_MARGIN = Duration.ofMinutes(1);
  /** Re-sizings to fit the available balances before an opportunity is given up. */
  private static final int BALANCE_ROUNDS = 3;
  private static final String AWAITING_APPROVAL = "awaiting approval";

  private final Vertx vertx;
  private final Context context;
  private final EngineSetup setup;
  private final EngineConfig config;
  private final InstantSource clock;
  private final EngineBooks books;
  private final EdgeCalculator calculator;
  private final KillSwitch killSwitch;
  private final RiskGuard riskGuard;
  private final ClientOrderIds ids;
  private final BookRelay relay;
  private final EngineProbe probe;
  /**
   * While the engine evaluates because of a book update: when that update arrived at the relay
   * ({@link System#nanoTime()}); 0 otherwise (timers, operator commands), when no tick-to-order
   * latency is measured.
   */
  private long evaluatingUpdateNanos;

  private final Map<String, PairState> pairs = new LinkedHashMap<>();
  private final Map<InstrumentId, List<PairState>> pairsByInstrument = new HashMap<>();
  /** Instruments subscribed (or being subscribed) at their venue. */
  private final Set<InstrumentId> subscribed = new LinkedHashSet<>();
  /** The subscribed instruments' books as the snapshot's feed health counts them (see {@link FeedCounts}). */
  private final FeedCounts feedCounts = new FeedCounts();
  private final List<BookSubscription> subscriptions = new ArrayList<>();
  private final Map<EngineMode, Session> sessions = new EnumMap<>(EngineMode.class);
  private final Map<String, Pending> pendingApprovals = new LinkedHashMap<>();
  private final Map<String, Execution> executions = new LinkedHashMap<>();

  private EngineMode mode;
  private boolean started;
  private boolean stopping;
  private boolean stopped;
  private String pauseReason;
  private Promise<Void> drained;
  private long reconcileTimer = -1;
  private long fingerprintTimer = -1;
  private long opportunitiesLogged;
  private long executionsFinished;
  private boolean errorStreakAlerted;
  private boolean publishScheduled;
  /** A book-driven publication waits on a timer (see {@link #publishForBooks()}). */
  private boolean bookPublishPending;
  private long lastPublishNanos;
  private volatile EngineSnapshot snapshot;
  /** Recent executions, alerts and log lines and the feeds' last messages, for the dashboard. */
  private final EngineActivity activity =
      new EngineActivity(EngineSnapshot.RECENT_EXECUTIONS, EngineSnapshot.RECENT_LINES);

  public ArbEngine(Vertx vertx, EngineSetup setup) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.setup = setup;
    this.config = setup.config();
    this.clock = setup.clock();
    this.books = setup.books();
    this.calculator = new EdgeCalculator(clock);
    this.killSwitch = new KillSwitch(clock);
    this.riskGuard = new RiskGuard(config.riskLimits(), killSwitch);
    this.ids = new ClientOrderIds(clock.millis());
    this.probe = setup.probe();
    this.relay = new BookRelay(context, this::onBookChanged, probe);
    this.mode = config.mode();
    for (PairEntry entry : setup.pairs()) {
      pairs.put(entry.id(), new PairState(entry));
    }
    for (Map.Entry<EngineMode, Trading> t : setup.trading().entrySet()) {
      sessions.put(t.getKey(), new Session(t.getKey(), t.getValue()));
    }
    this.snapshot = buildSnapshot();
  }

  // =============================================================================================
  // Public API: every method hops onto the engine's context.

  /**
   * Loads the approved pairs (market descriptions, fingerprint check, instruments, fees), subscribes
   * their books in batches, listens to the mode's execution clients and starts its reconciliation.
   * Completes once subscribed; trading stays blocked until the reconciliation passes.
   */
  public Future<Void> start() {
    return onContext(this::doStart);
  }

  /** Unsubscribes, lets executions in flight finish (bounded by the config's stop timeout). */
  public Future<Void> stop() {
    return onContext(this::doStop);
  }

  /**
   * The engine as last published; thread-safe and immutable. It is published shortly after each
   * change, so it may lag an event just emitted by one turn of the engine's context.
   */
  public EngineSnapshot snapshot() {
    return snapshot;
  }

  /** A snapshot taken on the engine's context now: it reflects every event emitted before the call. */
  public Future<EngineSnapshot> currentSnapshot() {
    return onContext(() -> {
      publish();
      return Future.succeededFuture(snapshot);
    });
  }

  /**
   * For tests: {@link #currentSnapshot()} and, taken in the same turn of the engine's context, a
   * snapshot with every pair's view built afresh (the two must be equal).
   */
  Future<List<EngineSnapshot>> currentSnapshotAndFullRebuild() {
    return onContext(() -> {
      publish();
      return Future.succeededFuture(List.of(snapshot, buildSnapshot(true)));
    });
  }

  /** Stops trading (opportunities are still logged) until {@link #resume()}. */
  public Future<Void> pause(String reason) {
    return onContext(() -> {
      if (pauseReason == null) {
        EngineSnapshot.TradingState from = tradingState();
        pauseReason = reason == null || reason.isBlank() ? "operator" : reason;
        emit(new EngineEvent.ModeChanged(now(), "trading", from.name(), "PAUSED", pauseReason));
        publish();
      }
      return Future.succeededFuture();
    });
  }

  /**
   * Resumes after {@link #pause}, and acknowledges an order error streak. The kill switch is not
   * released: that takes a restart.
   */
  public Future<Void> resume() {
    return onContext(() -> {
      boolean wasPaused = pauseReason != null;
      pauseReason = null;
      riskGuard.resetErrors();
      errorStreakAlerted = false;
      if (wasPaused) {
        emit(new EngineEvent.ModeChanged(now(), "trading", "PAUSED", tradingState().name(), "operator resumed"));
      }
      reevaluateAll();
      publish();
      return Future.succeededFuture();
    });
  }

  /**
   * The kill switch: stops all trading (until a restart) and cancels every open order on every
   * venue of the trading modes in use. Fails if a venue's cancel-all failed (the switch stays).
   */
  public Future<Void> kill(String reason) {
    return onContext(() -> doKill(reason == null || reason.isBlank() ? "operator" : reason));
  }

  /** Executes the opportunity waiting under {@code executionId}, re-priced on the books now. */
  public Future<Void> approve(String executionId) {
    return onContext(() -> doApprove(executionId));
  }

  /** Drops the opportunity waiting under {@code executionId}; may blacklist its pair for a while. */
  public Future<Void> reject(String executionId, boolean blacklist) {
    return onContext(() -> doReject(executionId, blacklist));
  }

  /**
   * Switches mode. LIVE is refused unless the config allows it, its execution clients exist, and its
   * reconciliation and balance check pass now. PAPER is entered at once, trading blocked until its
   * reconciliation passes.
   */
  public Future<Void> setMode(EngineMode newMode, String reason) {
    return onContext(() -> doSetMode(newMode, reason == null || reason.isBlank() ? "operator" : reason));
  }

  /** Reconciles the current mode's ledger with its venues now (dry-run has nothing to reconcile). */
  public Future<ReconciliationReport> reconcileNow() {
    return onContext(() -> {
      Session s = sessions.get(mode);
      if (s == null) {
        return Future.failedFuture("dry-run has no ledger to reconcile");
      }
      return activate(s);
    });
  }

  // =============================================================================================
  // Start and stop

  private Future<Void> doStart() {
    if (started) {
      return Future.failedFuture("the engine was already started");
    }
    if (mode == EngineMode.LIVE && !config.allowLive()) {
      return Future.failedFuture("LIVE mode is not allowed by the configuration");
    }
    if (mode != EngineMode.DRY_RUN && !sessions.containsKey(mode)) {
      return Future.failedFuture(mode + " mode needs its execution clients, executor, reconciler and ledger");
    }
    started = true;
    emit(new EngineEvent.ModeChanged(now(), "mode", null, mode.name(), "engine start"));
    return loadAll(List.copyOf(pairs.values()))
        .compose(v -> subscribeNew())
        .map(v -> {
          Session s = sessions.get(mode);
          if (s != null) {
            activate(s); // trading waits for it; start does not
          }
          startTimers();
          publish();
          return (Void) null;
        })
        .onFailure(e -> {
          alert(Severity.CRITICAL, null, "engine start failed: " + oneLine(e));
          publish();
        });
  }

  private Future<Void> doStop() {
    if (!started || stopping) {
      stopping = true;
      stopped = true;
      publish();
      return Future.succeededFuture();
    }
    stopping = true;
    cancelTimer(reconcileTimer);
    cancelTimer(fingerprintTimer);
    for (String id : new ArrayList<>(pendingApprovals.keySet())) {
      dropPending(id, DecisionKind.EXPIRED, "engine stopping");
    }
    relay.close();
    List<Future<Void>> cancels = new ArrayList<>();
    for (BookSubscription sub : subscriptions) {
      cancels.add(here(safe(sub::cancel)));
    }
    subscriptions.clear();
    Future<Void> inFlight;
    if (executions.isEmpty()) {
      inFlight = Future.succeededFuture();
    } else {
      drained = Promise.promise();
      long timer = vertx.setTimer(config.stopTimeout().toMillis(), t -> {
        if (drained != null && !executions.isEmpty()) {
          alert(Severity.CRITICAL, null, executions.size() + " execution(s) still in flight after "
              + config.stopTimeout() + ": stopping anyway; reconcile at the next start");
          drained.tryComplete();
        }
      });
      inFlight = drained.future().onComplete(ar -> vertx.cancelTimer(timer));
    }
    // A reconciliation under way writes to the ledger: let it finish (bounded) before the files close.
    List<Future<ReconciliationReport>> reconciling = new ArrayList<>();
    for (Session s : sessions.values()) {
      if (s.running != null) {
        reconciling.add(s.running);
      }
    }
    Promise<Void> reconciled = Promise.promise();
    long reconcileWait = vertx.setTimer(config.stopTimeout().toMillis(), t -> reconciled.tryComplete());
    Future.join(reconciling).onComplete(ar -> {
      vertx.cancelTimer(reconcileWait);
      reconciled.tryComplete();
    });
    return Future.join(Future.join(cancels), inFlight, reconciled.future()).transform(ar -> {
      stopped = true;
      emit(new EngineEvent.ModeChanged(now(), "engine", "RUNNING", "STOPPED", "stop"));
      publish();
      return Future.succeededFuture();
    });
  }

  private void startTimers() {
    reconcileTimer = vertx.setPeriodic(config.reconcileInterval().toMillis(), t -> {
      if (stopping) {
        return;
      }
      Session current = sessions.get(mode);
      if (current != null) {
        activate(current);
      }
      // a mode left behind may still hold orders of unknown outcome: keep settling them
      for (PairState ps : pairs.values()) {
        if (ps.unknownSession != null && ps.unknownSession != current) {
          reconcile(ps.unknownSession);
        }
      }
    });
    fingerprintTimer = vertx.setPeriodic(config.fingerprintRecheckInterval().toMillis(), t -> {
      if (!stopping) {
        recheckPairs();
      }
    });
  }

  // =============================================================================================
  // Pairs: load, fingerprint, subscribe

  /**
   * Loads {@code todo}, at most {@link #LOAD_CONCURRENCY} pairs at a time: thousands of market
   * lookups at once queue behind the venue clients' few connections until they time out (5,000
   * pairs at once left 4,932 not loaded). Never fails, like {@link #load}.
   */
  private Future<Void> loadAll(List<PairState> todo) {
    java.util.Iterator<PairState> next = todo.iterator(); // read on the engine's context only
    List<Future<Void>> lanes = new ArrayList<>();
    for (int i = 0; i < LOAD_CONCURRENCY; i++) {
      lanes.add(loadLane(next));
    }
    return Future.all(lanes).mapEmpty();
  }

  private Future<Void> loadLane(java.util.Iterator<PairState> next) {
    if (!next.hasNext()) {
      return Future.succeededFuture();
    }
    return load(next.next()).compose(v -> {
      // Through the context, not inline: a run of pairs that load at once must not deepen the stack.
      Promise<Void> lane = Promise.promise();
      context.runOnContext(x -> loadLane(next).onComplete(lane));
      return lane.future();
    });
  }

  /** Pairs loading at once at start (each is two market lookups, then instrument and fee lookups). */
  private static final int LOAD_CONCURRENCY = 16;

  /** Loads one pair; never fails (a problem leaves the pair not loaded, with the reason). */
  private Future<Void> load(PairState ps) {
    if (!ps.pair.isApproved()) {
      return Future.succeededFuture();
    }
    InstrumentId kalshiId = ps.pair.kalshiInstrument();
    InstrumentId yesId = ps.pair.polymarket().token(Outcome.YES);
    Future<MarketInfo> k = safe(() -> setup.markets().market(setup.kalshi(), kalshiId));
    Future<MarketInfo> p = safe(() -> setup.markets().market(setup.polymarket(), yesId));
    return here(Future.all(k, p)).compose(v -> {
      if (fingerprintChanged(ps, k.result(), p.result())) {
        return Future.succeededFuture();
      }
      if (!k.result().open() || !p.result().open()) {
        ps.loadProblem = "market not open (Kalshi " + k.result().status() + ", Polymarket " + p.result().status() + ")";
        return Future.succeededFuture();
      }
      Future<Instrument> ki = safe(() -> setup.kalshi().instrument(kalshiId));
      Future<Instrument> pi = safe(() -> setup.polymarket().instrument(yesId));
      Future<FeeModel> kf = safe(() -> setup.kalshi().fees(kalshiId));
      Future<FeeModel> pf = safe(() -> setup.polymarket().fees(yesId));
      return here(Future.all(ki, pi, kf, pf)).map(x -> {
        wire(ps, ki.result(), pi.result(), kf.result(), pf.result());
        return (Void) null;
      });
    }).recover(e -> {
      ps.loadProblem = "cannot load: " + oneLine(e);
      alert(Severity.WARNING, ps.id(), "pair " + ps.id() + " not loaded: " + oneLine(e));
      return Future.succeededFuture();
    });
  }

  private void wire(PairState ps, Instrument kalshi, Instrument polymarketYes, FeeModel kalshiFees,
      FeeModel polymarketFees) {
    InstrumentId kalshiId = ps.pair.kalshiInstrument();
    InstrumentId yesId = ps.pair.polymarket().token(Outcome.YES);
    InstrumentId noId = ps.pair.polymarket().token(Outcome.NO);
    if (!kalshi.id().equals(kalshiId) || !polymarketYes.id().equals(yesId)) {
      throw new IllegalStateException("venue described " + kalshi.id() + " / " + polymarketYes.id() + " for "
          + kalshiId + " / " + yesId);
    }
    books.setFees(kalshiId, kalshiFees);
    books.setFees(yesId, polymarketFees);
    books.setFees(noId, polymarketFees);
    ps.kalshiInstrument = kalshi;
    ps.polymarketInstrument = polymarketYes;
    ps.kalshiFees = kalshiFees;
    ps.polymarketFees = polymarketFees;
    ps.inputs = new EdgeInputs(ps.pair, books.follow(kalshiId), books.follow(yesId), books.follow(noId), kalshi,
        polymarketYes, kalshiFees, polymarketFees);
    ps.loadProblem = null;
    for (InstrumentId id : List.of(kalshiId, yesId, noId)) {
      List<PairState> list = pairsByInstrument.computeIfAbsent(id, x -> new ArrayList<>());
      if (!list.contains(ps)) {
        list.add(ps);
      }
    }
  }

  /** Compares the venues' description now with what was approved; suspends the pair on a change. */
  private boolean fingerprintChanged(PairState ps, MarketInfo kalshi, MarketInfo polymarket) {
    List<String> changes = ps.entry.fingerprint().changesTo(PairFingerprint.of(kalshi, polymarket));
    if (changes.isEmpty()) {
      return false;
    }
    suspend(ps, "changed since approval: " + String.join("; ", changes));
    return true;
  }

  private void suspend(PairState ps, String reason) {
    ps.entry = ps.entry.suspend(reason);
    ps.pair = ps.entry.toMarketPair();
    if (ps.inputs != null) {
      EdgeInputs in = ps.inputs;
      ps.inputs = new EdgeInputs(ps.pair, in.kalshiBook(), in.polymarketYesBook(), in.polymarketNoBook(),
          in.kalshiInstrument(), in.polymarketInstrument(), in.kalshiFees(), in.polymarketFees());
    }
    ps.opportunity = null;
    ps.oppKey = null;
    try {
      setup.pairChanged().accept(ps.entry);
    } catch (RuntimeException e) {
      alert(Severity.CRITICAL, ps.id(), "could not save the suspension of pair " + ps.id() + ": " + oneLine(e));
    }
    emit(new EngineEvent.PairStatusChanged(now(), ps.id(), "SUSPENDED", reason));
    alert(Severity.CRITICAL, ps.id(), "pair " + ps.id() + " suspended: " + reason);
    if (ps.pendingId != null) {
      dropPending(ps.pendingId, DecisionKind.EXPIRED, "pair suspended");
    }
    publishSoon();
  }

  /** Periodic: re-fetches the approved pairs' descriptions from the venues (no cache); retries loads. */
  private void recheckPairs() {
    List<Future<Void>> reloads = new ArrayList<>();
    for (PairState ps : pairs.values()) {
      if (!ps.pair.isApproved()) {
        continue;
      }
      if (ps.inputs == null) {
        reloads.add(load(ps));
        continue;
      }
      InstrumentId kalshiId = ps.pair.kalshiInstrument();
      InstrumentId yesId = ps.pair.polymarket().token(Outcome.YES);
      Future<MarketInfo> k = safe(() -> setup.kalshi().market(kalshiId));
      Future<MarketInfo> p = safe(() -> setup.polymarket().market(yesId));
      here(Future.all(k, p)).onComplete(ar -> {
        if (ar.failed()) {
          alert(Severity.WARNING, ps.id(), "pair " + ps.id() + ": fingerprint re-check failed: " + oneLine(ar.cause()));
        } else if (ps.pair.isApproved()) {
          fingerprintChanged(ps, k.result(), p.result());
        }
      });
    }
    if (!reloads.isEmpty()) {
      Future.all(reloads).compose(v -> subscribeNew()).onFailure(e ->
          alert(Severity.WARNING, null, "subscribing reloaded pairs failed: " + oneLine(e)));
    }
  }

  /** Subscribes, in batches per venue, the books of loaded pairs not subscribed yet. */
  private Future<Void> subscribeNew() {
    Map<VenueId, List<InstrumentId>> byVenue = new EnumMap<>(VenueId.class);
    for (PairState ps : pairs.values()) {
      if (ps.inputs == null) {
        continue;
      }
      for (OrderBook b : List.of(ps.inputs.kalshiBook(), ps.inputs.polymarketYesBook(), ps.inputs.polymarketNoBook())) {
        if (subscribed.add(b.instrument())) {
          feedCounts.add(b.instrument(), books.book(b.instrument()));
          byVenue.computeIfAbsent(b.instrument().venue(), v -> new ArrayList<>()).add(b.instrument());
        }
      }
    }
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<VenueId, List<InstrumentId>> e : byVenue.entrySet()) {
      Venue venue = e.getKey() == VenueId.KALSHI ? setup.kalshi() : setup.polymarket();
      List<InstrumentId> all = e.getValue();
      for (int i = 0; i < all.size(); i += config.subscribeBatchSize()) {
        List<InstrumentId> batch = all.subList(i, Math.min(all.size(), i + config.subscribeBatchSize()));
        chain = chain.compose(v -> subscribe(venue, batch));
      }
    }
    return chain;
  }

  private Future<Void> subscribe(Venue venue, List<InstrumentId> batch) {
    if (stopping) {
      return Future.succeededFuture();
    }
    // The venue writes its own books on its context; the relay copies them onto ours.
    List<OrderBook> venueBooks = new ArrayList<>();
    for (InstrumentId id : batch) {
      venueBooks.add(new OrderBook(id, clock));
    }
    return here(safe(() -> venue.marketData().subscribe(venueBooks, relay))).map(sub -> {
      subscriptions.add(sub);
      return (Void) null;
    }).recover(e -> {
      for (InstrumentId id : batch) {
        if (subscribed.remove(id)) {
          feedCounts.remove(id, books.book(id));
        }
      }
      return Future.failedFuture(venue.id() + " subscribe failed: " + oneLine(e));
    });
  }

  // =============================================================================================
  // Books → evaluation → decision

  private void onBookChanged(InstrumentId instrument) {
    BookRelay.Update update = relay.take(instrument);
    if (update == null || stopped) {
      return;
    }
    activity.bookMessage(instrument.venue(), now());
    boolean counted = subscribed.contains(instrument);
    if (counted) {
      feedCounts.remove(instrument, books.book(instrument));
    }
    OrderBook book = books.follow(instrument);
    if (update.snapshot() != null) {
      book.applySnapshot(update.snapshot());
    } else {
      book.markUntrusted(update.untrusted());
    }
    if (counted) {
      feedCounts.add(instrument, book);
    }
    evaluatingUpdateNanos = update.arrivedNanos();
    try {
      for (PairState ps : pairsByInstrument.getOrDefault(instrument, List.of())) {
        ps.booksChanged = true;
        evaluate(ps);
      }
    } finally {
      evaluatingUpdateNanos = 0;
    }
    publishForBooks();
  }

  private void reevaluateAll() {
    for (PairState ps : pairs.values()) {
      evaluate(ps);
    }
  }

  private void evaluate(PairState ps) {
    if (stopped || ps.inputs == null) {
      return;
    }
    EdgeResult result = calculator.evaluate(ps.inputs, config.edgeParams(config.maxSize()));
    Session s = sessions.get(mode);
    if (result instanceof Opportunity o && s != null) {
      result = fitBalances(ps, o, s);
    }
    ps.lastResult = result;
    if (!(result instanceof Opportunity opp)) {
      ps.opportunity = null;
      ps.oppKey = null;
      return;
    }
    ps.opportunity = opp;
    String key = opp.direction() + "|" + opp.size() + "|" + opp.expectedProfit();
    if (!key.equals(ps.oppKey)) {
      ps.oppKey = key;
      ps.oppId = ids.nextExecution();
      ps.decisionKey = null;
      opportunitiesLogged++;
      emit(new EngineEvent.OpportunityFound(now(), ps.oppId, opp));
    }
    decide(ps, opp);
  }

  private void decide(PairState ps, Opportunity opp) {
    String gate = gate(ps);
    if (gate == AWAITING_APPROVAL) {
      return;
    }
    if (gate == null && mode != EngineMode.DRY_RUN) {
      gate = riskGate(ps, opp);
    }
    if (gate != null) {
      if (!gate.equals(ps.decisionKey)) {
        ps.decisionKey = gate;
        emit(new Decision(now(), ps.id(), ps.oppId, DecisionKind.SKIPPED, gate));
      }
      return;
    }
    if (mode == EngineMode.DRY_RUN) {
      if (!"dry-run".equals(ps.decisionKey)) {
        ps.decisionKey = "dry-run";
        emit(new Decision(now(), ps.id(), ps.oppId, DecisionKind.DRY_RUN,
            "dry-run: no order sent (would buy " + opp.size() + " for " + opp.totalCost() + ", profit "
                + opp.expectedProfit() + ")"));
      }
      return;
    }
    if (config.approval() == ApprovalMode.MANUAL) {
      if (!ps.oppId.equals(ps.dismissedId)) {
        requestApproval(ps, opp);
      }
      return;
    }
    execute(ps, opp, ps.oppId, "auto approval");
  }

  /** Why {@code ps} may not trade now, or null. */
  private String gate(PairState ps) {
    Instant now = now();
    if (stopping) {
      return "engine stopping";
    }
    if (pauseReason != null) {
      return "paused: " + pauseReason;
    }
    Optional<KillSwitch.Engagement> kill = killSwitch.engagement();
    if (kill.isPresent()) {
      return "kill switch: " + kill.get().reason();
    }
    Session s = sessions.get(mode);
    String unavailable = unavailable(s);
    if (unavailable != null) {
      return unavailable;
    }
    if (s != null && !s.passed) {
      return "trading blocked: " + s.blockedReason;
    }
    if (!ps.pair.isApproved()) {
      return "pair suspended: " + ps.pair.suspendedReason();
    }
    if (!ps.unknownOrders.isEmpty()) {
      return "pair blocked until reconciled: orders of unknown outcome " + ps.unknownOrders;
    }
    if (ps.blacklistedUntil != null && now.isBefore(ps.blacklistedUntil)) {
      return "pair blacklisted until " + ps.blacklistedUntil + ": " + ps.blacklistReason;
    }
    if (ps.inFlightId != null) {
      return "execution " + ps.inFlightId + " in flight";
    }
    if (ps.pendingId != null) {
      return AWAITING_APPROVAL;
    }
    if (ps.cooldownUntil != null && now.isBefore(ps.cooldownUntil)) {
      return "cooldown until " + ps.cooldownUntil;
    }
    return null;
  }

  /**
   * Why the session's execution clients cannot take orders now (every pair needs both venues), or
   * null; null too in dry-run, which sends nothing.
   */
  private String unavailable(Session s) {
    if (s == null) {
      return null;
    }
    List<String> reasons = new ArrayList<>();
    for (VenueId venue : List.of(VenueId.KALSHI, VenueId.POLYMARKET)) {
      ExecutionClient client = s.trading.clients().get(venue);
      Optional<String> reason;
      try {
        reason = client.unavailableReason();
      } catch (RuntimeException e) {
        reason = Optional.of(venue + " execution client failed to say whether it is available: " + oneLine(e));
      }
      reason.ifPresent(reasons::add);
    }
    return reasons.isEmpty() ? null : "execution unavailable: " + String.join("; ", reasons);
  }

  /** The risk check of the whole opportunity, before anything is dispatched. */
  private String riskGate(PairState ps, Opportunity opp) {
    Session s = sessions.get(mode);
    Money kalshiLeg = opp.kalshi().cost().plus(opp.kalshi().fee());
    Money polymarketLeg = opp.polymarket().cost().plus(opp.polymarket().fee());
    Money firstLeg = kalshiLeg.compareTo(polymarketLeg) >= 0 ? kalshiLeg : polymarketLeg;
    RiskDecision d = riskGuard.check(new OrderIntent(ps.id(), opp.totalCost(), firstLeg), exposure(s));
    return d instanceof RiskDecision.Denied denied ? "risk: " + denied.reason() + ": " + denied.detail() : null;
  }

  /**
   * Re-sizes {@code opp} so that it fits what may be spent now: each leg's cost and fee within its
   * venue's available balance (as last fetched, minus what executions since reserved; unknown
   * balances cap nothing) and within the unhedged-exposure room (either leg may end up naked), and
   * both legs together within the pair's and the total notional room. A limit with no room left
   * caps nothing here: the risk gate then refuses with the limit's numbers.
   */
  private EdgeResult fitBalances(PairState ps, Opportunity opp, Session s) {
    Exposure exposure = exposure(s);
    RiskLimits limits = config.riskLimits();
    Money legRoom = limits.maxUnhedgedExposure().minus(exposure.unhedgedExposure());
    Money pairRoom = limits.maxNotionalPerPair().minus(exposure.notionalOf(ps.id()));
    Money totalRoom = limits.maxNotionalTotal().minus(exposure.totalNotional());
    Money availableKalshi = budget(s.available.get(VenueId.KALSHI), legRoom);
    Money availablePolymarket = budget(s.available.get(VenueId.POLYMARKET), legRoom);
    Money availableTotal = budget(pairRoom.isPositive() ? pairRoom : null, totalRoom);
    Opportunity current = opp;
    for (int round = 0; round < BALANCE_ROUNDS; round++) {
      Money needKalshi = current.kalshi().cost().plus(current.kalshi().fee());
      Money needPolymarket = current.polymarket().cost().plus(current.polymarket().fee());
      Money needTotal = current.totalCost();
      if (fits(needKalshi, availableKalshi) && fits(needPolymarket, availablePolymarket)
          && fits(needTotal, availableTotal)) {
        return current;
      }
      long size = current.size().micros();
      long cap = Math.min(Math.min(scaled(size, availableKalshi, needKalshi),
          scaled(size, availablePolymarket, needPolymarket)), scaled(size, availableTotal, needTotal));
      if (cap <= 0 || cap >= size) {
        break;
      }
      EdgeResult r = calculator.evaluate(ps.inputs, config.edgeParams(Quantity.ofMicros(cap)), current.direction());
      if (!(r instanceof Opportunity o)) {
        break;
      }
      current = o;
    }
    if (fits(current.kalshi().cost().plus(current.kalshi().fee()), s.available.get(VenueId.KALSHI))
        && fits(current.polymarket().cost().plus(current.polymarket().fee()), s.available.get(VenueId.POLYMARKET))) {
      return current; // the balances allow it: the risk gate refuses it with the limit's numbers
    }
    return new NoOpportunity(ps.id(), opp.direction(), NoEdgeReason.BELOW_MIN_SIZE,
        "the available balances (Kalshi " + s.available.get(VenueId.KALSHI) + ", Polymarket "
            + s.available.get(VenueId.POLYMARKET) + ") do not cover the smallest size within the risk limits");
  }

  /** The smaller of a balance (null: unknown) and a limit's room, or null when neither caps. */
  private static Money budget(Money balance, Money room) {
    Money limit = room != null && room.isPositive() ? room : null;
    if (balance == null) {
      return limit;
    }
    return limit == null || balance.compareTo(limit) <= 0 ? balance : limit;
  }

  private static boolean fits(Money need, Money available) {
    return available == null || need.compareTo(available) <= 0;
  }

  /** {@code floor(size × available / need)} when the leg does not fit, else {@code size}. */
  private static long scaled(long size, Money available, Money need) {
    if (available == null || need.compareTo(available) <= 0) {
      return size;
    }
    if (!available.isPositive()) {
      return 0;
    }
    return BigInteger.valueOf(size).multiply(BigInteger.valueOf(available.micros()))
        .divide(BigInteger.valueOf(need.micros())).longValueExact();
  }

  // =============================================================================================
  // Manual approval

  private void requestApproval(PairState ps, Opportunity opp) {
    String id = ps.oppId;
    Instant expires = now().plus(config.approvalTimeout());
    long timer = vertx.setTimer(config.approvalTimeout().toMillis(), t -> {
      if (pendingApprovals.containsKey(id)) {
        dropPending(id, DecisionKind.EXPIRED, "no answer within " + config.approvalTimeout());
        publish();
      }
    });
    pendingApprovals.put(id, new Pending(ps, opp, expires, timer));
    ps.pendingId = id;
    ps.decisionKey = AWAITING_APPROVAL;
    emit(new Decision(now(), ps.id(), id, DecisionKind.AWAIT_APPROVAL, "waiting for the operator until " + expires));
    publishSoon();
  }

  private Future<Void> doApprove(String executionId) {
    Pending p = pendingApprovals.remove(executionId);
    if (p == null) {
      return Future.failedFuture("no opportunity waits for approval under " + executionId);
    }
    vertx.cancelTimer(p.timer);
    PairState ps = p.pair;
    ps.pendingId = null;
    emit(new Decision(now(), ps.id(), executionId, DecisionKind.APPROVED, "approved by the operator"));
    String gate = gate(ps);
    if (gate == null && mode == EngineMode.DRY_RUN) {
      gate = "dry-run";
    }
    EdgeResult now = gate != null ? null : calculator.evaluate(ps.inputs, config.edgeParams(p.opportunity.size()),
        p.opportunity.direction());
    if (now instanceof Opportunity o) {
      now = fitBalances(ps, o, sessions.get(mode));
    }
    if (gate == null && now instanceof Opportunity o) {
      gate = riskGate(ps, o);
    }
    if (gate == null && !(now instanceof Opportunity)) {
      gate = "the opportunity is gone: " + ((NoOpportunity) now).detail();
    }
    if (gate != null) {
      ps.dismissedId = executionId;
      emit(new Decision(now(), ps.id(), executionId, DecisionKind.SKIPPED, "approved, but " + gate));
      publish();
      return Future.failedFuture("approved, but not executed: " + gate);
    }
    Opportunity o = (Opportunity) now;
    String repriced = o.equals(p.opportunity) ? "" : " (re-priced now: size " + o.size() + ", profit " + o.expectedProfit() + ")";
    execute(ps, o, executionId, "operator approved" + repriced);
    publish();
    return Future.succeededFuture();
  }

  private Future<Void> doReject(String executionId, boolean blacklist) {
    Pending p = pendingApprovals.get(executionId);
    if (p == null) {
      return Future.failedFuture("no opportunity waits for approval under " + executionId);
    }
    dropPending(executionId, DecisionKind.REJECTED,
        blacklist ? "rejected by the operator; pair blacklisted for " + config.rejectBlacklist() : "rejected by the operator");
    if (blacklist) {
      blacklist(p.pair, config.rejectBlacklist(), "rejected by the operator");
    }
    publish();
    return Future.succeededFuture();
  }

  private void dropPending(String executionId, DecisionKind kind, String reason) {
    Pending p = pendingApprovals.remove(executionId);
    if (p == null) {
      return;
    }
    vertx.cancelTimer(p.timer);
    p.pair.pendingId = null;
    p.pair.dismissedId = executionId; // the same opportunity is not asked about again
    emit(new Decision(now(), p.pair.id(), executionId, kind, reason));
  }

  // =============================================================================================
  // Execution

  private void execute(PairState ps, Opportunity opp, String executionId, String reason) {
    Session s = sessions.get(mode);
    ExecutionRequest request;
    try {
      InstrumentId bought = opp.polymarket().instrument();
      Instrument p = ps.polymarketInstrument;
      request = new ExecutionRequest(executionId, ps.pair, opp, config.policyFor(ps.id()), ps.kalshiInstrument,
          new Instrument(bought, p.tickGrid(), p.minSize(), p.sizeStep()), ps.kalshiFees, ps.polymarketFees);
    } catch (RuntimeException e) {
      emit(new Decision(now(), ps.id(), executionId, DecisionKind.SKIPPED, "cannot build the execution: " + oneLine(e)));
      return;
    }
    emit(new Decision(now(), ps.id(), executionId, DecisionKind.EXECUTE,
        reason + "; policy " + request.policy() + ", size " + opp.size() + ", expected profit " + opp.expectedProfit()));
    ps.inFlightId = executionId;
    ps.oppKey = null; // whatever is found after this execution is a new opportunity
    ps.decisionKey = null;
    reserve(s, VenueId.KALSHI, opp.kalshi().cost().plus(opp.kalshi().fee()));
    reserve(s, VenueId.POLYMARKET, opp.polymarket().cost().plus(opp.polymarket().fee()));
    LedgerSnapshot ledger = s.trading.ledger().snapshot();
    Execution ex = new Execution(ps, s, executionId, opp, new Exposures.InFlight(ps.id(),
        Exposures.notional(ledger, ps.id()), Exposures.unhedged(ledger, ps.id()), Money.ZERO, Money.ZERO));
    executions.put(executionId, ex);
    if (evaluatingUpdateNanos != 0) {
      try {
        probe.tickToOrder(System.nanoTime() - evaluatingUpdateNanos);
      } catch (RuntimeException e) {
        // A probe must not throw; if one does, measuring is what is lost, never the execution.
      }
    }
    here(safe(() -> s.trading.executor().execute(request, ex))).onComplete(ar -> finished(ex, ar.result(), ar.cause()));
    publishSoon();
  }

  /**
   * A residual left on a pair outside any execution (a fill reversed after its execution ended):
   * hands it to the executor once, to hedge it at a price that loses nothing or sell it back within
   * the loss cap. Never while another execution runs on the pair (its own leg risk handles what it
   * sees), and never again for the same reversal: what the executor cannot close stays alerted.
   */
  private void closeResidual(Session s, PairState ps, LedgerSnapshot.PairPosition position) {
    if (ps == null || ps.inputs == null) {
      return;
    }
    String why = ps.inFlightId != null ? "execution " + ps.inFlightId + " in flight"
        : killSwitch.isEngaged() ? "kill switch engaged"
        : s != sessions.get(mode) ? "the fill belongs to " + s.mode + ", not the current mode"
        : !ps.unknownOrders.isEmpty() ? "orders of unknown outcome " + ps.unknownOrders : null;
    if (why != null) {
      alert(Severity.CRITICAL, ps.id(), "residual " + position.residual() + " on pair " + ps.id()
          + " not closed automatically (" + why + "): close it by hand");
      return;
    }
    Outcome pays = position.residualSide();
    InstrumentId kalshiId = ps.pair.kalshiInstrument();
    InstrumentId polyId = ps.pair.polymarketTokenEquivalentTo(pays);
    LedgerSnapshot.Position onKalshi = position.legs().stream()
        .filter(l -> l.instrument().equals(kalshiId) && l.outcome() == pays).findFirst().orElse(null);
    LedgerSnapshot.Position onPolymarket = position.legs().stream()
        .filter(l -> l.instrument().equals(polyId)).findFirst().orElse(null);
    long kalshiHeld = onKalshi == null ? 0 : onKalshi.netMicros();
    long polyHeld = onPolymarket == null ? 0 : onPolymarket.netMicros();
    boolean kalshiLong = kalshiHeld >= polyHeld;
    LedgerSnapshot.Position held = kalshiLong ? onKalshi : onPolymarket;
    if (held == null || held.netMicros() <= 0) {
      alert(Severity.CRITICAL, ps.id(), "residual " + position.residual() + " on pair " + ps.id()
          + " is not held on one leg the engine can sell: close it by hand");
      return;
    }
    Quantity quantity = position.residual().min(held.held());
    Price average = Price.ofMicros(Math.min(Fixed.SCALE, Fixed.ceilDiv(
        Math.multiplyExact(Math.max(0, held.costBasis().micros()), Fixed.SCALE), held.netMicros())));
    Outcome hedgeOn = pays.opposite();
    InstrumentId hedge = kalshiLong ? ps.pair.polymarketTokenEquivalentTo(hedgeOn) : kalshiId;
    Outcome hedgeOutcome = kalshiLong ? ps.pair.relation().polymarketEquivalent(hedgeOn) : hedgeOn;
    String executionId = ids.nextExecution();
    ResidualRequest request;
    try {
      request = new ResidualRequest(executionId, ps.pair, held.instrument(), held.outcome(), quantity, average, hedge,
          hedgeOutcome, ps.kalshiInstrument, ps.polymarketInstrument, ps.kalshiFees, ps.polymarketFees);
    } catch (RuntimeException e) {
      alert(Severity.CRITICAL, ps.id(), "residual on pair " + ps.id() + " cannot be closed: " + oneLine(e));
      return;
    }
    emit(new Decision(now(), ps.id(), executionId, DecisionKind.EXECUTE, "close the residual " + quantity + " held on "
        + held.instrument() + ": hedge without a loss, else sell back within the loss cap"));
    ps.inFlightId = executionId;
    LedgerSnapshot ledger = s.trading.ledger().snapshot();
    Execution ex = new Execution(ps, s, executionId, null, new Exposures.InFlight(ps.id(),
        Exposures.notional(ledger, ps.id()), Exposures.unhedged(ledger, ps.id()), Money.ZERO, Money.ZERO));
    executions.put(executionId, ex);
    here(safe(() -> s.trading.executor().closeResidual(request, ex))).onComplete(ar -> finished(ex, ar.result(), ar.cause()));
    publishSoon();
  }

  private void finished(Execution ex, ExecutionReport report, Throwable failure) {
    PairState ps = ex.pair;
    executions.remove(ex.executionId);
    ps.inFlightId = null;
    executionsFinished++;
    Opportunity opp = ex.opportunity;
    if (report == null) {
      // A bug in the executor: whatever it sent is unknown until reconciliation says otherwise.
      List<ClientOrderId> issued = List.copyOf(ex.issued);
      emit(new EngineEvent.ExecutionFinished(now(), ps.id(), ex.executionId, "FAILED", Quantity.ZERO, Quantity.ZERO,
          Quantity.ZERO, Quantity.ZERO, opp == null ? null : opp.expectedProfit(), issued,
          "executor failed: " + oneLine(failure)));
      alert(Severity.CRITICAL, ps.id(), "execution " + ex.executionId + " failed in the executor: " + oneLine(failure));
      if (!issued.isEmpty()) {
        block(ps, ex.session, issued);
      }
    } else {
      emit(new EngineEvent.ExecutionFinished(now(), ps.id(), ex.executionId, report.outcome().name(),
          report.kalshiFilled(), report.polymarketFilled(), report.hedged(), report.residual(),
          opp == null ? null : opp.expectedProfit(), report.unknownOrders(), report.detail()));
      if (report.realizedLoss().isPositive()) {
        realizedToday(ex.session); // rolls the day over first
        ex.session.unwindLossToday = ex.session.unwindLossToday.plus(report.realizedLoss());
      }
      if (report.outcome() != ExecutionOutcome.DENIED && opp != null) {
        countMismatch(ps, report.legsMismatched());
      }
      if (report.outcome() == ExecutionOutcome.UNKNOWN) {
        block(ps, ex.session, report.unknownOrders());
      }
      // A residual left open was alerted CRITICAL by the executor itself.
    }
    if (config.cooldown().isZero()) {
      context.runOnContext(v -> evaluate(ps));
    } else {
      ps.cooldownUntil = now().plus(config.cooldown());
      vertx.setTimer(config.cooldown().toMillis(), t -> evaluate(ps));
    }
    refreshBalances(ex.session);
    if (stopping && executions.isEmpty() && drained != null) {
      drained.tryComplete();
    }
    publish();
  }

  private void countMismatch(PairState ps, boolean mismatched) {
    if (!mismatched) {
      ps.mismatchesInRow = 0;
      return;
    }
    ps.mismatchesInRow++;
    if (ps.mismatchesInRow >= config.maxMismatchesInRow()) {
      int n = ps.mismatchesInRow;
      ps.mismatchesInRow = 0;
      blacklist(ps, config.mismatchBlacklist(), n + " executions in a row with mismatched legs");
    }
  }

  private void blacklist(PairState ps, Duration duration, String reason) {
    if (duration.isZero()) {
      return;
    }
    Instant until = now().plus(duration);
    ps.blacklistedUntil = until;
    ps.blacklistReason = reason;
    emit(new EngineEvent.PairStatusChanged(now(), ps.id(), "BLACKLISTED", reason + " (until " + until + ")"));
    alert(Severity.WARNING, ps.id(), "pair " + ps.id() + " blacklisted until " + until + ": " + reason);
    vertx.setTimer(duration.toMillis(), t -> {
      if (until.equals(ps.blacklistedUntil)) {
        ps.blacklistedUntil = null;
        ps.blacklistReason = null;
        emit(new EngineEvent.PairStatusChanged(now(), ps.id(), "ACTIVE", "blacklist expired"));
        evaluate(ps);
        publish();
      }
    });
  }

  private void block(PairState ps, Session s, List<ClientOrderId> unknown) {
    ps.unknownOrders.addAll(unknown);
    ps.unknownSession = s;
    emit(new EngineEvent.PairStatusChanged(now(), ps.id(), "BLOCKED",
        "orders of unknown outcome " + unknown + ": waiting for reconciliation"));
    alert(Severity.WARNING, ps.id(), "pair " + ps.id() + " blocked until reconciled: unknown orders " + unknown);
    if (!stopping) {
      reconcile(s); // settle them as soon as the venues can tell
    }
  }

  /** What one execution borrows from the engine; called by the executor on the engine's context. */
  private final class Execution implements ExecutionContext {
    final PairState pair;
    final Session session;
    final String executionId;
    final Opportunity opportunity;
    final List<ClientOrderId> issued = new ArrayList<>();
    Exposures.InFlight committed;

    Execution(PairState pair, Session session, String executionId, Opportunity opportunity, Exposures.InFlight base) {
      this.pair = pair;
      this.session = session;
      this.executionId = executionId;
      this.opportunity = opportunity;
      this.committed = base;
    }

    @Override
    public OrderBook book(InstrumentId instrument) {
      return books.book(instrument);
    }

    @Override
    public RiskDecision checkRisk(OrderIntent intent) {
      RiskDecision d = riskGuard.check(intent, exposure(session));
      if (d.isAllowed()) {
        committed = committed.plus(intent.notional(), intent.addedUnhedgedExposure());
      }
      return d;
    }

    @Override
    public void orderFinished(SubmitResult result) {
      if (result instanceof SubmitResult.Accepted) {
        riskGuard.recordOrderSuccess();
        errorStreakAlerted = false;
      } else if (result instanceof SubmitResult.Rejected || result instanceof SubmitResult.Unknown) {
        riskGuard.recordOrderError();
        if (riskGuard.consecutiveErrors() >= config.riskLimits().maxConsecutiveErrors() && !errorStreakAlerted) {
          errorStreakAlerted = true;
          alert(Severity.CRITICAL, pair.id(), riskGuard.consecutiveErrors()
              + " order errors in a row: new orders are denied until the operator resumes");
        }
      }
    }

    @Override
    public ClientOrderId newClientOrderId() {
      ClientOrderId id = ids.nextOrder();
      issued.add(id);
      return id;
    }

    @Override
    public EventSink events() {
      return ArbEngine.this::emit;
    }

    @Override
    public InstantSource clock() {
      return clock;
    }
  }

  /** The risk check's view of {@code s}: its ledger, executions in flight, today's realised P&L. */
  private Exposure exposure(Session s) {
    List<Exposures.InFlight> inFlight = new ArrayList<>();
    for (Execution e : executions.values()) {
      if (e.session == s) {
        inFlight.add(e.committed);
      }
    }
    Exposure e = Exposures.of(s.trading.ledger().snapshot(), inFlight, realizedToday(s));
    Money unconfirmed = unconfirmedNotional(s);
    return !unconfirmed.isPositive() ? e : new Exposure(e.notionalByPair(), e.totalNotional(),
        e.unhedgedExposure().plus(unconfirmed), e.realizedPnlToday());
  }

  private static Money unconfirmedNotional(Session s) {
    Money sum = Money.ZERO;
    for (Money m : s.unconfirmed.values()) {
      sum = sum.plus(m);
    }
    return sum;
  }

  /**
   * Today's (UTC) realised P&amp;L: the worse of the ledger's realised P&amp;L since the day began (from
   * the mode's ledger history, so a restart does not forget the day's losses; without one, since
   * the engine started) and minus the unwind losses executors reported today, so
   * that a loss counts before its fills arrive and never twice.
   */
  private Money realizedToday(Session s) {
    LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
    Money realized = s.trading.ledger().snapshot().totals().realizedPnl();
    if (!today.equals(s.day)) {
      s.day = today;
      Money atMidnight = s.trading.realizedPnlBefore().apply(today.atStartOfDay(ZoneOffset.UTC).toInstant());
      // The realised P&L of the fills before today; without a history, the engine's start counts.
      s.dayBaseline = atMidnight == null ? realized : atMidnight;
      s.unwindLossToday = Money.ZERO;
    }
    Money byLedger = realized.minus(s.dayBaseline);
    Money byReports = s.unwindLossToday.negate();
    return byLedger.compareTo(byReports) <= 0 ? byLedger : byReports;
  }

  // =============================================================================================
  // Trading sessions: listening, reconciliation, balances

  /** Starts listening to the session's clients (once), then reconciles. */
  private Future<ReconciliationReport> activate(Session s) {
    if (!s.listening) {
      s.listening = true;
      realizedToday(s);
      for (Map.Entry<VenueId, ExecutionClient> e : s.trading.clients().entrySet()) {
        VenueId venue = e.getKey();
        here(safe(() -> e.getValue().listen(listener(s, venue)))).onComplete(ar -> {
          if (ar.failed()) {
            s.listenProblems.put(venue, venue + " fill stream unavailable: " + oneLine(ar.cause()));
            alert(Severity.WARNING, null, s.mode + ": cannot follow " + venue + " fills: " + oneLine(ar.cause()));
            s.listening = false; // the next reconciliation tries again
          } else {
            s.listenProblems.remove(venue);
          }
        });
      }
    }
    return reconcile(s);
  }

  private Future<ReconciliationReport> reconcile(Session s) {
    if (s.running != null) {
      return s.running;
    }
    if (stopping) {
      return Future.failedFuture("the engine is stopping");
    }
    Set<ClientOrderId> unknown = new LinkedHashSet<>();
    for (PairState ps : pairs.values()) {
      if (ps.unknownSession == s) {
        unknown.addAll(ps.unknownOrders);
      }
    }
    Future<ReconciliationReport> f = here(safe(() -> s.trading.reconciler().reconcile(Set.copyOf(unknown))))
        .compose(report -> refreshBalances(s).map(balanceProblem -> {
          if (!stopped) {
            applyReconciliation(s, report, balanceProblem);
          }
          return report;
        }))
        .recover(e -> {
          if (stopped) {
            return Future.failedFuture(e);
          }
          setPassed(s, false, "reconciliation failed: " + oneLine(e));
          alert(Severity.CRITICAL, null, s.mode + " reconciliation failed: " + oneLine(e));
          publish();
          return Future.failedFuture(e);
        });
    s.running = f;
    f.onComplete(ar -> s.running = null);
    return f;
  }

  private void applyReconciliation(Session s, ReconciliationReport report, String balanceProblem) {
    emit(new EngineEvent.Reconciled(now(), report.passed(), report.drifts(), report.fillsAdded(), report.resolved().size()));
    for (Map.Entry<ClientOrderId, Optional<OrderReport>> r : report.resolved().entrySet()) {
      ClientOrderId id = r.getKey();
      for (PairState ps : pairs.values()) {
        if (ps.unknownSession != s || !ps.unknownOrders.remove(id)) {
          continue;
        }
        if (r.getValue().isPresent()) {
          OrderReport o = r.getValue().get();
          emit(new EngineEvent.OrderOutcome(now(), ps.id(), null,
              new SubmitResult.Accepted(id, o.venueOrderId(), o.status(), o.filled())));
        } else {
          alert(Severity.INFO, ps.id(), "order " + id + " never reached the venue: nothing filled");
        }
        if (ps.unknownOrders.isEmpty()) {
          ps.unknownSession = null;
          emit(new EngineEvent.PairStatusChanged(now(), ps.id(), "ACTIVE", "unknown orders settled by reconciliation"));
        }
      }
    }
    List<String> problems = new ArrayList<>(report.drifts());
    if (balanceProblem != null) {
      problems.add(balanceProblem);
    }
    problems.addAll(s.listenProblems.values());
    s.last = new EngineSnapshot.Reconciliation(now(), problems.isEmpty(), problems);
    boolean wasPassed = s.passed;
    boolean first = !s.reconciledOnce;
    s.reconciledOnce = true;
    setPassed(s, problems.isEmpty(), problems.isEmpty() ? null : String.join("; ", problems));
    if (!problems.isEmpty()) {
      alert(first || wasPassed ? Severity.CRITICAL : Severity.WARNING, null,
          s.mode + " reconciliation found drift, trading blocked: " + String.join("; ", problems));
    }
    if (!report.unresolved().isEmpty()) {
      alert(Severity.WARNING, null, "orders still of unknown outcome: " + report.unresolved());
    }
    if (s.passed) {
      reevaluateAll();
    }
    publish();
  }

  private void setPassed(Session s, boolean passed, String reason) {
    if (s.passed != passed && s.mode == mode && pauseReason == null && !killSwitch.isEngaged()) {
      emit(new EngineEvent.ModeChanged(now(), "trading", passed ? "BLOCKED" : "TRADING", passed ? "TRADING" : "BLOCKED",
          passed ? s.mode + " reconciliation passed" : reason));
    }
    s.passed = passed;
    s.blockedReason = passed ? null : reason;
  }

  /**
   * Fetches every client's balance into the session's cache. Completes with null when all were read
   * (and, in LIVE, positive), else with the problem; never fails.
   */
  private Future<String> refreshBalances(Session s) {
    List<Future<Void>> reads = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<VenueId, ExecutionClient> e : s.trading.clients().entrySet()) {
      VenueId venue = e.getKey();
      reads.add(here(safe(() -> e.getValue().balance())).map(b -> {
        s.available.put(venue, b.available());
        s.balances.put(venue, new EngineSnapshot.BalanceView(venue, b.available(), b.available(), b.portfolioValue(),
            now()));
        if (s.mode == EngineMode.LIVE && !b.available().isPositive()) {
          problems.add(venue + " balance is " + b.available());
        }
        return (Void) null;
      }).recover(err -> {
        s.available.remove(venue);
        if (s.mode == EngineMode.LIVE) {
          problems.add(venue + " balance unreadable: " + oneLine(err));
        }
        return Future.succeededFuture();
      }));
    }
    return Future.join(reads).transform(ar -> Future.succeededFuture(problems.isEmpty() ? null : String.join("; ", problems)));
  }

  private void reserve(Session s, VenueId venue, Money amount) {
    Money available = s.available.get(venue);
    if (available != null) {
      s.available.put(venue, available.minus(amount));
    }
  }

  private ExecutionListener listener(Session s, VenueId venue) {
    return new ExecutionListener() {
      @Override
      public void onFill(Fill fill) {
        context.runOnContext(v -> record(s, fill));
      }

      @Override
      public void onFillConfirmed(VenueId v, String fillId) {
        context.runOnContext(x -> {
          s.unconfirmed.remove(v + ":" + fillId);
          emit(new EngineEvent.FillConfirmed(now(), v, fillId));
          publishSoon();
        });
      }

      @Override
      public void onFillVoid(FillVoid fillVoid) {
        context.runOnContext(v -> record(s, fillVoid));
      }

      @Override
      public void onStreamLost(String reason) {
        context.runOnContext(v -> {
          s.streamLostAt.putIfAbsent(venue, now());
          alert(Severity.WARNING, null, s.mode + ": " + venue + " fill stream lost: " + reason);
        });
      }

      @Override
      public void onStreamRestored() {
        context.runOnContext(v -> catchUp(s, venue));
      }
    };
  }

  /** Records a fill or a void in the session's ledger (idempotent by fill id). */
  private void record(Session s, JournalEntry entry) {
    boolean changed;
    try {
      changed = s.trading.ledger().record(entry);
    } catch (IOException e) {
      ledgerFailed(s, e);
      return;
    } catch (IllegalStateException e) {
      if (s.trading.ledger().failed()) {
        ledgerFailed(s, e);
      } else {
        alert(Severity.CRITICAL, null, "fill " + fillId(entry) + " conflicts with the ledger: " + oneLine(e));
      }
      return;
    } catch (RuntimeException e) {
      alert(Severity.WARNING, null, "fill " + fillId(entry) + " not recorded: " + oneLine(e));
      return;
    }
    if (changed) {
      if (entry instanceof Fill fill) {
        boolean provisional = fill.venue() == VenueId.POLYMARKET;
        if (provisional) {
          s.unconfirmed.put(fill.venue() + ":" + fill.fillId(), fill.notional().plus(fill.fee()));
        }
        emit(new EngineEvent.FillRecorded(now(), fill, provisional));
        if (pairsByInstrument.containsKey(fill.instrument())) {
          s.fillPairs.put(fill.venue() + ":" + fill.fillId(), pairsByInstrument.get(fill.instrument()).get(0).id());
        }
      } else if (entry instanceof FillVoid fillVoid) {
        s.unconfirmed.remove(fillVoid.venue() + ":" + fillVoid.fillId());
        emit(new EngineEvent.FillReversed(now(), fillVoid));
        String pairId = s.fillPairs.get(fillVoid.venue() + ":" + fillVoid.fillId());
        LedgerSnapshot.PairPosition position = pairId == null ? null : s.trading.ledger().snapshot().pair(pairId);
        String residual = position == null ? "check the pair's residual"
            : "pair " + pairId + " residual now " + position.residual()
                + (position.residualSide() == null ? "" : " paying on Kalshi " + position.residualSide());
        alert(Severity.CRITICAL, pairId, fillVoid.venue() + " fill " + fillVoid.fillId()
            + " reversed by the venue: " + residual + " (reconciling now)");
        reconcile(s);
        if (position != null && !position.residual().isZero()) {
          closeResidual(s, pairs.get(pairId), position);
        }
      }
    }
    publishSoon();
  }

  private void ledgerFailed(Session s, Exception e) {
    alert(Severity.CRITICAL, null, s.mode + " positions ledger failed: " + oneLine(e));
    doKill("positions ledger failed: " + oneLine(e));
  }

  private void catchUp(Session s, VenueId venue) {
    Instant lost = s.streamLostAt.remove(venue);
    Instant since = (lost == null ? now() : lost).minus(FILL_CATCH_UP_MARGIN);
    ExecutionClient client = s.trading.clients().get(venue);
    here(safe(() -> client.fills(since))).onComplete(ar -> {
      if (ar.failed()) {
        setPassed(s, false, venue + " fills missed while its stream was down could not be fetched");
        alert(Severity.WARNING, null, s.mode + ": " + venue + " fills since " + since + " unreadable: "
            + oneLine(ar.cause()) + "; trading blocked until reconciled");
        reconcile(s);
        return;
      }
      for (Fill f : ar.result()) {
        record(s, f);
      }
      alert(Severity.INFO, null, s.mode + ": " + venue + " fill stream restored; " + ar.result().size()
          + " fill(s) since " + since + " checked");
      // A client coming back (a remote trader reconnecting) settles what was left open at once,
      // rather than at the next periodic reconciliation.
      if (!s.passed || hasUnknownOrders(s)) {
        reconcile(s);
      } else if (s.mode == mode) {
        reevaluateAll(); // pairs refused while the client was unavailable may trade again
        publishSoon();
      }
    });
  }

  private boolean hasUnknownOrders(Session s) {
    for (PairState ps : pairs.values()) {
      if (ps.unknownSession == s && !ps.unknownOrders.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  // =============================================================================================
  // Mode and kill switch

  private Future<Void> doSetMode(EngineMode newMode, String reason) {
    if (newMode == mode) {
      return Future.succeededFuture();
    }
    if (newMode == EngineMode.LIVE && !config.allowLive()) {
      return Future.failedFuture("LIVE refused: not allowed by the configuration");
    }
    if (newMode == EngineMode.DRY_RUN) {
      switchMode(newMode, reason);
      return Future.succeededFuture();
    }
    Session s = sessions.get(newMode);
    if (s == null) {
      return Future.failedFuture(newMode + " refused: no execution clients for it");
    }
    return activate(s).transform(ar -> {
      if (newMode == EngineMode.LIVE && (ar.failed() || !s.passed)) {
        String why = ar.failed() ? oneLine(ar.cause()) : s.blockedReason;
        alert(Severity.WARNING, null, "LIVE refused: " + why);
        return Future.failedFuture("LIVE refused: " + why);
      }
      switchMode(newMode, reason);
      return Future.succeededFuture();
    });
  }

  private void switchMode(EngineMode newMode, String reason) {
    EngineMode from = mode;
    for (String id : new ArrayList<>(pendingApprovals.keySet())) {
      dropPending(id, DecisionKind.EXPIRED, "mode changed to " + newMode);
    }
    mode = newMode;
    for (PairState ps : pairs.values()) {
      ps.oppKey = null; // re-log opportunities under the new mode
    }
    emit(new EngineEvent.ModeChanged(now(), "mode", from.name(), newMode.name(), reason));
    reevaluateAll();
    publish();
  }

  private Future<Void> doKill(String reason) {
    EngineSnapshot.TradingState from = tradingState();
    if (killSwitch.engage(reason)) {
      emit(new EngineEvent.ModeChanged(now(), "trading", from.name(), "KILLED", reason));
      alert(Severity.CRITICAL, null, "kill switch engaged: " + reason);
      for (String id : new ArrayList<>(pendingApprovals.keySet())) {
        dropPending(id, DecisionKind.EXPIRED, "kill switch");
      }
    }
    List<Future<Void>> cancels = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Session s : sessions.values()) {
      if (!s.listening && s.mode != mode) {
        continue; // never used: nothing of ours can be open there
      }
      for (Map.Entry<VenueId, ExecutionClient> e : s.trading.clients().entrySet()) {
        String where = s.mode + " " + e.getKey();
        cancels.add(here(safe(() -> e.getValue().cancelAll())).map(cancelled -> {
          alert(Severity.INFO, null, "kill switch: " + where + " cancelled " + cancelled.size() + " open order(s)");
          return (Void) null;
        }).recover(err -> {
          failures.add(where + ": " + oneLine(err));
          alert(Severity.CRITICAL, null, "kill switch: cancel-all failed at " + where + ": " + oneLine(err));
          return Future.succeededFuture();
        }));
      }
    }
    publish();
    return Future.join(cancels).transform(ar -> {
      publish();
      return failures.isEmpty() ? Future.succeededFuture()
          : Future.failedFuture("cancel-all failed: " + String.join("; ", failures));
    });
  }

  // =============================================================================================
  // Snapshot

  private void publishSoon() {
    if (!publishScheduled) {
      publishScheduled = true;
      context.runOnContext(v -> publish());
    }
  }

  /**
   * The snapshot after a book update, at most every {@link #BOOK_PUBLISH_INTERVAL_NANOS}: a snapshot
   * covers every pair, so rebuilding it on every update made each update cost O(pairs) (with 5,000
   * pairs at thousands of updates a second, the engine's hottest path by far). Changes of state
   * (executions, approvals, alerts) still publish at once through {@link #publishSoon()}.
   */
  private void publishForBooks() {
    if (publishScheduled || bookPublishPending) {
      return;
    }
    long wait = lastPublishNanos + BOOK_PUBLISH_INTERVAL_NANOS - System.nanoTime();
    if (wait <= 0) {
      publishSoon();
      return;
    }
    bookPublishPending = true;
    vertx.setTimer(Math.max(1, wait / 1_000_000), t -> {
      bookPublishPending = false;
      publish();
    });
  }

  /** How fresh the books in the snapshot are at worst (the dashboard redraws a few times a second). */
  private static final long BOOK_PUBLISH_INTERVAL_NANOS = 50_000_000;

  private void publish() {
    publishScheduled = false;
    lastPublishNanos = System.nanoTime();
    snapshot = buildSnapshot();
  }

  private EngineSnapshot buildSnapshot() {
    return buildSnapshot(false);
  }

  /**
   * The snapshot of the engine's state now. Each pair's view is reused from the last snapshot unless
   * something it shows changed (see {@link #pairView}), so a publish costs a few comparisons per pair
   * plus the pairs whose books moved; {@code rebuildAll} builds every view afresh (the reference the
   * reuse is tested against).
   */
  EngineSnapshot buildSnapshot(boolean rebuildAll) {
    Instant now = now();
    Unavailable unavailable = new Unavailable(sessions.get(mode));
    List<EngineSnapshot.PairView> views = new ArrayList<>(pairs.size());
    for (PairState ps : pairs.values()) {
      views.add(pairView(ps, now, unavailable, rebuildAll));
    }
    List<EngineSnapshot.PendingApproval> pending = new ArrayList<>();
    for (Map.Entry<String, Pending> e : pendingApprovals.entrySet()) {
      pending.add(new EngineSnapshot.PendingApproval(e.getKey(), e.getValue().pair.id(), e.getValue().opportunity,
          e.getValue().expiresAt));
    }
    Session s = sessions.get(mode);
    LedgerSnapshot ledger = s == null ? null : s.trading.ledger().snapshot();
    Money today = s == null ? Money.ZERO : realizedToday(s);
    EngineSnapshot.TradingState state = tradingState();
    return new EngineSnapshot(now, mode, config.approval(), state, tradingDetail(state), views, pending, ledger, today,
        s == null ? null : s.last, opportunitiesLogged, executionsFinished, riskGuard.consecutiveErrors(),
        s == null ? 0 : s.unconfirmed.size(), s == null ? Money.ZERO : unconfirmedNotional(s),
        rebuildAll ? DashboardViews.feeds(books, subscribed, activity, now) : feedCounts.feeds(activity, now),
        activity.executions(), activity.alerts(),
        activity.log(), s == null ? List.of() : DashboardViews.balances(s.balances, s.available),
        DashboardViews.kill(killSwitch));
  }

  private EngineSnapshot.TradingState tradingState() {
    if (stopped) {
      return EngineSnapshot.TradingState.STOPPED;
    }
    if (!started) {
      return EngineSnapshot.TradingState.STARTING;
    }
    if (killSwitch.isEngaged()) {
      return EngineSnapshot.TradingState.KILLED;
    }
    if (pauseReason != null) {
      return EngineSnapshot.TradingState.PAUSED;
    }
    Session s = sessions.get(mode);
    if (s == null) {
      return EngineSnapshot.TradingState.DRY_RUN;
    }
    return s.passed ? EngineSnapshot.TradingState.TRADING : EngineSnapshot.TradingState.BLOCKED;
  }

  private String tradingDetail(EngineSnapshot.TradingState state) {
    switch (state) {
      case KILLED:
        return killSwitch.engagement().map(KillSwitch.Engagement::reason).orElse("");
      case PAUSED:
        return pauseReason;
      case BLOCKED:
        return sessions.get(mode).blockedReason;
      case DRY_RUN:
        return "no orders are sent";
      default:
        return "";
    }
  }

  /**
   * The pair's view: the one built last time when nothing it shows changed since (no book update of
   * the pair, the same state objects and the same time-dependent fields), else a new one. Only a book
   * update ({@link #onBookChanged}) changes the pair's books' content, and it marks the pair.
   */
  private EngineSnapshot.PairView pairView(PairState ps, Instant now, Unavailable unavailable, boolean rebuild) {
    MarketPair pair = ps.pair;
    BookIntegrity kalshi;
    BookIntegrity yes;
    BookIntegrity no;
    if (rebuild) {
      kalshi = integrityOf(pair.kalshiInstrument());
      yes = integrityOf(pair.polymarket().token(Outcome.YES));
      no = integrityOf(pair.polymarket().token(Outcome.NO));
    } else {
      followedBooks(ps);
      kalshi = ps.kalshiBook == null ? null : ps.kalshiBook.integrity();
      yes = ps.yesBook == null ? null : ps.yesBook.integrity();
      no = ps.noBook == null ? null : ps.noBook.integrity();
    }
    String state = pairState(ps, now, unavailable);
    Instant blacklisted = active(ps.blacklistedUntil, now);
    Instant cooldown = active(ps.cooldownUntil, now);
    EngineSnapshot.PairView v = ps.view;
    if (!rebuild && v != null && !ps.booksChanged && pair == ps.viewPair && ps.inputs == ps.viewInputs
        && ps.lastResult == ps.viewResult && ps.opportunity == v.opportunity()
        && ps.mismatchesInRow == v.mismatchesInRow() && pair.status() == v.status()
        && Objects.equals(pair.suspendedReason(), v.statusReason()) && state.equals(v.state())
        && Objects.equals(blacklisted, v.blacklistedUntil()) && Objects.equals(cooldown, v.cooldownUntil())
        && Objects.equals(kalshi, ps.viewKalshi) && Objects.equals(yes, ps.viewYes) && Objects.equals(no, ps.viewNo)
        && sameOrders(v.unknownOrders(), ps.unknownOrders)) {
      return v;
    }
    v = new EngineSnapshot.PairView(ps.id(), pair.status(), pair.suspendedReason(), state, integrityText(kalshi),
        integrityText(yes), integrityText(no), ps.opportunity, describe(ps.lastResult), ps.mismatchesInRow,
        blacklisted, cooldown, List.copyOf(ps.unknownOrders), DashboardViews.quotes(pair, ps.inputs, ps.lastResult));
    if (!rebuild) {
      ps.view = v;
      ps.booksChanged = false;
      ps.viewPair = pair;
      ps.viewInputs = ps.inputs;
      ps.viewResult = ps.lastResult;
      ps.viewKalshi = kalshi;
      ps.viewYes = yes;
      ps.viewNo = no;
    }
    return v;
  }

  /**
   * Fills in the pair's books as followed (a book once followed stays: {@link EngineBooks} never
   * drops one), so a snapshot does not look up three books by instrument for every pair.
   */
  private void followedBooks(PairState ps) {
    if (ps.booksOf != ps.pair) {
      ps.booksOf = ps.pair;
      ps.kalshiBook = null;
      ps.yesBook = null;
      ps.noBook = null;
    }
    if (ps.kalshiBook == null) {
      ps.kalshiBook = books.book(ps.pair.kalshiInstrument());
    }
    if (ps.yesBook == null) {
      ps.yesBook = books.book(ps.pair.polymarket().token(Outcome.YES));
    }
    if (ps.noBook == null) {
      ps.noBook = books.book(ps.pair.polymarket().token(Outcome.NO));
    }
  }

  private static boolean sameOrders(List<ClientOrderId> shown, Set<ClientOrderId> now) {
    if (shown.size() != now.size()) {
      return false;
    }
    int i = 0;
    for (ClientOrderId id : now) {
      if (!id.equals(shown.get(i++))) {
        return false;
      }
    }
    return true;
  }

  /** Whether execution is unavailable, asked of the clients at most once per snapshot. */
  private final class Unavailable {
    private final Session session;
    private boolean asked;
    private String reason;

    Unavailable(Session session) {
      this.session = session;
    }

    String reason() {
      if (!asked) {
        asked = true;
        reason = unavailable(session);
      }
      return reason;
    }
  }

  private String pairState(PairState ps, Instant now, Unavailable unavailableNow) {
    if (!ps.pair.isApproved()) {
      return "suspended";
    }
    if (ps.loadProblem != null) {
      return "not loaded: " + ps.loadProblem;
    }
    if (ps.inputs == null) {
      return "loading";
    }
    if (!ps.unknownOrders.isEmpty()) {
      return "blocked (unknown orders)";
    }
    String unavailable = unavailableNow.reason();
    if (unavailable != null) {
      return unavailable;
    }
    if (active(ps.blacklistedUntil, now) != null) {
      return "blacklisted";
    }
    if (ps.inFlightId != null) {
      return "in flight";
    }
    if (ps.pendingId != null) {
      return AWAITING_APPROVAL;
    }
    if (active(ps.cooldownUntil, now) != null) {
      return "cooldown";
    }
    return "ready";
  }

  private BookIntegrity integrityOf(InstrumentId id) {
    OrderBook b = books.book(id);
    return b == null ? null : b.integrity();
  }

  private static String integrityText(BookIntegrity integrity) {
    return integrity == null ? "NOT_FOLLOWED" : integrity.toString();
  }

  private static Instant active(Instant until, Instant now) {
    return until != null && now.isBefore(until) ? until : null;
  }

  private static String describe(EdgeResult r) {
    if (r == null) {
      return "not evaluated yet";
    }
    if (r instanceof Opportunity o) {
      return "opportunity " + o.direction() + " size " + o.size() + " cost " + o.totalCost() + " profit "
          + o.expectedProfit();
    }
    NoOpportunity n = (NoOpportunity) r;
    return n.reason() + ": " + n.detail();
  }

  // =============================================================================================
  // Helpers

  private Instant now() {
    return clock.instant();
  }

  private void emit(EngineEvent event) {
    activity.record(event);
    try {
      setup.events().emit(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "event sink threw on " + event.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private void alert(Severity severity, String pairId, String message) {
    emit(new Alert(now(), severity, pairId, message));
  }

  private void cancelTimer(long id) {
    if (id >= 0) {
      vertx.cancelTimer(id);
    }
  }

  /** Runs {@code action} on the engine's context; its future's failure (or a throw) fails the result. */
  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> safe(action).onComplete(ar -> {
      if (ar.succeeded()) {
        promise.complete(ar.result());
      } else {
        promise.fail(ar.cause());
      }
    }));
    return promise.future();
  }

  /** {@code future}, completed on the engine's context whatever context completed it. */
  private <T> Future<T> here(Future<T> future) {
    Promise<T> promise = Promise.promise();
    future.onComplete(ar -> {
      if (Vertx.currentContext() == context) {
        complete(promise, ar.succeeded(), ar.result(), ar.cause());
      } else {
        context.runOnContext(v -> complete(promise, ar.succeeded(), ar.result(), ar.cause()));
      }
    });
    return promise.future();
  }

  private static <T> void complete(Promise<T> promise, boolean ok, T result, Throwable cause) {
    if (ok) {
      promise.complete(result);
    } else {
      promise.fail(cause);
    }
  }

  /** A call into a collaborator that might throw instead of failing its future. */
  private static <T> Future<T> safe(Supplier<Future<T>> call) {
    try {
      Future<T> f = call.get();
      return f == null ? Future.failedFuture("null future") : f;
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static String fillId(JournalEntry entry) {
    return entry instanceof Fill f ? f.fillId() : entry instanceof FillVoid v ? v.fillId() : String.valueOf(entry);
  }

  /** A one-line message for an exception (its class when it has no message). */
  static String oneLine(Throwable e) {
    if (e == null) {
      return "unknown error";
    }
    String m = e.getMessage();
    String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  // =============================================================================================
  // State holders (engine context only)

  private static final class PairState {
    PairEntry entry;
    MarketPair pair;
    String loadProblem;
    Instrument kalshiInstrument;
    Instrument polymarketInstrument;
    FeeModel kalshiFees;
    FeeModel polymarketFees;
    EdgeInputs inputs;
    EdgeResult lastResult;
    Opportunity opportunity;
    /** Direction, size and profit of the opportunity last logged; null when there is none. */
    String oppKey;
    /** The execution id the current opportunity was logged under. */
    String oppId;
    /** The last decision logged for the current opportunity (a gate, "dry-run", ...). */
    String decisionKey;
    /** An opportunity the operator rejected or let expire: not asked about again. */
    String dismissedId;
    String pendingId;
    String inFlightId;
    Instant cooldownUntil;
    Instant blacklistedUntil;
    String blacklistReason;
    int mismatchesInRow;
    final Set<ClientOrderId> unknownOrders = new LinkedHashSet<>();
    Session unknownSession;
    /** The view in the last snapshot and what it was built from (see {@link ArbEngine#pairView}). */
    EngineSnapshot.PairView view;
    /** One of the pair's books changed since {@link #view} was built. */
    boolean booksChanged = true;
    MarketPair viewPair;
    EdgeInputs viewInputs;
    EdgeResult viewResult;
    BookIntegrity viewKalshi;
    BookIntegrity viewYes;
    BookIntegrity viewNo;
    /** The pair's books once followed, for {@link #booksOf} (see {@link ArbEngine#followedBooks}). */
    MarketPair booksOf;
    OrderBook kalshiBook;
    OrderBook yesBook;
    OrderBook noBook;

    PairState(PairEntry entry) {
      this.entry = entry;
      this.pair = entry.toMarketPair();
    }

    String id() {
      return entry.id();
    }
  }

  private static final class Session {
    final EngineMode mode;
    final Trading trading;
    boolean listening;
    boolean passed;
    boolean reconciledOnce;
    String blockedReason = "reconciliation pending";
    Future<ReconciliationReport> running;
    EngineSnapshot.Reconciliation last;
    final Map<VenueId, Money> available = new EnumMap<>(VenueId.class);
    /** The balances as last read (kept when a later read fails), for the dashboard. */
    final Map<VenueId, EngineSnapshot.BalanceView> balances = new EnumMap<>(VenueId.class);
    final Map<VenueId, Instant> streamLostAt = new EnumMap<>(VenueId.class);
    final Map<VenueId, String> listenProblems = new EnumMap<>(VenueId.class);
    /**
     * Polymarket fills recorded but not confirmed ("VENUE:fillId" → cost and fee): a trade can still
     * fail until it is CONFIRMED, so until then its fill hedges nothing as far as risk is concerned.
     */
    final Map<String, Money> unconfirmed = new HashMap<>();
    /** The pair of each fill recorded since start ("VENUE:fillId"), to name it if the fill is reversed. */
    final Map<String, String> fillPairs = new HashMap<>();
    LocalDate day;
    Money dayBaseline = Money.ZERO;
    Money unwindLossToday = Money.ZERO;

    Session(EngineMode mode, Trading trading) {
      this.mode = mode;
      this.trading = trading;
    }
  }

  private record Pending(PairState pair, Opportunity opportunity, Instant expiresAt, long timer) {}
}
