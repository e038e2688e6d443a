package io.github.crossarb.link.session;

import io.github.crossarb.link.LinkSecret;
import io.github.crossarb.link.protocol.ProtocolVersion;
import java.time.Duration;
import java.util.Objects;

/**
 * What both sides of a session need to agree on: the shared secret, the heartbeat interval, the
 * silence timeout (also the most a handshake may take) and the protocol versions spoken.
 */
public record SessionSettings(LinkSecret secret, Duration heartbeat, Duration timeout, int minVersion, int maxVersion) {
  public SessionSettings {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(timeout, "timeout");
    if (heartbeat.isNegative() || heartbeat.isZero() || timeout.compareTo(heartbeat) <= 0) {
      throw new IllegalArgumentException("need 0 < heartbeat < timeout, got " + heartbeat.toMillis() + " ms and "
          + timeout.toMillis() + " ms");
    }
    if (minVersion < 1 || maxVersion < minVersion) {
      throw new IllegalArgumentException("bad protocol version range " + minVersion + ".." + maxVersion);
    }
  }

  /** The versions this build speaks. */
  public SessionSettings(LinkSecret secret, Duration heartbeat, Duration timeout) {
    this(secret, heartbeat, timeout, ProtocolVersion.MIN_SUPPORTED, ProtocolVersion.MAX_SUPPORTED);
  }

  @Override
  public String toString() {
    return "SessionSettings[secret=***, heartbeat=" + heartbeat.toMillis() + "ms, timeout=" + timeout.toMillis()
        + "ms, versions=" + minVersion + ".." + maxVersion + "]";
  }
}
