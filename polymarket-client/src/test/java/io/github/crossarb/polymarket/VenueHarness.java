package io.github.crossarb.polymarket;

import io.github.crossarb.polymarket.auth.ApiCredentials;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs venue calls on one Vert.x context (the venue's threading model) and waits with a timeout. */
public final class VenueHarness {
  public static final String KEY = Golden.text("keys/test-only-polymarket-eoa.key").strip();
  public static final String ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  public static final ApiCredentials CREDS =
      new ApiCredentials("api-key-1", "c2VjcmV0LWZvci1nb2xkZW4tdmVjdG9ycy0xMjM0NTY3OA==", "pass-1");
  public static final Instant NOW = Instant.parse("2026-11-27T04:00:00.123Z");
  public static final InstantSource CLOCK = InstantSource.fixed(NOW);

  public final Vertx vertx = Vertx.vertx();
  public final Context context = vertx.getOrCreateContext();

  public <T> T call(Supplier<Future<T>> action) throws Exception {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> {
      try {
        action.get().onComplete(promise);
      } catch (RuntimeException e) {
        promise.fail(e);
      }
    });
    return promise.future().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  /** Like {@link #call} but returns the failure. */
  public Throwable failure(Supplier<Future<?>> action) throws Exception {
    Promise<Throwable> promise = Promise.promise();
    context.runOnContext(v -> {
      try {
        action.get().onComplete(ar -> promise.complete(ar.failed() ? ar.cause() : null));
      } catch (RuntimeException e) {
        promise.complete(e);
      }
    });
    return promise.future().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  public PolymarketVenue venue(PolymarketConfig config) throws Exception {
    return call(() -> Future.succeededFuture(PolymarketVenue.create(vertx, config)));
  }

  public static PolymarketConfig.Builder config(String httpBase) {
    return PolymarketConfig.builder().clobUrl(httpBase).gammaUrl(httpBase + "/gamma").dataUrl(httpBase + "/data")
        .geoblockUrl(httpBase + "/api/geoblock").wsUrl(httpBase.replace("http", "ws") + "/ws").clock(CLOCK);
  }

  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
