package io.github.crossarb.cli.trader;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.link.trader.TraderStatus;
import io.github.crossarb.link.trader.TraderStatusFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trader status}: what the trader of this data directory last wrote about itself. */
@Command(name = "status", description = {
    "Show the trader's status from $ARB_DATA_DIR/trader/status.json (written every second while it runs):"
        + " link, venues, dead-man's switch, legs, today's notional.",
    "Exit code 0 when the trader is running (status updated within the last 5 s), 1 when it is not (stale or no"
        + " status), 3 when the status file cannot be read."})
public final class TraderStatusCommand implements Callable<Integer> {
  /** A status older than this means the trader is not running. */
  static final Duration STALE_AFTER = Duration.ofSeconds(5);

  @Spec private CommandSpec spec;

  @Option(names = "--json", description = "Print the status as JSON, with \"running\".")
  private boolean json;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    Path traderDir = RootCommand.of(spec).configuration().require(Settings.ARB_DATA_DIR)
        .resolve(TraderSettings.DIR_NAME);
    Optional<TraderStatus> read;
    try {
      read = TraderStatusFile.read(traderDir);
    } catch (IOException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    Instant now = clock.instant();
    if (read.isEmpty()) {
      if (json) {
        out.println("{\"running\":false}");
      } else {
        out.println("trader: not running (no status in " + traderDir + ")");
      }
      out.flush();
      return ExitCodes.FAILURE;
    }
    TraderStatus s = read.get();
    Duration age = Duration.between(s.updatedAt(), now);
    boolean running = age.compareTo(STALE_AFTER) <= 0;
    if (json) {
      ObjectNode o = TraderStatusFile.toJson(s);
      o.put("running", running);
      out.println(o.toPrettyString());
    } else if (!running) {
      out.println("trader " + s.traderId() + ": not running (last update " + s.updatedAt() + ", " + ago(age) + ")");
    } else {
      out.println("trader " + s.traderId() + ": running since " + s.startedAt()
          + (s.stopping() ? ", stopping" : ""));
      out.println("controller: " + (s.connected() ? "connected" : "not connected")
          + (s.controllerLastHeard() == null ? ", never heard"
              : ", last heard " + ago(Duration.between(s.controllerLastHeard(), now)))
          + (s.lastDisconnect() == null ? "" : "; last disconnect " + s.lastDisconnect()));
      out.println("venues: " + String.join(", ", s.venues().stream().map(VenueId::label).toList()));
      out.println("dead-man's switch: " + s.deadman() + (s.deadmanDetail() == null ? "" : " (" + s.deadmanDetail() + ")"));
      out.println("legs: " + s.legsDone() + " done, " + s.legsDenied() + " denied, " + s.legsInFlight() + " in flight");
      out.println("notional today: " + s.notionalToday() + " of " + s.maxDailyNotional());
    }
    out.flush();
    return running ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private static String ago(Duration age) {
    long millis = Math.max(0, age.toMillis());
    return millis < 10_000 ? String.format(java.util.Locale.ROOT, "%.1f s ago", millis / 1000.0)
        : millis / 1000 + " s ago";
  }
}
