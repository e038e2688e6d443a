package io.github.crossarb.benchmarks.e2e;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.simulator.WireProbe;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * The harness's {@link WireProbe}: counts every book frame, and for the one window armed at a
 * time, queues the first frame written for its opening instrument and the order arrivals on its
 * two instruments (the harness thread takes them off the queue).
 */
final class WindowProbe implements WireProbe {
  /** Something seen on the wire for the armed window. */
  record Mark(boolean order, VenueId venue, String market, long nanos) {}

  private final LongAdder frames = new LongAdder();
  private final LongAdder orders = new LongAdder();
  private final BlockingQueue<Mark> marks = new ArrayBlockingQueue<>(1024);
  private volatile String openingMarket;
  private volatile String kalshiMarket;
  private volatile String polymarketMarket;
  private volatile boolean frameSeen;

  /** Watches a new window: its opening frame on {@code opening}, then orders on the two markets. */
  void arm(String opening, String kalshi, String polymarket) {
    marks.clear();
    frameSeen = false;
    kalshiMarket = kalshi;
    polymarketMarket = polymarket;
    openingMarket = opening;
  }

  void disarm() {
    openingMarket = null;
    kalshiMarket = null;
    polymarketMarket = null;
  }

  BlockingQueue<Mark> marks() {
    return marks;
  }

  long frames() {
    return frames.sum();
  }

  /** Order requests that arrived on either venue, for any market. */
  long orders() {
    return orders.sum();
  }

  @Override
  public void bookFrameWritten(VenueId venue, String market, long nanoTime) {
    frames.increment();
    if (!frameSeen && market.equals(openingMarket)) {
      frameSeen = true;
      marks.offer(new Mark(false, venue, market, nanoTime));
    }
  }

  @Override
  public void orderArrived(VenueId venue, String market, long nanoTime) {
    orders.increment();
    if (market.equals(venue == VenueId.KALSHI ? kalshiMarket : polymarketMarket)) {
      marks.offer(new Mark(true, venue, market, nanoTime));
    }
  }
}
