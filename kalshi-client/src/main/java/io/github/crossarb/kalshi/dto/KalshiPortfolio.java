package io.github.crossarb.kalshi.dto;

import java.util.List;

/** Account data as Kalshi sends it (see {@link KalshiMarketData} for conventions). */
public final class KalshiPortfolio {
  private KalshiPortfolio() {}

  /** {@code balance} and {@code portfolio_value} are integer cents; {@code balance_dollars} a string. */
  public record Balance(Long balance, String balanceDollars, Long portfolioValue, Long updatedTs) {}

  /** {@code position_fp} is signed: positive YES, negative NO. */
  public record MarketPosition(
      String ticker,
      Integer exchangeIndex,
      String positionFp,
      String marketExposureDollars,
      String realizedPnlDollars,
      String feesPaidDollars) {}

  public record PositionsPage(List<MarketPosition> marketPositions, String cursor) {}

  public record Fill(
      String fillId,
      String tradeId,
      String orderId,
      String ticker,
      String marketTicker,
      String outcomeSide,
      String bookSide,
      String countFp,
      String yesPriceDollars,
      String noPriceDollars,
      Boolean isTaker,
      String feeCost,
      String createdTime,
      Long ts,
      String clientOrderId) {}

  public record FillsPage(List<Fill> fills, String cursor) {}

  /** {@code status} is {@code resting|canceled|executed}. */
  public record Order(
      String orderId,
      String clientOrderId,
      String ticker,
      String outcomeSide,
      String bookSide,
      String status,
      String yesPriceDollars,
      String noPriceDollars,
      String fillCountFp,
      String remainingCountFp,
      String initialCountFp,
      String createdTime,
      Integer exchangeIndex) {}

  public record OrderResponse(Order order) {}

  public record OrdersPage(List<Order> orders, String cursor) {}
}
