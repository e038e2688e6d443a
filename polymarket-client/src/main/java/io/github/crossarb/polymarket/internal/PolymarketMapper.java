package io.github.crossarb.polymarket.internal;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.polymarket.clob.OpenOrder;
import io.github.crossarb.polymarket.clob.PolymarketTrade;
import io.github.crossarb.polymarket.order.OrderSide;
import io.github.crossarb.polymarket.order.OrderType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Pure conversions between Polymarket's wire values and core's types. */
public final class PolymarketMapper {
  private PolymarketMapper() {}

  public static OrderSide toWire(Side side) {
    return side == Side.BUY ? OrderSide.BUY : OrderSide.SELL;
  }

  public static Side sideOf(String wire) {
    String s = wire == null ? "" : wire.strip().toUpperCase(Locale.ROOT);
    if (s.equals("BUY")) {
      return Side.BUY;
    }
    if (s.equals("SELL")) {
      return Side.SELL;
    }
    throw Json.error("unknown side " + Json.clip(wire));
  }

  public static OrderType toWire(TimeInForce tif) {
    switch (tif) {
      case GTC:
        return OrderType.GTC;
      case GTD:
        return OrderType.GTD;
      case IOC:
        return OrderType.FAK;
      case FOK:
        return OrderType.FOK;
      default:
        throw new IllegalArgumentException("unsupported time in force " + tif);
    }
  }

  /**
   * GTD expiration on the wire: the venue applies a 60 s security threshold, so an order meant to
   * expire at T is sent with T + 60 s.
   */
  public static long gtdExpirationSeconds(Instant expiration) {
    return Math.addExact(expiration.getEpochSecond(), 60);
  }

  /** The venue's order status word in core terms. Strict: an unknown word is a protocol error. */
  public static OrderStatus statusOf(String status, Quantity size, Quantity matched) {
    String s = status == null ? "" : status.strip().toUpperCase(Locale.ROOT);
    if (s.startsWith("ORDER_STATUS_")) {
      s = s.substring("ORDER_STATUS_".length());
    }
    switch (s) {
      case "LIVE":
        return OrderStatus.OPEN;
      case "DELAYED":
        return OrderStatus.PENDING;
      case "MATCHED":
        return matched.compareTo(size) >= 0 ? OrderStatus.FILLED : OrderStatus.OPEN;
      case "CANCELED":
      case "CANCELLED":
      case "CANCELED_MARKET_RESOLVED":
      case "INVALID":
      case "UNMATCHED":
        return OrderStatus.CANCELLED;
      default:
        throw Json.error("unknown order status " + Json.clip(status));
    }
  }

  public static OrderReport report(OpenOrder order, Outcome outcome, ClientOrderId clientOrderId) {
    return new OrderReport(new VenueOrderId(order.id()), clientOrderId, InstrumentId.polymarket(order.assetId()),
        outcome, sideOf(order.side()), order.price(), order.originalSize(), order.sizeMatched(),
        statusOf(order.status(), order.originalSize(), order.sizeMatched()),
        order.createdAt() == null ? null : Instant.ofEpochSecond(order.createdAt()));
  }

  /** A trade time: unix seconds, or milliseconds when the number is that large. */
  public static Instant timeOf(String text, Instant fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      long v = Long.parseLong(text.strip());
      return v > 100_000_000_000L ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
    } catch (NumberFormatException e) {
      try {
        return Instant.parse(text.strip());
      } catch (RuntimeException e2) {
        throw Json.error("not a time: " + Json.clip(text));
      }
    }
  }

  /** A decimal amount from an order response ({@code "10"}, {@code "5.2"}) as a quantity, floored to micros. */
  public static Quantity quantityOf(String text) {
    if (text == null || text.isBlank()) {
      return Quantity.ZERO;
    }
    try {
      BigDecimal v = new BigDecimal(text.strip()).setScale(6, RoundingMode.FLOOR);
      return v.signum() <= 0 ? Quantity.ZERO : new Quantity(v.movePointRight(6).longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw Json.error("not an amount: " + Json.clip(text));
    }
  }

  /** One of our fills in a trade. */
  public record OurFill(String orderHash, String assetId, String outcomeName, Side side, Price price, Quantity size,
      boolean taker) {}

  /**
   * Our part of a trade: the taker order if it is ours, and each maker order that is ours.
   *
   * @param makerAddress our maker (EOA or funder); maker orders with it are ours
   * @param apiKey our API key; maker orders owned by it are ours
   */
  public static List<OurFill> ourFills(PolymarketTrade trade, String makerAddress, String apiKey) {
    List<OurFill> out = new ArrayList<>();
    boolean takerIsUs;
    if ("MAKER".equalsIgnoreCase(trade.traderSide())) {
      takerIsUs = false;
    } else if ("TAKER".equalsIgnoreCase(trade.traderSide())) {
      takerIsUs = true;
    } else {
      takerIsUs = (apiKey != null && apiKey.equals(trade.owner()))
          || (makerAddress != null && makerAddress.equalsIgnoreCase(trade.makerAddress()));
    }
    if (takerIsUs && trade.takerOrderId() != null) {
      out.add(new OurFill(trade.takerOrderId(), trade.assetId(), trade.outcome(), sideOf(trade.side()), trade.price(),
          trade.size(), true));
    }
    for (PolymarketTrade.MakerOrder m : trade.makerOrders()) {
      boolean ours = (makerAddress != null && makerAddress.equalsIgnoreCase(m.makerAddress()))
          || (apiKey != null && apiKey.equals(m.owner()));
      if (ours && !m.matchedAmount().isZero()) {
        out.add(new OurFill(m.orderId(), m.assetId() == null ? trade.assetId() : m.assetId(), m.outcome(),
            m.side() == null ? sideOf(trade.side()).opposite() : sideOf(m.side()), m.price(), m.matchedAmount(), false));
      }
    }
    return out;
  }

  /** The fill id: unique per fill of ours, since one trade can fill several of our orders. */
  public static String fillId(String tradeId, String orderHash) {
    return tradeId + ":" + orderHash.toLowerCase(Locale.ROOT);
  }

  public static Fill fill(PolymarketTrade trade, OurFill part, Outcome outcome, Money fee, Instant fallbackTime,
      Function<String, ClientOrderId> clientIdOf) {
    return new Fill(fillId(trade.id(), part.orderHash()), InstrumentId.polymarket(part.assetId()), outcome,
        part.side(), part.price(), part.size(), fee, timeOf(trade.timestamp(), fallbackTime),
        clientIdOf.apply(part.orderHash()), null);
  }
}
