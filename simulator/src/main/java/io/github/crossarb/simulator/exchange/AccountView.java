package io.github.crossarb.simulator.exchange;

import io.github.crossarb.core.model.Money;
import java.util.List;

/**
 * One account: cash after every fill and fee, and its positions.
 *
 * @param cash the balance (Kalshi collateral for NO positions already deducted)
 * @param reserved what resting orders hold back from new ones
 */
public record AccountView(String account, Money cash, Money reserved, List<PositionView> positions) {
  public AccountView {
    positions = List.copyOf(positions);
  }

  public Money available() {
    return cash.minus(reserved);
  }
}
