package io.github.crossarb.kalshi.internal;

import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.PositionReport;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueProtocolException;
import io.github.crossarb.kalshi.dto.KalshiMarketData;
import io.github.crossarb.kalshi.dto.KalshiOrders;
import io.github.crossarb.kalshi.dto.KalshiPortfolio;
import io.github.crossarb.kalshi.ws.KalshiWsMessage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pure conversions between Kalshi's wire shapes and core types. Kalshi's V2 direction is one word:
 * {@code bid} = buy YES ≡ sell NO, {@code ask} = sell YES ≡ buy NO, always at the YES price. When
 * the venue reports a direction back and we do not know how the order was asked for, {@code bid}
 * reads as buying YES and {@code ask} as buying NO (the same exposure either way: Kalshi nets YES
 * against NO in one market).
 */
public final class KalshiMapper {
  private static final VenueId KALSHI = VenueId.KALSHI;
  /** Kalshi's open statuses ({@code market.status}); the {@code open} filter word is also accepted. */
  private static final Set<String> OPEN_STATUSES = Set.of("active", "open");

  private KalshiMapper() {}

  /** How we asked for an order: lets venue reports be told in our terms. */
  public record Intent(Outcome outcome, Side side) {}

  // ------------------------------------------------------------------ markets

  /**
   * The market's tick bands from {@code price_ranges}. A market without them is refused
   * (the reference says to read them; {@code tick_size} was removed).
   */
  public static TickGrid tickGrid(KalshiMarketData.Market market) {
    List<KalshiMarketData.PriceRange> ranges = market.priceRanges();
    if (ranges == null || ranges.isEmpty()) {
      throw new VenueProtocolException(KALSHI, "Kalshi market " + market.ticker() + " has no price_ranges");
    }
    List<TickGrid.Band> bands = new ArrayList<>();
    try {
      for (KalshiMarketData.PriceRange range : ranges) {
        bands.add(new TickGrid.Band(Price.parse(range.start()), Price.parse(range.end()), Fixed.parse(range.step())));
      }
      return TickGrid.banded(bands);
    } catch (RuntimeException e) {
      throw new VenueProtocolException(KALSHI, "Kalshi market " + market.ticker() + " has unusable price_ranges: "
          + e.getMessage());
    }
  }

  /** Sizes: steps of 0.01 contracts where fractional trading is enabled, else whole contracts. */
  public static Instrument instrument(KalshiMarketData.Market market) {
    Quantity step = Boolean.TRUE.equals(market.fractionalTradingEnabled()) ? Quantity.ofMicros(10_000) : Quantity.of(1);
    return new Instrument(InstrumentId.kalshi(requireTicker(market)), tickGrid(market), step, step);
  }

  public static MarketInfo marketInfo(KalshiMarketData.Market market) {
    String ticker = requireTicker(market);
    InstrumentId id = InstrumentId.kalshi(ticker);
    String title = market.title() != null && !market.title().isBlank() ? market.title()
        : market.yesSubTitle() != null ? market.yesSubTitle() : ticker;
    if (market.yesSubTitle() != null && !market.yesSubTitle().isBlank() && !title.contains(market.yesSubTitle())) {
      title = title + " — " + market.yesSubTitle();
    }
    String status = market.status() == null ? "unknown" : market.status();
    String rules = join(market.rulesPrimary(), market.rulesSecondary());
    return new MarketInfo(KALSHI, ticker, title, status, OPEN_STATUSES.contains(status), instant(market.closeTime()),
        rules, id, id);
  }

  /** REST {@code orderbook_fp}: YES bids and NO bids (NO prices) become a YES-priced book. */
  public static BookSnapshot bookSnapshot(InstrumentId instrument, KalshiMarketData.OrderbookFp book) {
    return BookSnapshot.fromBids(instrument, levels(book.yesDollars(), "yes_dollars"), levels(book.noDollars(), "no_dollars"));
  }

  public static BookSnapshot bookSnapshot(InstrumentId instrument, KalshiWsMessage.BookSnapshot snapshot) {
    return BookSnapshot.fromBids(instrument, snapshot.yesBids(), snapshot.noBids());
  }

