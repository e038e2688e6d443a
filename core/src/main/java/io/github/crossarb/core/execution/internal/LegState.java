package io.github.crossarb.core.execution.internal;

import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pricing.FeeModel;
import io.github.crossarb.core.pricing.LegPlan;
import java.math.BigInteger;
import java.util.Objects;

/**
 * One leg of an execution as the executor saw it from the venue's answers: what was bought and
 * sold there, and at what cost. Fills are accounted at the order's limit price (the worst price it
 * could have filled at), so costs are upper bounds and proceeds lower bounds; the ledger holds the
 * real fills.
 */
public final class LegState {
  private final LegPlan plan;
  private final Instrument instrument;
  private final FeeModel fees;
  private Quantity bought = Quantity.ZERO;
  private Quantity sold = Quantity.ZERO;
  private Money spent = Money.ZERO;
  private Money received = Money.ZERO;

  public LegState(LegPlan plan, Instrument instrument, FeeModel fees) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.instrument = Objects.requireNonNull(instrument, "instrument");
    this.fees = Objects.requireNonNull(fees, "fees");
    if (!instrument.id().equals(plan.instrument())) {
      throw new IllegalArgumentException("instrument " + instrument.id() + " is not the leg's " + plan.instrument());
    }
  }

  public LegPlan plan() {
    return plan;
  }

  public Instrument instrument() {
    return instrument;
  }

  public InstrumentId instrumentId() {
    return plan.instrument();
  }

  public VenueId venue() {
    return plan.instrument().venue();
  }

  public FeeModel fees() {
    return fees;
  }

  /**
   * The outcome to read in this leg's book: a Kalshi book carries both outcomes of the market; a
   * Polymarket book is one token's, stored in that token's own prices (read as YES).
   */
  public Outcome bookOutcome() {
    return venue() == VenueId.POLYMARKET ? Outcome.YES : plan.outcome();
  }

  public Quantity bought() {
    return bought;
  }

  public Quantity sold() {
    return sold;
  }

  /** Contracts held from this execution: bought minus sold back. */
  public Quantity net() {
    return bought.minus(sold);
  }

  public Money spent() {
    return spent;
  }

  public void recordBuy(Price limit, Quantity filled) {
    if (filled.isZero()) {
      return;
    }
    bought = bought.plus(filled);
    spent = spent.plus(Money.costOf(limit, filled)).plus(fees.takerFee(limit, filled));
  }

  /**
   * Records a sale of {@code filled} at {@code limit} and returns what it lost against what those
   * contracts cost (negative when it gained): their share of the cost basis minus the proceeds net
   * of the fee.
   */
  public Money recordSell(Price limit, Quantity filled) {
    if (filled.isZero()) {
      return Money.ZERO;
    }
    Money basis = basisOf(filled);
    Money proceeds = Money.proceedsOf(limit, filled).minus(fees.takerFee(limit, filled));
    sold = sold.plus(filled);
    received = received.plus(proceeds);
    return basis.minus(proceeds);
  }

  /**
   * What {@code quantity} of the contracts bought cost on average, fees included, rounded up (a
   * loss is never understated).
   */
  public Money basisOf(Quantity quantity) {
    if (bought.isZero() || quantity.isZero()) {
      return Money.ZERO;
    }
    BigInteger[] qr = BigInteger.valueOf(spent.micros())
        .multiply(BigInteger.valueOf(quantity.micros()))
        .divideAndRemainder(BigInteger.valueOf(bought.micros()));
    long micros = qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    return Money.ofMicros(micros);
  }

  @Override
  public String toString() {
    return venue().label() + " bought " + bought + (sold.isZero() ? "" : " sold " + sold);
  }
}
