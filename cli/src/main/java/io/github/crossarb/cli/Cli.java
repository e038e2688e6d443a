package io.github.crossarb.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the command line the mains run and tests drive, with the project's error handling. */
public final class Cli {
  private Cli() {}

  /**
   * A command line for {@code root} whose errors print one line on stderr and end with an
   * {@link ExitCodes exit code}. Set its out/err writers before executing to capture output.
   */
  public static CommandLine commandLine(RootCommand root) {
    ErrorHandler errors = new ErrorHandler(root);
    return new CommandLine(root)
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors)
        .setExitCodeExceptionMapper(ExitCodes::forException)
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  /**
   * Prints {@code <root command>: <message>} on the command line's stderr, always on one line: a
   * multi-line message would break scripts that read the first line.
   */
  public static void printError(CommandLine commandLine, String message) {
    PrintWriter err = commandLine.getErr();
    err.println(commandLine.getCommandSpec().root().name() + ": " + message.replaceAll("\\s*\\R\\s*", " ").strip());
    err.flush();
  }
}
