package io.github.crossarb.cli.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A credential. It prints as {@code ***} everywhere (string concatenation, logs, exception
 * messages, Jackson) so that passing it around cannot leak it; only {@link #reveal()} gives the
 * value. Deliberately not a record: a record's generated {@code toString()} would print it.
 */
public final class Secret {
  private static final String MASK = "***";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "value"));
  }

  /** The credential itself: hand it to the signer that needs it, never to a message or a log. */
  public String reveal() {
    return value;
  }

  @JsonValue
  @Override
  public String toString() {
    return MASK;
  }
}
