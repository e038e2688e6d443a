package io.github.crossarb.cli.venue;

import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.pricing.FeeModel;
import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.BookListener;
import io.github.crossarb.core.venue.BookSubscription;
import io.github.crossarb.core.venue.CancelResult;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.ExecutionListener;
import io.github.crossarb.core.venue.MarketDataClient;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.MarketQuery;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.PositionReport;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.core.venue.WireRequest;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A venue for command tests: answers from fields the test sets, records what it was asked. Anything
 * not set fails the call, so a test cannot pass by accident on a default.
 */
public final class FakeVenue implements Venue {
  public final VenueId id;
  public VenueCapabilities capabilities =
      new VenueCapabilities(Set.of(TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK), true, true, true, true);
  public List<MarketInfo> markets;
  public MarketQuery lastQuery;
  public BookSnapshot snapshot;
  /** Drives a subscribed book: called on the venue's context with the book and the listener. */
  public BiConsumer<OrderBook, BookListener> feed;
  public Balance balance;
  public List<PositionReport> positions;
  public List<OrderReport> openOrders;
  public Function<OrderRequest, SubmitResult> submitAnswer;
  public WireRequest prepared;
  public CancelResult cancelAnswer;
  public List<VenueOrderId> cancelAllAnswer;
  public RuntimeException failure;
  public final List<OrderRequest> submitted = new CopyOnWriteArrayList<>();
  public final List<OrderRequest> preparedFor = new CopyOnWriteArrayList<>();
  public final List<VenueOrderId> cancelled = new CopyOnWriteArrayList<>();
  public volatile boolean closed;

  public FakeVenue(VenueId id) {
    this.id = id;
  }

  /** A factory that hands out this venue for its own id and fails for the other. */
  public VenueFactory factory() {
    return (venue, vertx, config) -> {
      if (venue != id) {
        throw new AssertionError("unexpected venue " + venue);
      }
      return this;
    };
  }

  private <T> Future<T> answer(T value) {
    if (failure != null) {
      return Future.failedFuture(failure);
    }
    return value == null ? Future.failedFuture(new AssertionError("the test did not set this answer")) : Future.succeededFuture(value);
  }

  @Override
  public VenueId id() {
    return id;
  }

  @Override
  public VenueCapabilities capabilities() {
    return capabilities;
  }

  @Override
  public Future<List<MarketInfo>> markets(MarketQuery query) {
    lastQuery = query;
    return answer(markets);
  }

  @Override
  public Future<MarketInfo> market(InstrumentId instrument) {
    return Future.failedFuture(new AssertionError("not used"));
  }

  @Override
  public Future<Instrument> instrument(InstrumentId instrument) {
    return Future.failedFuture(new AssertionError("not used"));
  }

  @Override
  public Future<FeeModel> fees(InstrumentId instrument) {
    return Future.failedFuture(new AssertionError("not used"));
  }

  @Override
  public MarketDataClient marketData() {
    return new MarketDataClient() {
      @Override
      public Future<BookSnapshot> snapshot(InstrumentId instrument) {
        return answer(snapshot);
      }

      @Override
      public Future<BookSubscription> subscribe(Collection<OrderBook> books, BookListener listener) {
        if (failure != null) {
          return Future.failedFuture(failure);
        }
        for (OrderBook book : new ArrayList<>(books)) {
          feed.accept(book, listener);
        }
        return Future.succeededFuture(() -> Future.succeededFuture());
      }
    };
  }

  @Override
  public ExecutionClient execution() {
    return new ExecutionClient() {
      @Override
      public Future<SubmitResult> submit(OrderRequest request) {
        submitted.add(request);
        return answer(submitAnswer == null ? null : submitAnswer.apply(request));
      }

      @Override
      public Future<WireRequest> prepare(OrderRequest request) {
        preparedFor.add(request);
        return answer(prepared);
      }

      @Override
      public Future<Optional<OrderReport>> findOrder(ClientOrderId clientOrderId) {
        return Future.failedFuture(new AssertionError("not used"));
      }

      @Override
      public Future<CancelResult> cancel(VenueOrderId venueOrderId) {
        cancelled.add(venueOrderId);
        return answer(cancelAnswer);
      }

      @Override
      public Future<List<VenueOrderId>> cancelAll() {
        return answer(cancelAllAnswer);
      }

      @Override
      public Future<List<OrderReport>> openOrders() {
        return answer(openOrders);
      }

      @Override
      public Future<List<Fill>> fills(Instant since) {
        return Future.failedFuture(new AssertionError("not used"));
      }

      @Override
      public Future<Balance> balance() {
        return answer(balance);
      }

      @Override
      public Future<List<PositionReport>> positions() {
        return answer(positions);
      }

      @Override
      public Future<Void> listen(ExecutionListener listener) {
        return Future.failedFuture(new AssertionError("not used"));
      }
    };
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return Future.succeededFuture();
  }
}
