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
 */
public record OrderIntent(String pairId, Money notional, Money addedUnhedgedExposure) {
  public OrderIntent {
    Objects.requireNonNull(pairId, "pairId");
    Objects.requireNonNull(notional, "notional");
    Objects.requireNonNull(addedUnhedgedExposure, "addedUnhedgedExposure");
  }
}
