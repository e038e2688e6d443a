package io.github.crossarb.kalshi.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Text frame → {@link KalshiWsMessage}. Anything malformed (not JSON, a missing or mistyped field,
 * an impossible price) is a {@link VenueProtocolException} with a one-line message; nothing else
 * escapes.
 */
public final class KalshiWsDecoder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KalshiWsDecoder() {}

  public static KalshiWsMessage decode(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (Exception e) {
      throw bad("not JSON");
    }
    try {
      return decode(root);
    } catch (VenueProtocolException e) {
      throw e;
    } catch (RuntimeException e) {
      // Price/Quantity/Fixed parsing and arithmetic failures: the values were impossible.
      throw bad("impossible value (" + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()) + ")");
    }
  }

  /** The {@code sid} of a frame, read leniently, so a malformed message can still be blamed on its subscription. */
  public static OptionalLong sidOf(String text) {
    try {
      JsonNode sid = JSON.readTree(text).get("sid");
      return sid != null && sid.canConvertToLong() && sid.isIntegralNumber() ? OptionalLong.of(sid.asLong()) : OptionalLong.empty();
    } catch (Exception e) {
      return OptionalLong.empty();
    }
  }

  private static KalshiWsMessage decode(JsonNode root) {
    if (!root.isObject()) {
      throw bad("not a JSON object");
    }
    String type = text(root, "type");
    switch (type) {
      case "subscribed": {
        JsonNode msg = object(root, "msg");
        return new KalshiWsMessage.Subscribed(intField(root, "id"), text(msg, "channel"), longField(msg, "sid"));
      }
      case "ok": {
        JsonNode msg = root.get("msg");
        List<String> tickers = new ArrayList<>();
        JsonNode arr = msg != null && msg.isObject() ? msg.get("market_tickers") : null;
        if (arr != null && arr.isArray()) {
          for (JsonNode t : arr) {
            tickers.add(requireText(t, "market_tickers[]"));
          }
        }
        return new KalshiWsMessage.Ok(optInt(root, "id"), optLong(root, "sid"), optLong(root, "seq"), tickers);
      }
      case "unsubscribed":
        return new KalshiWsMessage.Unsubscribed(optInt(root, "id"), optLong(root, "sid"));
      case "error": {
        JsonNode msg = object(root, "msg");
        return new KalshiWsMessage.Error(optInt(root, "id"), intField(msg, "code"), optText(msg, "msg"));
      }
      case "orderbook_snapshot": {
        JsonNode msg = object(root, "msg");
        return new KalshiWsMessage.BookSnapshot(longField(root, "sid"), longField(root, "seq"), text(msg, "market_ticker"),
            levels(msg, "yes_dollars_fp"), levels(msg, "no_dollars_fp"));
      }
      case "orderbook_delta": {
        JsonNode msg = object(root, "msg");
        return new KalshiWsMessage.BookDelta(longField(root, "sid"), longField(root, "seq"), text(msg, "market_ticker"),
            outcome(text(msg, "side")), Price.parse(text(msg, "price_dollars")), Fixed.parse(text(msg, "delta_fp")),
            optText(msg, "client_order_id"));
      }
      case "ticker": {
        JsonNode msg = object(root, "msg");
        return new KalshiWsMessage.Ticker(longField(root, "sid"), text(msg, "market_ticker"), optPrice(msg, "price_dollars"),
            optPrice(msg, "yes_bid_dollars"), optPrice(msg, "yes_ask_dollars"), optLong(msg, "ts_ms"));
      }
      case "fill": {
        JsonNode msg = object(root, "msg");
        return new KalshiWsMessage.Fill(longField(root, "sid"), text(msg, "trade_id"), text(msg, "order_id"),
            text(msg, "market_ticker"), bool(msg, "is_taker"), Price.parse(text(msg, "yes_price_dollars")),
            Quantity.parse(text(msg, "count_fp")), feeOf(msg), text(msg, "outcome_side"), text(msg, "book_side"),
            optText(msg, "client_order_id"), longField(msg, "ts_ms"));
      }
      case "user_order": {
        JsonNode msg = object(root, "msg");
        String ticker = optText(msg, "ticker");
        if (ticker == null) {
          ticker = text(msg, "market_ticker");
        }
        return new KalshiWsMessage.UserOrder(longField(root, "sid"), text(msg, "order_id"), optText(msg, "client_order_id"),
            ticker, text(msg, "status"), optText(msg, "outcome_side"), optText(msg, "book_side"),
            optPrice(msg, "yes_price_dollars"), optQuantity(msg, "fill_count_fp"), optQuantity(msg, "remaining_count_fp"),
            optQuantity(msg, "initial_count_fp"), optLong(msg, "ts_ms"));
      }
      case "market_lifecycle_v2": {
        JsonNode msg = object(root, "msg");
        return new KalshiWsMessage.Lifecycle(longField(root, "sid"), text(msg, "market_ticker"), text(msg, "event_type"));
      }
      default:
        return new KalshiWsMessage.Other(type, optLong(root, "sid"));
    }
  }

  private static Money feeOf(JsonNode msg) {
    String fee = optText(msg, "fee_cost");
    Money money = fee == null ? Money.ZERO : Money.parse(fee);
    if (money.isNegative()) {
      throw bad("negative fee_cost");
    }
    return money;
  }

  private static List<Level> levels(JsonNode msg, String field) {
    JsonNode arr = msg.get(field);
    List<Level> out = new ArrayList<>();
    if (arr == null || arr.isNull()) {
      return out; // an empty side is omitted
    }
    if (!arr.isArray()) {
      throw bad(field + " is not an array");
    }
    for (JsonNode pair : arr) {
      if (!pair.isArray() || pair.size() != 2) {
        throw bad(field + " holds something other than [price, count] pairs");
      }
      out.add(new Level(Price.parse(requireText(pair.get(0), field + " price")),
          Quantity.parse(requireText(pair.get(1), field + " count"))));
    }
    return out;
  }

  private static Outcome outcome(String side) {
    switch (side) {
      case "yes":
        return Outcome.YES;
      case "no":
        return Outcome.NO;
      default:
        throw bad("unknown side \"" + oneLine(side) + "\"");
    }
  }

  private static JsonNode object(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isObject()) {
      throw bad("missing object \"" + field + "\"");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    return requireText(node.get(field), field);
  }

  private static String requireText(JsonNode value, String field) {
    if (value == null || !value.isTextual()) {
      throw bad("missing text \"" + field + "\"");
    }
    return value.asText();
  }

  private static String optText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return requireText(value, field);
  }

  private static Price optPrice(JsonNode node, String field) {
    String text = optText(node, field);
    return text == null ? null : Price.parse(text);
  }

  private static Quantity optQuantity(JsonNode node, String field) {
    String text = optText(node, field);
    return text == null ? null : Quantity.parse(text);
  }

  private static boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isBoolean()) {
      throw bad("missing boolean \"" + field + "\"");
    }
    return value.asBoolean();
  }

  private static long longField(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw bad("missing integer \"" + field + "\"");
    }
    return value.asLong();
  }

  private static int intField(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
      throw bad("missing integer \"" + field + "\"");
    }
    return value.asInt();
  }

  private static Long optLong(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : longField(node, field);
  }

  private static Integer optInt(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : intField(node, field);
  }

  private static VenueProtocolException bad(String what) {
    return new VenueProtocolException(VenueId.KALSHI, "malformed Kalshi WebSocket message: " + what);
  }

  private static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.replaceAll("\\s+", " ");
    return line.length() > 80 ? line.substring(0, 80) + "…" : line;
  }
}
