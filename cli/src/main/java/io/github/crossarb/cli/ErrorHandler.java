package io.github.crossarb.cli;

import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.core.venue.VenueException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr, {@code <command>: <message>}, and an exit code.
 * Expected failures (usage, configuration, venue) print their message; an unexpected one prints
 * its class and message. No stack trace is printed unless asked for with {@code --debug} or
 * {@code ARB_DEBUG=1}, and then only for failures while running (a usage error has none worth
 * reading).
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {
  private final RootCommand root;

  ErrorHandler(RootCommand root) {
    this.root = root;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    String helpCommand = commandLine.getCommandSpec().qualifiedName() + " --help";
    Cli.printError(commandLine, describe(ex) + "; try '" + helpCommand + "'");
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    Throwable failure = ExitCodes.unwrap(ex);
    if (failure instanceof ParameterException parameterException) {
      return handleParseException(parameterException, new String[0]);
    }
    String message;
    if (failure instanceof ConfigException) {
      message = messageOf(failure);
    } else if (failure instanceof VenueException venueException) {
      message = venueException.venue().label() + ": " + messageOf(failure);
    } else {
      message = "unexpected " + failure.getClass().getName()
          + (failure.getMessage() == null ? "" : ": " + failure.getMessage())
          + (root.debug() ? "" : " (--debug or ARB_DEBUG=1 shows the stack trace)");
    }
    Cli.printError(commandLine, message);
    if (root.debug()) {
      failure.printStackTrace(commandLine.getErr());
      commandLine.getErr().flush();
    }
    return ExitCodes.forException(failure);
  }

  private static String describe(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException unmatched) {
      List<String> arguments = unmatched.getUnmatched();
      String text;
      if (!unmatched.isUnknownOption() && !arguments.isEmpty()
          && !unmatched.getCommandLine().getSubcommands().isEmpty()) {
        text = "unknown command '" + arguments.get(0) + "'";
      } else {
        text = decapitalize(messageOf(ex));
      }
      List<String> suggestions = unmatched.getSuggestions();
      return suggestions.isEmpty() ? text : text + " (did you mean '" + String.join("' or '", suggestions) + "'?)";
    }
    return decapitalize(messageOf(ex));
  }

  private static String messageOf(Throwable failure) {
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }

  private static String decapitalize(String text) {
    // Picocli writes "Unknown option: ..."; the rest of our messages are lower case after the colon.
    return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}
