package io.github.crossarb.core.engine;

import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairFingerprint;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PolymarketMarket;
import io.github.crossarb.core.position.DurableLedger;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.MarketInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * An engine between two fake venues, with fake executors, reconcilers and in-memory ledgers for
 * PAPER and LIVE. One pair by default ({@link #PAIR}); books the test pushes.
 */
final class Harness implements AutoCloseable {
  static final String PAIR = "fed-dec";
  static final String TICKER = "KXFED-26DEC-T4.25";
  static final String YES = "7001";
  static final String NO = "7002";
  static final Instant CLOSE = Instant.parse("2026-12-31T00:00:00Z");

  final Vertx vertx = Vertx.vertx();
  final TestClock clock = new TestClock();
  final FakeVenue kalshi = new FakeVenue(vertx, VenueId.KALSHI);
  final FakeVenue polymarket = new FakeVenue(vertx, VenueId.POLYMARKET);
  final RecordingSink events = new RecordingSink();
  final List<PairEntry> pairChanges = new CopyOnWriteArrayList<>();
  final Map<EngineMode, FakeExecutor> executors = new EnumMap<>(EngineMode.class);
  final Map<EngineMode, FakeReconciler> reconcilers = new EnumMap<>(EngineMode.class);
  final Map<EngineMode, Map<VenueId, FakeExecutionClient>> clients = new EnumMap<>(EngineMode.class);
  final Map<EngineMode, MemoryLedgerStore> stores = new EnumMap<>(EngineMode.class);
  final Map<EngineMode, DurableLedger> ledgers = new EnumMap<>(EngineMode.class);
  final List<PairEntry> pairs = new ArrayList<>();
  EngineBooks books;
  ArbEngine engine;
  /** What the engine reports measurements to; set before {@link #build}. */
  EngineProbe probe = EngineProbe.NONE;

  Harness() {
    pairs.add(addPair(PAIR, TICKER, YES, NO));
  }

  /** Registers both markets at the fake venues and returns the approved entry for them. */
  PairEntry addPair(String id, String ticker, String yes, String no) {
    MarketInfo k = kalshiMarket(ticker, "Above 4.25% if the Fed says so.");
    MarketInfo p = polymarketMarket(ticker, yes, no, "Resolves per the FOMC statement.");
    kalshi.markets.put(k.yes(), k);
    polymarket.markets.put(p.yes(), p);
    return PairEntry.approve(id, ticker, new PolymarketMarket("0x" + ticker.hashCode(), yes, no), PairRelation.SAME,
        "tester", Instant.parse("2026-11-01T00:00:00Z"), PairFingerprint.of(k, p));
  }

  static MarketInfo kalshiMarket(String ticker, String rules) {
    return new MarketInfo(VenueId.KALSHI, ticker, "Fed above 4.25%?", "open", true, CLOSE, rules,
        InstrumentId.kalshi(ticker), InstrumentId.kalshi(ticker));
  }

  static MarketInfo polymarketMarket(String ticker, String yes, String no, String rules) {
    return new MarketInfo(VenueId.POLYMARKET, "0x" + ticker.hashCode(), "Fed above 4.25%?", "active", true, CLOSE,
        rules, InstrumentId.polymarket(yes), InstrumentId.polymarket(no));
  }

  static EngineConfig.Builder config() {
    return EngineConfig.defaults().toBuilder()
        .mode(EngineMode.PAPER)
        .cooldown(Duration.ZERO)
        .reconcileInterval(Duration.ofMinutes(10))
        .fingerprintRecheckInterval(Duration.ofMinutes(10))
        .stopTimeout(Duration.ofSeconds(1));
  }

  ArbEngine start(EngineConfig config) {
    ArbEngine e = build(config);
    await(e.start());
    return e;
  }

  /** What the ledger's history says was realised before an instant (null: no history). */
  volatile io.github.crossarb.core.model.Money realizedBefore;

  ArbEngine build(EngineConfig config) {
    Map<EngineMode, Trading> trading = new EnumMap<>(EngineMode.class);
    for (EngineMode mode : List.of(EngineMode.PAPER, EngineMode.LIVE)) {
      Map<VenueId, FakeExecutionClient> c = new EnumMap<>(VenueId.class);
      c.put(VenueId.KALSHI, new FakeExecutionClient(VenueId.KALSHI));
      c.put(VenueId.POLYMARKET, new FakeExecutionClient(VenueId.POLYMARKET));
      clients.put(mode, c);
      executors.put(mode, new FakeExecutor());
      reconcilers.put(mode, new FakeReconciler());
      MemoryLedgerStore store = new MemoryLedgerStore();
      stores.put(mode, store);
      try {
        ledgers.put(mode, DurableLedger.open(store, pairs.stream().map(PairEntry::toMarketPair).toList()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Map<VenueId, ExecutionClient> asClients = new EnumMap<>(c);
      trading.put(mode, new Trading(asClients, executors.get(mode), reconcilers.get(mode), ledgers.get(mode),
          before -> realizedBefore));
    }
    books = new EngineBooks(clock);
    EngineSetup setup = new EngineSetup(kalshi, polymarket, pairs, pairChanges::add, MarketDirectory.direct(), books,
        events, trading, config, clock, probe);
    engine = new ArbEngine(vertx, setup);
    return engine;
  }

  FakeExecutor executor() {
    return executors.get(EngineMode.PAPER);
  }

  FakeReconciler reconciler() {
    return reconcilers.get(EngineMode.PAPER);
  }

  FakeExecutionClient client(EngineMode mode, VenueId venue) {
    return clients.get(mode).get(venue);
  }

  /** Books with an arbitrage: Kalshi YES at 0.40 and Polymarket NO at 0.50 (0.10 a contract). */
  void pushOpportunity() {
    pushOpportunity(TICKER, YES, NO);
  }

  void pushOpportunity(String ticker, String yes, String no) {
    pushKalshi(ticker, "0.35", "0.40");
    pushToken(yes, "0.55", "0.62");
    pushToken(no, "0.45", "0.50");
  }

  /** Books without one: Polymarket NO at 0.65. */
  void pushNoOpportunity() {
    pushKalshi(TICKER, "0.35", "0.40");
    pushToken(YES, "0.55", "0.62");
    pushToken(NO, "0.45", "0.65");
  }

  void pushKalshi(String ticker, String yesBid, String yesAsk) {
    InstrumentId id = InstrumentId.kalshi(ticker);
    kalshi.marketData.push(new BookSnapshot(id, List.of(Level.of(yesBid, "100")), List.of(Level.of(yesAsk, "100"))));
  }

  void pushToken(String token, String bid, String ask) {
    InstrumentId id = InstrumentId.polymarket(token);
    polymarket.marketData.push(new BookSnapshot(id, List.of(Level.of(bid, "100")), List.of(Level.of(ask, "100"))));
  }

  EngineSnapshot.PairView view(String pairId) {
    return snapshot().pair(pairId);
  }

  /** The engine's state after everything it has emitted so far (taken on its context). */
  EngineSnapshot snapshot() {
    try {
      return engine.currentSnapshot().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("no snapshot from the engine", e);
    }
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not succeed within 5 s: " + e, e);
    }
  }

  static Throwable awaitFailure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("future did not complete within 5 s: " + e, e);
    }
    throw new AssertionError("future succeeded, expected a failure");
  }

  /** Polls {@code condition} until it holds, for at most 5 s. */
  static void pollUntil(BooleanSupplier condition, String what) {
    LinkedBlockingQueue<Object> never = new LinkedBlockingQueue<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        never.poll(10, TimeUnit.MILLISECONDS); // a bounded wait between checks
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  @Override
  public void close() {
    try {
      if (engine != null) {
        engine.stop().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      // the test's own assertions matter more
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join();
    }
  }
}
