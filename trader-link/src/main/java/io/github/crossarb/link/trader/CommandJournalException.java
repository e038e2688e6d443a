package io.github.crossarb.link.trader;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The command journal cannot be read as written: a line before the last one is not a valid record
 * (a torn last line is not this: it is ignored and reported). The message is one line naming the
 * file and the line.
 */
public final class CommandJournalException extends IOException {
  private final transient Path file;
  private final long line;

  CommandJournalException(Path file, long line, String problem, Throwable cause) {
    super(file + " line " + line + ": " + problem, cause);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** The line number, from 1. */
  public long line() {
    return line;
  }
}
