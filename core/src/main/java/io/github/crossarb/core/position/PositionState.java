package io.github.crossarb.core.position;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The running average-cost state of one position, in micros; immutable, every step returns a new
 * state and throws {@link ArithmeticException} on overflow. The rules are documented on
 * {@link LedgerSnapshot.Position}.
 */
record PositionState(
    long net, long bought, long sold, long fills, long cost, long openFees, long feesPaid, long realized) {

  static final PositionState EMPTY = new PositionState(0, 0, 0, 0, 0, 0, 0, 0);

  PositionState apply(Fill fill) {
    long q = fill.quantity().micros();
    long fee = fill.fee().micros();
    long total = fill.notional().micros();
    long newFills = Math.addExact(fills, 1);
    long newFeesPaid = Math.addExact(feesPaid, fee);
    if (fill.side() == Side.BUY) {
      long newBought = Math.addExact(bought, q);
      if (net >= 0) { // open or add to a holding
        return new PositionState(Math.addExact(net, q), newBought, sold, newFills,
            Math.addExact(cost, total), Math.addExact(openFees, fee), newFeesPaid, realized);
      }
      // cover an oversold position, then open a holding with what is left
      long short_ = -net;
      long cover = Math.min(q, short_);
      long open = q - cover;
      long coverCost = open == 0 ? total : Money.costOf(fill.price(), Quantity.ofMicros(cover)).micros();
      long coverFee = open == 0 ? fee : mulDivHalfUp(fee, cover, q);
      long released = cover == short_ ? cost : mulDivHalfUp(cost, cover, short_); // <= 0
      long newRealized = Math.subtractExact(Math.subtractExact(Math.subtractExact(realized, released), coverCost), coverFee);
      long newNet = Math.addExact(net, cover);
      long newCost = Math.subtractExact(cost, released);
      long newOpenFees = openFees;
      if (open > 0) { // the short was covered whole: cost is now 0
        newNet = open;
        newCost = Math.subtractExact(total, coverCost);
        newOpenFees = Math.subtractExact(fee, coverFee);
      }
      return new PositionState(newNet, newBought, sold, newFills, newCost, newOpenFees, newFeesPaid, newRealized);
    }
    long newSold = Math.addExact(sold, q);
    if (net <= 0) { // oversold, or more oversold: the proceeds become a negative cost basis
      return new PositionState(Math.subtractExact(net, q), bought, newSold, newFills,
          Math.subtractExact(cost, total), openFees, newFeesPaid, Math.subtractExact(realized, fee));
    }
    long close = Math.min(q, net);
    long open = q - close;
    long closeProceeds = open == 0 ? total : Money.proceedsOf(fill.price(), Quantity.ofMicros(close)).micros();
    long releasedCost = close == net ? cost : mulDivHalfUp(cost, close, net);
    long releasedFees = close == net ? openFees : mulDivHalfUp(openFees, close, net);
    long newRealized = Math.subtractExact(
        Math.subtractExact(Math.subtractExact(Math.addExact(realized, closeProceeds), releasedCost), releasedFees), fee);
    long newNet = net - close;
    long newCost = Math.subtractExact(cost, releasedCost);
    long newOpenFees = Math.subtractExact(openFees, releasedFees);
    if (open > 0) { // the holding was sold whole: cost and open fees are now 0
      newNet = -open;
      newCost = Math.negateExact(Math.subtractExact(total, closeProceeds));
    }
    return new PositionState(newNet, bought, newSold, newFills, newCost, newOpenFees, newFeesPaid, newRealized);
  }

  LedgerSnapshot.Position toPosition(InstrumentId instrument, Outcome outcome) {
    return new LedgerSnapshot.Position(instrument, outcome, net, Quantity.ofMicros(bought), Quantity.ofMicros(sold),
        fills, Money.ofMicros(cost), Money.ofMicros(openFees), Money.ofMicros(feesPaid), Money.ofMicros(realized));
  }

  /** {@code a × b / c} for {@code c > 0}, rounded to nearest, ties away from zero; exact, overflow throws. */
  static long mulDivHalfUp(long a, long b, long c) {
    return BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(b))
        .divide(BigDecimal.valueOf(c), 0, RoundingMode.HALF_UP).longValueExact();
  }

  /** {@code a × b / c} for {@code c > 0}, rounded toward positive infinity; exact, overflow throws. */
  static long mulDivCeil(long a, long b, long c) {
    return BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(b))
        .divide(BigDecimal.valueOf(c), 0, RoundingMode.CEILING).longValueExact();
  }
}
