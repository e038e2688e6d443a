package io.github.crossarb.core.engine;

import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.execution.MarketView;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.pricing.FeeModel;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's book table: one book per followed instrument, kept on the engine's context (the
 * engine copies each venue update onto it), and the taker fee model of each. Created by the
 * wiring so that paper execution can read the same books; read and written on the engine's
 * context only.
 */
public final class EngineBooks implements MarketView {
  private final InstantSource clock;
  private final Map<InstrumentId, OrderBook> books = new HashMap<>();
  private final Map<InstrumentId, FeeModel> fees = new HashMap<>();

  /** @param clock stamps the books' updates (the engine's clock) */
  public EngineBooks(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public OrderBook book(InstrumentId instrument) {
    return books.get(instrument);
  }

  @Override
  public FeeModel fees(InstrumentId instrument) {
    return fees.get(instrument);
  }

  /** The book of {@code instrument}, created (awaiting its snapshot) on first use. */
  OrderBook follow(InstrumentId instrument) {
    return books.computeIfAbsent(instrument, id -> new OrderBook(id, clock));
  }

  void setFees(InstrumentId instrument, FeeModel model) {
    fees.put(Objects.requireNonNull(instrument, "instrument"), Objects.requireNonNull(model, "model"));
  }
}
