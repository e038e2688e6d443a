package io.github.crossarb.core.store;

import java.io.IOException;
import java.nio.file.Path;

/** A ledger file that cannot be read as written: the message names the file and, if known, the line. */
public final class LedgerFileException extends IOException {
  private final transient Path file;
  private final long line;

  LedgerFileException(Path file, long line, String problem, Throwable cause) {
    super(file + (line > 0 ? " line " + line : "") + ": " + problem, cause);
    this.file = file;
    this.line = line;
  }

  /** The file that is wrong. */
  public Path file() {
    return file;
  }

  /** The 1-based line that is wrong, or 0 when the problem is the whole file. */
  public long line() {
    return line;
  }
}
