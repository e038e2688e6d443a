package io.github.crossarb.simulator.kalshi;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.simulator.exchange.BookView;
import io.github.crossarb.simulator.exchange.FillView;
import io.github.crossarb.simulator.exchange.LevelView;
import io.github.crossarb.simulator.exchange.OrderView;
import io.github.crossarb.simulator.scenario.KalshiMarketSpec;
import io.github.crossarb.simulator.scenario.KalshiSeriesSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** Kalshi's JSON shapes: {@code *_dollars} strings with 4 decimals, {@code *_fp} counts with 2. */
final class KalshiWire {
  private KalshiWire() {}

  static String dollars(long micros) {
    return Fixed.format(micros, 4);
  }

  static String fp(long micros) {
    return Fixed.format(micros, 2);
  }

  static String time(Instant t) {
    return t == null ? null : t.toString();
  }

  static JsonObject error(String code, String message) {
    return new JsonObject().put("code", code).put("message", message).put("details", "");
  }

  static JsonArray priceRanges(TickGrid ticks) {
    JsonArray out = new JsonArray();
    for (TickGrid.Band b : ticks.bands()) {
      out.add(new JsonObject().put("start", dollars(b.start().micros())).put("end", dollars(b.end().micros()))
          .put("step", dollars(b.stepMicros())));
    }
    return out;
  }

  static JsonObject series(KalshiSeriesSpec s) {
    return new JsonObject()
        .put("ticker", s.ticker())
        .put("title", s.title())
        .put("category", s.category())
        .put("frequency", s.frequency())
        .put("fee_type", s.feeType())
        .put("fee_multiplier", new java.math.BigDecimal(s.feeMultiplier()))
        .put("tags", new JsonArray())
        .put("settlement_sources", new JsonArray())
        .put("contract_url", "")
        .put("additional_prohibitions", new JsonArray());
  }

  /**
   * A market object. {@code book} gives the top of book; {@code status} is the venue's
   * {@code market.status} ({@code active}, {@code closed}, …).
   */
  static JsonObject market(KalshiMarketSpec m, TickGrid ticks, BookView book, String status, long lastPrice,
      long volume, long openInterest) {
    long yesBid = book.bestBid().map(l -> l.price().micros()).orElse(0L);
    long yesBidSize = book.bestBid().map(l -> l.quantity().micros()).orElse(0L);
    long yesAsk = book.bestAsk().map(l -> l.price().micros()).orElse(Fixed.SCALE);
    long yesAskSize = book.bestAsk().map(l -> l.quantity().micros()).orElse(0L);
    return new JsonObject()
        .put("ticker", m.ticker())
        .put("event_ticker", m.eventTicker())
        .put("market_type", "binary")
        .put("title", m.title())
        .put("subtitle", m.subtitle() == null ? "" : m.subtitle())
        .put("yes_sub_title", m.yesSubTitle() == null ? "" : m.yesSubTitle())
        .put("no_sub_title", m.noSubTitle() == null ? "" : m.noSubTitle())
        .put("open_time", m.openTime())
        .put("close_time", m.closeTime())
        .put("expiration_time", m.closeTime())
        .put("latest_expiration_time", m.closeTime())
        .put("status", status)
        .put("yes_bid_dollars", dollars(yesBid))
        .put("yes_ask_dollars", dollars(yesAsk))
        .put("no_bid_dollars", dollars(Fixed.SCALE - yesAsk))
        .put("no_ask_dollars", dollars(Fixed.SCALE - yesBid))
        .put("yes_bid_size_fp", fp(yesBidSize))
        .put("yes_ask_size_fp", fp(yesAskSize))
        .put("last_price_dollars", dollars(lastPrice))
        .put("previous_price_dollars", dollars(lastPrice))
        .put("volume_fp", fp(volume))
        .put("volume_24h_fp", fp(volume))
        .put("open_interest_fp", fp(openInterest))
        .put("notional_value_dollars", "1.0000")
        .put("price_ranges", priceRanges(ticks))
        .put("fractional_trading_enabled", m.fractional())
        .put("rules_primary", m.rulesPrimary() == null ? "" : m.rulesPrimary())
        .put("rules_secondary", m.rulesSecondary() == null ? "" : m.rulesSecondary())
        .put("can_close_early", true)
        .put("exchange_index", 0)
        .put("fee_waiver_expiration_time", null)
        .put("result", "");
  }

  /** {@code orderbook_fp}: YES bids and NO bids, each ascending (best last). */
  static JsonObject orderbookFp(BookView book, int depth) {
    return new JsonObject().put("yes_dollars", yesLevels(book.bids(), depth))
        .put("no_dollars", noLevels(book.asks(), depth, false));
  }

