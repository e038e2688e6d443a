package io.github.crossarb.cli.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.CliRunner.Result;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.link.controller.LinkStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkStatusCommandTest {
  @TempDir Path dataDir;

  /** A status as a controller would write it {@code age} ago. */
  private static LinkStatus status(Duration age) {
    Instant at = Instant.now().minus(age).truncatedTo(ChronoUnit.MILLIS);
    LinkStatus.Leg leg = new LinkStatus.Leg("arb-7-k", VenueId.KALSHI, InstrumentId.kalshi("KXFED-26DEC-T4.25"),
        at.minusMillis(1500), Duration.ofMillis(1500), true);
    LinkStatus.Trader laptop = new LinkStatus.Trader("laptop", true, List.of(VenueId.KALSHI), at.minusMillis(400),
        at.minusSeconds(600), "HEARTBEAT_TIMEOUT: silent for 5000 ms", List.of(leg));
    LinkStatus.Trader desk = new LinkStatus.Trader("desk", false, List.of(VenueId.POLYMARKET), at.minusSeconds(90),
        at.minusSeconds(80), "SHUTDOWN: trader stopping", List.of());
    return new LinkStatus(at, List.of(VenueId.KALSHI, VenueId.POLYMARKET), List.of(desk, laptop));
  }

  private Result linkStatus(String... flags) {
    String[] args = new String[flags.length + 2];
    args[0] = "link";
    args[1] = "status";
    System.arraycopy(flags, 0, args, 2, flags.length);
    return CliRunner.controller(CliRunner.environment(dataDir), args);
  }

  @Test
  void showsTradersTheirVenuesHeartbeatsAndLegsInFlight() throws Exception {
    LinkStatusFile.write(dataDir, status(Duration.ZERO));
    Result result = linkStatus();

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0)).startsWith("controller link: updated ").endsWith("remote venues kalshi,polymarket");
    assertThat(lines.get(1)).startsWith("TRADER").contains("CONNECTED", "VENUES", "LAST HEARTBEAT", "LEGS IN FLIGHT");
    assertThat(lines.get(2)).startsWith("desk").contains("no", "polymarket", "SHUTDOWN: trader stopping");
    assertThat(lines.get(3)).startsWith("laptop").contains("yes", "kalshi", " ago");
    assertThat(result.out()).contains("LEG", "arb-7-k", "KALSHI:KXFED-26DEC-T4.25");
    assertThat(result.out()).doesNotContain("no controller running");
  }

  @Test
  void printsJsonWithAgesAndWhetherTheControllerRuns() throws Exception {
    LinkStatus written = status(Duration.ZERO);
    LinkStatusFile.write(dataDir, written);
    Result result = linkStatus("--json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.get("running").asBoolean()).isTrue();
    assertThat(json.get("updatedAt").asText()).isEqualTo(written.at().toString());
    assertThat(json.get("remoteVenues").toString()).isEqualTo("[\"KALSHI\",\"POLYMARKET\"]");
    JsonNode laptop = json.get("traders").get(1);
    assertThat(laptop.get("traderId").asText()).isEqualTo("laptop");
    assertThat(laptop.get("connected").asBoolean()).isTrue();
    assertThat(laptop.get("lastHeardAgeMs").asLong()).isGreaterThanOrEqualTo(400);
    assertThat(laptop.get("inFlight").get(0).get("commandId").asText()).isEqualTo("arb-7-k");
    assertThat(laptop.get("inFlight").get(0).get("instrument").asText()).isEqualTo("KALSHI:KXFED-26DEC-T4.25");
    assertThat(laptop.get("inFlight").get(0).get("acked").asBoolean()).isTrue();
  }

  @Test
  void aFileNotUpdatedFor5SecondsMeansNoControllerIsRunning() throws Exception {
    LinkStatus old = status(Duration.ofSeconds(40));
    LinkStatusFile.write(dataDir, old);

    Result table = linkStatus();
    assertThat(table.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(table.out().lines().findFirst().orElseThrow())
        .startsWith("no controller running (last update " + old.at() + ", 40 s ago)");
    assertThat(table.out()).contains("laptop"); // its last state still shown

    Result json = linkStatus("--json");
    assertThat(json.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(new ObjectMapper().readTree(json.out()).get("running").asBoolean()).isFalse();
  }

  @Test
  void noFileMeansNoControllerHasRunTheLink() throws Exception {
    Result table = linkStatus();
    assertThat(table.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(table.out()).startsWith("no controller running (no " + dataDir.resolve("link-status.json"));

    Result json = linkStatus("--json");
    assertThat(json.exitCode()).isEqualTo(ExitCodes.FAILURE);
    JsonNode node = new ObjectMapper().readTree(json.out());
    assertThat(node.get("running").asBoolean()).isFalse();
    assertThat(node.get("updatedAt").isNull()).isTrue();
  }

  @Test
  void aDamagedFileIsAOneLineConfigError() throws Exception {
    Files.writeString(dataDir.resolve("link-status.json"), "{\"version\": 1, \"updatedAt\": ");
    Result result = linkStatus();
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err()).contains("link-status.json is not a link status file");
  }

  @Test
  void theFileRoundTrips() throws Exception {
    LinkStatus written = status(Duration.ZERO);
    LinkStatusFile.write(dataDir, written);
    assertThat(LinkStatusFile.read(dataDir)).contains(written);
    assertThat(dataDir.resolve("link-status.json.tmp")).doesNotExist();
  }

  @Test
  void withoutTradersItSaysWhatIsNotTraded() throws Exception {
    LinkStatusFile.write(dataDir, new LinkStatus(Instant.now(), List.of(VenueId.POLYMARKET), List.of()));
    Result result = linkStatus();
    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).contains("no trader has connected; not trading polymarket");
  }

  @Test
  void linkAloneShowsItsUsage() {
    Result result = CliRunner.controller(CliRunner.environment(dataDir), "link");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("status");
  }
}
