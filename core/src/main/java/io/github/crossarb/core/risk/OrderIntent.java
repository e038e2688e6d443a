package io.github.crossarb.core.risk;

import io.github.crossarb.core.model.Money;
import java.util.Objects;

/**
 * An order about to be sent, as the risk check sees it.
 *
 * @param pairId the pair it trades
 * @param notional the most it can cost (limit price times size plus fees)
 * @param addedUnhedgedExposure how much unhedged exposure it can add: the whole notional for a
 *     first leg, zero for a hedge that closes a residual
 * @param reducesExposure whether it only sells back what is held (an unwind): it lowers every
 *     exposure the limits bound, so only the kill switch may stop it
 */
public record OrderIntent(String pairId, Money notional, Money addedUnhedgedExposure, boolean reducesExposure) {
  public OrderIntent {
    Objects.requireNonNull(pairId, "pairId");
    Objects.requireNonNull(notional, "notional");
    Objects.requireNonNull(addedUnhedgedExposure, "addedUnhedgedExposure");
    if (reducesExposure && !addedUnhedgedExposure.equals(Money.ZERO)) {
      throw new IllegalArgumentException("an order that reduces exposure adds none");
    }
  }

  /** An order that opens or adds to a position. */
  public OrderIntent(String pairId, Money notional, Money addedUnhedgedExposure) {
    this(pairId, notional, addedUnhedgedExposure, false);
  }

  /** A sale of contracts held (an unwind), for {@code proceeds} at most. */
  public static OrderIntent reducing(String pairId, Money proceeds) {
    return new OrderIntent(pairId, proceeds, Money.ZERO, true);
  }
}