  private static List<Level> levels(List<List<String>> pairs, String field) {
    List<Level> out = new ArrayList<>();
    if (pairs == null) {
      return out;
    }
    for (List<String> pair : pairs) {
      if (pair == null || pair.size() != 2 || pair.get(0) == null || pair.get(1) == null) {
        throw new VenueProtocolException(KALSHI, "Kalshi order book " + field + " holds a malformed level");
      }
      try {
        out.add(Level.of(pair.get(0), pair.get(1)));
      } catch (RuntimeException e) {
        throw new VenueProtocolException(KALSHI, "Kalshi order book " + field + " holds an impossible level: " + e.getMessage());
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ orders out

  /** The V2 create body; {@code exchangeIndex} is sent when known. */
  public static KalshiOrders.CreateOrderRequest createOrder(OrderRequest request, Integer exchangeIndex) {
    boolean buysYesExposure = (request.outcome() == Outcome.YES) == (request.side() == Side.BUY);
    Price yesPrice = request.outcome() == Outcome.YES ? request.price() : request.price().complement();
    Long expiration = null;
    String tif;
    switch (request.timeInForce()) {
      case GTC:
        tif = "good_till_canceled";
        break;
      case GTD:
        tif = "good_till_canceled";
        expiration = request.expiration().getEpochSecond();
        break;
      case IOC:
        tif = "immediate_or_cancel";
        break;
      case FOK:
        tif = "fill_or_kill";
        break;
      default:
        throw new IllegalArgumentException("time in force " + request.timeInForce());
    }
    return new KalshiOrders.CreateOrderRequest(
        request.instrument().symbol(),
        request.clientOrderId().value(),
        buysYesExposure ? "bid" : "ask",
        count(request.size()),
        price(yesPrice),
        tif,
        "taker_at_cross",
        request.postOnly() ? Boolean.TRUE : null,
        null,
        expiration,
        exchangeIndex);
  }

  /** A price as Kalshi takes it: 4 decimals. Finer prices are refused before this (tick check). */
  public static String price(Price price) {
    return Fixed.toBigDecimal(price.micros()).setScale(4, RoundingMode.UNNECESSARY).toPlainString();
  }

  /** A count as Kalshi takes it: 2 decimals. */
  public static String count(Quantity quantity) {
    return Fixed.toBigDecimal(quantity.micros()).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }

  /** Why Kalshi could not take {@code request} on {@code instrument}, or empty. */
  public static Optional<String> denial(OrderRequest request, Instrument instrument) {
    if (request.instrument().venue() != KALSHI) {
      return Optional.of("not a Kalshi instrument: " + request.instrument());
    }
    if (request.price().micros() <= 0 || request.price().micros() >= Fixed.SCALE) {
      return Optional.of("price " + request.price() + " is outside (0, 1)");
    }
    Price yesPrice = request.outcome() == Outcome.YES ? request.price() : request.price().complement();
    if (!instrument.tickGrid().isOnTick(yesPrice) || request.price().micros() % 100 != 0) {
      return Optional.of("price " + request.price() + " is off the tick grid " + instrument.tickGrid());
    }
    if (request.size().micros() % 10_000 != 0 || !instrument.acceptsSize(request.size())) {
      return Optional.of("size " + request.size() + " is below the minimum " + instrument.minSize()
          + " or off the step " + instrument.sizeStep());
    }
    if (request.timeInForce() == TimeInForce.GTD && request.expiration().getEpochSecond() <= 0) {
      return Optional.of("expiration must be after the epoch");
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ reports in

  public static OrderStatus orderStatus(String status) {
    if (status == null) {
      throw new VenueProtocolException(KALSHI, "Kalshi order without a status");
    }
    switch (status) {
      case "resting":
        return OrderStatus.OPEN;
      case "canceled":
      case "cancelled":
        return OrderStatus.CANCELLED;
      case "executed":
        return OrderStatus.FILLED;
      case "pending":
        return OrderStatus.PENDING;
      default:
        throw new VenueProtocolException(KALSHI, "unknown Kalshi order status \"" + status + "\"");
    }
  }

  /** {@code bid}/{@code ask}, falling back to {@code outcome_side} yes/no. */
  static boolean longYes(String bookSide, String outcomeSide, String what) {
    if ("bid".equals(bookSide)) {
      return true;
    }
    if ("ask".equals(bookSide)) {
      return false;
    }
    if ("yes".equals(outcomeSide)) {
      return true;
    }
    if ("no".equals(outcomeSide)) {
      return false;
    }
    throw new VenueProtocolException(KALSHI, what + " has no direction (book_side " + bookSide + ", outcome_side "
        + outcomeSide + ")");
  }

  /** Our outcome and side for a venue direction: the intent when known and consistent, else the default reading. */
  static Intent intent(boolean longYes, Intent known) {
    if (known != null && ((known.outcome() == Outcome.YES) == (known.side() == Side.BUY)) == longYes) {
      return known;
    }
    return longYes ? new Intent(Outcome.YES, Side.BUY) : new Intent(Outcome.NO, Side.BUY);
  }

  public static OrderReport orderReport(KalshiPortfolio.Order order, Intent known) {
    try {
      Intent intent = intent(longYes(order.bookSide(), order.outcomeSide(), "Kalshi order " + order.orderId()), known);
      Price yes = Price.parse(order.yesPriceDollars());
      Quantity filled = order.fillCountFp() == null ? Quantity.ZERO : Quantity.parse(order.fillCountFp());
      Quantity size = order.initialCountFp() != null ? Quantity.parse(order.initialCountFp())
          : filled.plus(Quantity.parse(order.remainingCountFp()));
      return new OrderReport(
          new VenueOrderId(order.orderId()),
          order.clientOrderId() == null || order.clientOrderId().isBlank() ? null : new ClientOrderId(order.clientOrderId()),
          InstrumentId.kalshi(order.ticker()),
          intent.outcome(),
          intent.side(),
          intent.outcome() == Outcome.YES ? yes : yes.complement(),
          size,
          filled,
          orderStatus(order.status()),
          instant(order.createdTime()));
    } catch (VenueProtocolException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new VenueProtocolException(KALSHI, "malformed Kalshi order " + order.orderId() + ": " + e.getMessage(), e);
    }
  }

  public static OrderReport orderReport(KalshiWsMessage.UserOrder order, Intent known, OrderReport previous) {
    try {
      boolean longYes = order.bookSide() != null || order.outcomeSide() != null
          ? longYes(order.bookSide(), order.outcomeSide(), "Kalshi user_order " + order.orderId())
          : previous != null && (previous.outcome() == Outcome.YES) == (previous.side() == Side.BUY);
      Intent intent = intent(longYes, known);
      Price yes = order.yesPrice() != null ? order.yesPrice()
          : previous != null ? (previous.outcome() == Outcome.YES ? previous.price() : previous.price().complement()) : null;
      if (yes == null) {
        throw new VenueProtocolException(KALSHI, "Kalshi user_order " + order.orderId() + " has no price");
      }
      Quantity filled = order.filled() != null ? order.filled() : previous != null ? previous.filled() : Quantity.ZERO;
      Quantity size = order.initial() != null ? order.initial()
          : order.remaining() != null ? filled.plus(order.remaining()) : previous != null ? previous.size() : filled;
      return new OrderReport(new VenueOrderId(order.orderId()),
          order.clientOrderId() == null ? null : new ClientOrderId(order.clientOrderId()),
          InstrumentId.kalshi(order.marketTicker()), intent.outcome(), intent.side(),
          intent.outcome() == Outcome.YES ? yes : yes.complement(), size, filled, orderStatus(order.status()),
          order.tsMs() == null ? null : Instant.ofEpochMilli(order.tsMs()));
    } catch (VenueProtocolException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new VenueProtocolException(KALSHI, "malformed Kalshi user_order " + order.orderId() + ": " + e.getMessage(), e);
    }
  }

  /** The fill id is Kalshi's trade id, which the REST fill and the WebSocket fill share. */
  public static Fill fill(KalshiPortfolio.Fill fill, Intent known) {
    try {
      String id = fill.tradeId() != null && !fill.tradeId().isBlank() ? fill.tradeId() : fill.fillId();
      String ticker = fill.ticker() != null ? fill.ticker() : fill.marketTicker();
      Intent intent = intent(longYes(fill.bookSide(), fill.outcomeSide(), "Kalshi fill " + id), known);
      Price yes = Price.parse(fill.yesPriceDollars());
      Instant time = fill.createdTime() != null ? instant(fill.createdTime())
          : fill.ts() != null ? Instant.ofEpochSecond(fill.ts()) : null;
      if (time == null) {
        throw new VenueProtocolException(KALSHI, "Kalshi fill " + id + " has no time");
      }
      Money fee = fill.feeCost() == null ? Money.ZERO : Money.parse(fill.feeCost());
      return new Fill(id, InstrumentId.kalshi(ticker), intent.outcome(), intent.side(),
          intent.outcome() == Outcome.YES ? yes : yes.complement(), Quantity.parse(fill.countFp()), fee, time,
          fill.clientOrderId() == null ? null : new ClientOrderId(fill.clientOrderId()), null);
    } catch (VenueProtocolException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new VenueProtocolException(KALSHI, "malformed Kalshi fill " + fill.tradeId() + ": " + e.getMessage(), e);
    }
  }

  public static Fill fill(KalshiWsMessage.Fill fill, Intent known) {
    try {
      Intent intent = intent(longYes(fill.bookSide(), fill.outcomeSide(), "Kalshi fill " + fill.tradeId()), known);
      return new Fill(fill.tradeId(), InstrumentId.kalshi(fill.marketTicker()), intent.outcome(), intent.side(),
          intent.outcome() == Outcome.YES ? fill.yesPrice() : fill.yesPrice().complement(), fill.count(), fill.fee(),
          Instant.ofEpochMilli(fill.tsMs()), fill.clientOrderId() == null ? null : new ClientOrderId(fill.clientOrderId()),
          null);
    } catch (VenueProtocolException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new VenueProtocolException(KALSHI, "malformed Kalshi fill " + fill.tradeId() + ": " + e.getMessage(), e);
    }
  }

  /** Positive {@code position_fp} is YES, negative NO; flat markets are left out. */
  public static Optional<PositionReport> position(KalshiPortfolio.MarketPosition position) {
    try {
      long signed = Fixed.parse(position.positionFp());
      if (signed == 0) {
        return Optional.empty();
      }
      Money cost = position.marketExposureDollars() == null ? null : Money.parse(position.marketExposureDollars());
      return Optional.of(new PositionReport(InstrumentId.kalshi(position.ticker()), signed > 0 ? Outcome.YES : Outcome.NO,
          Quantity.ofMicros(Math.abs(signed)), cost));
    } catch (RuntimeException e) {
      throw new VenueProtocolException(KALSHI, "malformed Kalshi position " + position.ticker() + ": " + e.getMessage(), e);
    }
  }

  /** {@code balance_dollars} when present, else the integer cents of {@code balance}. */
  public static Balance balance(KalshiPortfolio.Balance balance) {
    try {
      Money available;
      if (balance.balanceDollars() != null) {
        available = Money.parse(balance.balanceDollars());
      } else if (balance.balance() != null) {
        available = Money.ofMicros(Math.multiplyExact(balance.balance(), 10_000L));
      } else {
        throw new VenueProtocolException(KALSHI, "Kalshi balance without balance or balance_dollars");
      }
      Money portfolio = balance.portfolioValue() == null ? null
          : Money.ofMicros(Math.multiplyExact(balance.portfolioValue(), 10_000L));
      return new Balance(KALSHI, available, portfolio);
    } catch (VenueProtocolException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new VenueProtocolException(KALSHI, "malformed Kalshi balance: " + e.getMessage(), e);
    }
  }

  /** A count string such as {@code fill_count} of an order answer; absent is zero. */
  public static Quantity quantityOrZero(String text) {
    try {
      return text == null ? Quantity.ZERO : Quantity.parse(text);
    } catch (RuntimeException e) {
      throw new VenueProtocolException(KALSHI, "Kalshi sent an impossible count: " + e.getMessage());
    }
  }

  static BigDecimal decimal(String text) {
    return new BigDecimal(text);
  }

  public static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new VenueProtocolException(KALSHI, "not an ISO-8601 time: \"" + text + "\"");
    }
  }

  private static String requireTicker(KalshiMarketData.Market market) {
    if (market.ticker() == null || market.ticker().isBlank()) {
      throw new VenueProtocolException(KALSHI, "Kalshi market without a ticker");
    }
    return market.ticker();
  }

  private static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return b == null || b.isBlank() ? null : b;
    }
    return b == null || b.isBlank() ? a : a + "\n\n" + b;
  }
}
