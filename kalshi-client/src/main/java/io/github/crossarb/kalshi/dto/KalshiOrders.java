package io.github.crossarb.kalshi.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** V2 order entry ({@code /portfolio/events/orders}) bodies. Absent optional fields are not sent. */
public final class KalshiOrders {
  private KalshiOrders() {}

  /** Kalshi's error body {@code {code, message, details}}; also the per-item error of batches. */
  public record Error(String code, String message, String details) {}

  /**
   * {@code side} is {@code bid} (buy YES / sell NO) or {@code ask} (sell YES / buy NO); {@code price}
   * is always the YES price; {@code expiration_time} Unix seconds (GTC only).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CreateOrderRequest(
      String ticker,
      String clientOrderId,
      String side,
      String count,
      String price,
      String timeInForce,
      String selfTradePreventionType,
      Boolean postOnly,
      Boolean reduceOnly,
      Long expirationTime,
      Integer exchangeIndex) {}

  public record CreateOrderResponse(
      String orderId,
      String clientOrderId,
      String fillCount,
      String remainingCount,
      String averageFillPrice,
      String averageFeePaid,
      Long tsMs) {}

  public record BatchCreateRequest(List<CreateOrderRequest> orders) {}

  public record BatchCreateItem(
      String orderId,
      String clientOrderId,
      String fillCount,
      String remainingCount,
      Long tsMs,
      Error error) {}

  public record BatchCreateResponse(List<BatchCreateItem> orders) {}

  public record CancelResponse(String orderId, String clientOrderId, String reducedBy, Long tsMs) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BatchCancelItem(String orderId, String marketTicker, Integer exchangeIndex) {}

  public record BatchCancelRequest(List<BatchCancelItem> orders) {}

  public record BatchCancelResult(String orderId, String clientOrderId, String reducedBy, Long tsMs, Error error) {}

  public record BatchCancelResponse(List<BatchCancelResult> orders) {}

  /** {@code count} is the new total: already filled plus what should rest. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AmendRequest(
      String ticker, String side, String price, String count, String clientOrderId, String updatedClientOrderId) {}

  public record AmendResponse(
      String orderId, String clientOrderId, String remainingCount, String fillCount, String averageFillPrice, Long tsMs) {}

  /** Exactly one of the two is set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DecreaseRequest(String reduceBy, String reduceTo) {
    public DecreaseRequest {
      if ((reduceBy == null) == (reduceTo == null)) {
        throw new IllegalArgumentException("set exactly one of reduce_by and reduce_to");
      }
    }
  }

  public record DecreaseResponse(String orderId, String clientOrderId, String remainingCount, Long tsMs) {}
}
