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
  /**
   * Fee paid when taking {@code quantityMicros} at {@code priceMicros}, in micros. The primitive
   * form is the one implementations write: the edge calculator calls it on its hot path.
   */
  long takerFeeMicros(long priceMicros, long quantityMicros);

  /** Fee paid when taking {@code quantity} at {@code price}. */
  default Money takerFee(Price price, Quantity quantity) {
    return Money.ofMicros(takerFeeMicros(price.micros(), quantity.micros()));
  }

  /** Fee paid when a resting order is filled for {@code quantity} at {@code price}. */
  Money makerFee(Price price, Quantity quantity);
}
