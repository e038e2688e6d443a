package io.github.crossarb.core.model;

/** The venue's id for an order (Kalshi order id, Polymarket order hash). */
public record VenueOrderId(String value) {
  public VenueOrderId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("venue order id must be non-blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
