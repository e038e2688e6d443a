package io.github.crossarb.benchmarks.e2e;

import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.simulator.exchange.Accounts;
import io.github.crossarb.simulator.exchange.BookView;
import io.github.crossarb.simulator.exchange.Exchange;
import io.github.crossarb.simulator.exchange.NewOrder;
import io.github.crossarb.simulator.exchange.SelfTradePrevention;
import io.github.crossarb.simulator.scenario.PairSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Book updates that never open a window, at a target aggregate rate, on one thread: each update
 * picks an instrument at random (a Kalshi market, or a Polymarket YES or NO token, of the loaded
 * pairs) and either adds a market-maker order of random size at its second-best bid or cancels the
 * one it added before. Either way one price level changes size (one {@code orderbook_delta} or
 * {@code price_change} frame) and the top of book stays, so the engine applies and re-evaluates
 * but never trades.
 */
final class Load implements Runnable {
  private record Instrument(Exchange exchange, String market, long price, long minSize) {}

  private final List<Instrument> instruments = new ArrayList<>();
  private final String[] added;
  private final double rate;
  private final SplittableRandom random = new SplittableRandom(42);
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  /** @param pairs the pairs whose books move (keep the probe windows' pairs out) */
  Load(Rig rig, List<PairSpec> pairs, double rate) {
    Exchange k = rig.sim.exchange(VenueId.KALSHI);
    Exchange p = rig.sim.exchange(VenueId.POLYMARKET);
    for (PairSpec pair : pairs) {
      add(k, pair.kalshi().ticker(), 1_000_000);
      add(p, pair.polymarket().yesTokenId(), 5_000_000);
      add(p, pair.polymarket().noTokenId(), 5_000_000);
    }
    this.added = new String[instruments.size()];
    this.rate = rate;
  }

  private void add(Exchange exchange, String market, long minSize) {
    BookView book = exchange.book(market);
    if (book.bids().size() >= 2) {
      instruments.add(new Instrument(exchange, market, book.bids().get(1).price().micros(), minSize));
    }
  }

  int instruments() {
    return instruments.size();
  }

  long sent() {
    return sent.get();
  }

  long errors() {
    return errors.get();
  }

  void stop() {
    stop.set(true);
  }

  @Override
  public void run() {
    long start = System.nanoTime();
    long done = 0;
    while (!stop.get()) {
      long due = (long) ((System.nanoTime() - start) * rate / 1e9);
      // Catch up in bursts of at most 50 ms worth, so a stall does not become an unbounded flood.
      long cap = Math.max(1, (long) (rate / 20));
      for (long n = 0; done < due && n < cap; n++, done++) {
        update();
      }
      if (done < due - cap) {
        done = due - cap; // the generator itself fell behind: drop the backlog rather than burst it
      }
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
    }
  }

  private void update() {
    int i = random.nextInt(instruments.size());
    Instrument in = instruments.get(i);
    try {
      if (added[i] != null) {
        in.exchange().cancel(Accounts.LIQUIDITY, added[i]);
        added[i] = null;
      } else {
        long size = in.minSize() + random.nextInt(50) * 1_000_000L; // whole contracts: on every lot grid
        added[i] = in.exchange().submit(new NewOrder(Accounts.LIQUIDITY, in.market(), Side.BUY,
            Price.ofMicros(in.price()), Quantity.ofMicros(size), TimeInForce.GTC, null, null, Outcome.YES,
            false, false, SelfTradePrevention.CANCEL_MAKER, null)).order().orderId();
      }
      sent.incrementAndGet();
    } catch (RuntimeException e) {
      added[i] = null;
      errors.incrementAndGet();
    }
  }
}
