package io.github.crossarb.cli.venue;

import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Secret;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.polymarket.PolymarketConfig;
import io.github.crossarb.polymarket.PolymarketVenue;
import io.github.crossarb.polymarket.auth.ApiCredentials;
import io.github.crossarb.polymarket.order.SignatureType;
import io.vertx.core.Vertx;
import java.util.Optional;

/** Builds the Polymarket venue from the command line's configuration. */
public final class PolymarketVenues {
  private PolymarketVenues() {}

  /**
   * The Polymarket venue configured by {@code config}, on the caller's Vert.x context. Credentials
   * may be missing: public reads work, the first private call fails with VenueConfigException.
   *
   * @throws ConfigException if the Polymarket settings contradict each other
   */
  public static Venue open(Vertx vertx, Configuration config) {
    return PolymarketVenue.create(vertx, polymarketConfig(config));
  }

  /** The client configuration the settings describe. */
  public static PolymarketConfig polymarketConfig(Configuration config) {
    PolymarketConfig.Builder builder = PolymarketConfig.builder()
        .clobUrl(config.require(Settings.POLY_CLOB_URL))
        .wsUrl(config.require(Settings.POLY_WS_URL))
        .gammaUrl(config.require(Settings.POLY_GAMMA_URL))
        .dataUrl(config.require(Settings.POLY_DATA_URL))
        .geoblockUrl(config.require(Settings.POLY_GEOBLOCK_URL))
        .credentialCacheDir(config.require(Settings.ARB_DATA_DIR));
    config.get(Settings.POLY_PRIVATE_KEY).ifPresent(key -> {
      try {
        builder.privateKey(key.reveal());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(Settings.POLY_PRIVATE_KEY + " (from " + config.sourceOf(Settings.POLY_PRIVATE_KEY)
            + "): " + e.getMessage());
      }
    });
    config.get(Settings.POLY_FUNDER).ifPresent(builder::funder);
    config.get(Settings.POLY_SIGNATURE_TYPE).ifPresent(type -> builder.signatureType(SignatureType.of(type)));
    credentials(config).ifPresent(builder::credentials);
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(Settings.POLY_SIGNATURE_TYPE + " / " + Settings.POLY_FUNDER + ": " + e.getMessage());
    }
  }

  private static Optional<ApiCredentials> credentials(Configuration config) {
    Optional<Secret> key = config.get(Settings.POLY_API_KEY);
    Optional<Secret> secret = config.get(Settings.POLY_API_SECRET);
    Optional<Secret> passphrase = config.get(Settings.POLY_API_PASSPHRASE);
    int given = (key.isPresent() ? 1 : 0) + (secret.isPresent() ? 1 : 0) + (passphrase.isPresent() ? 1 : 0);
    if (given == 0) {
      return Optional.empty();
    }
    if (given != 3) {
      throw new ConfigException("set all of " + Settings.POLY_API_KEY + ", " + Settings.POLY_API_SECRET + " and "
          + Settings.POLY_API_PASSPHRASE + ", or none of them (to derive them from " + Settings.POLY_PRIVATE_KEY + ")");
    }
    if (config.get(Settings.POLY_PRIVATE_KEY).isEmpty()) {
      throw new ConfigException(Settings.POLY_API_KEY + " needs " + Settings.POLY_PRIVATE_KEY
          + " too: Polymarket signs every authenticated request with the wallet address");
    }
    return Optional.of(new ApiCredentials(key.get().reveal(), secret.get().reveal(), passphrase.get().reveal()));
  }
}
