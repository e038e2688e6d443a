package io.github.crossarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real launcher scripts against the jar that {@code package} built. */
class LauncherIT {
  private static final long TIMEOUT_SECONDS = 60;

  @TempDir Path workDir;

  private record Outcome(int exitCode, String out, String err) {}

  private static Path repoRoot() {
    Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    return moduleDir.getParent();
  }

  /** Runs a launcher from an unrelated directory, with none of the project's variables set. */
  private Outcome launch(String launcher, String... args) throws IOException, InterruptedException {
    Path root = repoRoot();
    // Without the jar the launcher would start a nested Maven build; fail clearly instead.
    assertThat(root.resolve("cli/target/crossarb.jar")).as("jar built by package").isRegularFile();
    Path out = workDir.resolve(launcher + ".out");
    Path err = workDir.resolve(launcher + ".err");
    ProcessBuilder builder = new ProcessBuilder(
        concat(root.resolve(launcher).toString(), args))
        .directory(workDir.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("ARB_") || key.startsWith("KALSHI_")
        || key.startsWith("POLY_") || key.equals("JAVA_OPTS"));
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(launcher + " did not finish within " + TIMEOUT_SECONDS + "s");
    }
    return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static List<String> concat(String first, String... rest) {
    List<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all;
  }

  @Test
  void controllerPrintsItsVersion() throws Exception {
    Outcome outcome = launch("controller", "--version");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out().strip()).matches("crossarb controller \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void traderPrintsItsHelp() throws Exception {
    Outcome outcome = launch("trader", "--help");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out()).startsWith("Usage: trader").contains("config");
  }

  @Test
  void controllerExitCodesSurviveTheLauncher() throws Exception {
    Outcome outcome = launch("controller", "xyzzy");

    assertThat(outcome.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err().lines()).containsExactly(
        "controller: unknown command 'xyzzy'; try 'controller --help'");
  }
}
