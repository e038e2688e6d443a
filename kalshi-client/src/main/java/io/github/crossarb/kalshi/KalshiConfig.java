package io.github.crossarb.kalshi;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.kalshi.auth.KalshiCredentials;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach Kalshi. Immutable; build with {@link #builder()}. The REST base includes
 * {@code /trade-api/v2}; both URLs may point anywhere (a loopback fake in tests).
 *
 * @param credentials the API key, or null for public data only (private calls then fail with
 *     {@link VenueConfigException})
 * @param requestTimeout how long a REST call may take before its outcome is unknown
 * @param silenceThreshold a live book with no message for this long is marked untrusted (SILENT)
 * @param reconnectMin first reconnect delay, doubled per failed attempt up to {@code reconnectMax};
 *     also the first backoff after a 429
 * @param pingInterval how often the client pings the WebSocket; a connection that answers nothing
 *     (no pong, no message) for three intervals is dropped and reconnected
 * @param subscribeBatch how many tickers one subscribe command carries
 * @param maxRateLimitRetries how often a call answered 429 is sent again (the venue did not act on it)
 */
public record KalshiConfig(
    URI restBaseUrl,
    URI wsUrl,
    KalshiCredentials credentials,
    KalshiRateTier rateTier,
    Duration requestTimeout,
    Duration silenceThreshold,
    Duration reconnectMin,
    Duration reconnectMax,
    Duration pingInterval,
    int subscribeBatch,
    int maxRateLimitRetries,
    InstantSource clock) {

  /** Kalshi's hosts (reference §1, the recommended ones). */
  public enum Environment {
    PROD("https://external-api.kalshi.com/trade-api/v2", "wss://external-api-ws.kalshi.com/trade-api/ws/v2"),
    DEMO("https://external-api.demo.kalshi.co/trade-api/v2", "wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2");

    private final URI rest;
    private final URI ws;

    Environment(String rest, String ws) {
      this.rest = URI.create(rest);
      this.ws = URI.create(ws);
    }

    public URI restBaseUrl() {
      return rest;
    }

    public URI wsUrl() {
      return ws;
    }

    /** {@code prod} or {@code demo}, any case. */
    public static Environment parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new VenueConfigException(VenueId.KALSHI, "unknown Kalshi environment \"" + text + "\" (prod or demo)");
      }
    }
  }

  public KalshiConfig {
    Objects.requireNonNull(restBaseUrl, "restBaseUrl");
    Objects.requireNonNull(wsUrl, "wsUrl");
    Objects.requireNonNull(rateTier, "rateTier");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(silenceThreshold, "silenceThreshold");
    Objects.requireNonNull(reconnectMin, "reconnectMin");
    Objects.requireNonNull(reconnectMax, "reconnectMax");
    Objects.requireNonNull(pingInterval, "pingInterval");
    if (pingInterval.isZero() || pingInterval.isNegative()) {
      throw new IllegalArgumentException("pingInterval must be positive");
    }
    Objects.requireNonNull(clock, "clock");
    requireScheme(restBaseUrl, "http", "https");
    requireScheme(wsUrl, "ws", "wss");
    if (subscribeBatch < 1) {
      throw new IllegalArgumentException("subscribeBatch must be at least 1");
    }
    if (maxRateLimitRetries < 0) {
      throw new IllegalArgumentException("maxRateLimitRetries must not be negative");
    }
    String path = restBaseUrl.getPath();
    if (path.endsWith("/")) {
      restBaseUrl = URI.create(restBaseUrl.toString().replaceAll("/+$", ""));
    }
  }

  private static void requireScheme(URI url, String plain, String secure) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals(plain) && !scheme.equals(secure) || url.getHost() == null) {
      throw new VenueConfigException(VenueId.KALSHI, "not a " + plain + "/" + secure + " URL: " + url);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A copy with other credentials. */
  public KalshiConfig withCredentials(KalshiCredentials newCredentials) {
    return new KalshiConfig(restBaseUrl, wsUrl, newCredentials, rateTier, requestTimeout, silenceThreshold,
        reconnectMin, reconnectMax, pingInterval, subscribeBatch, maxRateLimitRetries, clock);
  }

  @Override
  public String toString() {
    return "KalshiConfig[rest=" + restBaseUrl + ", ws=" + wsUrl + ", credentials="
        + (credentials == null ? "none" : "***") + ", tier=" + rateTier + "]";
  }

  public static final class Builder {
    private URI restBaseUrl = Environment.PROD.restBaseUrl();
    private URI wsUrl = Environment.PROD.wsUrl();
    private KalshiCredentials credentials;
    private KalshiRateTier rateTier = KalshiRateTier.BASIC;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration silenceThreshold = Duration.ofSeconds(30);
    private Duration reconnectMin = Duration.ofMillis(250);
    private Duration reconnectMax = Duration.ofSeconds(30);
    private Duration pingInterval = Duration.ofSeconds(10);
    private int subscribeBatch = 100;
    private int maxRateLimitRetries = 3;
    private InstantSource clock = InstantSource.system();

    private Builder() {}

    /** Both URLs of {@code environment}; call before {@link #restBaseUrl}/{@link #wsUrl} to override one. */
    public Builder environment(Environment environment) {
      this.restBaseUrl = environment.restBaseUrl();
      this.wsUrl = environment.wsUrl();
      return this;
    }

    public Builder restBaseUrl(String url) {
      this.restBaseUrl = parse(url);
      return this;
    }

    public Builder wsUrl(String url) {
      this.wsUrl = parse(url);
      return this;
    }

    public Builder credentials(KalshiCredentials credentials) {
      this.credentials = credentials;
      return this;
    }

    public Builder rateTier(KalshiRateTier rateTier) {
      this.rateTier = rateTier;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    public Builder silenceThreshold(Duration silenceThreshold) {
      this.silenceThreshold = silenceThreshold;
      return this;
    }

    public Builder reconnectBackoff(Duration min, Duration max) {
      this.reconnectMin = min;
      this.reconnectMax = max;
      return this;
    }

    public Builder pingInterval(Duration pingInterval) {
      this.pingInterval = pingInterval;
      return this;
    }

    public Builder subscribeBatch(int subscribeBatch) {
      this.subscribeBatch = subscribeBatch;
      return this;
    }

    public Builder maxRateLimitRetries(int maxRateLimitRetries) {
      this.maxRateLimitRetries = maxRateLimitRetries;
      return this;
    }

    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    public KalshiConfig build() {
      return new KalshiConfig(restBaseUrl, wsUrl, credentials, rateTier, requestTimeout, silenceThreshold,
          reconnectMin, reconnectMax, pingInterval, subscribeBatch, maxRateLimitRetries, clock);
    }

    private static URI parse(String url) {
      try {
        return new URI(Objects.requireNonNull(url, "url").trim());
      } catch (java.net.URISyntaxException e) {
        throw new VenueConfigException(VenueId.KALSHI, "not a URL: " + url);
      }
    }
  }
}
