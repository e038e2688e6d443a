package io.github.crossarb.simulator.polymarket;

import io.github.crossarb.simulator.polymarket.internal.PolyFaultState;
import java.time.Duration;
import java.util.Objects;

/**
 * The faults a test or a scenario can arm on the Polymarket simulator. Counted faults hit the
 * next N occurrences; rates draw from the server's seed, so a run replays exactly.
 */
public final class PolymarketFaults {
  private final PolyFaultState state;
  private final PolymarketSimServer server;

  PolymarketFaults(PolyFaultState state, PolymarketSimServer server) {
    this.state = state;
    this.server = server;
  }

  /** Delays every HTTP response by {@code extra} (zero to stop). */
  public PolymarketFaults latency(Duration extra) {
    state.addLatency(Objects.requireNonNull(extra, "extra"));
    return this;
  }

  /** The next {@code count} HTTP requests whose path starts with {@code pathPrefix} answer {@code status} (429 or 5xx). */
  public PolymarketFaults failNextRequests(String pathPrefix, int status, int count) {
    if (status != 429 && (status < 500 || status > 599)) {
      throw new IllegalArgumentException("only 429 and 5xx are faults: " + status);
    }
    state.failNextRequests(pathPrefix, status, count);
    return this;
  }

  /** Every HTTP request answers 503 with probability {@code rate} (seeded). */
  public PolymarketFaults httpErrorRate(double rate) {
    state.setHttpErrorRate(rate);
    return this;
  }

  /** The next {@code count} order posts are processed (and may rest or fill) but never answered. */
  public PolymarketFaults timeOutNextOrders(int count) {
    state.timeOutNextOrders(count);
    return this;
  }

  /** The next {@code count} trades settle MATCHED → RETRYING → FAILED, and are undone. */
  public PolymarketFaults failNextTrades(int count) {
    state.failNextTrades(count);
    return this;
  }

  /** Each trade fails with probability {@code rate} (seeded). */
  public PolymarketFaults tradeFailureRate(double rate) {
    state.setTradeFailureRate(rate);
    return this;
  }

  /** The market channel stays open and answers PONG but sends no data. */
  public PolymarketFaults silentFeed(boolean silent) {
    state.setFeedSilent(silent);
    return this;
  }

  /** Closes every WebSocket now. */
  public PolymarketFaults dropConnections() {
    server.dropConnections();
    return this;
  }

  /** Changes a token's tick size (book stays, off-grid orders are cancelled, {@code tick_size_change} goes out). */
  public PolymarketFaults changeTickSize(String tokenId, String newTickSize) {
    server.changeTickSize(tokenId, newTickSize);
    return this;
  }
}
