package io.github.crossarb.cli.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configuration setting: its key (also its environment variable and config-file key), what it
 * means, its default and how its text becomes a typed value. A setting is secret exactly when its
 * type is {@link Secret}, so a credential cannot be declared without the masking that comes with
 * it. Settings are declared once, in {@link Settings}.
 *
 * @param <T> the type of the parsed value
 */
public final class Setting<T> {

  /**
   * Turns a setting's text (trimmed, never blank) into its value. Throws an unchecked exception
   * (normally {@link IllegalArgumentException}) whose message says what is wrong in a few words;
   * for a {@link Secret} the message must not quote the text.
   */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(String text);
  }

  private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]*");

  private final String key;
  private final Class<T> type;
  private final Parser<T> parser;
  private final String description;
  private final String defaultText; // null: no default

  private Setting(String key, Class<T> type, Parser<T> parser, String description, String defaultText) {
    this.key = key;
    this.type = type;
    this.parser = parser;
    this.description = description;
    this.defaultText = defaultText;
  }

  /** A setting without a default: unset unless a flag, the environment or the file gives it. */
  public static <T> Setting<T> of(String key, Class<T> type, Parser<T> parser, String description) {
    Objects.requireNonNull(key, "key");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("setting key must look like an environment variable: " + key);
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(parser, "parser");
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("setting " + key + " needs a description");
    }
    return new Setting<>(key, type, parser, description, null);
  }

  /**
   * This setting with a default, written as a user would write the value. The default is parsed
   * here, so a bad default fails when {@link Settings} loads rather than when it is first used.
   */
  public Setting<T> withDefault(String text) {
    if (isSecret()) {
      throw new IllegalArgumentException("secret setting " + key + " cannot have a default");
    }
    parse(Objects.requireNonNull(text, "text"));
    return new Setting<>(key, type, parser, description, text);
  }

  public String key() {
    return key;
  }

  public Class<T> type() {
    return type;
  }

  public String description() {
    return description;
  }

  public Optional<String> defaultText() {
    return Optional.ofNullable(defaultText);
  }

  public boolean isSecret() {
    return type == Secret.class;
  }

  T parse(String text) {
    return type.cast(parser.parse(text));
  }

  @Override
  public String toString() {
    return key;
  }
}
