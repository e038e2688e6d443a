package io.github.crossarb.core.model;

/** Our id for an order, chosen before it is sent; used to reconcile unknown outcomes. */
public record ClientOrderId(String value) {
  public ClientOrderId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("client order id must be non-blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
