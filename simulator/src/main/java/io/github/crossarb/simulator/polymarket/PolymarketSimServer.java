package io.github.crossarb.simulator.polymarket;

import io.github.crossarb.simulator.WireProbe;
import io.github.crossarb.simulator.exchange.Exchange;
import io.github.crossarb.simulator.fault.FaultInjector;
import io.github.crossarb.simulator.polymarket.internal.PolyFaultState;
import io.github.crossarb.simulator.polymarket.internal.PolyHttp;
import io.github.crossarb.simulator.polymarket.internal.PolyVenue;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A loopback Polymarket: CLOB V2 REST and WebSocket, Gamma, Data API and geoblock on one port,
 * matching on the shared engine. Point a client at {@link #clobUrl()}, {@link #wsUrl()},
 * {@link #gammaUrl()}, {@link #dataUrl()} and {@link #geoblockUrl()}.
 */
public final class PolymarketSimServer {
  private final Vertx vertx;
  private final Context context;
  private final PolyVenue venue;
  private final PolyHttp http;
  private final PolyFaultState faultState;
  private final PolymarketFaults faults;
  private HttpServer server;
  private long tradeTimer = -1;
  private long housekeepingTimer = -1;

  private PolymarketSimServer(Vertx vertx, Context context, Exchange exchange, PolymarketSimConfig config,
      FaultInjector injector) {
    this.vertx = vertx;
    this.context = context;
    this.faultState = new PolyFaultState(injector);
    this.venue = new PolyVenue(vertx, context, exchange, config, faultState);
    this.http = new PolyHttp(venue, faultState);
    this.faults = new PolymarketFaults(injector, this);
  }

  /**
   * Adds the configured markets to {@code exchange} (unless present), opens the configured
   * accounts and listens. Everything then runs on one Vert.x context.
   */
  public static Future<PolymarketSimServer> start(Vertx vertx, Exchange exchange, PolymarketSimConfig config) {
    return start(vertx, exchange, config, new FaultInjector(config.seed(), List.of()));
  }

  /** As {@link #start(Vertx, Exchange, PolymarketSimConfig)}, breaking things as {@code faults} says. */
  public static Future<PolymarketSimServer> start(Vertx vertx, Exchange exchange, PolymarketSimConfig config,
      FaultInjector faults) {
    Context context = vertx.getOrCreateContext();
    Promise<PolymarketSimServer> promise = Promise.promise();
    context.runOnContext(v -> {
      PolymarketSimServer s;
      try {
        s = new PolymarketSimServer(vertx, context, exchange, config, faults);
      } catch (RuntimeException e) {
        promise.fail(e);
        return;
      }
      s.listen(config).onComplete(promise);
    });
    return promise.future();
  }

  private Future<PolymarketSimServer> listen(PolymarketSimConfig config) {
    server = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port()))
        .webSocketHandler(http::onWebSocket)
        .requestHandler(http.router());
    return server.listen().map(s -> {
      if (config.tradeStepPeriod() != null) {
        tradeTimer = vertx.setPeriodic(config.tradeStepPeriod().toMillis(), id -> venue.advanceTrades());
      }
      long tick = Math.max(20, Math.min(1000, config.heartbeatTimeout().toMillis() / 5));
      housekeepingTimer = vertx.setPeriodic(tick, id -> {
        venue.checkHeartbeats();
        venue.exchange().expireDue();
      });
      return this;
    }).onFailure(e -> venue.close()); // a server that never listened must not keep hearing the engine
  }

  public int port() {
    return server.actualPort();
  }

  private String base() {
    return "http://" + venue.config().host() + ":" + port();
  }

  /** {@code POLY_CLOB_URL}: the CLOB REST root. */
  public String clobUrl() {
    return base();
  }

  /** {@code POLY_WS_URL}: the WebSocket base; clients append {@code /market} and {@code /user}. */
  public String wsUrl() {
    return "ws://" + venue.config().host() + ":" + port() + "/ws";
  }

  /** {@code POLY_GAMMA_URL}. */
  public String gammaUrl() {
    return base() + "/gamma";
  }

  /** {@code POLY_DATA_URL}. */
  public String dataUrl() {
    return base() + "/data-api";
  }

  /** {@code POLY_GEOBLOCK_URL}: the full geoblock URL. */
  public String geoblockUrl() {
    return base() + "/api/geoblock";
  }

  /** The URL settings a client needs, by their configuration key. */
  public Map<String, String> urlSettings() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("POLY_CLOB_URL", clobUrl());
    env.put("POLY_WS_URL", wsUrl());
    env.put("POLY_GAMMA_URL", gammaUrl());
    env.put("POLY_DATA_URL", dataUrl());
    env.put("POLY_GEOBLOCK_URL", geoblockUrl());
    return env;
  }

  /** Reports order requests arriving and market frames written to {@code probe} (null: stop). */
  public void wireProbe(WireProbe probe) {
    http.wireProbe(probe);
  }

  public PolymarketFaults faults() {
    return faults;
  }

  /** Moves every unsettled trade one status step (MATCHED → MINED → CONFIRMED, or RETRYING → FAILED). */
  public Future<Void> advanceTrades() {
    return onContext(() -> {
      venue.advanceTrades();
      return null;
    });
  }

  Future<Void> changeTickSize(String tokenId, String tick) {
    return onContext(() -> {
      venue.changeTickSize(tokenId, tick);
      return null;
    });
  }

  Future<Void> dropConnections() {
    return onContext(() -> {
      http.dropConnections();
      return null;
    });
  }

  /**
   * Switches the served order version (2 or 3) now: {@code /version} answers it and orders signed
   * for the other version get {@code order_version_mismatch}, so a client's re-read-and-retry runs.
   */
  public Future<Void> setOrderVersion(int version) {
    return onContext(() -> {
      venue.setOrderVersion(version);
      return null;
    });
  }

  /** Runs the heartbeat check now instead of waiting for the timer. */
  public Future<Void> checkHeartbeats() {
    return onContext(() -> {
      venue.checkHeartbeats();
      return null;
    });
  }

  private <T> Future<T> onContext(Callable<T> action) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> {
      try {
        p.complete(action.call());
      } catch (Exception e) {
        p.fail(e);
      }
    });
    return p.future();
  }

  public Future<Void> close() {
    return onContext(() -> {
      if (tradeTimer >= 0) {
        vertx.cancelTimer(tradeTimer);
      }
      if (housekeepingTimer >= 0) {
        vertx.cancelTimer(housekeepingTimer);
      }
      venue.close();
      http.dropConnections();
      return server;
    }).compose(HttpServer::close);
  }
}
