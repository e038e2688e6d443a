package io.github.crossarb.cli.venue;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.core.venue.VenueUnavailableException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One venue for the length of a command: its own Vert.x instance, the venue created and used on
 * one context (the SPI's threading rule), and blocking waits with a bound for the command's
 * thread. Closing closes the venue, then Vert.x.
 */
public final class VenueSession implements AutoCloseable {
  /** How long a command waits for one venue answer before reporting the venue unavailable. */
  public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final Context context;
  private final VenueId venueId;
  private final Venue venue;

  private VenueSession(Vertx vertx, Context context, VenueId venueId, Venue venue) {
    this.vertx = vertx;
    this.context = context;
    this.venueId = venueId;
    this.venue = venue;
  }

  /** Opens {@code venueId} on a new Vert.x context; configuration errors propagate as thrown. */
  public static VenueSession open(VenueFactory factory, VenueId venueId, Configuration config) {
    Vertx vertx = Vertx.vertx();
    Context context = vertx.getOrCreateContext();
    CompletableFuture<Venue> created = new CompletableFuture<>();
    context.runOnContext(ignored -> {
      try {
        created.complete(factory.open(venueId, vertx, config));
      } catch (RuntimeException | Error e) {
        created.completeExceptionally(e);
      }
    });
    try {
      Venue venue = join(created, venueId);
      return new VenueSession(vertx, context, venueId, venue);
    } catch (RuntimeException | Error e) {
      vertx.close();
      throw e;
    }
  }

  /** The Vert.x instance the venue runs on, for timers on its context. */
  public Vertx vertx() {
    return vertx;
  }

  public VenueId venueId() {
    return venueId;
  }

  /** Runs {@code action} on the venue's context and waits up to {@link #ANSWER_TIMEOUT} for it. */
  public <T> T call(Function<Venue, Future<T>> action) {
    return join(start(action), venueId);
  }

  /** Runs {@code action} on the venue's context without waiting. */
  public <T> CompletableFuture<T> start(Function<Venue, Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(ignored -> {
      try {
        action.apply(venue).onComplete(promise);
      } catch (RuntimeException e) {
        promise.fail(e);
      }
    });
    return promise.future().toCompletionStage().toCompletableFuture();
  }

  private static <T> T join(CompletableFuture<T> future, VenueId venueId) {
    try {
      return future.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new VenueUnavailableException(venueId, "no answer within " + ANSWER_TIMEOUT.toSeconds() + " s", null, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VenueUnavailableException(venueId, "interrupted while waiting for an answer", null, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new VenueUnavailableException(venueId, String.valueOf(cause.getMessage()), null, cause);
    }
  }

  @Override
  public void close() {
    Promise<Void> closed = Promise.promise();
    context.runOnContext(ignored -> venue.close().onComplete(ar -> closed.complete()));
    awaitBriefly(closed.future());
    awaitBriefly(vertx.close());
  }

  /** Closing is best effort: the process is about to end, and Vert.x closes its sockets anyway. */
  private static void awaitBriefly(Future<Void> step) {
    try {
      step.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Given up on; see above.
    }
  }
}
