package io.github.crossarb.cli.command.pairs;

import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pricing.FeeModel;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.MarketDataClient;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.MarketQuery;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A venue for the pairs command tests: lists and describes the markets the test gives it, filters
 * listings by the query's words like the real clients, and records what it was asked. Anything
 * else fails: the pairs commands must not touch books, orders or balances.
 */
final class MarketsOnlyVenue implements Venue {
  final VenueId id;
  volatile List<MarketInfo> markets = List.of();
  final List<String> asked = new CopyOnWriteArrayList<>();
  volatile boolean closed;

  MarketsOnlyVenue(VenueId id) {
    this.id = id;
  }

  @Override
  public VenueId id() {
    return id;
  }

  @Override
  public VenueCapabilities capabilities() {
    throw new AssertionError("not used");
  }

  @Override
  public Future<List<MarketInfo>> markets(MarketQuery query) {
    asked.add("markets " + query.search());
    List<MarketInfo> out = markets.stream().filter(m -> {
      if (query.search() == null) {
        return true;
      }
      String hay = (m.title() + " " + m.marketId()).toLowerCase(Locale.ROOT);
      for (String word : query.search().toLowerCase(Locale.ROOT).split("\\s+")) {
        if (!hay.contains(word)) {
          return false;
        }
      }
      return true;
    }).limit(query.limit()).toList();
    return Future.succeededFuture(out);
  }

  @Override
  public Future<MarketInfo> market(InstrumentId instrument) {
    asked.add("market " + instrument);
    for (MarketInfo m : markets) {
      if (m.yes().equals(instrument) || m.no().equals(instrument)) {
        return Future.succeededFuture(m);
      }
    }
    return Future.failedFuture(new VenueRejectedException(id, 404, "not_found", "market not found: " + instrument));
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
    throw new AssertionError("not used");
  }

  @Override
  public ExecutionClient execution() {
    throw new AssertionError("not used");
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return Future.succeededFuture();
  }
}
