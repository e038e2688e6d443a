package io.github.crossarb.simulator.polymarket.internal;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.simulator.exchange.BookView;
import io.github.crossarb.simulator.exchange.LevelView;
import io.github.crossarb.simulator.polymarket.PolymarketSimMarket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Polymarket's JSON shapes, built in the venue's key order with its number formats (decimal strings). */
public final class PolyWire {
  /** First cursor of every paginated endpoint: base64("0"). */
  public static final String FIRST_CURSOR = "MA==";
  /** Cursor that means "no more pages": base64("-1"). */
  public static final String END_CURSOR = "LTE=";

  private PolyWire() {}

  /** Plain decimal, shortest form: 0.48, 100, 30.5. */
  public static String num(long micros) {
    return Fixed.format(micros);
  }

  public static String cursorFor(int offset) {
    return Base64.getEncoder().encodeToString(Integer.toString(offset).getBytes(StandardCharsets.US_ASCII));
  }

  /** The offset a cursor names; {@code -1} for the end cursor; throws IllegalArgumentException if malformed. */
  public static int offsetOf(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return 0;
    }
    try {
      int offset = Integer.parseInt(new String(Base64.getDecoder().decode(cursor), StandardCharsets.US_ASCII));
      if (offset < -1) {
        throw new IllegalArgumentException("bad cursor");
      }
      return offset;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("bad cursor", e);
    }
  }

  /** {@code {limit, count, next_cursor, data}} for one page of {@code all} starting at {@code offset}. */
  public static JsonObject page(List<JsonObject> all, int offset, int pageSize) {
    int from = Math.min(offset, all.size());
    int to = Math.min(from + pageSize, all.size());
    JsonArray data = new JsonArray();
    all.subList(from, to).forEach(data::add);
    String next = to >= all.size() ? END_CURSOR : cursorFor(to);
    return new JsonObject().put("limit", pageSize).put("count", data.size()).put("next_cursor", next).put("data", data);
  }

  /** Levels worst first, best last, as the venue sends them (bids ascending, asks descending). */
  public static JsonArray levelsBestLast(List<LevelView> bestFirst) {
    JsonArray out = new JsonArray();
    for (int i = bestFirst.size() - 1; i >= 0; i--) {
      LevelView l = bestFirst.get(i);
      out.add(new JsonObject().put("price", num(l.price().micros())).put("size", num(l.quantity().micros())));
    }
    return out;
  }

  /** A hash of the book's content, sent with every book and price change (hex SHA-1, as the venue's). */
  public static String bookHash(String market, String assetId, String timestamp, BookView book) {
    StringBuilder sb = new StringBuilder(market).append('|').append(assetId).append('|').append(timestamp);
    book.bids().forEach(l -> sb.append("|b").append(l.price()).append(':').append(l.quantity()));
    book.asks().forEach(l -> sb.append("|a").append(l.price()).append(':').append(l.quantity()));
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(sha1.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** REST {@code /book} summary. */
  public static JsonObject restBook(PolymarketSimMarket m, String assetId, BookView book, long tickMicros,
      String lastTradePrice, long nowMillis) {
    String ts = Long.toString(nowMillis);
    return new JsonObject()
        .put("market", m.conditionId())
        .put("asset_id", assetId)
        .put("timestamp", ts)
        .put("hash", bookHash(m.conditionId(), assetId, ts, book))
        .put("bids", levelsBestLast(book.bids()))
        .put("asks", levelsBestLast(book.asks()))
        .put("min_order_size", num(Fixed.parse(m.minOrderSize())))
        .put("tick_size", num(tickMicros))
        .put("neg_risk", m.negRisk())
        .put("last_trade_price", lastTradePrice);
  }

  /** WS market-channel {@code book} event. */
  public static JsonObject wsBook(PolymarketSimMarket m, String assetId, BookView book, long nowMillis) {
    String ts = Long.toString(nowMillis);
    return new JsonObject()
        .put("event_type", "book")
        .put("asset_id", assetId)
        .put("market", m.conditionId())
        .put("bids", levelsBestLast(book.bids()))
        .put("asks", levelsBestLast(book.asks()))
        .put("timestamp", ts)
        .put("hash", bookHash(m.conditionId(), assetId, ts, book));
  }

  /** Tick size as the venue writes it in JSON numbers ({@code mts}, {@code minimum_tick_size}). */
  public static Number tickNumber(long tickMicros) {
    return Fixed.toBigDecimal(tickMicros).stripTrailingZeros().doubleValue();
  }

  /** CLOB {@code /markets} object. */
  public static JsonObject clobMarket(PolymarketSimMarket m, long tickMicros, boolean open) {
    JsonArray tokens = new JsonArray()
        .add(new JsonObject().put("token_id", m.yesTokenId()).put("outcome", "Yes").put("price", 0.5).put("winner", false))
        .add(new JsonObject().put("token_id", m.noTokenId()).put("outcome", "No").put("price", 0.5).put("winner", false));
    return new JsonObject()
        .put("enable_order_book", true)
        .put("active", open)
        .put("closed", !open)
        .put("archived", false)
        .put("accepting_orders", open)
        .put("minimum_order_size", Fixed.toBigDecimal(Fixed.parse(m.minOrderSize())).stripTrailingZeros())
        .put("minimum_tick_size", tickNumber(tickMicros))
        .put("condition_id", m.conditionId())
        .put("question_id", m.conditionId())
        .put("question", m.question())
        .put("description", "")
        .put("market_slug", m.slug())
        .put("end_date_iso", m.endDate())
        .put("maker_base_fee", 0)
        .put("taker_base_fee", 0)
        .put("neg_risk", m.negRisk())
        .put("neg_risk_market_id", "")
        .put("neg_risk_request_id", "")
        .put("tokens", tokens)
        .put("tags", new JsonArray());
  }

  /** CLOB {@code /clob-markets/{conditionId}}: the compact keys the v2 client caches from. */
  public static JsonObject clobMarketDetails(PolymarketSimMarket m, long tickMicros, boolean open) {
    return new JsonObject()
        .put("c", m.conditionId())
        .put("t", new JsonArray()
            .add(new JsonObject().put("t", m.yesTokenId()).put("o", "Yes"))
            .add(new JsonObject().put("t", m.noTokenId()).put("o", "No")))
        .put("mts", tickNumber(tickMicros))
        .put("nr", m.negRisk())
        .put("fd", new JsonObject()
            .put("r", Fixed.toBigDecimal(Fixed.parse(m.feeRate())).stripTrailingZeros())
            .put("e", m.feeExponent())
            .put("to", true))
        .put("mbf", 0)
        .put("tbf", 0)
        .put("r", (Object) null)
        .put("ao", open)
        .put("mos", Fixed.toBigDecimal(Fixed.parse(m.minOrderSize())).stripTrailingZeros());
  }

  /** Gamma market: {@code outcomes}, {@code outcomePrices} and {@code clobTokenIds} are JSON text inside JSON. */
  public static JsonObject gammaMarket(PolymarketSimMarket m, int id, long tickMicros, boolean open,
      String yesPrice, String noPrice) {
    return new JsonObject()
        .put("id", Integer.toString(id))
        .put("question", m.question())
        .put("conditionId", m.conditionId())
        .put("slug", m.slug())
        .put("description", m.description())
        .put("endDate", m.endDate())
        .put("outcomes", new JsonArray().add("Yes").add("No").encode())
        .put("outcomePrices", new JsonArray().add(yesPrice).add(noPrice).encode())
        .put("clobTokenIds", new JsonArray().add(m.yesTokenId()).add(m.noTokenId()).encode())
        .put("active", open)
        .put("closed", !open)
        .put("enableOrderBook", true)
        .put("acceptingOrders", open)
        .put("negRisk", m.negRisk())
        .put("orderPriceMinTickSize", tickNumber(tickMicros))
        .put("orderMinSize", Fixed.toBigDecimal(Fixed.parse(m.minOrderSize())).stripTrailingZeros())
        .put("version", "v1");
  }
}
