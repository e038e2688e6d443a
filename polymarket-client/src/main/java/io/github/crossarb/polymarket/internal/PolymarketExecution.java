package io.github.crossarb.polymarket.internal;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.CancelResult;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.ExecutionListener;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.PositionReport;
import io.github.crossarb.core.venue.RateLimitedException;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueAuthException;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.github.crossarb.core.venue.WireRequest;
import io.github.crossarb.polymarket.MarketRules;
import io.github.crossarb.polymarket.PolymarketConfig;
import io.github.crossarb.polymarket.auth.ApiCredentials;
import io.github.crossarb.polymarket.auth.CredentialCache;
import io.github.crossarb.polymarket.auth.OrderSigner;
import io.github.crossarb.polymarket.clob.HttpCall;
import io.github.crossarb.polymarket.clob.OpenOrder;
import io.github.crossarb.polymarket.clob.PolymarketErrors;
import io.github.crossarb.polymarket.clob.PolymarketRestClient;
import io.github.crossarb.polymarket.clob.PolymarketTrade;
import io.github.crossarb.polymarket.clob.PostOrderResponse;
import io.github.crossarb.polymarket.clob.TradeStatus;
import io.github.crossarb.polymarket.gamma.DataPosition;
import io.github.crossarb.polymarket.gamma.GammaClient;
import io.github.crossarb.polymarket.order.Exchange;
import io.github.crossarb.polymarket.order.OrderAmounts;
import io.github.crossarb.polymarket.order.OrderBodies;
import io.github.crossarb.polymarket.order.OrderSide;
import io.github.crossarb.polymarket.order.SignedOrder;
import io.github.crossarb.polymarket.order.UnsignedOrder;
import io.github.crossarb.polymarket.ws.PolymarketUserStream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Orders and the account on Polymarket, behind core's {@link ExecutionClient}.
 *
 * <p>Submit: checks (credentials, geoblock, tick, range, minimum size) → Denied; sign the V2 order
 * for the version {@code /version} names; bind our client order id to the order hash (written
 * ahead to the journal) → send once. A venue refusal is Rejected, except {@code
 * order_version_mismatch}, which re-reads the version and signs and sends once more (the first
 * order was refused, so nothing is duplicated). Timeouts, 5xx, disconnects and unreadable answers
 * are Unknown; {@link #findOrder} settles them by the bound hash.
 */
public final class PolymarketExecution implements ExecutionClient {
  private static final VenueId VENUE = VenueId.POLYMARKET;
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(PolymarketExecution.class.getName());
  private static final Duration GEOBLOCK_TTL = Duration.ofMinutes(10);

  private final Vertx vertx;
  private final PolymarketConfig config;
  private final PolymarketRestClient rest;
  private final GammaClient gamma;
  private final RulesCache rules;
  private final OrderBindings bindings;
  private final OrderSigner signer;
  private Boolean geoblocked;
  private long geoblockCheckedMillis;
  private PolymarketUserStream userStream;
  private Future<ApiCredentials> pendingCredentials;

  public PolymarketExecution(Vertx vertx, PolymarketConfig config, PolymarketRestClient rest, GammaClient gamma,
      RulesCache rules, OrderBindings bindings) {
    this.vertx = vertx;
    this.config = config;
    this.rest = rest;
    this.gamma = gamma;
    this.rules = rules;
    this.bindings = bindings;
    this.signer = config.wallet() == null ? null : new OrderSigner(config.wallet(), config.chainId());
  }

  // ---------------------------------------------------------------- credentials

  /**
   * The API credentials: configured, cached in the data directory, or created/derived with the
   * wallet (L1) and then cached (owner-only file, atomic write).
   */
  public Future<ApiCredentials> credentials() {
    if (rest.hasCredentials()) {
      return Future.succeededFuture(rest.credentials());
    }
    // Concurrent first calls share one derivation (and one cache write).
    Future<ApiCredentials> pending = pendingCredentials;
    if (pending == null) {
      Future<ApiCredentials> started = loadOrDeriveCredentials();
      pending = started;
      if (!started.isComplete()) {
        pendingCredentials = started;
        started.onComplete(ar -> {
          if (pendingCredentials == started) {
            pendingCredentials = null;
          }
        });
      }
    }
    return pending;
  }

  private Future<ApiCredentials> loadOrDeriveCredentials() {
    if (config.wallet() == null) {
      return Future.failedFuture(new VenueConfigException(VENUE,
          "Polymarket trading needs POLY_PRIVATE_KEY (and optionally POLY_API_KEY/SECRET/PASSPHRASE)"));
    }
    CredentialCache cache = config.credentialCacheDir() == null ? null
        : new CredentialCache(config.credentialCacheDir(), config.wallet().address());
    Future<Optional<ApiCredentials>> cached = cache == null ? Future.succeededFuture(Optional.empty())
        : vertx.executeBlocking(cache::load, false);
    return cached.compose(found -> {
      if (found.isPresent()) {
        return Future.succeededFuture(found.get());
      }
      return rest.createOrDeriveApiKey(0).compose(created -> cache == null ? Future.succeededFuture(created)
          : vertx.executeBlocking(() -> {
            cache.save(created);
            return created;
          }, false));
    }).map(creds -> {
      rest.setCredentials(creds);
      return creds;
    });
  }

  /** Derives (or creates) the API key for {@code nonce} without caching or using it. */
  public Future<ApiCredentials> deriveApiKey(long nonce) {
    return rest.createOrDeriveApiKey(nonce);
  }

  // ---------------------------------------------------------------- submit

  /** A signed order ready to send, with everything needed to send it again on a version change. */
  private record Prepared(OrderRequest request, MarketRules rules, SignedOrder order, Quantity signedShares,
      HttpCall call) {}

  /** A check failed before anything was sent. */
  private static final class DeniedException extends RuntimeException {
    DeniedException(String reason) {
      super(reason, null, false, false);
    }
  }

  @Override
  public Future<SubmitResult> submit(OrderRequest request) {
    ClientOrderId id = request.clientOrderId();
    return checkGeoblock()
        .compose(v -> prepareSigned(request, false))
        .compose(prepared -> bindAndSend(prepared, true))
        .recover(e -> Future.succeededFuture(deniedOrUnknown(id, e)));
  }

  @Override
  public Future<WireRequest> prepare(OrderRequest request) {
    return prepareSigned(request, false).map(p -> p.call().redacted()).recover(e -> {
      if (e instanceof DeniedException) {
        return Future.failedFuture(new VenueRejectedException(VENUE, 0, "denied", e.getMessage()));
      }
      return Future.failedFuture(e);
    });
  }

  private static SubmitResult deniedOrUnknown(ClientOrderId id, Throwable e) {
    if (e instanceof DeniedException || e instanceof VenueConfigException) {
      return new SubmitResult.Denied(id, e.getMessage());
    }
    // Everything else before the send (rules, version, credentials, journal) also never sent the order.
    return new SubmitResult.Denied(id, "not sent: " + (e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getMessage()));
  }

  private Future<Void> checkGeoblock() {
    long now = config.clock().millis();
    if (geoblocked != null && now - geoblockCheckedMillis < GEOBLOCK_TTL.toMillis()) {
      return geoblocked ? Future.failedFuture(new DeniedException("this host is geoblocked by Polymarket: it may "
          + "watch markets but not place orders")) : Future.succeededFuture();
    }
    return gamma.isGeoblocked().recover(e -> Future.failedFuture(
        new DeniedException("geoblock check failed (" + e.getMessage() + "): not placing orders")))
        .compose(blocked -> {
          geoblocked = blocked;
          geoblockCheckedMillis = now;
          return checkGeoblock();
        });
  }

  private Future<Prepared> prepareSigned(OrderRequest request, boolean refreshVersion) {
    if (request.instrument().venue() != VENUE) {
      return Future.failedFuture(new DeniedException("not a Polymarket instrument: " + request.instrument()));
    }
    if (signer == null) {
      return Future.failedFuture(new VenueConfigException(VENUE, "Polymarket orders need POLY_PRIVATE_KEY"));
    }
    String cid = request.clientOrderId().value();
    if (cid.indexOf('\t') >= 0 || cid.indexOf('\n') >= 0 || cid.indexOf('\r') >= 0) {
      return Future.failedFuture(new DeniedException("client order id must not contain tabs or line breaks"));
    }
    String token = request.instrument().symbol();
    return credentials()
        .compose(creds -> rules.get(token).compose(r -> rest.orderVersion(refreshVersion).map(version -> {
          checkOrder(request, r);
          return sign(request, r, version, creds);
        })));
  }

  /** The pre-send checks: on the tick grid, inside [tick, 1 − tick], at least the minimum size, 2 decimals. */
  static void checkOrder(OrderRequest request, MarketRules rules) {
    long tick = rules.tickSize().price().micros();
    long price = request.price().micros();
    if (price % tick != 0) {
      throw new DeniedException("price " + request.price() + " is off the tick grid " + rules.tickSize());
    }
    if (price < tick || price > Fixed.SCALE - tick) {
      throw new DeniedException("price " + request.price() + " outside [" + rules.tickSize() + ", "
          + Fixed.format(Fixed.SCALE - tick) + "]");
    }
    if (!request.size().isMultipleOf(MarketRules.SIZE_STEP)) {
      throw new DeniedException("size " + request.size() + " has more than 2 decimals");
    }
    if (request.size().compareTo(rules.minOrderSize()) < 0) {
      throw new DeniedException("size " + request.size() + " below the market minimum " + rules.minOrderSize());
    }
    if (request.timeInForce() == TimeInForce.GTD && request.expiration().getEpochSecond() <= 0) {
      throw new DeniedException("GTD expiration must be after 1970");
    }
  }

  private Prepared sign(OrderRequest request, MarketRules r, int version, ApiCredentials creds) {
    Exchange exchange;
    try {
      exchange = Exchange.forVersion(version, r.negRisk());
    } catch (IllegalArgumentException e) {
      throw new DeniedException(e.getMessage());
    }
    OrderAmounts amounts = amountsFor(request, r);
    long expiration = request.timeInForce() == TimeInForce.GTD
        ? PolymarketMapper.gtdExpirationSeconds(request.expiration()) : 0;
    UnsignedOrder unsigned = new UnsignedOrder(OrderBindings.saltFor(request.clientOrderId()), config.maker(),
        signer.address(), r.tokenId(), amounts.makerAmount(), amounts.takerAmount(),
        PolymarketMapper.toWire(request.side()), config.signatureType(), config.clock().millis(),
        UnsignedOrder.ZERO_BYTES32, UnsignedOrder.ZERO_BYTES32, expiration);
    SignedOrder signed = signer.sign(unsigned, exchange);
    String body = OrderBodies.postOrder(new OrderBodies.Post(signed, creds.apiKey(),
        PolymarketMapper.toWire(request.timeInForce()), request.postOnly(), false));
    return new Prepared(request, r, signed, Quantity.ofMicros(amounts.shares(signed.order().side())),
        rest.postOrderCall(body));
  }

  /**
   * The signed amounts: the official client's limit-order amounts for GTC/GTD; for IOC (FAK) and
   * FOK the precision the CLOB demands of such orders (pUSD in cents for a BUY, shares to 4
   * decimals), which may sign fewer shares than requested and must still reach the market minimum.
   */
  static OrderAmounts amountsFor(OrderRequest request, MarketRules r) {
    OrderSide side = PolymarketMapper.toWire(request.side());
    java.math.BigDecimal price = Fixed.toBigDecimal(request.price().micros());
    java.math.BigDecimal size = Fixed.toBigDecimal(request.size().micros());
    boolean immediate = request.timeInForce() == TimeInForce.IOC || request.timeInForce() == TimeInForce.FOK;
    OrderAmounts amounts;
    try {
      amounts = immediate ? OrderAmounts.immediate(side, price, size, r.tickSize())
          : OrderAmounts.limit(side, price, size, r.tickSize());
    } catch (IllegalArgumentException e) {
      throw new DeniedException(e.getMessage());
    }
    Quantity shares = Quantity.ofMicros(amounts.shares(side));
    if (shares.compareTo(r.minOrderSize()) < 0) {
      throw new DeniedException("size " + request.size() + " at " + request.price() + " signs only " + shares
          + " shares as " + request.timeInForce() + ", below the market minimum " + r.minOrderSize());
    }
    return amounts;
  }

  private Future<SubmitResult> bindAndSend(Prepared p, boolean mayRetryVersion) {
    ClientOrderId id = p.request().clientOrderId();
    return vertx.executeBlocking(() -> {
      bindings.bind(id, p.order().hash());
      return null;
    }, false).recover(e -> Future.failedFuture(new DeniedException("cannot record the order binding: "
        + e.getMessage()))).compose(v -> rest.postOrder(p.call()).transform(ar -> {
          if (ar.succeeded()) {
            PostOrderResponse response = ar.result();
            if (response.accepted()) {
              return Future.succeededFuture(accepted(p, response));
            }
            return rejected(p, PolymarketErrors.orderRejected(200, response.errorMsg()), mayRetryVersion);
          }
          Throwable e = ar.cause();
          if (e instanceof VenueRejectedException rejected) {
            return rejected(p, rejected, mayRetryVersion);
          }
          if (e instanceof RateLimitedException limited) {
            // A 429 means the venue did not take the order: definitive, not unknown.
            return Future.succeededFuture(new SubmitResult.Rejected(id, "rate_limited", limited.getMessage()));
          }
          if (e instanceof VenueAuthException auth) {
            return Future.succeededFuture(new SubmitResult.Rejected(id, "unauthorized", auth.getMessage()));
          }
          return Future.succeededFuture(new SubmitResult.Unknown(id, e.getMessage() == null
              ? e.getClass().getSimpleName() : e.getMessage()));
        }));
  }

  private Future<SubmitResult> rejected(Prepared p, VenueRejectedException e, boolean mayRetryVersion) {
    ClientOrderId id = p.request().clientOrderId();
    if (mayRetryVersion && e.venueCode().equals(PolymarketErrors.ORDER_VERSION_MISMATCH)) {
      // The venue refused this version: read /version again, sign for it, send once more.
      return prepareSigned(p.request(), true).compose(again -> bindAndSend(again, false))
          .recover(err -> Future.succeededFuture(new SubmitResult.Rejected(id, e.venueCode(), e.getMessage())));
    }
    if (PolymarketErrors.isTickSizeRejection(e)) {
      rules.invalidate(p.rules().tokenId());
    }
    return Future.succeededFuture(new SubmitResult.Rejected(id, e.venueCode(), e.getMessage()));
  }

  private SubmitResult accepted(Prepared p, PostOrderResponse response) {
    OrderRequest request = p.request();
    // BUY: the shares taken are takingAmount; SELL: the shares given are makingAmount. Not capped:
    // what the venue reports is what we hold.
    Quantity filled = PolymarketMapper.quantityOf(request.side() == io.github.crossarb.core.model.Side.BUY
        ? response.takingAmount() : response.makingAmount());
    // Complete means the signed order, which for IOC/FOK may be a little smaller than requested
    // (OrderAmounts.immediate); the shortfall was never sent, so it cannot rest or fill later.
    boolean complete = filled.compareTo(p.signedShares()) >= 0;
    String status = response.status() == null ? "live" : response.status();
    OrderStatus core;
    switch (status.toLowerCase(java.util.Locale.ROOT)) {
      case "matched":
        core = complete ? OrderStatus.FILLED
            : request.timeInForce() == TimeInForce.IOC || request.timeInForce() == TimeInForce.FOK
                ? OrderStatus.CANCELLED : OrderStatus.OPEN;
        break;
      case "delayed":
        core = OrderStatus.PENDING;
        break;
      case "unmatched":
        core = OrderStatus.CANCELLED;
        break;
      default:
        core = OrderStatus.OPEN;
    }
    String orderId = response.orderId();
    if (!orderId.equalsIgnoreCase(p.order().hash())) {
      // The binding (and findOrder) use our hash; a different id means the hashing disagrees.
      LOG.warning("Polymarket order id " + Json.clip(orderId) + " differs from the local order hash "
          + p.order().hash() + " of client order " + request.clientOrderId());
    }
    return new SubmitResult.Accepted(request.clientOrderId(), new VenueOrderId(orderId), core, filled);
  }

  // ---------------------------------------------------------------- lookups

  @Override
  public Future<Optional<OrderReport>> findOrder(ClientOrderId clientOrderId) {
    Optional<String> hash = bindings.hashOf(clientOrderId);
    if (hash.isEmpty()) {
      // Never bound means never sent: the binding is written before every send.
      return Future.succeededFuture(Optional.empty());
    }
    return credentials().compose(c -> rest.getOrder(hash.get())).compose(order -> {
      if (order.isEmpty()) {
        return Future.succeededFuture(Optional.<OrderReport>empty());
      }
      return toReport(order.get()).map(Optional::of);
    });
  }

  /** An order (REST or stream) as a core report, with our client order id when bound. */
  public Future<OrderReport> toReport(OpenOrder order) {
    Future<Outcome> outcome = outcomeOf(order.assetId(), order.outcome());
    return outcome.map(o -> PolymarketMapper.report(order, o, bindings.clientIdOf(order.id()).orElse(null)));
  }

  private Future<Outcome> outcomeOf(String tokenId, String outcomeName) {
    if (outcomeName != null && (outcomeName.equalsIgnoreCase("yes") || outcomeName.equalsIgnoreCase("no"))) {
      return Future.succeededFuture(outcomeName.equalsIgnoreCase("yes") ? Outcome.YES : Outcome.NO);
    }
    return rules.get(tokenId).map(r -> r.outcomeOf(tokenId, outcomeName));
  }

  @Override
  public Future<CancelResult> cancel(VenueOrderId venueOrderId) {
    return credentials().compose(c -> rest.cancelOrder(venueOrderId.value())).map(r ->
        r.canceled().stream().anyMatch(x -> x.equalsIgnoreCase(venueOrderId.value()))
            ? CancelResult.CANCELLED : CancelResult.NOT_OPEN);
  }

  @Override
  public Future<List<VenueOrderId>> cancelAll() {
    return credentials().compose(c -> rest.cancelAll())
        .map(r -> r.canceled().stream().map(VenueOrderId::new).toList());
  }

  @Override
  public Future<List<OrderReport>> openOrders() {
    return credentials().compose(c -> rest.getOrders(Map.of())).compose(orders -> {
      List<Future<OrderReport>> reports = new ArrayList<>();
      for (OpenOrder o : orders) {
        reports.add(toReport(o));
      }
      return Future.all(reports).map(all -> {
        List<OrderReport> out = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
          out.add(all.resultAt(i));
        }
        return out;
      });
    });
  }

  @Override
  public Future<List<Fill>> fills(Instant since) {
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("after", Long.toString(since.getEpochSecond()));
    return credentials().compose(c -> rest.getTrades(filters)).compose(trades -> {
      List<Future<List<Fill>>> parts = new ArrayList<>();
      for (PolymarketTrade t : trades) {
        if (t.status() != TradeStatus.FAILED) {
          parts.add(fillsOf(t));
        }
      }
      return Future.all(parts).map(all -> {
        List<Fill> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
          List<Fill> f = all.resultAt(i);
          for (Fill fill : f) {
            if (!fill.time().isBefore(since)) {
              out.add(fill);
            }
          }
        }
        out.sort(Comparator.comparing(Fill::time));
        return dedupe(out);
      });
    });
  }

  private static List<Fill> dedupe(List<Fill> fills) {
    Set<String> seen = new HashSet<>();
    List<Fill> out = new ArrayList<>();
    for (Fill f : fills) {
      if (seen.add(f.fillId())) {
        out.add(f);
      }
    }
    return out;
  }

  /** Our fills in {@code trade}, with the taker fee from the market's fee model. */
  public Future<List<Fill>> fillsOf(PolymarketTrade trade) {
    ApiCredentials creds = rest.credentials();
    List<PolymarketMapper.OurFill> parts = PolymarketMapper.ourFills(trade, config.maker(),
        creds == null ? null : creds.apiKey());
    List<Future<Fill>> fills = new ArrayList<>();
    Instant now = config.clock().instant();
    for (PolymarketMapper.OurFill part : parts) {
      fills.add(rules.get(part.assetId()).map(r -> {
        Money fee = part.taker() ? r.fees().takerFee(part.price(), part.size()) : Money.ZERO;
        Outcome outcome = r.outcomeOf(part.assetId(), part.outcomeName());
        return PolymarketMapper.fill(trade, part, outcome, fee, now, h -> bindings.clientIdOf(h).orElse(null));
      }));
    }
    return Future.all(fills).map(all -> {
      List<Fill> out = new ArrayList<>();
      for (int i = 0; i < fills.size(); i++) {
        out.add(all.resultAt(i));
      }
      return out;
    });
  }

  /** Fill ids of ours in {@code trade}, without fetching anything (for voiding a FAILED trade). */
  public List<String> fillIdsOf(PolymarketTrade trade) {
    ApiCredentials creds = rest.credentials();
    return PolymarketMapper.ourFills(trade, config.maker(), creds == null ? null : creds.apiKey()).stream()
        .map(part -> PolymarketMapper.fillId(trade.id(), part.orderHash())).toList();
  }

  @Override
  public Future<Balance> balance() {
    return credentials().compose(c -> rest.getBalanceAllowance("COLLATERAL", null)).map(b -> {
      // pUSD has 6 decimals: base units are micros.
      long micros = b.spendable().min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
      return new Balance(VENUE, Money.ofMicros(micros), null);
    });
  }

  @Override
  public Future<List<PositionReport>> positions() {
    String maker = config.maker();
    if (maker == null) {
      return Future.failedFuture(new VenueConfigException(VENUE, "Polymarket positions need POLY_PRIVATE_KEY or POLY_FUNDER"));
    }
    return gamma.getPositions(maker).compose(list -> {
      List<Future<PositionReport>> reports = new ArrayList<>();
      for (DataPosition p : list) {
        if (p.sizeMicros() <= 0) {
          continue;
        }
        reports.add(outcomeOf(p.asset(), p.outcome()).map(o -> new PositionReport(InstrumentId.polymarket(p.asset()), o,
            Quantity.ofMicros(p.sizeMicros()), p.initialValueMicros() == null ? null
                : Money.ofMicros(p.initialValueMicros()))));
      }
      return Future.all(reports).map(all -> {
        List<PositionReport> out = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
          out.add(all.resultAt(i));
        }
        return out;
      });
    });
  }

  @Override
  public Future<Void> listen(ExecutionListener listener) {
    return credentials().compose(creds -> {
      if (userStream != null) {
        userStream.close();
      }
      PolymarketUserStream stream = new PolymarketUserStream(vertx, config, creds, this, listener);
      userStream = stream;
      return stream.start().recover(e -> {
        // Not listening after all: stop the reconnect loop so the caller's retry starts clean.
        stream.close();
        if (userStream == stream) {
          userStream = null;
        }
        return Future.failedFuture(e);
      });
    });
  }

  public Future<Void> close() {
    if (userStream != null) {
      userStream.close();
    }
    bindings.close();
    return Future.succeededFuture();
  }
}
