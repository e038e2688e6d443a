package io.github.crossarb.cli.trader;

import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.venue.VenueFactory;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.core.venue.VenueUnavailableException;
import io.github.crossarb.link.LinkChannel;
import io.github.crossarb.link.trader.CommandJournal;
import io.github.crossarb.link.trader.CommandJournalException;
import io.github.crossarb.link.trader.TraderEndpoint;
import io.github.crossarb.link.trader.TraderStatus;
import io.github.crossarb.link.trader.TraderStatusFile;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A running trader: the data directory locked, the venues opened and their credentials checked (a
 * balance read), the command journal open, the channel to the controller dialled and the
 * {@link TraderEndpoint} on it, its status in {@code status.json} and its log on stdout. Closing
 * stops it gracefully (legs in flight, cancel all, bye) and releases everything in reverse order.
 */
public final class TraderRuntime implements AutoCloseable {
  /** How long a start step (a venue answer, the dial) may take. */
  static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
  /** How long a stop waits for legs in flight. */
  static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final TraderSettings settings;
  private final TraderConsole console;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private Vertx vertx;
  private Context context;
  private final Map<VenueId, Venue> venues = new EnumMap<>(VenueId.class);
  private CommandJournal journal;
  private TraderEndpoint endpoint;

  private TraderRuntime(TraderSettings settings, TraderConsole console) {
    this.settings = settings;
    this.console = console;
  }

  /**
   * Starts a trader. On failure everything started so far is closed again.
   *
   * @throws ConfigException another trader holds the data directory, the journal is corrupt
   * @throws VenueException a venue's credentials do not work or it cannot be reached
   */
  public static TraderRuntime start(Configuration config, TraderSettings settings, VenueFactory venueFactory,
      TraderDialer dialer, PrintWriter out, Clock clock) {
    TraderRuntime runtime = new TraderRuntime(settings, new TraderConsole(out, clock));
    try {
      runtime.startUp(config, venueFactory, dialer, clock);
      return runtime;
    } catch (RuntimeException | Error e) {
      runtime.closeResources();
      throw e;
    }
  }

  private void startUp(Configuration config, VenueFactory venueFactory, TraderDialer dialer, Clock clock) {
    TraderLock lock = TraderLock.acquire(settings.traderDir());
    resources.add(lock);
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    for (VenueId id : settings.venues()) {
      Venue venue = onContext(() -> Future.succeededFuture(venueFactory.open(id, vertx, config)), id, "opening");
      venues.put(id, venue);
      Balance balance = onContext(() -> venue.execution().balance(), id, "reading the balance");
      console.log(id.label() + ": credentials work (balance read: " + balance.available() + " available)");
    }
    try {
      journal = CommandJournal.open(settings.traderDir());
    } catch (CommandJournalException e) {
      throw new ConfigException(e.getMessage(), e);
    } catch (IOException e) {
      throw new ConfigException("cannot open the command journal: " + e.getMessage(), e);
    }
    Map<VenueId, VenueCapabilities> capabilities = new EnumMap<>(VenueId.class);
    Map<VenueId, ExecutionClient> clients = new EnumMap<>(VenueId.class);
    venues.forEach((id, venue) -> {
      capabilities.put(id, venue.capabilities());
      clients.put(id, venue.execution());
    });
    console.log("trader " + settings.traderId() + " serving " + String.join(", ",
        settings.venues().stream().map(VenueId::label).toList()) + "; dialing " + settings.controllerUrl()
        + "; limits: order " + settings.limits().maxOrderNotional() + ", daily " + settings.limits().maxDailyNotional()
        + ", markets " + String.join(",", settings.limits().allowedMarkets()) + "; dead-man " + settings.deadman().toMillis()
        + " ms");
    LinkChannel channel = onContext(() -> dialer.dial(vertx, settings, capabilities), null, "dialing the controller");
    endpoint = new TraderEndpoint(settings.traderId(), context, channel, clients, settings.limits(), journal,
        settings.deadman(), clock)
        .onLog(console::log)
        .onStatus(TraderStatusFile.writer(vertx, settings.traderDir(), console::log));
    onContext(endpoint::start, null, "starting the venues' private streams");
  }

  /** The endpoint's latest status. */
  public TraderStatus status() {
    return endpoint.status();
  }

  public TraderEndpoint endpoint() {
    return endpoint;
  }

  private <T> T onContext(Supplier<Future<T>> action, VenueId venue, String what) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> {
      try {
        action.get().onComplete(promise);
      } catch (RuntimeException e) {
        promise.fail(e);
      }
    });
    try {
      return promise.future().toCompletionStage().toCompletableFuture()
          .get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      String message = what + ": no answer within " + STEP_TIMEOUT.toSeconds() + " s";
      throw venue == null ? new ConfigException(message) : new VenueUnavailableException(venue, message);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(what + ": " + cause.getMessage(), cause);
    }
  }

  @Override
  public void close() {
    if (endpoint != null) {
      TraderEndpoint stopping = endpoint;
      endpoint = null;
      awaitQuietly(stopping.stop(STOP_GRACE), STOP_GRACE.plus(STEP_TIMEOUT));
      console.log("trader " + settings.traderId() + " stopped");
    }
    closeResources();
  }

  private void closeResources() {
    for (Venue venue : venues.values()) {
      Promise<Void> closed = Promise.promise();
      context.runOnContext(v -> venue.close().onComplete(ar -> closed.complete()));
      awaitQuietly(closed.future(), Duration.ofSeconds(5));
    }
    venues.clear();
    if (journal != null) {
      try {
        journal.close();
      } catch (IOException e) {
        console.log("closing the command journal failed: " + e.getMessage());
      }
      journal = null;
    }
    if (vertx != null) {
      awaitQuietly(vertx.close(), Duration.ofSeconds(10));
      vertx = null;
    }
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        // Best effort: the process is ending.
      }
    }
    resources.clear();
  }

  private static void awaitQuietly(Future<?> future, Duration timeout) {
    try {
      future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Given up on: see the callers.
    }
  }
}
