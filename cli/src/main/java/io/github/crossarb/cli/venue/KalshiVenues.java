package io.github.crossarb.cli.venue;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Secret;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.kalshi.KalshiConfig;
import io.github.crossarb.kalshi.KalshiRateTier;
import io.github.crossarb.kalshi.KalshiVenue;
import io.github.crossarb.kalshi.auth.KalshiCredentials;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Builds the Kalshi venue from the configuration ({@code KALSHI_*} settings). */
public final class KalshiVenues {
  private KalshiVenues() {}

  /**
   * The Kalshi venue configured by {@code config}, on the caller's Vert.x context. Credentials
   * may be missing: public reads work, the first private call fails with VenueConfigException.
   *
   * @throws io.github.crossarb.core.venue.VenueConfigException when a key is given but unusable
   */
  public static Venue open(Vertx vertx, Configuration config) {
    return new KalshiVenue(vertx, kalshiConfig(config));
  }

  /** The client configuration {@link #open} uses. */
  public static KalshiConfig kalshiConfig(Configuration config) {
    KalshiConfig.Builder builder = KalshiConfig.builder()
        .environment(KalshiConfig.Environment.parse(config.get(Settings.KALSHI_ENV).orElse("prod")))
        .rateTier(KalshiRateTier.parse(config.get(Settings.KALSHI_RATE_TIER).orElse("basic")));
    Optional<String> api = config.get(Settings.KALSHI_API_URL);
    Optional<String> ws = config.get(Settings.KALSHI_WS_URL);
    api.ifPresent(builder::restBaseUrl);
    if (ws.isPresent()) {
      builder.wsUrl(ws.get());
    } else if (api.isPresent()) {
      // Never stream from production while REST goes elsewhere (e.g. a simulator).
      builder.wsUrl(webSocketFor(api.get()));
    }
    config.get(Settings.ARB_SILENCE_MS).ifPresent(builder::silenceThreshold);
    credentials(config).ifPresent(builder::credentials);
    return builder.build();
  }

  /** {@code http(s)://host:port/prefix/trade-api/v2} → {@code ws(s)://host:port/prefix/trade-api/ws/v2}. */
  static String webSocketFor(String restBase) {
    URI uri = URI.create(restBase);
    String scheme = "https".equalsIgnoreCase(uri.getScheme()) ? "wss" : "ws";
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    String wsPath = path.endsWith("/trade-api/v2")
        ? path.substring(0, path.length() - "/trade-api/v2".length()) + "/trade-api/ws/v2"
        : path + "/trade-api/ws/v2";
    return scheme + "://" + uri.getRawAuthority() + wsPath;
  }

  private static Optional<KalshiCredentials> credentials(Configuration config) {
    Optional<String> keyId = config.get(Settings.KALSHI_API_KEY_ID);
    Optional<Secret> pem = config.get(Settings.KALSHI_KEY_B64);
    Optional<Path> file = config.get(Settings.KALSHI_KEY_FILE);
    if (keyId.isEmpty() || pem.isEmpty() && file.isEmpty()) {
      // Partial credentials: private calls will say which settings are needed.
      return Optional.empty();
    }
    return Optional.of(pem.isPresent()
        ? KalshiCredentials.fromPem(keyId.get(), pem.get().reveal())
        : KalshiCredentials.fromFile(keyId.get(), file.get()));
  }
}
