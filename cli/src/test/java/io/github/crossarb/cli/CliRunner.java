package io.github.crossarb.cli;

import io.github.crossarb.cli.venue.VenueFactory;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs a command line in-process with captured output and an injected environment. */
public final class CliRunner {
  /** What a run printed and returned. */
  public record Result(int exitCode, String out, String err) {
    public List<String> errLines() {
      return err.lines().toList();
    }
  }

  private CliRunner() {}

  /** An environment with {@code ARB_DATA_DIR} set to {@code dataDir}, plus key/value pairs. */
  public static Map<String, String> environment(Path dataDir, String... keyValues) {
    Map<String, String> env = new HashMap<>();
    env.put("ARB_DATA_DIR", dataDir.toString());
    for (int i = 0; i < keyValues.length; i += 2) {
      env.put(keyValues[i], keyValues[i + 1]);
    }
    return env;
  }

  public static Result controller(Map<String, String> environment, String... args) {
    return run(Cli.commandLine(new ControllerCommand(testWeb(environment))
        .withOperatorInput(InputStream.nullInputStream())), args);
  }

  /** The web server on a port the OS picks unless the test chose: never the default 8080 (tests run side by side). */
  private static Map<String, String> testWeb(Map<String, String> environment) {
    Map<String, String> env = new HashMap<>(environment);
    env.putIfAbsent("ARB_WEB_LISTEN", "127.0.0.1:0");
    return env;
  }

  /** {@code controller} with venue commands answered by {@code venues}. */
  public static Result controller(Map<String, String> environment, VenueFactory venues, String... args) {
    return run(Cli.commandLine(new ControllerCommand(testWeb(environment), venues)
        .withOperatorInput(InputStream.nullInputStream())), args);
  }

  public static Result trader(Map<String, String> environment, String... args) {
    return run(Cli.commandLine(new TraderCommand(environment)), args);
  }

  public static Result run(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }
}
