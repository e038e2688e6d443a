package io.github.crossarb.polymarket.internal;

import io.github.crossarb.polymarket.clob.PolymarketRestClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The venue's dead-man switch: {@code POST /v1/heartbeats} every interval, each naming the id the
 * previous one returned. Once started, a missed beat (about 10 s) makes Polymarket cancel every
 * open order, so keep the interval well below that. A failed beat is logged and the next one
 * retries with the last good id.
 */
public final class Heartbeats {
  private static final Logger LOG = Logger.getLogger(Heartbeats.class.getName());

  private final Vertx vertx;
  private final PolymarketRestClient rest;
  private final Duration interval;
  private final Consumer<String> onBeat;
  private String lastId = "";
  private long timer = -1;
  private long failures;
  private boolean inFlight;

  /** @param onBeat told each new heartbeat id (for monitoring), or null */
  public Heartbeats(Vertx vertx, PolymarketRestClient rest, Duration interval, Consumer<String> onBeat) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("heartbeat interval must be positive");
    }
    this.vertx = vertx;
    this.rest = rest;
    this.interval = interval;
    this.onBeat = onBeat;
  }

  /** Sends the first beat; the future completes when the venue acknowledged it. */
  public Future<Void> start() {
    if (timer >= 0) {
      return Future.succeededFuture();
    }
    return beat().onSuccess(v -> timer = vertx.setPeriodic(interval.toMillis(), id -> {
      if (!inFlight) { // never two beats at once: each must name the previous id
        beat();
      }
    }));
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  public long failures() {
    return failures;
  }

  private Future<Void> beat() {
    inFlight = true;
    return rest.postHeartbeat(lastId).transform(ar -> {
      inFlight = false;
      if (ar.failed()) {
        failures++;
        LOG.warning("Polymarket heartbeat failed: " + ar.cause().getMessage());
        return Future.failedFuture(ar.cause());
      }
      lastId = ar.result();
      if (onBeat != null) {
        onBeat.accept(lastId);
      }
      return Future.succeededFuture();
    });
  }
}
