package io.github.crossarb.cli.engine;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.venue.VenueFactory;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * What {@code run} and {@code demo} share: their options for the headless engine, and the session
 * itself (the engine started, its events on stdout, operator commands on stdin, until a duration
 * passes or Ctrl-C).
 */
public final class HeadlessOptions {
  @Option(names = "--headless", description = "Log events to stdout (the terminal UI is not available yet, so the"
      + " engine always runs headless).")
  boolean headless;

  @Option(names = "--approval", paramLabel = "MODE", description = "auto or manual; overrides ARB_APPROVAL.")
  String approval;

  @Option(names = "--verbose", description = "Also log skipped opportunities and fill confirmations.")
  boolean verbose;

  public boolean headless() {
    return headless;
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
    try (RunLoop loop = RunLoop.install();
        EngineRuntime runtime = EngineRuntime.start(config, venues, settings, new ConsoleEvents(out, verbose),
            Clock.systemUTC())) {
      out.println("engine running in " + settings.modeName() + " mode, approval " + settings.approvalName()
          + "; events in " + runtime.eventsFile() + "; Ctrl-C stops it");
      out.flush();
      afterStart.accept(runtime);
      ConsoleCommands.start(System.in, out, runtime);
      loop.await(duration);
      beforeStop.accept(runtime);
    }
  }
}
