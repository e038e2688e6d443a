package io.github.crossarb.core.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file ({@code pairs.json}, {@code market-cache.json}) that cannot be read as written. The
 * message is one line naming the file and, when the problem is one entry, that entry.
 */
public final class DataFileException extends IOException {
  private final transient Path file;

  DataFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file that is wrong. */
  public Path file() {
    return file;
  }
}
