package io.github.crossarb.core.pricing;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;

/**
 * A venue's trading fee for one fill, as the venue charges it (rounding included). Pure and
 * thread-safe. Implementations must be monotone: a larger fill at the same price never costs
 * less. A market whose fee is not known has no {@code FeeModel} and is not tradable.
 */
public interface FeeModel {
  /** Fee paid when taking {@code quantity} at {@code price}. */
  Money takerFee(Price price, Quantity quantity);

  /** Fee paid when a resting order is filled for {@code quantity} at {@code price}. */
  Money makerFee(Price price, Quantity quantity);

  /**
   * {@link #takerFee} in micros, for hot paths that should not allocate. Must equal
   * {@code takerFee(Price.ofMicros(priceMicros), Quantity.ofMicros(quantityMicros)).micros()};
   * the default does exactly that, implementations may compute it without the wrappers.
   */
  default long takerFeeMicros(long priceMicros, long quantityMicros) {
    return takerFee(Price.ofMicros(priceMicros), Quantity.ofMicros(quantityMicros)).micros();
  }
}
