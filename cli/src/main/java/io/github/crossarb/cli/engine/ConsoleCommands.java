package io.github.crossarb.cli.engine;

import io.github.crossarb.core.engine.ArbEngine;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.vertx.core.Future;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

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

  private final ArbEngine engine;
  private final PrintWriter out;

  ConsoleCommands(ArbEngine engine, PrintWriter out) {
    this.engine = engine;
    this.out = out;
  }

  /** Reads commands from {@code in} on a daemon thread until it ends. */
  public static void start(InputStream in, PrintWriter out, ArbEngine engine) {
    ConsoleCommands commands = new ConsoleCommands(engine, out);
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
      say(status(EngineRuntime.await(engine.currentSnapshot(), ANSWER_TIMEOUT, "no answer")));
    } catch (Exception e) {
      say("status: " + e.getMessage());
    }
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
