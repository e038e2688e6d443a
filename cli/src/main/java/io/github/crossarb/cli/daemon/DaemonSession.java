package io.github.crossarb.cli.daemon;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.engine.ConsoleEvents;
import io.github.crossarb.cli.engine.EngineRuntime;
import io.github.crossarb.cli.engine.EngineSettings;
import io.github.crossarb.cli.engine.HeadlessOptions.SessionStep;
import io.github.crossarb.cli.engine.RunLoop;
import io.github.crossarb.cli.tui.DashboardAction;
import io.github.crossarb.cli.tui.TuiLoop;
import io.github.crossarb.cli.venue.VenueFactory;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.vertx.core.Future;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The engine as a daemon: headless, its events logged to stdout, no stdin commands, and the
 * control endpoint ({@link ControlServer}) on 127.0.0.1 for the dashboard ({@code controller run}
 * attaches), {@code status} and {@code stop}. The caller holds the {@link EngineLock}. On start it
 * writes control.json and control.token (owner-only); on a clean exit it removes them before the
 * engine stops, and the lock is released after (so {@code controller stop} returns once the
 * engine's own stop is done: open orders cancelled, state persisted).
 */
public final class DaemonSession {
  /** How many recent events the endpoint keeps for {@code /v1/events}. */
  static final int EVENTS_KEPT = 2000;

  private DaemonSession() {}

  /** Runs until {@code duration} passes (null: until {@code controller stop} or a signal). */
  public static void run(Configuration config, VenueFactory venues, EngineSettings settings, PrintWriter out,
      boolean verbose, Duration duration, SessionStep afterStart, SessionStep beforeStop) throws Exception {
    Path dataDir = config.require(Settings.ARB_DATA_DIR);
    Clock clock = Clock.systemUTC();
    ConsoleEvents console = new ConsoleEvents(out, verbose);
    EventBuffer events = new EventBuffer(EVENTS_KEPT, event -> ConsoleEvents.format(event, verbose));
    long pid = ProcessHandle.current().pid();
    boolean hangupIgnored = Hangup.ignore();
    try (RunLoop loop = RunLoop.install();
        EngineRuntime runtime = EngineRuntime.start(config, venues, settings, event -> {
          console.emit(event);
          events.emit(event);
        }, clock)) {
      afterStart.accept(runtime);
      String token = ControlFiles.newToken();
      try (ControlServer server = ControlServer.start(new RuntimeTarget(runtime, events, loop), token, pid)) {
        ControlFiles.write(dataDir, new ControlInfo(pid, server.port(), clock.instant(), ControlInfo.VERSION), token);
        try {
          out.println("daemon: engine running in " + settings.modeName() + " mode, approval " + settings.approvalName()
              + " (pid " + pid + "); control endpoint on 127.0.0.1:" + server.port() + " ("
              + dataDir.resolve(ControlFiles.INFO_FILE) + "); events in " + runtime.eventsFile()
              + "; 'controller run' attaches the dashboard, 'controller stop' stops it"
              + (hangupIgnored ? "" : "; SIGHUP is not ignored here: start it with nohup"));
          out.flush();
          loop.await(duration);
          out.println("daemon: stopping the engine (open orders cancelled, state persisted)");
          out.flush();
          beforeStop.accept(runtime);
        } finally {
          ControlFiles.delete(dataDir);
        }
      }
    }
    out.println("daemon: stopped");
    out.flush();
  }

  /** The endpoint's view of the running engine. */
  private record RuntimeTarget(EngineRuntime runtime, EventBuffer events, RunLoop loop) implements ControlTarget {
    @Override
    public EngineSnapshot published() {
      return runtime.engine().snapshot();
    }

    @Override
    public Future<EngineSnapshot> snapshot() {
      return runtime.engine().currentSnapshot();
    }

    @Override
    public List<String> linkLines() {
      return runtime.linkLines();
    }

    @Override
    public Future<?> perform(DashboardAction action) {
      return TuiLoop.perform(runtime.engine(), action);
    }

    @Override
    public void stop() {
      loop.stop();
    }
  }
}
