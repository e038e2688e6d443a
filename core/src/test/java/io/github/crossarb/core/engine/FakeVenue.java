package io.github.crossarb.core.engine;

import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pricing.FeeModel;
import io.github.crossarb.core.venue.BookListener;
import io.github.crossarb.core.venue.BookSubscription;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.MarketDataClient;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.MarketQuery;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory venue for engine tests: market descriptions the test sets, fixed instruments and a
 * zero fee, and a market data client whose books the test pushes, on the venue's OWN context (as a
 * real client does), so the engine has to hop onto its context.
 */
final class FakeVenue implements Venue {
  static final FeeModel NO_FEE = new FeeModel() {
    @Override
    public long takerFeeMicros(long priceMicros, long quantityMicros) {
      return 0;
    }

    @Override
    public Money makerFee(Price price, Quantity quantity) {
      return Money.ZERO;
    }
  };

  private final VenueId id;
  private final Context venueContext;
  final Map<InstrumentId, MarketInfo> markets = new ConcurrentHashMap<>();
  final FakeMarketData marketData = new FakeMarketData();
  /** Every market() call, to tell the cache from the direct re-checks. */
  final List<InstrumentId> marketCalls = new CopyOnWriteArrayList<>();

  FakeVenue(Vertx vertx, VenueId id) {
    this.id = id;
    this.venueContext = vertx.getOrCreateContext(); // its own event-loop context, not the engine's
  }

  /**
   * Completes once everything pushed so far went through this venue's context and then whatever
   * {@code thenOnEngine} queues (e.g. a no-op engine command, which runs after the relayed updates).
   */
  CompletableFuture<Void> barrier(Supplier<Future<?>> thenOnEngine) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    venueContext.runOnContext(v -> thenOnEngine.get().onComplete(ar -> done.complete(null)));
    return done;
  }

  @Override
  public VenueId id() {
    return id;
  }

  @Override
  public VenueCapabilities capabilities() {
    return new VenueCapabilities(Set.of(TimeInForce.IOC, TimeInForce.FOK, TimeInForce.GTC), false, false, false, false);
  }

  @Override
  public Future<List<MarketInfo>> markets(MarketQuery query) {
    return Future.succeededFuture(List.copyOf(markets.values()));
  }

  @Override
  public Future<MarketInfo> market(InstrumentId instrument) {
    marketCalls.add(instrument);
    MarketInfo info = markets.get(instrument);
    return info == null ? Future.failedFuture("no market for " + instrument) : Future.succeededFuture(info);
  }

  @Override
  public Future<Instrument> instrument(InstrumentId instrument) {
    return Future.succeededFuture(new Instrument(instrument, TickGrid.fixed(Price.parse("0.01")), Quantity.of(1),
        Quantity.of(1)));
  }

  @Override
  public Future<FeeModel> fees(InstrumentId instrument) {
    return Future.succeededFuture(NO_FEE);
  }

  @Override
  public MarketDataClient marketData() {
    return marketData;
  }

  @Override
  public ExecutionClient execution() {
    throw new UnsupportedOperationException("engine tests give execution clients through Trading");
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  /** Live books the test drives. */
  final class FakeMarketData implements MarketDataClient {
    private record Sub(OrderBook book, BookListener listener) {}

    private final Map<InstrumentId, Sub> subs = new ConcurrentHashMap<>();
    /** Sizes of the subscribe calls, in order. */
    final List<Integer> batches = new CopyOnWriteArrayList<>();
    volatile int cancelled;

    @Override
    public Future<BookSnapshot> snapshot(InstrumentId instrument) {
      return Future.failedFuture("not used");
    }

    @Override
    public Future<BookSubscription> subscribe(Collection<OrderBook> books, BookListener listener) {
      batches.add(books.size());
      List<InstrumentId> ids = new ArrayList<>();
      for (OrderBook b : books) {
        subs.put(b.instrument(), new Sub(b, listener));
        ids.add(b.instrument());
      }
      return Future.succeededFuture(() -> {
        cancelled++;
        ids.forEach(subs::remove);
        return Future.succeededFuture();
      });
    }

    boolean isSubscribed(InstrumentId instrument) {
      return subs.containsKey(instrument);
    }

    /** The venue receives a snapshot: applied to its book on its context, then the listener told. */
    void push(BookSnapshot snapshot) {
      Sub sub = subs.get(snapshot.instrument());
      if (sub == null) {
        throw new IllegalStateException(snapshot.instrument() + " is not subscribed");
      }
      venueContext.runOnContext(v -> {
        sub.book().applySnapshot(snapshot);
        sub.listener().onBookUpdated(sub.book());
      });
    }

    /** The venue loses the book (gap, disconnect, silence). */
    void untrust(InstrumentId instrument, UntrustedReason reason) {
      Sub sub = subs.get(instrument);
      venueContext.runOnContext(v -> {
        sub.book().markUntrusted(reason);
        sub.listener().onBookUntrusted(sub.book(), reason);
      });
    }
  }
}
