package io.github.crossarb.cli.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.venue.Table;
import io.github.crossarb.link.controller.LinkStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code link status}: reads {@code $ARB_DATA_DIR/link-status.json}, which a running controller
 * rewrites every second. Exits 1 when no controller is running (no file, or one older than 5 s;
 * its last state is still shown).
 */
@Command(name = "status", description = {
    "Show the traders connected to the running controller: their venues, last heartbeat and the legs in flight"
        + " (read from $ARB_DATA_DIR/link-status.json, which the controller rewrites every second).",
    "Exits 1 when no controller is running (no file, or one not updated for 5 s)."})
public final class LinkStatusCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  private final Clock clock;

  public LinkStatusCommand() {
    this(Clock.systemUTC());
  }

  LinkStatusCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dataDir = RootCommand.of(spec).configuration().require(Settings.ARB_DATA_DIR);
    Instant now = clock.instant();
    Optional<LinkStatus> read = LinkStatusFile.read(dataDir);
    if (read.isEmpty()) {
      if (json) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("running", false);
        node.putNull("updatedAt");
        print(out, node);
      } else {
        out.println("no controller running (no " + LinkStatusFile.path(dataDir)
            + "; the controller writes it while it runs with TRADER_LINK_LISTEN set)");
      }
      out.flush();
      return ExitCodes.FAILURE;
    }
    LinkStatus status = read.get();
    boolean stale = LinkStatusFile.stale(status, now);
    if (json) {
      print(out, LinkStatusFile.json(status, now));
    } else {
      out.print(render(status, now));
    }
    out.flush();
    return stale ? ExitCodes.FAILURE : ExitCodes.OK;
  }

  private static void print(PrintWriter out, ObjectNode node) throws Exception {
    out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(node));
  }

  /** The status for people, as of {@code now}. */
  public static String render(LinkStatus status, Instant now) {
    StringBuilder text = new StringBuilder();
    if (LinkStatusFile.stale(status, now)) {
      text.append("no controller running (last update ").append(status.at()).append(", ")
          .append(age(status.at(), now)).append(" ago); its last state:\n");
    } else {
      text.append("controller link: updated ").append(status.at()).append(", remote venues ")
          .append(names(status.remoteVenues())).append('\n');
    }
    if (status.traders().isEmpty()) {
      text.append("no trader has connected");
      if (!status.remoteVenues().isEmpty()) {
        text.append("; not trading ").append(names(status.remoteVenues()));
      }
      return text.append('\n').toString();
    }
    Table traders = new Table("TRADER", "CONNECTED", "VENUES", "LAST HEARTBEAT", "SINCE", "LEGS IN FLIGHT",
        "LAST DISCONNECT");
    for (LinkStatus.Trader t : status.traders()) {
      traders.row(t.traderId(), t.connected() ? "yes" : "no", names(t.venues()),
          t.lastHeard() == null ? "never" : age(t.lastHeard(), now) + " ago", t.since(), t.inFlight().size(),
          t.lastDisconnect());
    }
    text.append(traders).append('\n');
    Table legs = new Table("LEG", "TRADER", "VENUE", "INSTRUMENT", "AGE", "ACKED");
    for (LinkStatus.Trader t : status.traders()) {
      for (LinkStatus.Leg leg : t.inFlight()) {
        legs.row(leg.commandId(), t.traderId(), leg.venue().label(), leg.instrument(),
            age(leg.sentAt(), now), leg.acked() ? "yes" : "no");
      }
    }
    if (!legs.isEmpty()) {
      text.append('\n').append(legs).append('\n');
    }
    return text.toString();
  }

  private static String names(List<io.github.crossarb.core.model.VenueId> venues) {
    return venues.isEmpty() ? "none"
        : venues.stream().map(io.github.crossarb.core.model.VenueId::label).collect(Collectors.joining(","));
  }

  /** {@code 850 ms}, {@code 12 s}, {@code 3 min 5 s}, {@code 2 h 1 min}. */
  static String age(Instant from, Instant now) {
    Duration d = Duration.between(from, now);
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    if (d.toMillis() < 1000) {
      return d.toMillis() + " ms";
    }
    if (d.toSeconds() < 60) {
      return d.toSeconds() + " s";
    }
    if (d.toMinutes() < 60) {
      return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
    return d.toHours() + " h " + d.toMinutesPart() + " min";
  }
}
