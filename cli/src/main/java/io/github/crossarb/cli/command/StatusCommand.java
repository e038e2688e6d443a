package io.github.crossarb.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.command.pairs.PairsSupport;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.daemon.ControlException;
import io.github.crossarb.cli.daemon.ControlJson;
import io.github.crossarb.cli.daemon.Daemons;
import io.github.crossarb.cli.daemon.EngineLock;
import io.github.crossarb.cli.engine.ConsoleEvents;
import io.github.crossarb.cli.engine.EngineSettings;
import io.github.crossarb.cli.link.LinkStatusCommand;
import io.github.crossarb.cli.link.LinkStatusFile;
import io.github.crossarb.cli.venue.Table;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.store.EventLog;
import io.github.crossarb.core.store.PairsFile;
import io.github.crossarb.link.controller.LinkStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status}: the engine's state, from the daemon when one runs, else from the data directory's files. */
@Command(name = "status", description = {
    "Show mode, trading state, kill switch, feeds, trader link, pairs (state, edge, size) and P&L.",
    "With a daemon running on $ARB_DATA_DIR, from its live snapshot; without one, from the files"
        + " (pairs.json, positions.json, link-status.json, the tail of events.jsonl), labelled 'no engine running'.",
    "Exit 0 when it printed the status; 3 when a file is unreadable; 1 when the daemon failed to answer."})
public final class StatusCommand implements Callable<Integer> {
  /** How many of the last events the file view shows. */
  static final int TAIL = 10;

  @Spec private CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of text.")
  private boolean json;

  @Override
  public Integer call() throws Exception {
    Path dataDir = RootCommand.of(spec).configuration().require(Settings.ARB_DATA_DIR);
    PrintWriter out = spec.commandLine().getOut();
    Optional<Daemons.Running> daemon = Daemons.find(dataDir);
    if (daemon.isPresent()) {
      EngineSnapshot snapshot;
      List<String> link;
      try {
        snapshot = daemon.get().client().snapshot();
        link = daemon.get().client().linkLines();
      } catch (ControlException e) {
        throw new IllegalStateException("the daemon (pid " + daemon.get().info().pid() + ") failed to answer: "
            + e.getMessage(), e);
      }
      if (json) {
        ObjectNode root = ControlJson.MAPPER.createObjectNode();
        root.put("engine", "daemon");
        root.put("pid", daemon.get().info().pid());
        root.put("port", daemon.get().info().port());
        root.put("startedAt", daemon.get().info().startedAt().toString());
        root.set("snapshot", ControlJson.MAPPER.valueToTree(snapshot));
        ArrayNode lines = root.putArray("link");
        link.forEach(lines::add);
        VenueCommand.printJson(out, root, true);
      } else {
        out.println("engine: daemon pid " + daemon.get().info().pid() + " (control on 127.0.0.1:"
            + daemon.get().info().port() + ", started " + daemon.get().info().startedAt() + ")");
        out.println(live(snapshot, link));
        out.flush();
      }
      return ExitCodes.OK;
    }
    return fromFiles(dataDir, out);
  }

  /** The daemon's snapshot as text. */
  static String live(EngineSnapshot s, List<String> link) {
    StringBuilder text = new StringBuilder();
    text.append("mode ").append(EngineSettings.name(s.mode())).append(", approval ")
        .append(EngineSettings.name(s.approval())).append(", trading ").append(s.trading());
    if (!s.tradingDetail().isBlank()) {
      text.append(" (").append(s.tradingDetail()).append(')');
    }
    text.append("\nkill switch: ").append(s.kill().engaged() ? "ON since " + s.kill().at() + ": " + s.kill().reason()
        : "off");
    for (EngineSnapshot.FeedHealth f : s.feeds()) {
      text.append("\nfeed ").append(f.venue().label()).append(": ")
          .append(f.lastMessage() == null ? "no message yet" : "last message " + millis(f.age()) + " ago")
          .append(", ").append(f.trusted()).append(" trusted, ").append(f.untrusted()).append(" untrusted, ")
          .append(f.connected() ? "connected" : "not connected");
    }
    link.forEach(line -> text.append('\n').append(line));
    Table pairs = new Table("PAIR", "STATE", "EDGE/CONTRACT", "SIZE", "KALSHI BOOK", "POLYMARKET BOOKS");
    for (EngineSnapshot.PairView p : s.pairs()) {
      pairs.row(p.pairId(), p.state(), p.quotes().edgePerContract() == null ? "-" : "$" + p.quotes().edgePerContract(),
          p.quotes().tradableSize(), p.kalshiBook(), p.polymarketYesBook() + "/" + p.polymarketNoBook());
    }
    text.append('\n').append(pairs);
    text.append("\nP&L: realised today $").append(s.realizedPnlToday());
    if (s.ledger() != null) {
      text.append(", locked-in $").append(s.ledger().totals().lockedProfit()).append(", fees paid $")
          .append(s.ledger().totals().feesPaid());
    }
    text.append("; ").append(s.opportunities()).append(" opportunities, ").append(s.executions())
        .append(" executions since start");
    for (EngineSnapshot.BalanceView b : s.balances()) {
      text.append("\nbalance ").append(b.venue().label()).append(": $").append(b.available()).append(" available");
    }
    return text.toString();
  }

