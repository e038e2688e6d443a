package io.github.crossarb.core.execution;

import io.github.crossarb.core.execution.internal.ReconcilePositions;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.position.DurableLedger;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.JournalEntry;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.PositionReport;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Reconciles the ledger with the venues, in this order:
 *
 * <ol>
 *   <li>Unknown orders are looked up by client order id at every venue ({@link
 *       ExecutionClient#findOrder}): found at one → resolved with its report; every venue says it
 *       has no such order → resolved empty (it never arrived, nothing filled); otherwise
 *       unresolved. A client order id found at two venues is a drift.
 *   <li>Each venue's fills since the look-back point ({@link Policy}) are recorded in the ledger,
 *       which ignores those it has (idempotent by fill id); the new ones are counted.
 *   <li>Each venue's open orders and positions are compared with the ledger ({@link
 *       ReconcilePositions}: Kalshi nets YES against NO per market; only the registry's
 *       instruments count, positions elsewhere are notes; any open order on a pair's instrument
 *       is a drift since the engine sends only IOC/FOK).
 * </ol>
 *
 * <p>A venue that fails or does not answer within {@link Policy#callTimeout()} is a drift {@code
 * "venue X unreachable (step): reason"}; the future never fails. Call it on a Vert.x context (the
 * engine's): the result completes there, and the call timeout needs its timers (off a context,
 * venue calls are not bounded here). Reconciliations run one at a time
 * (a call made while one runs starts after it). Fills and positions are fetched in that order so
 * that a fill made in between shows in the positions and, through the private stream, in the
 * ledger; a reconciliation during an execution can still see a fill in flight as a drift, so the
 * engine runs them between executions.
 *
 * <p>Polymarket's {@code fills} leave out FAILED trades: a fill the ledger holds whose trade failed
 * while the stream was down is not voided here, it shows as a position drift.
 */
public final class VenueReconciler implements Reconciler {

  /**
   * How far back fills are fetched, and how long a venue call may take.
   *
   * <p>The first reconciliation of a venue fetches from its newest fill in the ledger minus {@code
   * margin} (from {@code ledgerNewestFills}, see {@link #newestFills}), or {@code whenEmpty} back
   * from now if the ledger has none from that venue. Later ones fetch from the start of the last
   * successful fetch minus {@code margin}: venues may report a fill a little after its time stamp.
   *
   * @param margin how far before the last known point fills are fetched again (re-fetching is free:
   *     the ledger ignores fills it has)
   * @param whenEmpty how far back to fetch when the ledger has no fill of a venue
   * @param ledgerNewestFills the ledger's newest fill time per venue, when known
   * @param callTimeout how long one venue call may take before the venue counts as unreachable
   */
  public record Policy(Duration margin, Duration whenEmpty, Map<VenueId, Instant> ledgerNewestFills, Duration callTimeout) {
    public Policy {
      requirePositive(margin, "margin", true);
      requirePositive(whenEmpty, "whenEmpty", false);
      requirePositive(callTimeout, "callTimeout", false);
      ledgerNewestFills = Map.copyOf(ledgerNewestFills);
    }

    /** A 5-minute margin, 7 days back for an empty ledger, 30 s per call, no newest fill known. */
    public static Policy defaults() {
      return new Policy(Duration.ofMinutes(5), Duration.ofDays(7), Map.of(), Duration.ofSeconds(30));
    }

    public Policy withLedgerNewestFills(Map<VenueId, Instant> newest) {
      return new Policy(margin, whenEmpty, newest, callTimeout);
    }

    public Policy withCallTimeout(Duration timeout) {
      return new Policy(margin, whenEmpty, ledgerNewestFills, timeout);
    }