  /** YES bids ascending; {@code depth <= 0} for all. */
  static JsonArray yesLevels(List<LevelView> bidsBestFirst, int depth) {
    int n = depth <= 0 ? bidsBestFirst.size() : Math.min(depth, bidsBestFirst.size());
    JsonArray out = new JsonArray();
    for (int i = n - 1; i >= 0; i--) {
      LevelView l = bidsBestFirst.get(i);
      out.add(new JsonArray().add(dollars(l.price().micros())).add(fp(l.quantity().micros())));
    }
    return out;
  }

  /** NO bids (each YES ask q is a NO bid at 1 − q) ascending; on the YES scale when asked. */
  static JsonArray noLevels(List<LevelView> asksBestFirst, int depth, boolean yesScale) {
    int n = depth <= 0 ? asksBestFirst.size() : Math.min(depth, asksBestFirst.size());
    JsonArray out = new JsonArray();
    if (yesScale) {
      for (int i = 0; i < n; i++) {
        LevelView l = asksBestFirst.get(i);
        out.add(new JsonArray().add(dollars(l.price().micros())).add(fp(l.quantity().micros())));
      }
      return out;
    }
    // The best YES ask is the best (highest) NO bid, so the NO ladder ascends from the worst ask.
    for (int i = n - 1; i >= 0; i--) {
      LevelView l = asksBestFirst.get(i);
      out.add(new JsonArray().add(dollars(Fixed.SCALE - l.price().micros())).add(fp(l.quantity().micros())));
    }
    return out;
  }

  static String outcome(Outcome o) {
    return o == Outcome.YES ? "yes" : "no";
  }

  static String bookSide(Side s) {
    return s == Side.BUY ? "bid" : "ask";
  }

  static String status(OrderView o) {
    return switch (o.state()) {
      case RESTING -> "resting";
      case CANCELED -> "canceled";
      case FILLED -> "executed";
    };
  }

  static String timeInForce(OrderView o) {
    return switch (o.timeInForce()) {
      case GTC, GTD -> "good_till_canceled";
      case IOC -> "immediate_or_cancel";
      case FOK -> "fill_or_kill";
    };
  }

  static JsonObject order(OrderView o, List<FillView> fills) {
    long takerFees = 0;
    long makerFees = 0;
    long takerCost = 0;
    long makerCost = 0;
    for (FillView f : fills) {
      long cost = Fixed.mulCeil(f.price().micros(), f.quantity().micros());
      if (f.taker()) {
        takerFees += f.fee().micros();
        takerCost += cost;
      } else {
        makerFees += f.fee().micros();
        makerCost += cost;
      }
    }
    Price avg = o.averageFillPrice();
    return new JsonObject()
        .put("order_id", o.orderId())
        .put("client_order_id", o.clientOrderId() == null ? "" : o.clientOrderId())
        .put("user_id", "")
        .put("ticker", o.market())
        .put("outcome_side", outcome(o.outcome()))
        .put("book_side", bookSide(o.side()))
        .put("type", "limit")
        .put("status", status(o))
        .put("time_in_force", timeInForce(o))
        .put("yes_price_dollars", dollars(o.price().micros()))
        .put("no_price_dollars", dollars(Fixed.SCALE - o.price().micros()))
        .put("initial_count_fp", fp(o.initialQuantity().micros()))
        .put("fill_count_fp", fp(o.filledQuantity().micros()))
        .put("remaining_count_fp", fp(o.remainingQuantity().micros()))
        .put("average_fill_price_dollars", avg == null ? null : dollars(avg.micros()))
        .put("taker_fees_dollars", dollars(takerFees))
        .put("maker_fees_dollars", dollars(makerFees))
        .put("taker_fill_cost_dollars", dollars(takerCost))
        .put("maker_fill_cost_dollars", dollars(makerCost))
        .put("created_time", time(o.createdTime()))
        .put("last_update_time", time(o.lastUpdateTime()))
        .put("expiration_time", time(o.expiration()));
  }

  static JsonObject fill(FillView f) {
    return new JsonObject()
        .put("fill_id", f.fillId())
        .put("trade_id", f.tradeId())
        .put("order_id", f.orderId())
        .put("client_order_id", f.clientOrderId() == null ? "" : f.clientOrderId())
        .put("ticker", f.market())
        .put("market_ticker", f.market())
        .put("outcome_side", outcome(f.outcome()))
        .put("book_side", bookSide(f.side()))
        .put("count_fp", fp(f.quantity().micros()))
        .put("yes_price_dollars", dollars(f.price().micros()))
        .put("no_price_dollars", dollars(Fixed.SCALE - f.price().micros()))
        .put("is_taker", f.taker())
        .put("fee_cost", dollars(f.fee().micros()))
        .put("created_time", time(f.time()))
        .put("ts", f.time().getEpochSecond());
  }
}
