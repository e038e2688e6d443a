package io.github.crossarb.cli.doctor;

import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Source;
import java.util.function.Supplier;

/**
 * Every setting parses and the rules between settings hold: the normal resolution, whose one-line
 * error names the setting and where its value came from (and never a secret's value).
 */
public final class ConfigurationCheck {
  static final String NAME = "configuration";

  private ConfigurationCheck() {}

  /** The outcome of resolving, and the configuration when it resolved. */
  public record Outcome(CheckResult result, Configuration configuration) {}

  public static Outcome run(Supplier<Configuration> resolve) {
    Configuration config;
    try {
      config = resolve.get();
    } catch (ConfigException e) {
      return new Outcome(CheckResult.fail(NAME, e.getMessage(),
          "fix that value where it comes from (flag --set, environment, or config.properties in ARB_DATA_DIR);"
              + " 'controller config' lists every setting once it resolves"), null);
    }
    long given = config.entries().stream()
        .filter(entry -> entry.source().kind() != Source.Kind.NONE && entry.source().kind() != Source.Kind.DEFAULT)
        .count();
    return new Outcome(CheckResult.ok(NAME, config.entries().size() + " settings resolve (" + given
        + " given, the rest defaults or unset); the combination rules hold"), config);
  }
}
