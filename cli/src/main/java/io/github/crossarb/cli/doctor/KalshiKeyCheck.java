package io.github.crossarb.cli.doctor;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Secret;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.venue.Table;
import io.github.crossarb.cli.venue.VenueFactory;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.VenueAuthException;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.kalshi.auth.KalshiCredentials;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Kalshi API key: id and private key present, the PEM an RSA private key (the client's own
 * loader), and an authenticated read (the balance) accepted by the venue.
 */
public final class KalshiKeyCheck implements DoctorCheck {
  static final String NAME = "kalshi key";

  private final Configuration config;
  private final VenueFactory venues;

  public KalshiKeyCheck(Configuration config, VenueFactory venues) {
    this.config = config;
    this.venues = venues;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run() {
    Optional<String> keyId = config.get(Settings.KALSHI_API_KEY_ID);
    Optional<Secret> pem = config.get(Settings.KALSHI_KEY_B64);
    Optional<Path> file = config.get(Settings.KALSHI_KEY_FILE);
    boolean remote = Checks.remoteVenues(config).contains(VenueId.KALSHI);
    if (keyId.isEmpty() && pem.isEmpty() && file.isEmpty()) {
      return remote
          ? CheckResult.ok(NAME, "executes on the trader (ARB_EXECUTE_REMOTE); no key needed here")
          : CheckResult.warn(NAME, "not configured: Kalshi cannot be traded from this host",
              "set KALSHI_API_KEY_ID and KALSHI_KEY_FILE (or KALSHI_KEY_B64), or ARB_EXECUTE_REMOTE=kalshi");
    }
    if (keyId.isEmpty()) {
      return CheckResult.fail(NAME, "a private key is set but KALSHI_API_KEY_ID is not",
          "set KALSHI_API_KEY_ID to the key's id (a UUID, shown next to the key in Kalshi's API settings)");
    }
    if (pem.isEmpty() && file.isEmpty()) {
      return CheckResult.fail(NAME, "KALSHI_API_KEY_ID is set but no private key",
          "set KALSHI_KEY_FILE to the downloaded .key/.pem file, or KALSHI_KEY_B64 to it base64-encoded");
    }
    String source = pem.isPresent() ? "KALSHI_KEY_B64" : "KALSHI_KEY_FILE " + file.get();
    try {
      // The client's own loader: the same parse the venue would do, with its secret-free messages.
      if (pem.isPresent()) {
        KalshiCredentials.fromPem(keyId.get(), pem.get().reveal());
      } else {
        KalshiCredentials.fromFile(keyId.get(), file.get());
      }
    } catch (VenueException e) {
      return CheckResult.fail(NAME, e.getMessage(),
          "export the key Kalshi issued (PEM, RSA, unencrypted) and point " + (pem.isPresent()
              ? "KALSHI_KEY_B64 at it (base64 -w0 key.pem)" : "KALSHI_KEY_FILE at it"));
    }
    String target = config.get(Settings.KALSHI_API_URL).map(url -> "KALSHI_API_URL " + url)
        .orElse("KALSHI_ENV " + config.get(Settings.KALSHI_ENV).orElse("prod"));
    Balance balance;
    try (VenueSession session = VenueSession.open(venues, VenueId.KALSHI, config)) {
      balance = session.call(venue -> venue.execution().balance());
    } catch (VenueAuthException e) {
      return CheckResult.fail(NAME, "RSA key from " + source + " parses, but Kalshi refused it: " + e.getMessage(),
          "check that KALSHI_API_KEY_ID belongs to this key and that the key was issued where " + target
              + " points (prod or demo); a wrong clock also fails signatures (see 'clock kalshi')");
    } catch (VenueException e) {
      return CheckResult.fail(NAME, "RSA key from " + source + " parses, but the balance read failed: "
          + e.getMessage(), "check " + target + " and the network");
    }
    String found = "key " + keyId.get() + " (RSA, from " + source + ") accepted; balance "
        + Table.dollars(balance.available());
    try {
      if (file.isPresent() && Checks.exposed(file.get())) {
        return CheckResult.warn(NAME, found + "; but " + file.get() + " is readable by others",
            "chmod 600 " + file.get());
      }
    } catch (java.io.IOException e) {
      // Read a moment ago: a permission lookup failing now changes nothing worth reporting.
    }
    return CheckResult.ok(NAME, found + (remote ? "; orders execute on the trader (ARB_EXECUTE_REMOTE)" : ""));
  }
}
