package io.github.crossarb.simulator.polymarket;

import io.github.crossarb.simulator.fault.FaultInjector;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.github.crossarb.simulator.fault.FaultRule;
import io.github.crossarb.simulator.fault.PolymarketFaultKinds;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Objects;

/**
 * Shortcuts for arming faults on the Polymarket simulator; each adds a {@link FaultRule} to the
 * server's seeded {@link FaultInjector} (use {@link #add} for anything else, e.g. a chance or a
 * skip). REST subjects are {@code "METHOD /path"}, stream subjects token ids.
 */
public final class PolymarketFaults {
  private final FaultInjector injector;
  private final PolymarketSimServer server;

  PolymarketFaults(FaultInjector injector, PolymarketSimServer server) {
    this.injector = injector;
    this.server = server;
  }

  public PolymarketFaults add(FaultRule rule) {
    injector.add(Objects.requireNonNull(rule, "rule"));
    return this;
  }

  /** Disarms every rule. */
  public PolymarketFaults clear() {
    injector.clear();
    return this;
  }

  /** Delays every REST answer matching {@code target} by {@code extra} until cleared. */
  public PolymarketFaults latency(String target, Duration extra) {
    return add(FaultRule.always(FaultKinds.LATENCY, target).withMillis(extra.toMillis()));
  }

  /** The next {@code count} REST requests matching {@code target} answer {@code status} (429 or 5xx) unprocessed. */
  public PolymarketFaults failNextRequests(String target, int status, int count) {
    if (status == 429) {
      return add(FaultRule.once(FaultKinds.HTTP_429, target).withTimes(count));
    }
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("only 429 and 5xx are faults: " + status);
    }
    return add(FaultRule.once(FaultKinds.HTTP_5XX, target).withStatus(status).withTimes(count));
  }

  /** The next {@code count} order posts are processed (they may rest or fill) and the connection closes unanswered. */
  public PolymarketFaults acceptThenDrop(int count) {
    return add(FaultRule.once(FaultKinds.ACCEPT_THEN_DROP, "POST /order*").withTimes(count));
  }

  /** The next {@code count} order posts are processed and answered only after {@code delay}. */
  public PolymarketFaults acceptThenDelay(int count, Duration delay) {
    return add(FaultRule.once(FaultKinds.ACCEPT_THEN_DELAY, "POST /order*").withTimes(count)
        .withMillis(delay.toMillis()));
  }

  /** The next {@code count} trades on {@code tokenId} ({@code "*"} for any) end RETRYING → FAILED. */
  public PolymarketFaults failNextTrades(String tokenId, int count) {
    return add(FaultRule.once(PolymarketFaultKinds.TRADE_FAILED, tokenId).withTimes(count));
  }

  /** Market-channel data for {@code tokenId} ({@code "*"} for all) stops, sockets stay open and answer PONG. */
  public PolymarketFaults silentFeed(String tokenId) {
    return add(FaultRule.always(FaultKinds.SILENT_FEED, tokenId));
  }

  /** Ends every silent-feed rule. */
  public PolymarketFaults resumeFeed() {
    injector.clear(FaultKinds.SILENT_FEED);
    return this;
  }

  /** Closes every WebSocket now. */
  public Future<Void> dropConnections() {
    return server.dropConnections();
  }

  /** Changes a token's tick size: off-grid orders are cancelled, {@code tick_size_change} and a fresh {@code book} go out. */
  public Future<Void> changeTickSize(String tokenId, String newTickSize) {
    return server.changeTickSize(tokenId, newTickSize);
  }
}
