package io.github.crossarb.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.doctor.CheckResult.Status;
import io.github.crossarb.cli.link.LinkStatusFile;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.link.controller.LinkStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraderLinkCheckTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final String SECRET = "link-secret-that-must-not-print-0123456789";

  @TempDir Path dir;

  private Configuration linked(String remote) {
    return remote == null
        ? DoctorTestSupport.config(dir, "TRADER_LINK_LISTEN", "127.0.0.1:9001", "TRADER_LINK_SECRET", SECRET)
        : DoctorTestSupport.config(dir, "TRADER_LINK_LISTEN", "127.0.0.1:9001", "TRADER_LINK_SECRET", SECRET,
            "ARB_EXECUTE_REMOTE", remote);
  }

  private CheckResult run(Configuration config) {
    return new TraderLinkCheck(config, InstantSource.fixed(NOW)).run();
  }

  private static LinkStatus.Trader trader(String id, boolean connected, VenueId... venues) {
    return new LinkStatus.Trader(id, connected, List.of(venues), NOW.minusMillis(300), NOW.minusSeconds(60), null,
        List.of());
  }

  @Test
  void withoutAListenAddressThereIsNoLink() {
    CheckResult result = run(DoctorTestSupport.config(dir));
    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.found()).contains("not configured");
  }

  @Test
  void noStatusFileMeansNoControllerRunning() {
    CheckResult result = run(linked("polymarket"));
    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.found()).contains("listens on 127.0.0.1:9001", "remote venues: polymarket",
        "no controller running").doesNotContain(SECRET);
  }

  @Test
  void aStaleStatusFileMeansNoControllerRunning() throws Exception {
    LinkStatusFile.write(dir, new LinkStatus(NOW.minusSeconds(6), List.of(VenueId.POLYMARKET),
        List.of(trader("laptop", true, VenueId.POLYMARKET))));
    CheckResult result = run(linked("polymarket"));
    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.found()).contains("no controller running", "6 s ago");
  }

  @Test
  void connectedTradersAreListedWithTheirVenues() throws Exception {
    LinkStatusFile.write(dir, new LinkStatus(NOW.minusSeconds(1), List.of(VenueId.POLYMARKET),
        List.of(trader("laptop", true, VenueId.POLYMARKET, VenueId.KALSHI), trader("old", false))));
    CheckResult result = run(linked("polymarket"));
    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.found()).contains("connected: laptop (kalshi,polymarket)").doesNotContain("old");
  }

  @Test
  void noTraderConnectedWarnsWhenVenuesAreRemote() throws Exception {
    LinkStatusFile.write(dir, new LinkStatus(NOW.minusSeconds(1), List.of(VenueId.POLYMARKET),
        List.of(trader("laptop", false, VenueId.POLYMARKET))));
    CheckResult result = run(linked("polymarket"));
    assertThat(result.status()).isEqualTo(Status.WARN);
    assertThat(result.found()).endsWith("no trader connected");
    assertThat(result.hint()).contains("trader run", "TRADER_LINK_SECRET");

    LinkStatusFile.write(dir, new LinkStatus(NOW.minusSeconds(1), List.of(), List.of(trader("laptop", false))));
    CheckResult allLocal = run(linked(null));
    assertThat(allLocal.status()).isEqualTo(Status.OK);
    assertThat(allLocal.found()).endsWith("no trader connected");
  }

  @Test
  void aRunningControllerWithOtherRemoteVenuesWarns() throws Exception {
    LinkStatusFile.write(dir, new LinkStatus(NOW.minusSeconds(1), List.of(VenueId.KALSHI),
        List.of(trader("laptop", true, VenueId.KALSHI))));
    CheckResult result = run(linked("polymarket"));
    assertThat(result.status()).isEqualTo(Status.WARN);
    assertThat(result.found()).contains("the running controller executes remotely: kalshi");
    assertThat(result.hint()).contains("restart");
  }

  @Test
  void aRemoteVenueNoConnectedTraderServesWarns() throws Exception {
    LinkStatusFile.write(dir, new LinkStatus(NOW, List.of(VenueId.POLYMARKET, VenueId.KALSHI),
        List.of(trader("laptop", true, VenueId.POLYMARKET))));
    CheckResult result = run(linked("kalshi,polymarket"));
    assertThat(result.status()).isEqualTo(Status.WARN);
    assertThat(result.found()).contains("no trader serves kalshi");
  }

  @Test
  void aDamagedStatusFileWarns() throws Exception {
    Files.writeString(LinkStatusFile.path(dir), "{not json");
    CheckResult result = run(linked("polymarket"));
    assertThat(result.status()).isEqualTo(Status.WARN);
    assertThat(result.hint()).contains("link-status.json");
  }
}
