package io.github.crossarb.cli;

import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.ParameterException;

/**
 * The exit codes of both applications. Scripts, the deploy health checks and the operator rely on
 * them, so they never change meaning.
 */
public final class ExitCodes {
  /** The command did what it was asked. */
  public static final int OK = 0;
  /** Something failed at run time that is none of the cases below. */
  public static final int FAILURE = 1;
  /** The command line was wrong: unknown command, unknown or malformed option. */
  public static final int USAGE = 2;
  /** The configuration is wrong: missing or invalid credential (or a key a venue client cannot use), unreadable file, invalid value. */
  public static final int CONFIG = 3;
  /** A venue refused, failed or could not be reached. */
  public static final int VENUE = 4;
  /**
   * An order was sent but its outcome is unknown (timeout, 5xx, lost connection): it may be live.
   * Check the venue's open orders before sending it again.
   */
  public static final int ORDER_UNKNOWN = 5;

  private ExitCodes() {}

  /**
   * The exit code for the exception that ended a command; usable as Picocli's
   * {@code IExitCodeExceptionMapper} ({@code ExitCodes::forException}).
   */
  public static int forException(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof ParameterException) {
      return USAGE;
    }
    if (cause instanceof ConfigException || cause instanceof VenueConfigException) {
      return CONFIG;
    }
    if (cause instanceof VenueException) {
      return VENUE;
    }
    return FAILURE;
  }

  /**
   * Strips the wrappers that asynchronous code and Picocli put around the real failure, so a
   * {@link VenueException} surfacing through a future still maps to {@link #VENUE}.
   */
  static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while (current.getCause() != null
        && (current instanceof CompletionException
            || current instanceof ExecutionException
            || current instanceof picocli.CommandLine.ExecutionException)) {
      current = current.getCause();
    }
    return current;
  }
}
