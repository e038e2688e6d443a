package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pricing.FeeModel;
import io.vertx.core.Future;
import java.util.List;

/**
 * One venue, as the engine and the command line use it. Instruments are a Kalshi market
 * ({@code KALSHI:<ticker>}, both outcomes in one book) or a Polymarket outcome token
 * ({@code POLYMARKET:<tokenId>}, one book per token).
 */
public interface Venue {
  VenueId id();

  VenueCapabilities capabilities();

  /** Open markets matching the query, as the venue lists them (paginated internally up to the limit). */
  Future<List<MarketInfo>> markets(MarketQuery query);

  /** The market that holds {@code instrument}, with its rules text and close time. */
  Future<MarketInfo> market(InstrumentId instrument);

  /** The instrument's trading rules now: tick grid, minimum size, size step. Never cached forever. */
  Future<Instrument> instrument(InstrumentId instrument);

  /** The fee model that applies to taker fills of {@code instrument}. */
  Future<FeeModel> fees(InstrumentId instrument);

  MarketDataClient marketData();

  ExecutionClient execution();

  /** Closes sockets and timers; books still subscribed are marked untrusted (DISCONNECTED). */
  Future<Void> close();
}
