package io.github.crossarb.cli.link;

import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EventSink;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.link.controller.LinkEvent;
import io.github.crossarb.link.controller.LinkStatus;
import io.github.crossarb.link.controller.RemoteOptions;
import io.github.crossarb.link.controller.RemoteVenues;
import io.github.crossarb.link.transport.TraderDirectory;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The controller's side of the trader link inside the engine runtime: the remote execution clients
 * of the venues in {@code ARB_EXECUTE_REMOTE}, link events as engine alerts (a trader connected:
 * INFO; disconnected, refused, a late leg result: WARNING), and {@code link-status.json} rewritten
 * on every change and every second for {@code controller link status}. Lives on one context.
 */
public final class ControllerLink {
  static final Duration STATUS_INTERVAL = Duration.ofSeconds(1);

  private final Context context;
  private final Vertx vertx;
  private final RemoteVenues venues;
  private final Path dataDir;
  private final EventSink events;
  private final Clock clock;
  private long timer = -1;
  private boolean writeScheduled;
  private boolean writing;
  private boolean writeAgain;
  private boolean writeFailed;
  private boolean closed;
  private volatile LinkStatus last;

  private ControllerLink(Context context, RemoteVenues venues, Path dataDir, EventSink events, Clock clock) {
    this.context = context;
    this.vertx = context.owner();
    this.venues = venues;
    this.dataDir = dataDir;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Starts following {@code directory}'s trader channels and writing the status file.
   *
   * @param context the context of the channels (the engine's, where the link server was started)
   */
  public static ControllerLink start(Context context, TraderDirectory directory, Set<VenueId> remoteVenues,
      RemoteOptions options, Path dataDir, EventSink events, Clock clock) {
    Objects.requireNonNull(events, "events");
    RemoteVenues venues = new RemoteVenues(context, directory, remoteVenues, options, clock);
    ControllerLink link = new ControllerLink(context, venues, dataDir, events, clock);
    venues.onEvent(link::alert);
    venues.onChange(link::writeSoon);
    context.runOnContext(v -> {
      link.timer = link.vertx.setPeriodic(STATUS_INTERVAL.toMillis(), t -> link.writeSoon());
      link.writeSoon();
    });
    return link;
  }

  /** The remote execution client of {@code venue} (one of the remote venues). */
  public ExecutionClient client(VenueId venue) {
    return venues.client(venue);
  }

  public RemoteVenues venues() {
    return venues;
  }

  /** The status as last written (null before the first write). */
  public LinkStatus lastStatus() {
    return last;
  }

  /** A connection the link server turned away (wrong secret, version, venue conflict): a warning. */
  public void refused(String reason) {
    events.emit(new EngineEvent.Alert(clock.instant(), EngineEvent.Severity.WARNING, null,
        "trader link refused a connection: " + reason));
  }

  /** Stops writing the status (the file goes stale) and ends what is in flight (legs: Unknown). */
  public Future<Void> close() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      closed = true;
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
      venues.close().onComplete(ar -> done.complete());
    });
    return done.future();
  }

  private void alert(LinkEvent event) {
    EngineEvent.Severity severity = event.kind() == LinkEvent.Kind.CONNECTED
        ? EngineEvent.Severity.INFO : EngineEvent.Severity.WARNING;
    events.emit(new EngineEvent.Alert(event.at(), severity, null, event.message()));
  }

  /** Coalesces changes into one write at a time, off the event loop. */
  private void writeSoon() {
    if (closed || writeScheduled) {
      return;
    }
    if (writing) {
      writeAgain = true;
      return;
    }
    writeScheduled = true;
    venues.status().onComplete(ar -> {
      writeScheduled = false;
      if (ar.failed() || closed) {
        return;
      }
      LinkStatus status = ar.result();
      last = status;
      writing = true;
      vertx.executeBlocking(() -> {
        LinkStatusFile.write(dataDir, status);
        return null;
      }).onComplete(w -> context.runOnContext(x -> {
        writing = false;
        if (w.failed() && !writeFailed) {
          writeFailed = true; // once: it is retried every second
          events.emit(new EngineEvent.Alert(clock.instant(), EngineEvent.Severity.WARNING, null,
              "cannot write " + LinkStatusFile.path(dataDir) + ": " + w.cause().getMessage()));
        } else if (w.succeeded()) {
          writeFailed = false;
        }
        if (writeAgain) {
          writeAgain = false;
          writeSoon();
        }
      }));
    });
  }
}
