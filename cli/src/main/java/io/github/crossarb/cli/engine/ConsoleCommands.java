package io.github.crossarb.cli.engine;

import io.github.crossarb.core.engine.ArbEngine;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.link.controller.LinkStatus;
import io.vertx.core.Future;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The headless engine's operator commands, one per line on stdin, until the terminal UI arrives:
 * {@code approve ID}, {@code reject ID [blacklist]}, {@code pause [REASON]}, {@code resume},
 * {@code kill REASON}, {@code status}, {@code help}. Read on a daemon thread; answers go to the
 * log. Without a terminal (stdin closed) nothing is read.
 */
public final class ConsoleCommands {
  static final String HELP = "commands: approve ID | reject ID [blacklist] | pause [REASON] | resume | kill REASON"
      + " | status | help";
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

  /** The trader link's state now, or empty when there is no link. */
  @FunctionalInterface
  interface LinkStatusSource {
    Optional<LinkStatus> get() throws Exception;
  }

  private final ArbEngine engine;
  private final PrintWriter out;
  private final LinkStatusSource link;

  ConsoleCommands(ArbEngine engine, PrintWriter out) {
    this(engine, out, Optional::empty);
  }

  ConsoleCommands(ArbEngine engine, PrintWriter out, LinkStatusSource link) {
    this.engine = engine;
    this.out = out;
    this.link = link;
  }

  /** Reads commands from {@code in} on a daemon thread until it ends. */
  public static void start(InputStream in, PrintWriter out, ArbEngine engine) {
    start(new ConsoleCommands(engine, out), in);
  }

  /** Reads commands for {@code runtime}'s engine; {@code status} shows its trader link too. */
  public static void start(InputStream in, PrintWriter out, EngineRuntime runtime) {
    start(new ConsoleCommands(runtime.engine(), out, runtime::linkStatus), in);
  }

  private static void start(ConsoleCommands commands, InputStream in) {
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          commands.answer(line);
        }
      } catch (IOException e) {
        commands.say("commands: stdin closed (" + e.getMessage() + ")");
      }
    }, "engine-commands");
    reader.setDaemon(true);
    reader.start();
  }

  /** Runs one command line and prints its answer. */
  void answer(String line) {
    String[] words = line.strip().split("\\s+", 2);
    String command = words[0].toLowerCase(Locale.ROOT);
    String rest = words.length > 1 ? words[1].strip() : "";
    switch (command) {
      case "" -> { }
      case "approve" -> run("approve " + rest, rest.isEmpty() ? null : engine.approve(rest));
      case "reject" -> {
        String[] args = rest.split("\\s+");
        boolean blacklist = args.length > 1 && args[1].equalsIgnoreCase("blacklist");
        run("reject " + rest, rest.isEmpty() ? null : engine.reject(args[0], blacklist));
      }
      case "pause" -> run("pause", engine.pause(rest.isEmpty() ? "operator" : rest));
      case "resume" -> run("resume", engine.resume());
      case "kill" -> run("kill", rest.isEmpty() ? null : engine.kill(rest));
      case "status" -> status();
      case "help" -> say(HELP);
      default -> say("unknown command '" + command + "'; " + HELP);
    }
  }

  private void run(String what, Future<Void> result) {
    if (result == null) {
      say(what + ": missing argument; " + HELP);
      return;
    }
    try {
      EngineRuntime.await(result, ANSWER_TIMEOUT, "no answer");
      say(what + ": done");
    } catch (Exception e) {
      say(what + ": " + e.getMessage());
    }
  }

  private void status() {
    try {
      String text = status(EngineRuntime.await(engine.currentSnapshot(), ANSWER_TIMEOUT, "no answer"));
      Optional<LinkStatus> traders = link.get();
      say(traders.isEmpty() ? text : text + traders(traders.get()));
    } catch (Exception e) {
      say("status: " + e.getMessage());
    }
  }

  /** One line per trader, and a line when no trader has connected yet. */
  static String traders(LinkStatus link) {
    StringBuilder text = new StringBuilder();
    if (link.traders().isEmpty()) {
      text.append("\n  trader link: no trader connected yet");
      if (!link.remoteVenues().isEmpty()) {
        text.append(" (").append(labels(link.remoteVenues())).append(" not traded)");
      }
    }
    for (LinkStatus.Trader t : link.traders()) {
      text.append("\n  trader ").append(t.traderId()).append(": ")
          .append(t.connected() ? "connected" : "disconnected since " + t.since()
              + (t.lastDisconnect() == null ? "" : " (" + t.lastDisconnect() + ")"))
          .append(", venues ").append(t.venues().isEmpty() ? "none" : labels(t.venues()))
          .append(", last heartbeat ").append(t.lastHeard() == null ? "never" : ago(t.lastHeard(), link.at()))
          .append(", ").append(t.inFlight().size()).append(" leg(s) in flight");
      for (LinkStatus.Leg leg : t.inFlight()) {
        text.append(' ').append(leg.commandId()).append(" (").append(leg.instrument()).append(", ")
            .append(leg.age().toMillis()).append(" ms)");
      }
    }
    return text.toString();
  }

  private static String labels(java.util.List<io.github.crossarb.core.model.VenueId> venues) {
    return venues.stream().map(io.github.crossarb.core.model.VenueId::label).collect(Collectors.joining(","));
  }

  private static String ago(Instant then, Instant now) {
    return Math.max(0, Duration.between(then, now).toMillis()) + " ms ago";
  }

  static String status(EngineSnapshot s) {
    StringBuilder text = new StringBuilder("status: mode ").append(EngineSettings.name(s.mode()))
        .append(", approval ").append(EngineSettings.name(s.approval()))
        .append(", trading ").append(s.trading());
    if (s.tradingDetail() != null && !s.tradingDetail().isBlank()) {
      text.append(" (").append(s.tradingDetail()).append(')');
    }
    text.append(", ").append(s.opportunities()).append(" opportunities, ").append(s.executions())
        .append(" executions, realised P&L today $").append(s.realizedPnlToday());
    for (EngineSnapshot.PendingApproval p : s.pendingApprovals()) {
      text.append("\n  awaiting approval: ").append(p.executionId()).append(' ').append(p.pairId())
          .append(" size ").append(p.opportunity().size()).append(" profit $")
          .append(p.opportunity().expectedProfit()).append(" until ").append(p.expiresAt());
    }
    for (EngineSnapshot.PairView p : s.pairs()) {
      text.append("\n  ").append(p.pairId()).append(": ").append(p.state()).append(", kalshi ").append(p.kalshiBook())
          .append(", polymarket ").append(p.polymarketYesBook()).append('/').append(p.polymarketNoBook());
    }
    return text.toString();
  }

  private synchronized void say(String text) {
    out.println(text);
    out.flush();
  }
}
