package io.github.crossarb.core.model;

import java.util.Objects;

/**
 * What the venue allows when trading one instrument: its price grid, the smallest order and the
 * size step. Sizes below {@code minSize} or off {@code sizeStep} are refused before sending.
 */
public record Instrument(InstrumentId id, TickGrid tickGrid, Quantity minSize, Quantity sizeStep) {
  public Instrument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tickGrid, "tickGrid");
    Objects.requireNonNull(minSize, "minSize");
    Objects.requireNonNull(sizeStep, "sizeStep");
    if (sizeStep.isZero()) {
      throw new IllegalArgumentException("size step must be positive for " + id);
    }
  }

  /** Whether {@code size} is a size an order may carry here. */
  public boolean acceptsSize(Quantity size) {
    return size.compareTo(minSize) >= 0 && !size.isZero() && size.isMultipleOf(sizeStep);
  }
}
