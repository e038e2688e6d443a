package io.github.crossarb.benchmarks;

import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.kalshi.ws.KalshiWsDecoder;
import io.github.crossarb.kalshi.ws.KalshiWsMessage;
import io.github.crossarb.polymarket.ws.PolymarketWsMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A venue book message from the bytes of its WebSocket text frame to the change applied to the
 * book, through the clients' own decoders ({@link KalshiWsDecoder#decode}, {@link
 * PolymarketWsMessage#decode}) and the same book calls their streams make. The frames are the
 * venues' wire formats (reference, the clients' test fixtures); two frames alternate (+54 then −54
 * contracts; size 120 then 80 shares) so every operation really changes the book and the book
 * stays valid forever.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MessageDecodeBenchmark {
  static final String KALSHI_TICKER = "KXBTCD-26NOV2717-T97499.99";
  static final String POLY_YES = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
  static final String POLY_NO = "52114319501245915516055106046884209969926127482827954674443846427813813222426";

  private byte[][] kalshiFrames;
  private byte[][] polymarketFrames;
  private OrderBook kalshiBook;
  private Map<String, OrderBook> polymarketBooks;
  private int next;

  @Setup
  public void setUp() {
    kalshiFrames = new byte[][] {kalshiDelta(3, "54.00"), kalshiDelta(4, "-54.00")};
    polymarketFrames = new byte[][] {priceChange("120"), priceChange("80")};
    Clock clock = Clock.systemUTC();
    InstrumentId kalshiId = InstrumentId.kalshi(KALSHI_TICKER);
    kalshiBook = new OrderBook(kalshiId, clock);
    // Kalshi's book is bids only: YES bids 0.38 down, NO bids 0.60 down (YES asks from 0.40).
    List<Level> yesBids = levels(380_000, -10_000);
    List<Level> noBids = levels(600_000, -10_000);
    kalshiBook.applySnapshot(BookSnapshot.fromBids(kalshiId, yesBids, noBids));
    polymarketBooks = new HashMap<>();
    polymarketBooks.put(POLY_YES, polymarketBook(POLY_YES, 450_000, 470_000));
    polymarketBooks.put(POLY_NO, polymarketBook(POLY_NO, 530_000, 550_000));
    // A decode that fails or changes nothing measures the wrong thing: check both once.
    if (!kalshiOrderbookDelta() || !kalshiOrderbookDelta() || polymarketPriceChange() != 2
        || polymarketPriceChange() != 2) {
      throw new IllegalStateException("a benchmark frame did not change its book");
    }
  }

  /** Kalshi {@code orderbook_delta}, as in the reference: a signed change on one bid level. */
  static byte[] kalshiDelta(long seq, String delta) {
    return ("{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\""
        + KALSHI_TICKER + "\",\"market_id\":\"9b0f6b43-5b68-4f6b-b8f3-1c2b1bcd4d37\",\"price_dollars\":\"0.3600\","
        + "\"delta_fp\":\"" + delta + "\",\"side\":\"yes\",\"ts_ms\":1795785600123}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Polymarket {@code price_change} (the Sep 2025 format): one trade-time change shown on both
   * tokens of the market, each with its hash and best bid/ask.
   */
  static byte[] priceChange(String size) {
    return ("{\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"price_changes\":["
        + "{\"asset_id\":\"" + POLY_YES + "\",\"price\":\"0.44\",\"size\":\"" + size + "\",\"side\":\"BUY\","
        + "\"hash\":\"56621a121a47ed9333273e21c83b660cff37ae50\",\"best_bid\":\"0.45\",\"best_ask\":\"0.47\"},"
        + "{\"asset_id\":\"" + POLY_NO + "\",\"price\":\"0.56\",\"size\":\"" + size + "\",\"side\":\"SELL\","
        + "\"hash\":\"1895759e4df7a796bf4f1c5a5950b748306923e2\",\"best_bid\":\"0.53\",\"best_ask\":\"0.55\"}],"
        + "\"timestamp\":\"1795785600123\",\"event_type\":\"price_change\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static List<Level> levels(long best, long step) {
    List<Level> out = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      out.add(new Level(Price.ofMicros(best + i * step), Quantity.of(100)));
    }
    return out;
  }

  private static OrderBook polymarketBook(String token, long bestBid, long bestAsk) {
    InstrumentId id = InstrumentId.polymarket(token);
    OrderBook book = new OrderBook(id, Clock.systemUTC());
    book.applySnapshot(new BookSnapshot(id, levels(bestBid, -10_000), levels(bestAsk, 10_000)));
    return book;
  }

  /** Bytes → text (as the WebSocket delivers it) → decoded delta → applied to the bids-only book. */
  @Benchmark
  public boolean kalshiOrderbookDelta() {
    byte[] frame = kalshiFrames[next++ & 1];
    KalshiWsMessage message = KalshiWsDecoder.decode(new String(frame, StandardCharsets.UTF_8));
    // What KalshiWsClient.dispatch does with a BookDelta once its seq is checked.
    KalshiWsMessage.BookDelta delta = (KalshiWsMessage.BookDelta) message;
    return kalshiBook.applyBidDelta(delta.side(), delta.price(), delta.deltaMicros());
  }

  /** Bytes → text → decoded changes → each set (absolute size) on its token's book. */
  @Benchmark
  public int polymarketPriceChange() {
    byte[] frame = polymarketFrames[next++ & 1];
    List<PolymarketWsMessage> messages = PolymarketWsMessage.decode(new String(frame, StandardCharsets.UTF_8));
    // What PolymarketMarketStream.onMessage does with a PriceChange.
    int changed = 0;
    for (PolymarketWsMessage m : messages) {
      if (m instanceof PolymarketWsMessage.PriceChange pc) {
        for (PolymarketWsMessage.Change c : pc.changes()) {
          OrderBook book = polymarketBooks.get(c.assetId());
          if (book != null && book.setLevel(c.side(), c.price(), c.size())) {
            changed++;
          }
        }
      }
    }
    return changed;
  }
}
