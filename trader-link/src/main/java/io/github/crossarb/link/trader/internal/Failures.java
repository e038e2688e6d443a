package io.github.crossarb.link.trader.internal;

import io.github.crossarb.core.venue.VenueAuthException;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.core.venue.VenueProtocolException;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.github.crossarb.core.venue.VenueUnavailableException;
import io.github.crossarb.link.protocol.CommandFailed;
import io.github.crossarb.link.protocol.FailureKind;

/**
 * A venue call's failure as the {@link CommandFailed} the controller turns back into the same
 * venue exception. Venue exception messages carry no credentials (the SPI's rule); they are put on
 * one line. A rejection's message starts with the venue's code: {@code "<code>: <message>"}.
 */
public final class Failures {
  private Failures() {}

  public static CommandFailed commandFailed(String commandId, Throwable failure) {
    return new CommandFailed(commandId, kindOf(failure), messageOf(failure));
  }

  public static FailureKind kindOf(Throwable failure) {
    if (failure instanceof VenueRejectedException) {
      return FailureKind.REJECTED;
    }
    if (failure instanceof VenueAuthException) {
      return FailureKind.AUTH;
    }
    if (failure instanceof VenueProtocolException) {
      return FailureKind.PROTOCOL;
    }
    if (failure instanceof VenueConfigException) {
      return FailureKind.CONFIG;
    }
    // VenueUnavailableException (RateLimitedException included), and anything else: the call's
    // outcome is not known to have been refused, so the controller may retry a read.
    return FailureKind.UNAVAILABLE;
  }

  public static String messageOf(Throwable failure) {
    String message;
    if (failure instanceof VenueRejectedException rejected) {
      message = rejected.venueCode() + ": " + rejected.getMessage();
    } else if (failure instanceof VenueException || failure instanceof VenueUnavailableException) {
      message = String.valueOf(failure.getMessage());
    } else {
      // Not a venue exception: a bug or a transport failure; name the class, never a stack trace.
      message = "trader error " + failure.getClass().getSimpleName()
          + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
    return oneLine(message);
  }

  public static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
