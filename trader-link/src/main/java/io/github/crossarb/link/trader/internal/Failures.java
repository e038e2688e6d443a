package io.github.crossarb.link.trader.internal;

import io.github.crossarb.core.venue.VenueAuthException;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.core.venue.VenueProtocolException;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.github.crossarb.link.protocol.CommandFailed;
import io.github.crossarb.link.protocol.FailureKind;

/**
 * A venue call's failure as the {@link CommandFailed} the controller turns back into the same
 * venue exception. Venue exception messages carry no credentials (the SPI's rule); they are put on
 * one line; a rejection carries the venue's code.
 */
public final class Failures {
  private Failures() {}

  public static CommandFailed commandFailed(String commandId, Throwable failure) {
    String venueCode = failure instanceof VenueRejectedException rejected ? rejected.venueCode() : null;
    return new CommandFailed(commandId, kindOf(failure), venueCode, messageOf(failure));
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
    if (failure instanceof VenueException) {
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
