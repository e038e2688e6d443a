package io.github.crossarb.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.doctor.CheckResult;
import io.github.crossarb.cli.doctor.ClockSkewCheck;
import io.github.crossarb.cli.doctor.ConfigurationCheck;
import io.github.crossarb.cli.doctor.DaemonCheck;
import io.github.crossarb.cli.doctor.DataDirCheck;
import io.github.crossarb.cli.doctor.Doctor;
import io.github.crossarb.cli.doctor.DoctorCheck;
import io.github.crossarb.cli.doctor.GeoblockCheck;
import io.github.crossarb.cli.doctor.KalshiKeyCheck;
import io.github.crossarb.cli.doctor.PolymarketKeyCheck;
import io.github.crossarb.cli.doctor.TraderLinkCheck;
import io.github.crossarb.cli.doctor.VenueGate;
import io.github.crossarb.cli.venue.VenueFactory;
import io.github.crossarb.core.model.VenueId;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code doctor}: checks this host's setup, one line per check; only reads, never orders. */
@Command(
    name = "doctor",
    description = {
        "Check this host's setup, one line per check (OK, WARN or FAIL, the check, what was found, and for"
            + " WARN/FAIL how to fix it): configuration, Kalshi and Polymarket keys (parse, signer address, an"
            + " authenticated balance read), clock skew against each venue (WARN above 1 s, FAIL above 5 s),"
            + " Polymarket geoblock, the data directory (writable, free space, owner-only secret files), the"
            + " daemon and the trader link.",
        "Only reads: places no order, creates no API key, prints no secret. Network checks run concurrently,"
            + " each bounded by --timeout.",
        "Exits 0 when no check FAILs (warnings allowed) and 1 when any does, an invalid configuration included."},
    exitCodeList = {
        ExitCodes.OK + ":no check failed (there may be warnings)",
        ExitCodes.FAILURE + ":at least one check failed (an invalid configuration is a failed check)",
        ExitCodes.USAGE + ":usage error"})
public final class DoctorCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec private CommandSpec spec;

  @Option(names = "--json", description = "Print a JSON array of {status, check, found, hint} instead of lines.")
  private boolean json;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "How long each check may take before it counts as failed (default ${DEFAULT-VALUE}).")
  private int timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    if (timeoutSeconds < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--timeout must be at least 1");
    }
    RootCommand root = RootCommand.of(spec);
    ConfigurationCheck.Outcome configuration = ConfigurationCheck.run(root::configuration);
    List<CheckResult> results = new ArrayList<>();
    results.add(configuration.result());
    if (configuration.configuration() != null) {
      results.addAll(Doctor.run(checks(configuration.configuration(), root.venueFactory()),
          Duration.ofSeconds(timeoutSeconds)));
    }
    print(results);
    return results.stream().anyMatch(r -> r.status() == CheckResult.Status.FAIL) ? ExitCodes.FAILURE : ExitCodes.OK;
  }

  static List<DoctorCheck> checks(Configuration config, VenueFactory venues) {
    InstantSource clock = InstantSource.system();
    return List.of(
        new KalshiKeyCheck(config, venues),
        new PolymarketKeyCheck(config, venues),
        VenueGate.of(config, VenueId.KALSHI, ClockSkewCheck.kalshi(config, clock)),
        VenueGate.of(config, VenueId.POLYMARKET, ClockSkewCheck.polymarket(config, clock)),
        VenueGate.of(config, VenueId.POLYMARKET, new GeoblockCheck(config, venues)),
        new DataDirCheck(config),
        new DaemonCheck(config),
        new TraderLinkCheck(config, clock));
  }

  private void print(List<CheckResult> results) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode array = JSON.createArrayNode();
      for (CheckResult r : results) {
        ObjectNode node = array.addObject().put("status", r.status().name()).put("check", r.check())
            .put("found", r.found());
        if (r.hint() == null) {
          node.putNull("hint");
        } else {
          node.put("hint", r.hint());
        }
      }
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
    } else {
      int width = results.stream().mapToInt(r -> r.check().length()).max().orElse(0);
      for (CheckResult r : results) {
        out.println(String.format("%-4s  %-" + width + "s  %s", r.status(), r.check(), r.found())
            + (r.hint() == null ? "" : " -> fix: " + r.hint()));
      }
    }
    out.flush();
  }
}
