package io.github.crossarb.link.protocol;

import io.github.crossarb.core.model.Money;
import java.util.List;
import java.util.Objects;

/**
 * The limits a trader enforces on its own, whatever the controller asks; announced in
 * {@link Hello} so the controller can show them and refuse early.
 *
 * @param maxOrderNotional the most one leg may cost (limit price times size)
 * @param maxDailyNotional the most all legs of one UTC day may cost together
 * @param allowedMarkets instrument ids ({@code KALSHI:KXBTC-25DEC31-T100000}), prefixes ending in
 *     {@code *} ({@code KALSHI:KXBTC-*}), or the single entry {@code *} for every market
 */
public record TraderLimits(Money maxOrderNotional, Money maxDailyNotional, List<String> allowedMarkets) {
  public TraderLimits {
    Objects.requireNonNull(maxOrderNotional, "maxOrderNotional");
    Objects.requireNonNull(maxDailyNotional, "maxDailyNotional");
    allowedMarkets = List.copyOf(allowedMarkets);
  }
}
