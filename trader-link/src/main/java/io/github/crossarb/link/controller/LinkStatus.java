package io.github.crossarb.link.controller;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The controller's view of its traders at one instant, for {@code controller link status}.
 *
 * @param at when it was taken
 * @param remoteVenues the venues the controller executes through a trader
 * @param traders every trader that completed a handshake since the controller started, by id
 */
public record LinkStatus(Instant at, List<VenueId> remoteVenues, List<Trader> traders) {
  public LinkStatus {
    Objects.requireNonNull(at, "at");
    remoteVenues = List.copyOf(remoteVenues);
    traders = List.copyOf(traders);
  }

  /**
   * One trader.
   *
   * @param traderId its announced id
   * @param venues the venues it announced
   * @param lastHeard when its last frame arrived, or null
   * @param since when it last connected (connected) or disconnected (not connected)
   * @param lastDisconnect why it last disconnected, or null if it never did
   * @param inFlight the legs sent to it and not answered yet, oldest first
   */
  public record Trader(String traderId, boolean connected, List<VenueId> venues, Instant lastHeard, Instant since,
      String lastDisconnect, List<Leg> inFlight) {
    public Trader {
      Objects.requireNonNull(traderId, "traderId");
      venues = List.copyOf(venues);
      inFlight = List.copyOf(inFlight);
    }
  }

  /**
   * A leg waiting for its result.
   *
   * @param commandId the order's client order id
   * @param acked whether the trader said it took it
   * @param age how long ago it was sent, at {@link LinkStatus#at}
   */
  public record Leg(String commandId, VenueId venue, InstrumentId instrument, Instant sentAt, Duration age,
      boolean acked) {
    public Leg {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(venue, "venue");
      Objects.requireNonNull(instrument, "instrument");
      Objects.requireNonNull(sentAt, "sentAt");
      Objects.requireNonNull(age, "age");
    }
  }
}
