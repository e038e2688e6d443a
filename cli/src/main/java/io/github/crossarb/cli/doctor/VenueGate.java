package io.github.crossarb.cli.doctor;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.core.model.VenueId;
import java.util.Locale;

/**
 * Skips a venue check when the venue is not configured on this host: WARN "not configured", since
 * the check would test a venue this host cannot use. A venue executed by a trader
 * ({@code ARB_EXECUTE_REMOTE}) is still checked: the controller watches its markets.
 */
public final class VenueGate implements DoctorCheck {
  private final Configuration config;
  private final VenueId venue;
  private final DoctorCheck check;

  private VenueGate(Configuration config, VenueId venue, DoctorCheck check) {
    this.config = config;
    this.venue = venue;
    this.check = check;
  }

  public static DoctorCheck of(Configuration config, VenueId venue, DoctorCheck check) {
    return new VenueGate(config, venue, check);
  }

  /** Whether this host has the venue's credentials (complete or not: a partial set is checked and reported). */
  static boolean configured(Configuration config, VenueId venue) {
    return switch (venue) {
      case KALSHI -> config.get(Settings.KALSHI_API_KEY_ID).isPresent() || config.get(Settings.KALSHI_KEY_FILE).isPresent()
          || config.get(Settings.KALSHI_KEY_B64).isPresent();
      case POLYMARKET -> config.get(Settings.POLY_PRIVATE_KEY).isPresent();
    };
  }

  @Override
  public String name() {
    return check.name();
  }

  @Override
  public CheckResult run() throws Exception {
    if (configured(config, venue) || Checks.remoteVenues(config).contains(venue)) {
      return check.run();
    }
    String label = venue.name().charAt(0) + venue.name().substring(1).toLowerCase(Locale.ROOT);
    return CheckResult.warn(name(), "not checked: " + label + " is not configured on this host",
        venue == VenueId.KALSHI ? "set KALSHI_API_KEY_ID and KALSHI_KEY_FILE (or KALSHI_KEY_B64), or ARB_EXECUTE_REMOTE=kalshi"
            : "set POLY_PRIVATE_KEY, or ARB_EXECUTE_REMOTE=polymarket");
  }
}
