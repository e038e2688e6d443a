package io.github.crossarb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
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

  public static Result controller(Map<String, String> environment, String... args) {
    return run(Cli.commandLine(new ControllerCommand(environment)), args);
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
