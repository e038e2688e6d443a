package io.github.crossarb.simulator.polymarket.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * The faults armed on the Polymarket simulator. Scripted faults are counted ("the next N …");
 * rates draw from a seeded generator, so a run replays exactly. Thread-safe: tests arm faults
 * from their own thread while the server reads them on its context.
 */
public final class PolyFaultState {
  /** An HTTP failure to answer instead of the real response. */
  public record HttpFailure(String pathPrefix, int status) {}

  private final SplittableRandom random;
  private final Deque<HttpFailure> httpFailures = new ArrayDeque<>();
  private Duration latency = Duration.ZERO;
  private int ordersToTimeOut;
  private int tradesToFail;
  private double tradeFailureRate;
  private double httpErrorRate;
  private boolean feedSilent;

  public PolyFaultState(long seed) {
    this.random = new SplittableRandom(seed);
  }

  public synchronized void addLatency(Duration extra) {
    latency = extra;
  }

  public synchronized Duration latency() {
    return latency;
  }

  public synchronized void failNextRequests(String pathPrefix, int status, int count) {
    for (int i = 0; i < count; i++) {
      httpFailures.add(new HttpFailure(pathPrefix, status));
    }
  }

  public synchronized void setHttpErrorRate(double rate) {
    httpErrorRate = rate;
  }

  /** The failure to answer for {@code path}, if one is armed or drawn; consumes it. */
  public synchronized HttpFailure takeHttpFailure(String path) {
    for (var it = httpFailures.iterator(); it.hasNext(); ) {
      HttpFailure f = it.next();
      if (path.startsWith(f.pathPrefix())) {
        it.remove();
        return f;
      }
    }
    if (httpErrorRate > 0 && random.nextDouble() < httpErrorRate) {
      return new HttpFailure("/", 503);
    }
    return null;
  }

  public synchronized void timeOutNextOrders(int count) {
    ordersToTimeOut += count;
  }

  public synchronized boolean takeOrderTimeout() {
    if (ordersToTimeOut > 0) {
      ordersToTimeOut--;
      return true;
    }
    return false;
  }

  public synchronized void failNextTrades(int count) {
    tradesToFail += count;
  }

  public synchronized void setTradeFailureRate(double rate) {
    tradeFailureRate = rate;
  }

  public synchronized boolean takeTradeFailure() {
    if (tradesToFail > 0) {
      tradesToFail--;
      return true;
    }
    return tradeFailureRate > 0 && random.nextDouble() < tradeFailureRate;
  }

  public synchronized void setFeedSilent(boolean silent) {
    feedSilent = silent;
  }

  public synchronized boolean feedSilent() {
    return feedSilent;
  }
}
