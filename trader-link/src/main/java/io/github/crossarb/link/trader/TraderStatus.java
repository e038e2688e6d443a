package io.github.crossarb.link.trader;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a running trader shows of itself, written to {@code $ARB_DATA_DIR/trader/status.json}
 * every second and on change.
 *
 * @param updatedAt when this status was taken (a reader calls the trader gone when it is old)
 * @param connected whether the link to the controller is up now
 * @param controllerLastHeard when the controller was last heard (null: never)
 * @param venues the venues this trader executes for
 * @param deadman the dead-man's switch
 * @param deadmanDetail one line on the switch (why it tripped, what is being cancelled), or null
 * @param legsDone legs sent and answered since the trader started
 * @param legsDenied legs refused (nothing sent) since the trader started
 * @param legsInFlight legs sent and not yet answered
 * @param notionalToday the notional of the legs sent this UTC day (from the journal)
 * @param maxDailyNotional the daily limit
 * @param lastDisconnect the last disconnect's reason and detail, or null
 * @param stopping whether the trader is stopping (refusing new legs)
 */
public record TraderStatus(
    String traderId,
    Instant updatedAt,
    Instant startedAt,
    boolean connected,
    Instant controllerLastHeard,
    List<VenueId> venues,
    DeadmanState deadman,
    String deadmanDetail,
    long legsDone,
    long legsDenied,
    int legsInFlight,
    Money notionalToday,
    Money maxDailyNotional,
    String lastDisconnect,
    boolean stopping) {

  /** The dead-man's switch. */
  public enum DeadmanState {
    /** Watching the controller's silence; legs are taken. */
    ARMED,
    /** Tripped: cancelling every open order (retried until it succeeds); legs refused. */
    CANCELLING,
    /** Tripped and the orders cancelled; legs refused until the next handshake. */
    TRIPPED
  }

  public TraderStatus {
    Objects.requireNonNull(traderId, "traderId");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(startedAt, "startedAt");
    venues = List.copyOf(venues);
    Objects.requireNonNull(deadman, "deadman");
    Objects.requireNonNull(notionalToday, "notionalToday");
    Objects.requireNonNull(maxDailyNotional, "maxDailyNotional");
  }

  /** The same status, as of {@code at}. */
  public TraderStatus at(Instant at) {
    return new TraderStatus(traderId, at, startedAt, connected, controllerLastHeard, venues, deadman, deadmanDetail,
        legsDone, legsDenied, legsInFlight, notionalToday, maxDailyNotional, lastDisconnect, stopping);
  }

  /** Equal apart from {@link #updatedAt}: nothing worth writing changed. */
  public boolean sameAs(TraderStatus other) {
    return other != null && at(other.updatedAt).equals(other);
  }
}
