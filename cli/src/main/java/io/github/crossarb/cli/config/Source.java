package io.github.crossarb.cli.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an effective configuration value came from. Prints as {@code flag}, {@code env},
 * {@code file <path>}, {@code default}, or {@code -} for a setting that has no value.
 *
 * @param kind which layer supplied the value
 * @param file the config file, only for {@link Kind#FILE}; otherwise null
 */
public record Source(Kind kind, Path file) {
  /** The layers, highest precedence first. */
  public enum Kind {
    FLAG,
    ENV,
    FILE,
    DEFAULT,
    NONE
  }

  public static final Source FLAG = new Source(Kind.FLAG, null);
  public static final Source ENV = new Source(Kind.ENV, null);
  public static final Source DEFAULT = new Source(Kind.DEFAULT, null);
  public static final Source NONE = new Source(Kind.NONE, null);

  public Source {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.FILE) != (file != null)) {
      throw new IllegalArgumentException("a file is given exactly for source kind FILE");
    }
  }

  public static Source file(Path file) {
    return new Source(Kind.FILE, Objects.requireNonNull(file, "file"));
  }

  @Override
  public String toString() {
    return switch (kind) {
      case FLAG -> "flag";
      case ENV -> "env";
      case FILE -> "file " + file;
      case DEFAULT -> "default";
      case NONE -> "-";
    };
  }
}
