package io.github.crossarb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crossarb <command> <version>}, the version coming from the Maven-filtered resource. */
final class VersionProvider implements IVersionProvider {
  @Spec private CommandSpec spec;

  @Override
  public String[] getVersion() {
    return new String[] {"crossarb " + spec.root().name() + " " + version()};
  }

  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      // Unfiltered (e.g. resources copied by an IDE rather than Maven): better no version than "${...}".
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
