package io.github.crossarb.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain packages depend on the JDK alone, so other JVM tools can reuse them without our
 * runtime (floating point is policed by {@link NoFloatingPointTest}).
 */
class CoreRulesTest {
  private static final Path MAIN = Path.of("src/main/java/io/github/crossarb/core");
  private static final List<String> DOMAIN_PACKAGES = List.of("model", "book", "pair", "pricing", "position", "risk");
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

  @Test
  void domainPackagesImportOnlyTheJdkAndCore() {
    List<String> offenders = new ArrayList<>();
    for (String pkg : DOMAIN_PACKAGES) {
      Path dir = MAIN.resolve(pkg);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      for (Path file : javaFiles(dir)) {
        Matcher m = IMPORT.matcher(read(file));
        while (m.find()) {
          String imported = m.group(2);
          if (!imported.startsWith("java.") && !imported.startsWith("io.github.crossarb.core.")) {
            offenders.add(MAIN.relativize(file) + " imports " + imported);
          }
        }
      }
    }
    assertThat(offenders).as("non-JDK imports in core domain packages").isEmpty();
  }

  @Test
  void theRulesSeeTheSources() {
    // Guards against the scan silently finding nothing (e.g. run from another directory).
    assertThat(javaFiles(MAIN.resolve("model"))).hasSizeGreaterThan(5);
  }

  private static List<Path> javaFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
