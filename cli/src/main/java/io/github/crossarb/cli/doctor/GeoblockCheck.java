package io.github.crossarb.cli.doctor;

import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.venue.VenueFactory;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.polymarket.PolymarketVenue;
import io.vertx.core.Future;

/**
 * Polymarket's geoblock check ({@code POLY_GEOBLOCK_URL}), through the client's own
 * {@code isGeoblocked}: a blocked host may watch markets but must route its orders through a trader.
 */
public final class GeoblockCheck implements DoctorCheck {
  static final String NAME = "geoblock";
  static final String BLOCKED = "this host may watch markets but not place Polymarket orders; route Polymarket"
      + " through a trader (ARB_EXECUTE_REMOTE=polymarket)";

  private final Configuration config;
  private final VenueFactory venues;

  public GeoblockCheck(Configuration config, VenueFactory venues) {
    this.config = config;
    this.venues = venues;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run() {
    if (Checks.remoteVenues(config).contains(VenueId.POLYMARKET)) {
      return CheckResult.ok(NAME, "Polymarket orders execute on the trader (ARB_EXECUTE_REMOTE); this host only"
          + " watches markets");
    }
    String url = config.get(Settings.POLY_GEOBLOCK_URL).orElse("(none)");
    boolean blocked;
    try (VenueSession session = VenueSession.open(venues, VenueId.POLYMARKET, config)) {
      blocked = session.call(venue -> venue instanceof PolymarketVenue polymarket
          ? polymarket.gamma().isGeoblocked()
          : Future.failedFuture(new IllegalStateException("not the Polymarket client")));
    } catch (ConfigException e) {
      return CheckResult.fail(NAME, e.getMessage(), "fix the Polymarket settings named ('controller config')");
    } catch (VenueException e) {
      return CheckResult.fail(NAME, "GET " + url + " failed: " + e.getMessage(),
          "check POLY_GEOBLOCK_URL and the network; until it answers, Polymarket orders from this host are refused");
    }
    if (blocked) {
      return CheckResult.fail(NAME, "blocked (" + url + ")", BLOCKED);
    }
    return CheckResult.ok(NAME, "not blocked (" + url + ")");
  }
}
