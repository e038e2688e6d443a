package io.github.crossarb.polymarket;

import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pricing.FeeModel;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.MarketDataClient;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.MarketQuery;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.github.crossarb.polymarket.auth.ApiCredentials;
import io.github.crossarb.polymarket.clob.PolymarketRestClient;
import io.github.crossarb.polymarket.gamma.GammaClient;
import io.github.crossarb.polymarket.gamma.GammaMarket;
import io.github.crossarb.polymarket.internal.Heartbeats;
import io.github.crossarb.polymarket.internal.OrderBindings;
import io.github.crossarb.polymarket.internal.PolymarketExecution;
import io.github.crossarb.polymarket.internal.RulesCache;
import io.github.crossarb.polymarket.ws.PolymarketMarketStream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Polymarket (CLOB V2) as a core {@link Venue}. Instruments are outcome tokens
 * ({@code POLYMARKET:<tokenId>}), one book each. Create it on the Vert.x context it should live on.
 */
public final class PolymarketVenue implements Venue {
  /** How long market rules (tick, minimum size, fees) are trusted before they are read again. */
  public static final Duration RULES_TTL = Duration.ofMinutes(1);
  /** The journal of client order id → order hash bindings, in the credential cache directory. */
  public static final String BINDINGS_FILE = "polymarket-orders.tsv";

  private static final VenueCapabilities CAPABILITIES = new VenueCapabilities(
      Set.of(TimeInForce.GTC, TimeInForce.GTD, TimeInForce.IOC, TimeInForce.FOK), true, true, false, true);
  private static final int GAMMA_PAGE = 100;
  private static final int GAMMA_MAX_PAGES = 20;

  private final WebClient web;
  private final PolymarketRestClient rest;
  private final GammaClient gamma;
  private final RulesCache rules;
  private final PolymarketMarketStream marketData;
  private final PolymarketExecution execution;
  private final Vertx vertx;
  private Heartbeats heartbeats;

