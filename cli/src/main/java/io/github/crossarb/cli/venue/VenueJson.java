package io.github.crossarb.cli.venue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.PositionReport;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.WireRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON the venue commands print. Prices, sizes and money are decimal strings (exact, as the
 * venues write them), never JSON numbers that a reader could round through a double.
 */
public final class VenueJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private VenueJson() {}

  public static ObjectNode market(MarketInfo market) {
    ObjectNode node = MAPPER.createObjectNode()
        .put("venue", market.venue().label())
        .put("market", market.marketId())
        .put("title", market.title())
        .put("status", market.status())
        .put("open", market.open())
        .put("closeTime", text(market.closeTime()))
        .put("yes", market.yes().symbol())
        .put("no", market.no().symbol());
    node.put("rules", market.rules());
    return node;
  }

  public static ObjectNode book(BookSnapshot book, boolean trusted, String untrustedReason) {
    ObjectNode node = MAPPER.createObjectNode()
        .put("instrument", book.instrument().toString())
        .put("trusted", trusted)
        .put("untrustedReason", untrustedReason);
    node.set("bids", levels(book.bids()));
    node.set("asks", levels(book.asks()));
    return node;
  }

  private static ArrayNode levels(List<Level> levels) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Level level : levels) {
      array.addObject().put("price", level.price().toString()).put("size", level.size().toString());
    }
    return array;
  }

  public static ObjectNode balance(Balance balance) {
    return MAPPER.createObjectNode()
        .put("venue", balance.venue().label())
        .put("available", balance.available().toString())
        .put("portfolioValue", text(balance.portfolioValue()));
  }

  public static ObjectNode position(PositionReport position) {
    return MAPPER.createObjectNode()
        .put("instrument", position.instrument().toString())
        .put("outcome", lower(position.outcome()))
        .put("quantity", position.quantity().toString())
        .put("cost", text(position.cost()));
  }

  public static ObjectNode order(OrderReport order) {
    return MAPPER.createObjectNode()
        .put("orderId", order.venueOrderId().value())
        .put("clientOrderId", text(order.clientOrderId()))
        .put("instrument", order.instrument().toString())
        .put("outcome", lower(order.outcome()))
        .put("side", lower(order.side()))
        .put("price", order.price().toString())
        .put("size", order.size().toString())
        .put("filled", order.filled().toString())
        .put("status", lower(order.status()))
        .put("createdAt", text(order.createdAt()));
  }

  public static ObjectNode submitResult(SubmitResult result) {
    ObjectNode node = MAPPER.createObjectNode().put("clientOrderId", result.clientOrderId().value());
    if (result instanceof SubmitResult.Accepted accepted) {
      node.put("outcome", "accepted")
          .put("orderId", accepted.venueOrderId().value())
          .put("status", lower(accepted.status()))
          .put("filled", accepted.filled().toString());
    } else if (result instanceof SubmitResult.Rejected rejected) {
      node.put("outcome", "rejected").put("code", rejected.venueCode()).put("message", rejected.message());
    } else if (result instanceof SubmitResult.Denied denied) {
      node.put("outcome", "denied").put("reason", denied.reason());
    } else if (result instanceof SubmitResult.Unknown unknown) {
      node.put("outcome", "unknown").put("reason", unknown.reason());
    }
    return node;
  }

  public static ObjectNode request(WireRequest request) {
    ObjectNode node = MAPPER.createObjectNode().put("method", request.method()).put("url", request.url());
    ArrayNode headers = node.putArray("headers");
    for (Map.Entry<String, String> header : request.headers()) {
      headers.addObject().put("name", header.getKey()).put("value", header.getValue());
    }
    node.put("body", request.body());
    return node;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
