package io.github.crossarb.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps README.md's configuration table current: every registered setting must appear in it.
 * {@code ./controller config --reference} prints the table to paste.
 */
class ConfigReferenceTest {
  @Test
  void readmeMentionsEverySetting() throws IOException {
    Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path readme = moduleDir.resolve("../README.md").normalize();
    assumeTrue(Files.isRegularFile(readme), "no README.md at " + readme + ": nothing to check");
    String text = Files.readString(readme);

    for (Setting<?> setting : Settings.all()) {
      // Whole-word match: ARB_MIN_EDGE_REL must not count as a mention of ARB_MIN_EDGE.
      Pattern key = Pattern.compile("(?<![A-Z0-9_])" + Pattern.quote(setting.key()) + "(?![A-Z0-9_])");
      assertThat(key.matcher(text).find())
          .as("README.md (%s) mentions %s; regenerate its table with './controller config --reference'",
              readme, setting.key())
          .isTrue();
    }
  }
}
