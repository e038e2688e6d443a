package io.github.crossarb.core.execution.internal;

import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.venue.SubmitResult;
import java.util.Objects;

/**
 * What one order came to, once its outcome was settled as far as it could be.
 *
 * @param result the submit's answer
 * @param filled what it filled (for an unsettled order: what is known to have filled so far)
 * @param known whether {@code filled} is final; false leaves the order Unknown
 * @param sent whether the order left the process (a {@code Denied} never did)
 * @param at when {@code filled} became known: the time of the outcome event that reported it
 */
record Settled(SubmitResult result, Quantity filled, boolean known, boolean sent, java.time.Instant at) {
  Settled {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(filled, "filled");
  }
}
