package io.github.crossarb.core.venue;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueOrderId;
import java.util.Objects;

/**
 * How a submit ended. Exactly one of four: the venue took the order, the venue refused it, we
 * never sent it, or we cannot know (timeout, 5xx, disconnect). {@link Unknown} is resolved with
 * {@link ExecutionClient#findOrder}, never by sending the order again.
 */
public sealed interface SubmitResult {
  ClientOrderId clientOrderId();

  /** The venue acknowledged the order; {@code filled} is what it reported filled at once. */
  record Accepted(ClientOrderId clientOrderId, VenueOrderId venueOrderId, OrderStatus status, Quantity filled)
      implements SubmitResult {
    public Accepted {
      Objects.requireNonNull(clientOrderId, "clientOrderId");
      Objects.requireNonNull(venueOrderId, "venueOrderId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(filled, "filled");
    }
  }

  /** The venue answered no, with its error code (e.g. {@code insufficient_balance}). */
  record Rejected(ClientOrderId clientOrderId, String venueCode, String message) implements SubmitResult {
    public Rejected {
      Objects.requireNonNull(clientOrderId, "clientOrderId");
      Objects.requireNonNull(venueCode, "venueCode");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Refused before anything was sent (off-tick price, size below minimum, geoblocked, rate budget). */
  record Denied(ClientOrderId clientOrderId, String reason) implements SubmitResult {
    public Denied {
      Objects.requireNonNull(clientOrderId, "clientOrderId");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Sent, but whether the venue took it is not known. */
  record Unknown(ClientOrderId clientOrderId, String reason) implements SubmitResult {
    public Unknown {
      Objects.requireNonNull(clientOrderId, "clientOrderId");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
