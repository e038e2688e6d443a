package io.github.crossarb.cli.doctor;

import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.venue.PolymarketVenues;
import io.github.crossarb.cli.venue.Table;
import io.github.crossarb.cli.venue.VenueFactory;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueAuthException;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.core.venue.VenueUnavailableException;
import io.github.crossarb.polymarket.PolymarketConfig;
import io.github.crossarb.polymarket.PolymarketVenue;
import io.github.crossarb.polymarket.auth.ApiCredentials;
import io.github.crossarb.polymarket.auth.CredentialCache;
import io.github.crossarb.polymarket.clob.BalanceAllowance;
import io.vertx.core.Future;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The Polymarket wallet: {@code POLY_PRIVATE_KEY} parses, the signer address and the funder and
 * signature type in effect, API credentials configured, cached or derivable, and an authenticated
 * read (balance and allowance) accepted. Read-only: a missing API key is derived
 * ({@code GET /auth/derive-api-key}), never created, and not cached.
 */
public final class PolymarketKeyCheck implements DoctorCheck {
  static final String NAME = "polymarket key";

  private final Configuration config;
  private final VenueFactory venues;

  public PolymarketKeyCheck(Configuration config, VenueFactory venues) {
    this.config = config;
    this.venues = venues;
  }

  @Override
  public String name() {
    return NAME;
  }

  private record Read(String credentialsFrom, BalanceAllowance balance) {}

  @Override
  public CheckResult run() throws IOException {
    boolean remote = Checks.remoteVenues(config).contains(VenueId.POLYMARKET);
    if (config.get(Settings.POLY_PRIVATE_KEY).isEmpty()) {
      return remote
          ? CheckResult.ok(NAME, "executes on the trader (ARB_EXECUTE_REMOTE); no key needed here")
          : CheckResult.warn(NAME, "not configured: Polymarket cannot be traded from this host",
              "set POLY_PRIVATE_KEY (and POLY_FUNDER / POLY_SIGNATURE_TYPE for a proxy or Safe account),"
                  + " or ARB_EXECUTE_REMOTE=polymarket");
    }
    PolymarketConfig pm;
    try {
      pm = PolymarketVenues.polymarketConfig(config);
    } catch (ConfigException e) {
      return CheckResult.fail(NAME, e.getMessage(),
          "fix the settings named; 'controller config' shows each value and where it came from");
    }
    String signer = pm.wallet().address();
    String account = "signer " + signer + ", signature type " + pm.signatureType().code() + " (" + pm.signatureType()
        + ")" + (pm.funder() == null ? "" : ", funder " + pm.funder());
    Optional<ApiCredentials> cached = pm.credentials() != null ? Optional.empty()
        : new CredentialCache(pm.credentialCacheDir(), signer).load();
    Read read;
    try (VenueSession session = VenueSession.open(venues, VenueId.POLYMARKET, config)) {
      read = session.call(venue -> {
        if (!(venue instanceof PolymarketVenue polymarket)) {
          return Future.failedFuture(new IllegalStateException("not the Polymarket client: " + venue.getClass()));
        }
        if (pm.credentials() != null) {
          return polymarket.rest().getBalanceAllowance("COLLATERAL", null)
              .map(b -> new Read("POLY_API_KEY", b));
        }
        if (cached.isPresent()) {
          polymarket.rest().setCredentials(cached.get());
          return polymarket.rest().getBalanceAllowance("COLLATERAL", null)
              .map(b -> new Read("the cache in ARB_DATA_DIR", b));
        }
        return polymarket.rest().deriveApiKey(0).compose(derived -> {
          polymarket.rest().setCredentials(derived);
          return polymarket.rest().getBalanceAllowance("COLLATERAL", null)
              .map(b -> new Read("derived from the key (not cached)", b));
        });
      });
    } catch (VenueAuthException e) {
      return CheckResult.fail(NAME, account + "; Polymarket refused the API credentials: " + e.getMessage(),
          pm.credentials() != null
              ? "set POLY_API_KEY/SECRET/PASSPHRASE to the key of this wallet, or unset all three to derive them"
              : "run 'controller polymarket derive-keys' to create (or re-derive) and cache the API key");
    } catch (VenueUnavailableException e) {
      return CheckResult.fail(NAME, account + "; the CLOB did not answer: " + e.getMessage(),
          "check POLY_CLOB_URL (" + pm.clobUrl() + ") and the network");
    } catch (VenueException e) {
      return CheckResult.fail(NAME, account + "; the authenticated read failed: " + e.getMessage(),
          pm.credentials() == null && cached.isEmpty()
              ? "if this wallet has no API key yet, run 'controller polymarket derive-keys'; else check POLY_CLOB_URL"
              : "check POLY_CLOB_URL and the network");
    }
    BigInteger spendable = read.balance().spendable();
    String balance = read.balance().balance().bitLength() < 63
        ? Table.dollars(Money.ofMicros(read.balance().balance().longValueExact()))
        : read.balance().balance() + " base units";
    String found = account + "; API key from " + read.credentialsFrom() + " accepted; pUSD balance " + balance
        + (remote ? "; orders execute on the trader (ARB_EXECUTE_REMOTE)" : "");
    if (!remote && read.balance().balance().signum() > 0 && spendable.signum() == 0) {
      return CheckResult.warn(NAME, found + "; no allowance for the exchange",
          "approve pUSD for the exchange contracts from the wallet, then check again");
    }
    return CheckResult.ok(NAME, found);
  }
}
