package io.github.crossarb.core.pricing;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;

/**
 * The venues' taker fees computed by the frozen {@link ReferenceFeeFormula}, with the same terms
 * the production models pass to {@code FeeFormula} (before the speed-up). Used to prove that the
 * optimised fee arithmetic changes no fee.
 */
final class ReferenceFeeModels {
  private ReferenceFeeModels() {}

  /** Kalshi's taker fee: roundup(0.07 × multiplier × C × P(1−P)) to $0.0001. */
  static FeeModel kalshi(long multiplierMicros) {
    return of(new ReferenceFeeFormula(Math.multiplyExact(70_000L, multiplierMicros), 1, 6 + 6 + 6 + 12 - 4, true, 100),
        "reference Kalshi x" + multiplierMicros);
  }

  /** Polymarket's taker fee: floor(C × rate × (P(1−P))^e) to $0.00001. */
  static FeeModel polymarket(long rateMicros, int exponent) {
    return of(new ReferenceFeeFormula(rateMicros, exponent, 6 + 6 + 12 * exponent - 5, false, 10),
        "reference Polymarket " + rateMicros + "^" + exponent);
  }

  private static FeeModel of(ReferenceFeeFormula formula, String name) {
    return new FeeModel() {
      @Override
      public long takerFeeMicros(long priceMicros, long quantityMicros) {
        return formula.micros(priceMicros, quantityMicros);
      }

      @Override
      public Money makerFee(Price price, Quantity quantity) {
        throw new UnsupportedOperationException("taker fees only");
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
