package io.github.crossarb.kalshi;

import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.pricing.FeeModel;
import io.github.crossarb.core.pricing.KalshiFeeModel;
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
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.PositionReport;
import io.github.crossarb.core.venue.RateLimitedException;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.core.venue.VenueAuthException;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.core.venue.VenueProtocolException;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.github.crossarb.core.venue.WireRequest;
import io.github.crossarb.kalshi.auth.KalshiSigner;
import io.github.crossarb.kalshi.dto.KalshiMarketData;
import io.github.crossarb.kalshi.dto.KalshiOrders;
import io.github.crossarb.kalshi.dto.KalshiPortfolio;
import io.github.crossarb.kalshi.http.KalshiRestClient;
import io.github.crossarb.kalshi.internal.KalshiMapper;
import io.github.crossarb.kalshi.ws.KalshiWsClient;
import io.github.crossarb.kalshi.ws.KalshiWsMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Kalshi as a {@link Venue}: markets and tick bands over REST, live books over the WebSocket,
 * orders over the V2 endpoints. Create it on the Vert.x context it should live on; all its work
 * and callbacks happen there.
 *
 * <p>Orders: {@link #submit} always sets {@code client_order_id} and ends in exactly one
 * {@link SubmitResult}; an {@code Unknown} is settled with {@link #findOrder}, never by sending
 * again. Fill ids are Kalshi trade ids (shared by REST fills and WebSocket fills).
 */
public final class KalshiVenue implements Venue, MarketDataClient, ExecutionClient {
  private static final VenueId KALSHI = VenueId.KALSHI;
  private static final VenueCapabilities CAPABILITIES = new VenueCapabilities(
      Set.of(TimeInForce.GTC, TimeInForce.GTD, TimeInForce.IOC, TimeInForce.FOK), true, true, true, true);
  /** Market rules (tick bands, exchange index) are re-read after this long. */
  private static final Duration MARKET_TTL = Duration.ofSeconds(60);
  private static final int PAGE_LIMIT = 200;
  private static final int MAX_PAGES = 100;
  private static final int CANCEL_BATCH = 20;
  private static final int REMEMBERED_ORDERS = 100_000;

  private record Cached<T>(T value, long fetchedAtMillis) {}

  private record Remembered(String ticker, Integer exchangeIndex, KalshiMapper.Intent intent) {}

  private final KalshiConfig config;
  private final KalshiRestClient rest;
  private final KalshiWsClient ws;
  private final Map<String, Cached<KalshiMarketData.Market>> markets = new HashMap<>();
  private final Map<String, Cached<KalshiFeeModel>> feesByEvent = new HashMap<>();
  private final Map<String, Remembered> byClientId = bounded();
  private final Map<String, Remembered> byOrderId = bounded();
  private final Map<String, OrderReport> lastReports = bounded();

  public KalshiVenue(Vertx vertx, KalshiConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.rest = new KalshiRestClient(vertx, config);
    this.ws = new KalshiWsClient(vertx, config);
  }

  private static <V> Map<String, V> bounded() {
    return new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > REMEMBERED_ORDERS;
      }
    };
  }

  /** The raw REST client (batch create, amend, decrease, exchange status…). */
  public KalshiRestClient rest() {
    return rest;
  }

  /** The raw WebSocket client (ticker and lifecycle channels). */
  public KalshiWsClient ws() {
    return ws;
  }

  @Override
  public VenueId id() {
    return KALSHI;
  }

  @Override
  public VenueCapabilities capabilities() {
    return CAPABILITIES;
  }

  // ------------------------------------------------------------------ markets

  @Override
  public Future<List<MarketInfo>> markets(MarketQuery query) {
    List<String> words = query.search() == null ? List.of()
        : List.of(query.search().toLowerCase(Locale.ROOT).trim().split("\\s+"));
    List<MarketInfo> found = new ArrayList<>();
    KalshiRestClient.MarketsFilter filter = new KalshiRestClient.MarketsFilter(
        words.isEmpty() ? Math.min(1000, Math.max(query.limit(), 1)) : 1000, null, null, null,
        query.openOnly() ? "open" : null, null, null, null, null);
    return marketPages(filter, 0, query, words, found).map(v -> found);
  }

  private Future<Void> marketPages(KalshiRestClient.MarketsFilter filter, int page, MarketQuery query, List<String> words,
      List<MarketInfo> found) {
    return rest.getMarkets(filter).compose(result -> {
      for (KalshiMarketData.Market market : nullSafe(result.markets())) {
        MarketInfo info = KalshiMapper.marketInfo(market);
        remember(market);
        if (query.openOnly() && !info.open()) {
          continue;
        }
        String haystack = (info.title() + " " + info.marketId()).toLowerCase(Locale.ROOT);
        if (words.stream().allMatch(haystack::contains)) {
          found.add(info);
          if (found.size() >= query.limit()) {
            return Future.succeededFuture();
          }
        }
      }
      String cursor = result.cursor();
      if (cursor == null || cursor.isEmpty() || page + 1 >= MAX_PAGES) {
        return Future.succeededFuture();
      }
      return marketPages(filter.withCursor(cursor), page + 1, query, words, found);
    });
  }

  @Override
  public Future<MarketInfo> market(InstrumentId instrument) {
    return freshMarket(instrument).map(KalshiMapper::marketInfo);
  }

  @Override
  public Future<Instrument> instrument(InstrumentId instrument) {
    return cachedMarket(instrument).map(KalshiMapper::instrument);
  }

  /** From the series' fee type and multiplier, unless the event overrides them. */
  @Override
  public Future<FeeModel> fees(InstrumentId instrument) {
    return cachedMarket(instrument).compose(market -> {
      Cached<KalshiFeeModel> cached = feesByEvent.get(market.eventTicker());
      if (cached != null && fresh(cached.fetchedAtMillis())) {
        return Future.succeededFuture(cached.value());
      }
      return rest.getEvent(market.eventTicker()).compose(event -> {
        Future<KalshiMarketData.Series> series = event.seriesTicker() == null
            ? Future.failedFuture(new VenueProtocolException(KALSHI, "Kalshi event " + market.eventTicker() + " has no series"))
            : rest.getSeries(event.seriesTicker());
        return series.map(s -> {
          String type = event.feeTypeOverride() != null ? event.feeTypeOverride() : s.feeType();
          String multiplier = event.feeMultiplierOverride() != null ? event.feeMultiplierOverride().toPlainString()
              : s.feeMultiplier() == null ? null : s.feeMultiplier().toPlainString();
          if (type == null || multiplier == null) {
            throw new VenueProtocolException(KALSHI, "Kalshi series " + s.ticker() + " lacks fee_type or fee_multiplier");
          }
          KalshiFeeModel model;
          try {
            model = KalshiFeeModel.of(type, multiplier);
          } catch (IllegalArgumentException e) {
            throw new VenueProtocolException(KALSHI, "Kalshi series " + s.ticker() + ": " + e.getMessage());
          }
          feesByEvent.put(market.eventTicker(), new Cached<>(model, config.clock().millis()));
          return (FeeModel) model;
        });
      });
    });
  }

  private Future<KalshiMarketData.Market> cachedMarket(InstrumentId instrument) {
    String ticker = ticker(instrument);
    Cached<KalshiMarketData.Market> cached = markets.get(ticker);
    if (cached != null && fresh(cached.fetchedAtMillis())) {
      return Future.succeededFuture(cached.value());
    }
    return freshMarket(instrument);
  }

  private Future<KalshiMarketData.Market> freshMarket(InstrumentId instrument) {
    String ticker;
    try {
      ticker = ticker(instrument);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return rest.getMarket(ticker).map(market -> {
      remember(market);
      return market;
    });
  }

  private void remember(KalshiMarketData.Market market) {
    if (market.ticker() != null) {
      markets.put(market.ticker(), new Cached<>(market, config.clock().millis()));
    }
  }

  private boolean fresh(long fetchedAtMillis) {
    return config.clock().millis() - fetchedAtMillis < MARKET_TTL.toMillis();
  }

  private static String ticker(InstrumentId instrument) {
    if (instrument.venue() != KALSHI) {
      throw new IllegalArgumentException("not a Kalshi instrument: " + instrument);
    }
    return instrument.symbol();
  }

  // ------------------------------------------------------------------ market data

  @Override
  public MarketDataClient marketData() {
    return this;
  }

  @Override
  public Future<BookSnapshot> snapshot(InstrumentId instrument) {
    String ticker;
    try {
      ticker = ticker(instrument);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return rest.getOrderbook(ticker, 0).map(book -> KalshiMapper.bookSnapshot(instrument, book));
  }

  /**
   * Also follows {@code market_lifecycle_v2} for the same tickers: a price level structure change
   * marks the book {@code TICK_SIZE_CHANGED}, drops the cached tick bands and asks for a snapshot.
   */
  @Override
  public Future<BookSubscription> subscribe(Collection<OrderBook> books, BookListener listener) {
    List<String> tickers = books.stream().map(b -> b.instrument().symbol()).distinct().toList();
    if (tickers.isEmpty()) {
      return Future.succeededFuture(Future::succeededFuture);
    }
    return ws.subscribeBooks(books, listener).compose(bookSubs ->
        ws.subscribeBatched("market_lifecycle_v2", tickers, this::onLifecycle).map(lifecycle -> {
          List<KalshiWsClient.Subscription> all = new ArrayList<>(bookSubs);
          all.addAll(lifecycle);
          return (BookSubscription) () -> Future.all(all.stream().map(KalshiWsClient.Subscription::cancel).toList()).mapEmpty();
        }));
  }

  private void onLifecycle(KalshiWsMessage message) {
    if (message instanceof KalshiWsMessage.Lifecycle lifecycle
        && "price_level_structure_updated".equals(lifecycle.eventType())) {
      markets.remove(lifecycle.marketTicker());
      ws.resyncBook(lifecycle.marketTicker(), UntrustedReason.TICK_SIZE_CHANGED);
    }
  }

  // ------------------------------------------------------------------ execution

  @Override
  public ExecutionClient execution() {
    return this;
  }

  @Override
  public Future<SubmitResult> submit(OrderRequest request) {
    ClientOrderId id = request.clientOrderId();
    return checked(request).transform(ar -> {
      if (ar.failed()) {
        return Future.succeededFuture(new SubmitResult.Denied(id, oneLine(ar.cause())));
      }
      KalshiOrders.CreateOrderRequest body = ar.result();
      if (!rest.hasCredentials()) {
        return Future.succeededFuture(new SubmitResult.Denied(id,
            "no Kalshi credentials: set KALSHI_API_KEY_ID and KALSHI_KEY_FILE or KALSHI_KEY_B64"));
      }
      byClientId.put(id.value(), new Remembered(body.ticker(), body.exchangeIndex(),
          new KalshiMapper.Intent(request.outcome(), request.side())));
      return rest.createOrder(body).transform(sent -> Future.succeededFuture(outcome(request, body, sent)));
    });
  }

  private SubmitResult outcome(OrderRequest request, KalshiOrders.CreateOrderRequest body,
      io.vertx.core.AsyncResult<KalshiOrders.CreateOrderResponse> sent) {
    ClientOrderId id = request.clientOrderId();
    if (sent.succeeded()) {
      KalshiOrders.CreateOrderResponse response = sent.result();
      if (response.orderId() == null || response.orderId().isBlank()) {
        return new SubmitResult.Unknown(id, "Kalshi answered the create without an order_id");
      }
      byOrderId.put(response.orderId(), byClientId.get(id.value()));
      try {
        Quantity filled = KalshiMapper.quantityOrZero(response.fillCount());
        Quantity remaining = KalshiMapper.quantityOrZero(response.remainingCount());
        OrderStatus status = !remaining.isZero() ? OrderStatus.OPEN
            : filled.compareTo(request.size()) >= 0 ? OrderStatus.FILLED : OrderStatus.CANCELLED;
        return new SubmitResult.Accepted(id, new VenueOrderId(response.orderId()), status, filled);
      } catch (RuntimeException e) {
        return new SubmitResult.Accepted(id, new VenueOrderId(response.orderId()), OrderStatus.PENDING, Quantity.ZERO);
      }
    }
    Throwable failure = sent.cause();
    if (failure instanceof RateLimitedException) {
      // A 429 is an answer: the venue did not take the order (retries were already spent).
      return new SubmitResult.Rejected(id, "too_many_requests", oneLine(failure));
    }
    if (failure instanceof VenueRejectedException rejected) {
      return new SubmitResult.Rejected(id, rejected.venueCode(), oneLine(failure));
    }
    if (failure instanceof VenueAuthException) {
      return new SubmitResult.Rejected(id, "unauthorized", oneLine(failure));
    }
    if (failure instanceof VenueConfigException) {
      return new SubmitResult.Denied(id, oneLine(failure));
    }
    // Timeout, 5xx, lost connection, or a 2xx we could not read: the order may exist.
    return new SubmitResult.Unknown(id, oneLine(failure));
  }

  /** The wire body for {@code request}, after the checks that Deny (tick, size, time in force). */
  private Future<KalshiOrders.CreateOrderRequest> checked(OrderRequest request) {
    if (request.instrument().venue() != KALSHI) {
      return Future.failedFuture(new IllegalArgumentException("not a Kalshi instrument: " + request.instrument()));
    }
    if (!CAPABILITIES.supports(request.timeInForce())) {
      return Future.failedFuture(new IllegalArgumentException("Kalshi does not take " + request.timeInForce()));
    }
    return cachedMarket(request.instrument()).compose(market -> {
      Instrument instrument = KalshiMapper.instrument(market);
      Optional<String> denial = KalshiMapper.denial(request, instrument);
      if (denial.isPresent()) {
        return Future.failedFuture(new IllegalArgumentException(denial.get()));
      }
      return Future.succeededFuture(KalshiMapper.createOrder(request, market.exchangeIndex()));
    });
  }

  @Override
  public Future<WireRequest> prepare(OrderRequest request) {
    return checked(request).map(body -> {
      KalshiRestClient.Prepared prepared = rest.prepare(rest.createOrderCall(body));
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      for (Map.Entry<String, String> header : prepared.headers()) {
        headers.add(header.getKey().equals(KalshiSigner.KEY_HEADER)
            ? Map.entry(header.getKey(), WireRequest.REDACTED) : header);
      }
      return new WireRequest(prepared.method().name(), prepared.url(), headers, prepared.body());
    });
  }

  @Override
  public Future<Optional<OrderReport>> findOrder(ClientOrderId clientOrderId) {
    Remembered known = byClientId.get(clientOrderId.value());
    return rest.findOrderByClientOrderId(clientOrderId.value(), known == null ? null : known.ticker(), MAX_PAGES)
        .map(found -> found.map(this::report));
  }

  private OrderReport report(KalshiPortfolio.Order order) {
    Remembered known = order.clientOrderId() == null ? null : byClientId.get(order.clientOrderId());
    OrderReport report = KalshiMapper.orderReport(order, known == null ? null : known.intent());
    if (order.orderId() != null && !byOrderId.containsKey(order.orderId())) {
      byOrderId.put(order.orderId(), new Remembered(order.ticker(), order.exchangeIndex(),
          new KalshiMapper.Intent(report.outcome(), report.side())));
    }
    return report;
  }

  @Override
  public Future<CancelResult> cancel(VenueOrderId venueOrderId) {
    Remembered known = byOrderId.get(venueOrderId.value());
    return rest.cancelOrder(venueOrderId.value(), known == null ? null : known.ticker(),
            known == null ? null : known.exchangeIndex())
        .map(response -> reduced(response.reducedBy()) ? CancelResult.CANCELLED : CancelResult.NOT_OPEN)
        .recover(failure -> failure instanceof VenueRejectedException rejected && rejected.httpStatus() == 404
            ? Future.succeededFuture(CancelResult.NOT_OPEN)
            : Future.failedFuture(failure));
  }

  /**
   * Lists our resting orders and cancels them in batches, so the answer names exactly the orders
   * cancelled. (The raw client also has {@code cancelAllOrders}, which answers without ids.)
   */
  @Override
  public Future<List<VenueOrderId>> cancelAll() {
    return openOrders().compose(open -> {
      List<VenueOrderId> cancelled = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (int from = 0; from < open.size(); from += CANCEL_BATCH) {
        List<OrderReport> batch = open.subList(from, Math.min(open.size(), from + CANCEL_BATCH));
        chain = chain.compose(v -> {
          List<KalshiOrders.BatchCancelItem> items = new ArrayList<>();
          for (OrderReport order : batch) {
            Remembered known = byOrderId.get(order.venueOrderId().value());
            items.add(new KalshiOrders.BatchCancelItem(order.venueOrderId().value(), order.instrument().symbol(),
                known == null ? null : known.exchangeIndex()));
          }
          return rest.batchCancelOrders(items).map(response -> {
            for (KalshiOrders.BatchCancelResult result : nullSafe(response.orders())) {
              if (result.error() == null && result.orderId() != null && reduced(result.reducedBy())) {
                cancelled.add(new VenueOrderId(result.orderId()));
              }
            }
            return null;
          });
        });
      }
      return chain.map(v -> cancelled);
    });
  }

  private static boolean reduced(String reducedBy) {
    try {
      return reducedBy != null && Quantity.parse(reducedBy).micros() > 0;
    } catch (RuntimeException e) {
      throw new VenueProtocolException(KALSHI, "Kalshi cancel answer with an impossible reduced_by");
    }
  }

  @Override
  public Future<List<OrderReport>> openOrders() {
    List<OrderReport> out = new ArrayList<>();
    return pages(cursor -> rest.getOrders(null, "resting", PAGE_LIMIT, cursor), page -> {
      for (KalshiPortfolio.Order order : nullSafe(page.orders())) {
        out.add(report(order));
      }
      return page.cursor();
    }).map(v -> out);
  }

  @Override
  public Future<List<Fill>> fills(Instant since) {
    List<Fill> out = new ArrayList<>();
    Long minTs = since == null ? null : since.getEpochSecond();
    return pages(cursor -> rest.getFills(null, null, minTs, null, PAGE_LIMIT, cursor), page -> {
      for (KalshiPortfolio.Fill fill : nullSafe(page.fills())) {
        Fill mapped = KalshiMapper.fill(fill, intentOf(fill.clientOrderId(), fill.orderId()));
        if (since == null || !mapped.time().isBefore(since)) {
          out.add(mapped);
        }
      }
      return page.cursor();
    }).map(v -> {
      out.sort(Comparator.comparing(Fill::time));
      return out;
    });
  }

  private KalshiMapper.Intent intentOf(String clientOrderId, String orderId) {
    Remembered known = clientOrderId == null ? null : byClientId.get(clientOrderId);
    if (known == null && orderId != null) {
      known = byOrderId.get(orderId);
    }
    return known == null ? null : known.intent();
  }

  @Override
  public Future<Balance> balance() {
    return rest.getBalance().map(KalshiMapper::balance);
  }

  @Override
  public Future<List<PositionReport>> positions() {
    List<PositionReport> out = new ArrayList<>();
    return pages(cursor -> rest.getPositions(cursor, PAGE_LIMIT, null, null), page -> {
      for (KalshiPortfolio.MarketPosition position : nullSafe(page.marketPositions())) {
        KalshiMapper.position(position).ifPresent(out::add);
      }
      return page.cursor();
    }).map(v -> out);
  }

  @Override
  public Future<Void> listen(ExecutionListener listener) {
    ws.addConnectionListener(new KalshiWsClient.ConnectionListener() {
      @Override
      public void onDisconnected(String reason) {
        listener.onStreamLost(reason);
      }

      @Override
      public void onReconnected() {
        listener.onStreamRestored();
      }
    });
    return ws.subscribe("fill", List.of(), message -> {
      if (message instanceof KalshiWsMessage.Fill fill) {
        listener.onFill(KalshiMapper.fill(fill, intentOf(fill.clientOrderId(), fill.orderId())));
      }
    }).compose(fills -> ws.subscribe("user_orders", List.of(), message -> {
      if (message instanceof KalshiWsMessage.UserOrder order) {
        OrderReport report = KalshiMapper.orderReport(order, intentOf(order.clientOrderId(), order.orderId()),
            lastReports.get(order.orderId()));
        lastReports.put(order.orderId(), report);
        listener.onOrderUpdate(report);
      }
    })).mapEmpty();
  }

  @Override
  public Future<Void> close() {
    return ws.close().eventually(() -> {
      rest.close();
      return Future.succeededFuture();
    });
  }

  // ------------------------------------------------------------------ helpers

  private <P> Future<Void> pages(Function<String, Future<P>> fetch, Function<P, String> consume) {
    return page(fetch, consume, null, 0);
  }

  private <P> Future<Void> page(Function<String, Future<P>> fetch, Function<P, String> consume, String cursor, int n) {
    return fetch.apply(cursor).compose(page -> {
      String next;
      try {
        next = consume.apply(page);
      } catch (VenueException e) {
        return Future.failedFuture(e);
      }
      if (next == null || next.isEmpty() || n + 1 >= MAX_PAGES) {
        return Future.succeededFuture();
      }
      return page(fetch, consume, next, n + 1);
    });
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String oneLine(Throwable failure) {
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return message.replaceAll("\\s+", " ");
  }

  @Override
  public String toString() {
    return "KalshiVenue[" + config + "]";
  }
}
