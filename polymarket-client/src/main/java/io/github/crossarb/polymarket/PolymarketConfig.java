package io.github.crossarb.polymarket;

import io.github.crossarb.polymarket.auth.ApiCredentials;
import io.github.crossarb.polymarket.auth.PolymarketWallet;
import io.github.crossarb.polymarket.order.SignatureType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the Polymarket client needs. Build it with {@link #builder()}; every URL is
 * overridable (tests and the simulator point them at 127.0.0.1). Credentials are optional: public
 * reads work without them, and the first private call fails with a {@code VenueConfigException}.
 *
 * @param clobUrl CLOB REST base, e.g. {@code https://clob.polymarket.com}
 * @param wsUrl WebSocket base; {@code /market} and {@code /user} are appended
 * @param gammaUrl Gamma API base (market metadata)
 * @param dataUrl Data API base (positions)
 * @param geoblockUrl the full geoblock check URL, or null to skip the check
 * @param wallet the EOA that signs, or null (read-only)
 * @param funder the proxy or Safe address that holds the funds (the order maker), or null
 * @param signatureType who the maker is; defaults to EOA without a funder and Safe with one
 * @param credentials API credentials, or null to create/derive them from the wallet
 * @param credentialCacheDir where derived credentials are cached (owner-only file), or null for no cache
 */
public record PolymarketConfig(
    URI clobUrl,
    URI wsUrl,
    URI gammaUrl,
    URI dataUrl,
    URI geoblockUrl,
    long chainId,
    PolymarketWallet wallet,
    String funder,
    SignatureType signatureType,
    ApiCredentials credentials,
    Path credentialCacheDir,
    Duration requestTimeout,
    Duration pingInterval,
    Duration silenceThreshold,
    Duration reconnectMin,
    Duration reconnectMax,
    int subscribeBatchSize,
    InstantSource clock) {
  public static final String DEFAULT_CLOB_URL = "https://clob.polymarket.com";
  public static final String DEFAULT_WS_URL = "wss://ws-subscriptions-clob.polymarket.com/ws";
  public static final String DEFAULT_GAMMA_URL = "https://gamma-api.polymarket.com";
  public static final String DEFAULT_DATA_URL = "https://data-api.polymarket.com";
  public static final String DEFAULT_GEOBLOCK_URL = "https://polymarket.com/api/geoblock";
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  public PolymarketConfig {
    Objects.requireNonNull(clobUrl, "clobUrl");
    Objects.requireNonNull(wsUrl, "wsUrl");
    Objects.requireNonNull(gammaUrl, "gammaUrl");
    Objects.requireNonNull(dataUrl, "dataUrl");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(pingInterval, "pingInterval");
    Objects.requireNonNull(silenceThreshold, "silenceThreshold");
    Objects.requireNonNull(reconnectMin, "reconnectMin");
    Objects.requireNonNull(reconnectMax, "reconnectMax");
    Objects.requireNonNull(clock, "clock");
    if (funder != null && !ADDRESS.matcher(funder).matches()) {
      throw new IllegalArgumentException("Polymarket funder must be 0x and 40 hex digits");
    }
    if (signatureType == null) {
      signatureType = funder == null ? SignatureType.EOA : SignatureType.POLY_GNOSIS_SAFE;
    }
    if (signatureType != SignatureType.EOA && funder == null) {
      throw new IllegalArgumentException("Polymarket signature type " + signatureType.code()
          + " (" + signatureType + ") needs a funder address");
    }
    if (subscribeBatchSize < 1) {
      throw new IllegalArgumentException("subscribe batch size must be at least 1");
    }
    if (reconnectMin.isNegative() || reconnectMax.compareTo(reconnectMin) < 0) {
      throw new IllegalArgumentException("reconnect backoff must satisfy 0 <= min <= max");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The order maker: the funder for proxy and Safe accounts, else the EOA (null without a wallet). */
  public String maker() {
    if (signatureType != SignatureType.EOA) {
      return funder;
    }
    return wallet == null ? null : wallet.address();
  }

  @Override
  public String toString() {
    return "PolymarketConfig[clob=" + clobUrl + ", ws=" + wsUrl + ", gamma=" + gammaUrl + ", data=" + dataUrl
        + ", geoblock=" + geoblockUrl + ", chainId=" + chainId + ", wallet=" + (wallet == null ? "none" : wallet.address())
        + ", funder=" + funder + ", signatureType=" + signatureType + ", credentials=" + (credentials == null ? "none" : "***")
        + "]";
  }

  /** Defaults: production URLs, chain 137, 10 s timeouts and pings, 1 s to 30 s reconnect backoff. */
  public static final class Builder {
    private URI clobUrl = URI.create(DEFAULT_CLOB_URL);
    private URI wsUrl = URI.create(DEFAULT_WS_URL);
    private URI gammaUrl = URI.create(DEFAULT_GAMMA_URL);
    private URI dataUrl = URI.create(DEFAULT_DATA_URL);
    private URI geoblockUrl = URI.create(DEFAULT_GEOBLOCK_URL);
    private long chainId = 137;
    private PolymarketWallet wallet;
    private String funder;
    private SignatureType signatureType;
    private ApiCredentials credentials;
    private Path credentialCacheDir;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration pingInterval = Duration.ofSeconds(10);
    private Duration silenceThreshold = Duration.ofSeconds(30);
    private Duration reconnectMin = Duration.ofSeconds(1);
    private Duration reconnectMax = Duration.ofSeconds(30);
    private int subscribeBatchSize = 100;
    private InstantSource clock = InstantSource.system();

    private Builder() {}

    public Builder clobUrl(String url) {
      this.clobUrl = base(url);
      return this;
    }

    public Builder wsUrl(String url) {
      this.wsUrl = base(url);
      return this;
    }

    public Builder gammaUrl(String url) {
      this.gammaUrl = base(url);
      return this;
    }

    public Builder dataUrl(String url) {
      this.dataUrl = base(url);
      return this;
    }

    /** The geoblock check URL, or null to skip the check (the host is then assumed allowed). */
    public Builder geoblockUrl(String url) {
      this.geoblockUrl = url == null ? null : URI.create(url);
      return this;
    }

    public Builder chainId(long chainId) {
      this.chainId = chainId;
      return this;
    }

    public Builder wallet(PolymarketWallet wallet) {
      this.wallet = wallet;
      return this;
    }

    /** The signing key as 64 hex digits, with or without {@code 0x}. */
    public Builder privateKey(String hex) {
      this.wallet = hex == null ? null : PolymarketWallet.fromHex(hex);
      return this;
    }

    public Builder funder(String funder) {
      this.funder = funder;
      return this;
    }

    public Builder signatureType(SignatureType signatureType) {
      this.signatureType = signatureType;
      return this;
    }

    public Builder credentials(ApiCredentials credentials) {
      this.credentials = credentials;
      return this;
    }

    public Builder credentialCacheDir(Path dir) {
      this.credentialCacheDir = dir;
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    public Builder pingInterval(Duration interval) {
      this.pingInterval = interval;
      return this;
    }

    public Builder silenceThreshold(Duration threshold) {
      this.silenceThreshold = threshold;
      return this;
    }

    public Builder reconnectBackoff(Duration min, Duration max) {
      this.reconnectMin = min;
      this.reconnectMax = max;
      return this;
    }

    public Builder subscribeBatchSize(int size) {
      this.subscribeBatchSize = size;
      return this;
    }

    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    public PolymarketConfig build() {
      return new PolymarketConfig(clobUrl, wsUrl, gammaUrl, dataUrl, geoblockUrl, chainId, wallet, funder,
          signatureType, credentials, credentialCacheDir, requestTimeout, pingInterval, silenceThreshold,
          reconnectMin, reconnectMax, subscribeBatchSize, clock);
    }

    private static URI base(String url) {
      Objects.requireNonNull(url, "url");
      String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      return URI.create(trimmed);
    }
  }
}
