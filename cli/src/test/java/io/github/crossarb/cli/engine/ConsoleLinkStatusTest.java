package io.github.crossarb.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.link.controller.LinkStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleLinkStatusTest {
  private static final Instant AT = Instant.parse("2026-11-27T09:00:00Z");

  @Test
  void oneLinePerTraderWithItsLegsInFlight() {
    LinkStatus.Leg leg = new LinkStatus.Leg("arb-3-k", VenueId.KALSHI, InstrumentId.kalshi("KXFED-26DEC-T4.25"),
        AT.minusMillis(700), Duration.ofMillis(700), true);
    LinkStatus status = new LinkStatus(AT, List.of(VenueId.KALSHI, VenueId.POLYMARKET), List.of(
        new LinkStatus.Trader("desk", false, List.of(VenueId.POLYMARKET), AT.minusSeconds(30), AT.minusSeconds(25),
            "HEARTBEAT_TIMEOUT: silent for 5000 ms", List.of()),
        new LinkStatus.Trader("laptop", true, List.of(VenueId.KALSHI), AT.minusMillis(250), AT.minusSeconds(60), null,
            List.of(leg))));

    assertThat(ConsoleCommands.traders(status)).isEqualTo(
        "\n  trader desk: disconnected since 2026-11-27T08:59:35Z (HEARTBEAT_TIMEOUT: silent for 5000 ms), venues "
            + "polymarket, last heartbeat 30000 ms ago, 0 leg(s) in flight"
            + "\n  trader laptop: connected, venues kalshi, last heartbeat 250 ms ago, 1 leg(s) in flight"
            + " arb-3-k (KALSHI:KXFED-26DEC-T4.25, 700 ms)");
  }

  @Test
  void noTraderYetSaysWhichVenuesAreNotTraded() {
    assertThat(ConsoleCommands.traders(new LinkStatus(AT, List.of(VenueId.KALSHI), List.of())))
        .isEqualTo("\n  trader link: no trader connected yet (kalshi not traded)");
    assertThat(ConsoleCommands.traders(new LinkStatus(AT, List.of(), List.of())))
        .isEqualTo("\n  trader link: no trader connected yet");
  }
}
