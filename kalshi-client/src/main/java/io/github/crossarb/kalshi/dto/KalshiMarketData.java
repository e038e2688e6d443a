package io.github.crossarb.kalshi.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * Public market data as Kalshi sends it (snake_case on the wire, via the mapper's naming
 * strategy). Prices are {@code *_dollars} strings and counts {@code *_fp} strings; they stay
 * strings here and are parsed exactly in {@code KalshiMapper}. Unknown fields are ignored.
 */
public final class KalshiMarketData {
  private KalshiMarketData() {}

  public record PriceRange(String start, String end, String step) {}

  public record Market(
      String ticker,
      String eventTicker,
      String title,
      String subtitle,
      String yesSubTitle,
      String status,
      String openTime,
      String closeTime,
      String rulesPrimary,
      String rulesSecondary,
      String yesBidDollars,
      String yesAskDollars,
      String noBidDollars,
      String noAskDollars,
      String lastPriceDollars,
      String volumeFp,
      List<PriceRange> priceRanges,
      Integer exchangeIndex,
      Boolean fractionalTradingEnabled,
      String feeWaiverExpirationTime) {}

  public record MarketResponse(Market market) {}

  public record MarketsPage(List<Market> markets, String cursor) {}

  public record Event(
      String eventTicker,
      String seriesTicker,
      String title,
      String subTitle,
      List<Market> markets,
      String feeTypeOverride,
      BigDecimal feeMultiplierOverride,
      Integer exchangeIndex) {}

  public record EventResponse(Event event) {}

  public record EventsPage(List<Event> events, String cursor) {}

  public record Series(String ticker, String title, String feeType, BigDecimal feeMultiplier, Integer exchangeIndex) {}

  public record SeriesResponse(Series series) {}

  /** {@code orderbook_fp}: bids only, {@code [price, count]} pairs sorted ascending (best last). */
  public record OrderbookFp(List<List<String>> yesDollars, List<List<String>> noDollars) {}

  public record OrderbookResponse(OrderbookFp orderbookFp) {}

  public record ExchangeStatus(boolean exchangeActive, boolean tradingActive, String exchangeEstimatedResumeTime) {}

  public record MaintenanceWindow(String startDatetime, String endDatetime) {}

  public record Schedule(List<Object> standardHours, List<MaintenanceWindow> maintenanceWindows) {}

  public record ScheduleResponse(Schedule schedule) {}
}
