package io.github.crossarb.cli.daemon;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@code $ARB_DATA_DIR/control.json} says about the running daemon: its pid, the loopback
 * port of its control endpoint, when it started, and the file's format version.
 */
public record ControlInfo(long pid, int port, Instant startedAt, int version) {
  /** The only format written and read. */
  public static final int VERSION = 1;

  public ControlInfo {
    Objects.requireNonNull(startedAt, "startedAt");
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }
}