  private int fromFiles(Path dataDir, PrintWriter out) throws Exception {
    Path dir = dataDir.toAbsolutePath().normalize();
    boolean engine = EngineLock.isHeld(dataDir);
    OptionalLong pid = engine ? EngineLock.holderPid(dataDir) : OptionalLong.empty();
    String label = engine
        ? "an engine runs on " + dir + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "")
            + " without a control endpoint (not a daemon); from the files"
        : "no engine running on " + dir + "; from the files";
    PairRegistry registry = PairsFile.read(dataDir);
    LedgerView ledger = LedgerView.read(dataDir);
    Instant now = Clock.systemUTC().instant();
    Optional<LinkStatus> link = LinkStatusFile.read(dataDir);
    List<EngineEvent> tail = tail(dataDir.resolve(EventLog.FILE_NAME));
    if (json) {
      ObjectNode root = ControlJson.MAPPER.createObjectNode();
      root.put("engine", engine ? "in-process" : "none");
      if (pid.isPresent()) {
        root.put("pid", pid.getAsLong());
      }
      root.put("source", "files");
      ArrayNode pairs = root.putArray("pairs");
      registry.entries().forEach(entry -> pairs.add(PairsSupport.entry(entry)));
      root.set("ledger", ledger.json());
      if (link.isPresent()) {
        root.set("link", LinkStatusFile.json(link.get(), now));
      } else {
        root.putNull("link");
      }
      ArrayNode events = root.putArray("events");
      for (EngineEvent event : tail) {
        String text = ConsoleEvents.format(event, true);
        if (text != null) {
          events.addObject().put("time", event.time().toString()).put("text", text);
        }
      }
      VenueCommand.printJson(out, root, true);
      return ExitCodes.OK;
    }
    out.println(label);
    Table pairs = new Table("PAIR", "STATUS", "REASON");
    for (PairEntry entry : registry.entries()) {
      pairs.row(entry.id(), PairsSupport.lower(entry.status()), entry.statusReason());
    }
    out.println(registry.isEmpty() ? "pairs: none registered (pairs.json)"
        : "pairs (pairs.json): " + registry.approved().size() + " of " + registry.size() + " approved\n" + pairs);
    out.println(link.isPresent() ? LinkStatusCommand.render(link.get(), now).stripTrailing()
        : "link: no " + LinkStatusFile.NAME + " (no trader link has run here)");
    out.println("P&L (" + ledger.source() + (ledger.updatedAt() == null ? "" : ", updated " + ledger.updatedAt())
        + "): realised $" + ledger.snapshot().totals().realizedPnl() + ", locked-in $"
        + ledger.snapshot().totals().lockedProfit() + ", fees paid $" + ledger.snapshot().totals().feesPaid()
        + ", hedged " + ledger.snapshot().totals().hedged());
    ledger.warnings().forEach(w -> out.println("warning: " + w));
    if (tail.isEmpty()) {
      out.println("events: none (" + EventLog.FILE_NAME + ")");
    } else {
      out.println("last events (" + EventLog.FILE_NAME + "):");
      for (EngineEvent event : tail) {
        String text = ConsoleEvents.format(event, true);
        if (text != null) {
          out.println("  " + event.time() + " " + text);
        }
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static List<EngineEvent> tail(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return List.copyOf(EventLog.readLast(file, TAIL));
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(file + " is unreadable: " + e.getMessage(), e);
    }
  }

  private static String millis(Duration d) {
    return d == null ? "?" : d.toMillis() + " ms";
  }
}
