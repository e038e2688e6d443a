package io.github.crossarb.cli.daemon;

import io.github.crossarb.cli.tui.DashboardAction;
import io.github.crossarb.cli.tui.DashboardSource;
import io.github.crossarb.cli.tui.TuiLoop;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The dashboard attached to a daemon: snapshots polled from its control endpoint once a frame
 * (about four a second), keys sent as commands. When the daemon stops answering, the last
 * snapshot stays on screen with a header line saying so; after {@link #GIVE_UP} the dashboard
 * closes. Quitting leaves the daemon running.
 */
public final class RemoteDashboard implements DashboardSource {
  /** How long the daemon may be unreachable before the attached dashboard closes. */
  static final Duration GIVE_UP = Duration.ofSeconds(10);

  private final ControlClient client;
  private final Clock clock;
  private EngineSnapshot last;
  private List<String> lastLink = List.of("link: ?");
  private Instant failingSince;
  private String problem;

  RemoteDashboard(ControlClient client, EngineSnapshot first, Clock clock) {
    this.client = client;
    this.last = first;
    this.clock = clock;
  }

  /**
   * Attaches the dashboard to {@code daemon} until {@code q}, {@code stop} (a signal), or the daemon
   * is gone; prints one line on the way out.
   */
  public static void attach(Daemons.Running daemon, BooleanSupplier stop, PrintWriter out) throws IOException {
    Clock clock = Clock.systemUTC();
    RemoteDashboard source = new RemoteDashboard(daemon.client(), daemon.client().snapshot(), clock);
    TuiLoop.run(source, () -> stop.getAsBoolean() || source.gone(), clock);
    out.println(source.gone()
        ? "dashboard closed: the daemon (pid " + daemon.info().pid() + ") stopped answering: " + source.problem
        : "dashboard closed; the daemon (pid " + daemon.info().pid() + ") keeps running ('controller stop' stops it)");
    out.flush();
  }

  @Override
  public EngineSnapshot snapshot() {
    try {
      last = client.snapshot();
      lastLink = client.linkLines();
      failingSince = null;
      problem = null;
    } catch (ControlException e) {
      if (failingSince == null) {
        failingSince = clock.instant();
      }
      problem = e.getMessage();
    }
    return last;
  }

  @Override
  public List<String> linkLines() {
    if (problem == null) {
      return lastLink;
    }
    List<String> lines = new ArrayList<>();
    lines.add("daemon unreachable since " + failingSince + ": " + problem);
    lines.addAll(lastLink);
    return lines;
  }

  @Override
  public Future<?> perform(DashboardAction action) {
    return Future.fromCompletionStage(client.perform(action));
  }

  boolean gone() {
    return failingSince != null && Duration.between(failingSince, clock.instant()).compareTo(GIVE_UP) >= 0;
  }
}
