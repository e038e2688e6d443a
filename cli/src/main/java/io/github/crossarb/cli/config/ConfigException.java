package io.github.crossarb.cli.config;

/**
 * The configuration is missing a value, has an invalid one or cannot be read; ends a command with
 * exit code 3. The message is one line that names the setting (and file) at fault and never
 * contains a secret's value.
 */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
