package io.github.crossarb.cli.trader;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** The trader's log: one line per event on stdout, with the time, from any thread. */
final class TraderConsole {
  private final PrintWriter out;
  private final Clock clock;

  TraderConsole(PrintWriter out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  void log(String line) {
    synchronized (out) {
      out.println(clock.instant().truncatedTo(ChronoUnit.MILLIS) + " " + line.replaceAll("\\s*\\R\\s*", " "));
      out.flush();
    }
  }
}
