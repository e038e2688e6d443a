package io.github.crossarb.core.execution;

import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.event.EventSink;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.risk.OrderIntent;
import io.github.crossarb.core.risk.RiskDecision;
import io.github.crossarb.core.venue.SubmitResult;
import java.time.InstantSource;

/**
 * What the engine lends an executor for one execution. Every method is called on the engine's
 * context (the single writer), never concurrently.
 */
public interface ExecutionContext {
  /** The live book of {@code instrument} (it may be untrusted: check before pricing a hedge). */
  OrderBook book(InstrumentId instrument);

  /** The engine's risk check with the current exposure; call it before every order. */
  RiskDecision checkRisk(OrderIntent intent);

  /** Every submit's outcome, so the risk guard counts error streaks. */
  void orderFinished(SubmitResult result);

  /** A new client order id, unique across restarts, for an order of this execution. */
  ClientOrderId newClientOrderId();

  EventSink events();

  InstantSource clock();
}
