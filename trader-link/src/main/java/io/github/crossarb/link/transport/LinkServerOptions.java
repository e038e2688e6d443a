package io.github.crossarb.link.transport;

import io.github.crossarb.link.LinkSecret;
import io.github.crossarb.link.protocol.ProtocolVersion;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How the controller listens for traders.
 *
 * @param host the address to bind ({@code TRADER_LINK_LISTEN}'s host)
 * @param port the port, 0 for any free one (tests)
 * @param tlsCertPath PEM certificate chain for TLS ({@code TRADER_LINK_TLS_CERT}); null for plain ws
 * @param tlsKeyPath PEM private key for TLS ({@code TRADER_LINK_TLS_KEY}); null for plain ws
 * @param maxPendingHandshakes connections not yet authenticated allowed at once; more are closed at once
 */
public record LinkServerOptions(
    String host,
    int port,
    LinkSecret secret,
    String tlsCertPath,
    String tlsKeyPath,
    Duration heartbeat,
    Duration timeout,
    InstantSource clock,
    int minVersion,
    int maxVersion,
    int maxPendingHandshakes) {
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofMillis(1000);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(5000);
  public static final int DEFAULT_MAX_PENDING_HANDSHAKES = 16;

  public LinkServerOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if ((tlsCertPath == null) != (tlsKeyPath == null)) {
      throw new IllegalArgumentException("TLS needs both a certificate and a key (TRADER_LINK_TLS_CERT, TRADER_LINK_TLS_KEY)");
    }
    if (maxPendingHandshakes < 1) {
      throw new IllegalArgumentException("maxPendingHandshakes must be positive");
    }
  }

  /** Plain ws, default heartbeat (1 s) and timeout (5 s), system clock. */
  public static LinkServerOptions of(String host, int port, LinkSecret secret) {
    return new LinkServerOptions(host, port, secret, null, null, DEFAULT_HEARTBEAT, DEFAULT_TIMEOUT,
        InstantSource.system(), ProtocolVersion.MIN_SUPPORTED, ProtocolVersion.MAX_SUPPORTED,
        DEFAULT_MAX_PENDING_HANDSHAKES);
  }

  /**
   * Options for {@code TRADER_LINK_LISTEN}: {@code host:port}, {@code [v6-address]:port} or just
   * {@code port} (all interfaces).
   *
   * @throws IllegalArgumentException with a one-line message when it is not one of those
   */
  public static LinkServerOptions listen(String hostPort, LinkSecret secret) {
    String text = hostPort == null ? "" : hostPort.trim();
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? "0.0.0.0" : text.substring(0, colon);
    String portText = colon < 0 ? text : text.substring(colon + 1);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (host.isEmpty() || port < 0 || port > 65535) {
      throw new IllegalArgumentException("TRADER_LINK_LISTEN must look like host:port (e.g. 0.0.0.0:9001), not \""
          + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"");
    }
    return of(host, port, secret);
  }

  public LinkServerOptions withTls(String certPath, String keyPath) {
    return new LinkServerOptions(host, port, secret, certPath, keyPath, heartbeat, timeout, clock, minVersion,
        maxVersion, maxPendingHandshakes);
  }

  public LinkServerOptions withTiming(Duration heartbeat, Duration timeout) {
    return new LinkServerOptions(host, port, secret, tlsCertPath, tlsKeyPath, heartbeat, timeout, clock, minVersion,
        maxVersion, maxPendingHandshakes);
  }

  public LinkServerOptions withClock(InstantSource clock) {
    return new LinkServerOptions(host, port, secret, tlsCertPath, tlsKeyPath, heartbeat, timeout, clock, minVersion,
        maxVersion, maxPendingHandshakes);
  }

  public LinkServerOptions withVersions(int minVersion, int maxVersion) {
    return new LinkServerOptions(host, port, secret, tlsCertPath, tlsKeyPath, heartbeat, timeout, clock, minVersion,
        maxVersion, maxPendingHandshakes);
  }

  public LinkServerOptions withMaxPendingHandshakes(int max) {
    return new LinkServerOptions(host, port, secret, tlsCertPath, tlsKeyPath, heartbeat, timeout, clock, minVersion,
        maxVersion, max);
  }

  public boolean tls() {
    return tlsCertPath != null;
  }

  @Override
  public String toString() {
    return "LinkServerOptions[" + host + ":" + port + (tls() ? " tls" : "") + ", secret=***, heartbeat="
        + heartbeat.toMillis() + "ms, timeout=" + timeout.toMillis() + "ms]";
  }
}
