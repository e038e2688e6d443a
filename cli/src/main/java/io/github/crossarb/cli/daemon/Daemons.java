package io.github.crossarb.cli.daemon;

import java.nio.file.Path;
import java.util.Optional;

/** Finding the daemon of a data directory. */
public final class Daemons {
  private Daemons() {}

  /** A running daemon: the client of its endpoint, and what its health check said. */
  public record Running(ControlClient client, ControlInfo info, ControlClient.Health health) {}

  /**
   * The daemon running on {@code dataDir}: the engine lock is held, control.json and control.token
   * are there, and the health check answers. Control files without the lock held are stale and
   * ignored (the next engine replaces them).
   */
  public static Optional<Running> find(Path dataDir) {
    if (!EngineLock.isHeld(dataDir)) {
      return Optional.empty();
    }
    Optional<ControlInfo> info = ControlFiles.readInfo(dataDir);
    Optional<ControlClient> client = ControlClient.fromFiles(dataDir);
    if (info.isEmpty() || client.isEmpty()) {
      return Optional.empty();
    }
    try {
      ControlClient.Health health = client.get().health();
      return "ok".equals(health.status()) ? Optional.of(new Running(client.get(), info.get(), health)) : Optional.empty();
    } catch (ControlException e) {
      return Optional.empty();
    }
  }
}
