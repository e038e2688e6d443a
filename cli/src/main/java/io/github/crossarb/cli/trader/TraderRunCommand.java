package io.github.crossarb.cli.trader;

import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.TraderCommand;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.engine.RunLoop;
import io.github.crossarb.core.model.VenueId;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trader run}: executes the controller's legs on this machine's venues until stopped. */
@Command(name = "run", description = {
    "Dial the controller and execute its legs on the venues given, until Ctrl-C or SIGTERM (then: no new legs,"
        + " legs in flight finish, open orders are cancelled).",
    "Needs TRADER_LINK_URL (or --controller), TRADER_LINK_SECRET, TRADER_ALLOWED_MARKETS and the venues'"
        + " credentials; enforces TRADER_MAX_ORDER_NOTIONAL, TRADER_MAX_DAILY_NOTIONAL and the dead-man's switch"
        + " (TRADER_DEADMAN_MS) whatever the controller asks.",
    "Files in $ARB_DATA_DIR/trader: commands.jsonl (every leg, so a resent one is never placed twice), status.json"
        + " ('trader status'), lock (one trader per data directory; a second one exits 3)."})
public final class TraderRunCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--controller", paramLabel = "URL",
      description = "The controller's link, ws://HOST:9001 (wss:// with TLS); overrides TRADER_LINK_URL.")
  private String controller;

  @Option(names = "--venues", paramLabel = "VENUE[,VENUE]", required = true, split = ",",
      description = "The venues this trader executes for: kalshi, polymarket or both.")
  private List<String> venueNames;

  @Override
  public Integer call() throws Exception {
    List<VenueId> venues = venues();
    RootCommand root = RootCommand.of(spec);
    Map<String, String> overrides = new HashMap<>();
    if (controller != null) {
      overrides.put(Settings.TRADER_LINK_URL.key(), controller);
    }
    Configuration config = overrides.isEmpty() ? root.configuration() : root.configurationWith(overrides);
    TraderSettings settings = TraderSettings.from(config, venues);
    TraderDialer dialer = ((TraderCommand) root).dialer();
    PrintWriter out = spec.commandLine().getOut();
    // The shutdown hook is the fallback for a platform whose signals we cannot handle.
    try (RunLoop loop = RunLoop.install();
        StopSignals signals = StopSignals.install("trader", loop::stop, line -> {
          synchronized (out) {
            out.println(line);
            out.flush();
          }
        })) {
      try (TraderRuntime runtime = TraderRuntime.start(config, settings, root.venueFactory(), dialer, out,
          Clock.systemUTC())) {
        synchronized (out) {
          out.println("trader " + settings.traderId() + " running; status in "
              + settings.traderDir().resolve("status.json") + "; Ctrl-C or SIGTERM stops it");
          out.flush();
        }
        loop.await(null);
      }
    }
    return ExitCodes.OK;
  }

  private List<VenueId> venues() {
    List<VenueId> venues = new ArrayList<>();
    for (String name : venueNames) {
      VenueId venue;
      try {
        venue = VenueId.parse(name);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--venues: " + e.getMessage());
      }
      if (venues.contains(venue)) {
        throw new ParameterException(spec.commandLine(), "--venues: " + venue.label() + " is listed twice");
      }
      venues.add(venue);
    }
    return venues;
  }
}