    private static void requirePositive(Duration d, String name, boolean zeroAllowed) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || (!zeroAllowed && d.isZero())) {
        throw new IllegalArgumentException(name + " must be " + (zeroAllowed ? "zero or more" : "positive") + ": " + d);
      }
    }
  }

  private final Map<VenueId, ExecutionClient> clients;
  private final DurableLedger ledger;
  private final List<MarketPair> pairs;
  private final ReconcilePositions positions;
  private final Policy policy;
  private final InstantSource clock;
  /** Per venue, when the last successful fills fetch started. */
  private final Map<VenueId, Instant> fetchedFrom = new EnumMap<>(VenueId.class);
  private Future<ReconciliationReport> last = Future.succeededFuture();

  /**
   * @param clients the venues to reconcile, by venue (the mode's clients: live or paper)
   * @param pairs the registry's pairs (any status): their instruments are compared
   */
  public VenueReconciler(Map<VenueId, ExecutionClient> clients, DurableLedger ledger, Collection<MarketPair> pairs,
      Policy policy, InstantSource clock) {
    this.clients = new EnumMap<>(VenueId.class);
    this.clients.putAll(clients);
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.pairs = List.copyOf(pairs);
    this.positions = new ReconcilePositions(this.pairs);
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The newest fill time per venue among {@code entries} (e.g. the journal read at start). */
  public static Map<VenueId, Instant> newestFills(Collection<? extends JournalEntry> entries) {
    Map<VenueId, Instant> newest = new EnumMap<>(VenueId.class);
    for (JournalEntry entry : entries) {
      if (entry instanceof Fill fill) {
        newest.merge(fill.venue(), fill.time(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return newest;
  }

  @Override
  public synchronized Future<ReconciliationReport> reconcile(Set<ClientOrderId> unknownOrders) {
    Set<ClientOrderId> unknown = Set.copyOf(unknownOrders);
    Context caller = Vertx.currentContext();
    Future<ReconciliationReport> next = last.transform(ignored -> new Run(caller, unknown).start());
    last = next;
    return next;
  }

  /** One reconciliation; its state is touched on the caller's context only. */
  private final class Run {
    private final Context caller;
    private final Set<ClientOrderId> unknown;
    private final List<String> drifts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<ClientOrderId, Optional<OrderReport>> resolved = new LinkedHashMap<>();
    private final List<ClientOrderId> unresolved = new ArrayList<>();
    private int fillsAdded;

    Run(Context caller, Set<ClientOrderId> unknown) {
      this.caller = caller;
      this.unknown = unknown;
    }

    Future<ReconciliationReport> start() {
      Future<ReconciliationReport> report;
      try {
        report = resolveUnknowns().compose(v -> fetchFills()).compose(v -> compare()).map(v -> report());
      } catch (RuntimeException e) {
        report = Future.failedFuture(e);
      }
      // Never fails: a bug here still gives an honest, failed reconciliation.
      return report.recover(e -> {
        drifts.add("reconciliation failed: " + e);
        return Future.succeededFuture(report());
      });
    }

    private ReconciliationReport report() {
      return new ReconciliationReport(drifts, notes, fillsAdded, resolved, unresolved);
    }

    // ---- 1. unknown orders

    private Future<Void> resolveUnknowns() {
      if (unknown.isEmpty()) {
        return Future.succeededFuture();
      }
      List<Future<Void>> lookups = new ArrayList<>();
      for (ClientOrderId id : unknown.stream().sorted(Comparator.comparing(ClientOrderId::value)).toList()) {
        Map<VenueId, Future<Optional<OrderReport>>> answers = new EnumMap<>(VenueId.class);
        clients.forEach((venue, client) -> answers.put(venue, call(() -> client.findOrder(id))));
        lookups.add(Future.join(new ArrayList<>(answers.values())).transform(ignored -> {
          settle(id, answers);
          return Future.<Void>succeededFuture();
        }));
      }
      return Future.join(lookups).transform(ignored -> Future.succeededFuture());
    }

    private void settle(ClientOrderId id, Map<VenueId, Future<Optional<OrderReport>>> answers) {
      List<OrderReport> found = new ArrayList<>();
      boolean allAnswered = true;
      for (Map.Entry<VenueId, Future<Optional<OrderReport>>> e : answers.entrySet()) {
        Future<Optional<OrderReport>> answer = e.getValue();
        if (answer.failed()) {
          allAnswered = false;
          unreachable(e.getKey(), "find order " + id, answer.cause());
        } else if (answer.result() != null && answer.result().isPresent()) {
          found.add(answer.result().get());
        }
      }
      if (found.size() > 1) {
        drifts.add("client order id " + id + " was found at " + found.size() + " venues: "
            + found.stream().map(o -> o.instrument().toString()).toList());
      }
      if (!found.isEmpty()) {
        resolved.put(id, Optional.of(found.get(0)));
      } else if (allAnswered && !answers.isEmpty()) {
        resolved.put(id, Optional.empty());
      } else {
        unresolved.add(id);
      }
    }

    // ---- 2. fills

    private Future<Void> fetchFills() {
      if (ledger.failed()) {
        drifts.add("the ledger store failed earlier: fills cannot be recorded until it is reopened");
      }
      Map<VenueId, Future<List<Fill>>> fetches = new EnumMap<>(VenueId.class);
      Map<VenueId, Instant> started = new EnumMap<>(VenueId.class);
      Instant now = clock.instant();
      clients.forEach((venue, client) -> {
        Instant since = since(venue, now);
        started.put(venue, now);
        fetches.put(venue, call(() -> client.fills(since)));
      });
      return Future.join(new ArrayList<>(fetches.values())).transform(ignored -> {
        for (Map.Entry<VenueId, Future<List<Fill>>> e : fetches.entrySet()) {
          VenueId venue = e.getKey();
          if (e.getValue().failed()) {
            unreachable(venue, "fills", e.getValue().cause());
          } else if (record(venue, e.getValue().result())) {
            fetchedFrom.put(venue, started.get(venue));
          }
        }
        return Future.succeededFuture();
      });
    }

    private Instant since(VenueId venue, Instant now) {
      Instant from = fetchedFrom.get(venue);
      if (from == null) {
        from = policy.ledgerNewestFills().get(venue);
      }
      return from == null ? now.minus(policy.whenEmpty()) : from.minus(policy.margin());
    }

    /** Records {@code fills}; true if every one was recorded or already known. */
    private boolean record(VenueId venue, List<Fill> fills) {
      boolean complete = true;
      for (Fill fill : fills == null ? List.<Fill>of() : fills) {
        if (fill.venue() != venue) {
          drifts.add(venue.label() + " reported fill " + fill.fillId() + " on " + fill.instrument()
              + ", an instrument of another venue");
          complete = false;
          continue;
        }
        try {
          if (ledger.record(fill)) {
            fillsAdded++;
          }
        } catch (IOException e) {
          drifts.add("cannot record " + venue.label() + " fill " + fill.fillId() + ": the ledger store failed: " + e.getMessage());
          return false;
        } catch (IllegalStateException | IllegalArgumentException | ArithmeticException e) {
          drifts.add("cannot record " + venue.label() + " fill " + fill.fillId() + ": " + e.getMessage());
          complete = false;
          if (ledger.failed()) {
            return false;
          }
        }
      }
      return complete;
    }

    // ---- 3. open orders and positions

    private Future<Void> compare() {
      Map<VenueId, Future<List<OrderReport>>> open = new EnumMap<>(VenueId.class);
      Map<VenueId, Future<List<PositionReport>>> held = new EnumMap<>(VenueId.class);
      clients.forEach((venue, client) -> {
        open.put(venue, call(client::openOrders));
        held.put(venue, call(client::positions));
      });
      List<Future<?>> all = new ArrayList<>(open.values());
      all.addAll(held.values());
      return Future.join(all).transform(ignored -> {
        LedgerSnapshot snapshot = ledger.snapshot();
        for (VenueId venue : clients.keySet()) {
          Future<List<OrderReport>> orders = open.get(venue);
          if (orders.failed()) {
            unreachable(venue, "open orders", orders.cause());
          } else {
            positions.compareOpenOrders(venue, orders.result() == null ? List.of() : orders.result(), drifts, notes);
          }
          Future<List<PositionReport>> reports = held.get(venue);
          if (reports.failed()) {
            unreachable(venue, "positions", reports.cause());
          } else {
            positions.comparePositions(venue, snapshot, reports.result() == null ? List.of() : reports.result(), drifts, notes);
          }
        }
        for (MarketPair pair : pairs) {
          for (VenueId venue : VenueId.values()) {
            if (!clients.containsKey(venue)) {
              drifts.add("pair " + pair.id() + ": no " + venue.label() + " client to reconcile with");
            }
          }
        }
        return Future.succeededFuture();
      });
    }

    private void unreachable(VenueId venue, String step, Throwable cause) {
      String reason = cause == null ? "no answer" : cause.getMessage() == null ? cause.toString() : cause.getMessage();
      drifts.add("venue " + venue.label() + " unreachable (" + step + "): " + reason.replace('\n', ' '));
    }

    /**
     * Calls the venue, bounded by the call timeout, and completes on the caller's context (venue
     * futures complete on the venue's). A call that throws is a failed future.
     */
    private <T> Future<T> call(Supplier<Future<T>> action) {
      Promise<T> promise = Promise.promise();
      long timer = caller == null ? -1 : caller.owner().setTimer(Math.max(1, policy.callTimeout().toMillis()),
          id -> promise.tryFail(new TimeoutException("no answer within " + policy.callTimeout().toMillis() + " ms")));
      Future<T> answer;
      try {
        answer = Objects.requireNonNull(action.get(), "the venue returned no future");
      } catch (RuntimeException e) {
        answer = Future.failedFuture(e);
      }
      answer.onComplete(ar -> {
        if (caller == null) {
          forward(promise, ar);
          return;
        }
        caller.runOnContext(v -> {
          caller.owner().cancelTimer(timer);
          forward(promise, ar);
        });
      });
      return promise.future();
    }

    private <T> void forward(Promise<T> promise, io.vertx.core.AsyncResult<T> ar) {
      if (ar.succeeded()) {
        promise.tryComplete(ar.result());
      } else {
        promise.tryFail(ar.cause());
      }
    }
  }
}
