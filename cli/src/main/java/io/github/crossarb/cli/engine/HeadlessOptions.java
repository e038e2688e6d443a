package io.github.crossarb.cli.engine;

import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.venue.VenueFactory;
import io.github.crossarb.cli.tui.TuiLoop;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code run} and {@code demo} share: their options for the headless engine, and the session
 * itself (the engine started, its events on stdout, operator commands on stdin, until a duration
 * passes or Ctrl-C).
 */
public final class HeadlessOptions {
  /** The command this mixin belongs to, for its root's operator input. */
  @Spec(Spec.Target.MIXEE) private CommandSpec mixee;

  @Option(names = "--headless", description = "Log events to stdout and read operator commands from stdin instead"
      + " of showing the dashboard (the default on a terminal; without one the engine always runs headless).")
  boolean headless;

  @Option(names = "--approval", paramLabel = "MODE", description = "auto or manual; overrides ARB_APPROVAL.")
  String approval;

  @Option(names = "--verbose", description = "Also log skipped opportunities and fill confirmations.")
  boolean verbose;

  public boolean headless() {
    return headless;
  }

  /** Whether the session shows the dashboard: not {@code --headless}, and stdin and stdout are a terminal. */
  public boolean dashboard() {
    return !headless && TuiLoop.terminalAttached();
  }

  public boolean verbose() {
    return verbose;
  }

  public String approval() {
    return approval;
  }

  /** What a session does with the running engine: once started (the demo writes the trader's settings), before it stops (the demo prints a summary). */
  @FunctionalInterface
  public interface SessionStep {
    void accept(EngineRuntime runtime) throws Exception;
  }

  /**
   * Runs the engine until {@code duration} passes (null: until Ctrl-C), then {@code beforeStop},
   * then stops it; a signal waits for the stop, so positions and the event log are flushed.
   */
  public void runEngine(Configuration config, VenueFactory venues, EngineSettings settings, PrintWriter out,
      Duration duration, SessionStep beforeStop) throws Exception {
    runEngine(config, venues, settings, out, duration, runtime -> { }, beforeStop);
  }

  /** {@link #runEngine}, calling {@code afterStart} once the engine runs. */
  public void runEngine(Configuration config, VenueFactory venues, EngineSettings settings, PrintWriter out,
      Duration duration, SessionStep afterStart, SessionStep beforeStop) throws Exception {
    if (dashboard()) {
      runDashboard(config, venues, settings, out, duration, afterStart, beforeStop);
      return;
    }
    try (RunLoop loop = RunLoop.install();
        EngineRuntime runtime = EngineRuntime.start(config, venues, settings, new ConsoleEvents(out, verbose),
            Clock.systemUTC())) {
      out.println("engine running in " + settings.modeName() + " mode, approval " + settings.approvalName()
          + "; events in " + runtime.eventsFile() + "; Ctrl-C stops it");
      out.flush();
      afterStart.accept(runtime);
      ConsoleCommands.start(mixee == null ? System.in : RootCommand.of(mixee).operatorInput(), out, runtime);
      loop.await(duration);
      beforeStop.accept(runtime);
    }
  }

  /**
   * The same session with the dashboard on the terminal instead of the event lines and stdin
   * commands (events still go to events.jsonl). Quitting the dashboard stops the engine.
   */
  private static void runDashboard(Configuration config, VenueFactory venues, EngineSettings settings, PrintWriter out,
      Duration duration, SessionStep afterStart, SessionStep beforeStop) throws Exception {
    try (RunLoop loop = RunLoop.install();
        EngineRuntime runtime = EngineRuntime.start(config, venues, settings, event -> { }, Clock.systemUTC())) {
      afterStart.accept(runtime); // printed before the dashboard takes the screen, shown again when it closes
      long start = System.nanoTime();
      TuiLoop.run(runtime.engine(),
          () -> loop.stopRequested() || duration != null && System.nanoTime() - start >= duration.toNanos(),
          Clock.systemUTC(), runtime::linkLines);
      out.println("dashboard closed; stopping the engine (events in " + runtime.eventsFile() + ")");
      out.flush();
      beforeStop.accept(runtime);
    }
  }
}
