package io.github.crossarb.link.transport;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.link.LinkSecret;
import io.github.crossarb.link.protocol.ProtocolVersion;
import io.github.crossarb.link.protocol.TraderLimits;
import io.github.crossarb.link.session.TraderIdentity;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;

/**
 * How a trader dials its controller.
 *
 * @param url {@code ws://host:port} or {@code wss://host:port} ({@code TRADER_LINK_URL})
 * @param trustPath PEM certificate(s) to trust for wss ({@code TRADER_LINK_TLS_TRUST}); null: the JVM's trust store
 * @param backoffMin first wait before redialling (doubles per failed attempt, with jitter)
 * @param backoffMax longest wait between dials
 */
public record LinkClientOptions(
    String url,
    LinkSecret secret,
    String trustPath,
    TraderIdentity identity,
    Duration heartbeat,
    Duration timeout,
    InstantSource clock,
    Duration backoffMin,
    Duration backoffMax,
    int minVersion,
    int maxVersion) {
  public static final Duration DEFAULT_BACKOFF_MIN = Duration.ofMillis(250);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(5);

  public LinkClientOptions {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(backoffMin, "backoffMin");
    Objects.requireNonNull(backoffMax, "backoffMax");
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("TRADER_LINK_URL is not a URL: " + url);
    }
    if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("TRADER_LINK_URL must look like ws://host:port or wss://host:port, not " + url);
    }
    if (backoffMin.isNegative() || backoffMin.isZero() || backoffMax.compareTo(backoffMin) < 0) {
      throw new IllegalArgumentException("need 0 < backoffMin <= backoffMax");
    }
  }

  /** Default heartbeat (1 s), timeout (5 s), backoff (250 ms doubling to 5 s), system clock, JVM trust store. */
  public static LinkClientOptions of(String url, LinkSecret secret, String traderId,
      Map<VenueId, VenueCapabilities> venues, TraderLimits limits) {
    return new LinkClientOptions(url, secret, null, new TraderIdentity(traderId, venues, limits),
        LinkServerOptions.DEFAULT_HEARTBEAT, LinkServerOptions.DEFAULT_TIMEOUT, InstantSource.system(),
        DEFAULT_BACKOFF_MIN, DEFAULT_BACKOFF_MAX, ProtocolVersion.MIN_SUPPORTED, ProtocolVersion.MAX_SUPPORTED);
  }

  public LinkClientOptions withTrust(String trustPath) {
    return new LinkClientOptions(url, secret, trustPath, identity, heartbeat, timeout, clock, backoffMin, backoffMax,
        minVersion, maxVersion);
  }

  public LinkClientOptions withTiming(Duration heartbeat, Duration timeout) {
    return new LinkClientOptions(url, secret, trustPath, identity, heartbeat, timeout, clock, backoffMin, backoffMax,
        minVersion, maxVersion);
  }

  public LinkClientOptions withClock(InstantSource clock) {
    return new LinkClientOptions(url, secret, trustPath, identity, heartbeat, timeout, clock, backoffMin, backoffMax,
        minVersion, maxVersion);
  }

  public LinkClientOptions withBackoff(Duration min, Duration max) {
    return new LinkClientOptions(url, secret, trustPath, identity, heartbeat, timeout, clock, min, max, minVersion,
        maxVersion);
  }

  public LinkClientOptions withVersions(int minVersion, int maxVersion) {
    return new LinkClientOptions(url, secret, trustPath, identity, heartbeat, timeout, clock, backoffMin, backoffMax,
        minVersion, maxVersion);
  }

  public boolean tls() {
    return url.startsWith("wss:");
  }

  @Override
  public String toString() {
    return "LinkClientOptions[" + url + ", trader=" + identity.traderId() + ", secret=***]";
  }
}
