package io.github.crossarb.core.risk;

import io.github.crossarb.core.model.Money;
import java.util.Map;
import java.util.Objects;

/**
 * What is at stake now, as the positions ledger and the open orders say.
 *
 * @param notionalByPair money committed per pair id (positions and open orders)
 * @param totalNotional money committed across everything
 * @param unhedgedExposure cost of the legs that have no hedge
 * @param realizedPnlToday realised profit (negative: loss) since the start of the UTC day
 */
public record Exposure(
    Map<String, Money> notionalByPair, Money totalNotional, Money unhedgedExposure, Money realizedPnlToday) {

  public static final Exposure NONE = new Exposure(Map.of(), Money.ZERO, Money.ZERO, Money.ZERO);

  public Exposure {
    notionalByPair = Map.copyOf(notionalByPair);
    Objects.requireNonNull(totalNotional, "totalNotional");
    Objects.requireNonNull(unhedgedExposure, "unhedgedExposure");
    Objects.requireNonNull(realizedPnlToday, "realizedPnlToday");
  }

  public Money notionalOf(String pairId) {
    return notionalByPair.getOrDefault(pairId, Money.ZERO);
  }
}
