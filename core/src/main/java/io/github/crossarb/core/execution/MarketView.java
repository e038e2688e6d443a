package io.github.crossarb.core.execution;

import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.pricing.FeeModel;

/**
 * The engine's live books and fee models, read by paper execution to fill simulated orders against
 * the market as it is. Read on the engine's context only.
 */
public interface MarketView {
  /** The live book of {@code instrument}, or null when the engine does not follow it. */
  OrderBook book(InstrumentId instrument);

  /** The taker fee model of {@code instrument}, or null when the engine has not loaded it. */
  FeeModel fees(InstrumentId instrument);
}