  private PolymarketVenue(Vertx vertx, PolymarketConfig config, OrderBindings bindings) {
    this.vertx = vertx;
    this.web = WebClient.create(vertx, new WebClientOptions().setUserAgent("crossarb-polymarket-client")
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis())));
    this.rest = new PolymarketRestClient(web, config);
    this.gamma = new GammaClient(rest, config);
    this.rules = new RulesCache(rest, config.clock(), RULES_TTL);
    this.marketData = new PolymarketMarketStream(vertx, config, rest, rules::invalidate);
    this.execution = new PolymarketExecution(vertx, config, rest, gamma, rules, bindings);
  }

  /**
   * A venue for {@code config}. Reads the order-binding journal from the credential cache directory
   * when one is configured (blocking, once).
   *
   * @throws VenueConfigException if the journal cannot be read
   */
  public static PolymarketVenue create(Vertx vertx, PolymarketConfig config) {
    Path dir = config.credentialCacheDir();
    try {
      return new PolymarketVenue(vertx, config, new OrderBindings(dir == null ? null : dir.resolve(BINDINGS_FILE)));
    } catch (IOException e) {
      throw new VenueConfigException(VenueId.POLYMARKET, "cannot read the Polymarket order journal in " + dir
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public VenueId id() {
    return VenueId.POLYMARKET;
  }

  @Override
  public VenueCapabilities capabilities() {
    return CAPABILITIES;
  }

  /** The raw CLOB client, for endpoints the SPI does not cover (heartbeats, balance updates). */
  public PolymarketRestClient rest() {
    return rest;
  }

  public GammaClient gamma() {
    return gamma;
  }

  /** The API credentials: configured, cached, or created/derived with the wallet and cached. */
  public Future<ApiCredentials> credentials() {
    return execution.credentials();
  }

  /** Creates or derives the API key for {@code nonce} with the wallet (L1), without caching it. */
  public Future<ApiCredentials> deriveApiKey(long nonce) {
    return execution.deriveApiKey(nonce);
  }

  /**
   * Starts the venue's dead-man switch: a heartbeat every {@code interval} (keep it well under
   * 10 s). Once started, Polymarket cancels all our open orders if the beats stop. Needs credentials.
   *
   * @param onBeat told each acknowledged heartbeat id, or null
   */
  public Future<Void> startHeartbeats(Duration interval, java.util.function.Consumer<String> onBeat) {
    if (heartbeats != null) {
      return Future.succeededFuture();
    }
    Heartbeats beats = new Heartbeats(vertx, rest, interval, onBeat);
    return execution.credentials().compose(c -> beats.start()).onSuccess(v -> heartbeats = beats).mapEmpty();
  }

  /** Stops the heartbeats (the venue will then cancel our open orders after about 10 s). */
  public void stopHeartbeats() {
    if (heartbeats != null) {
      heartbeats.stop();
      heartbeats = null;
    }
  }

  @Override
  public Future<List<MarketInfo>> markets(MarketQuery query) {
    List<MarketInfo> out = new ArrayList<>();
    return marketsPage(query, 0, out);
  }

  private Future<List<MarketInfo>> marketsPage(MarketQuery query, int page, List<MarketInfo> out) {
    Map<String, String> params = new LinkedHashMap<>();
    if (query.openOnly()) {
      params.put("active", "true");
      params.put("closed", "false");
    }
    params.put("limit", Integer.toString(GAMMA_PAGE));
    params.put("offset", Integer.toString(page * GAMMA_PAGE));
    return gamma.getMarkets(params).compose(markets -> {
      for (GammaMarket m : markets) {
        if (out.size() >= query.limit()) {
          break;
        }
        if (m.tokenIds().size() < 2 || (query.openOnly() && !m.tradable()) || !matches(m, query.search())) {
          continue;
        }
        out.add(info(m));
      }
      if (out.size() >= query.limit() || markets.size() < GAMMA_PAGE || page + 1 >= GAMMA_MAX_PAGES) {
        return Future.succeededFuture(List.copyOf(out));
      }
      return marketsPage(query, page + 1, out);
    });
  }

  private static boolean matches(GammaMarket m, String search) {
    if (search == null) {
      return true;
    }
    String hay = (m.question() + " " + (m.slug() == null ? "" : m.slug()) + " " + m.conditionId())
        .toLowerCase(Locale.ROOT);
    for (String word : search.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!word.isEmpty() && !hay.contains(word)) {
        return false;
      }
    }
    return true;
  }

  static MarketInfo info(GammaMarket m) {
    int yes = 0;
    int no = 1;
    for (int i = 0; i < m.outcomes().size() && i < m.tokenIds().size(); i++) {
      if (m.outcomes().get(i).equalsIgnoreCase("yes")) {
        yes = i;
      } else if (m.outcomes().get(i).equalsIgnoreCase("no")) {
        no = i;
      }
    }
    String status = m.closed() ? "closed" : m.active() ? "active" : "inactive";
    return new MarketInfo(VenueId.POLYMARKET, m.conditionId() == null ? m.id() : m.conditionId(), m.question(),
        status, m.tradable(), m.endDate(), m.rules(), InstrumentId.polymarket(m.tokenIds().get(yes)),
        InstrumentId.polymarket(m.tokenIds().get(no)));
  }

  @Override
  public Future<MarketInfo> market(InstrumentId instrument) {
    if (instrument.venue() != VenueId.POLYMARKET) {
      return Future.failedFuture(new IllegalArgumentException("not a Polymarket instrument: " + instrument));
    }
    return gamma.getMarkets(Map.of("clob_token_ids", instrument.symbol())).compose(markets -> {
      for (GammaMarket m : markets) {
        if (m.tokenIds().contains(instrument.symbol()) && m.tokenIds().size() >= 2) {
          return Future.succeededFuture(info(m));
        }
      }
      return Future.failedFuture(new VenueRejectedException(VenueId.POLYMARKET, 404, "not_found",
          "no Polymarket market holds token " + instrument.symbol()));
    });
  }

  @Override
  public Future<Instrument> instrument(InstrumentId instrument) {
    if (instrument.venue() != VenueId.POLYMARKET) {
      return Future.failedFuture(new IllegalArgumentException("not a Polymarket instrument: " + instrument));
    }
    return rules.get(instrument.symbol()).map(MarketRules::instrument);
  }

  @Override
  public Future<FeeModel> fees(InstrumentId instrument) {
    if (instrument.venue() != VenueId.POLYMARKET) {
      return Future.failedFuture(new IllegalArgumentException("not a Polymarket instrument: " + instrument));
    }
    return rules.get(instrument.symbol()).map(MarketRules::fees);
  }

  /** The token's full trading rules (tick, neg-risk, fees, minimum size). */
  public Future<MarketRules> rules(InstrumentId instrument) {
    return rules.get(instrument.symbol());
  }

  @Override
  public MarketDataClient marketData() {
    return marketData;
  }

  @Override
  public ExecutionClient execution() {
    return execution;
  }

  @Override
  public Future<Void> close() {
    stopHeartbeats();
    return Future.join(marketData.close(), execution.close()).transform(ar -> {
      web.close();
      return Future.succeededFuture();
    });
  }
}
