package io.github.crossarb.core.engine;

import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.engine.EngineSnapshot.BalanceView;
import io.github.crossarb.core.engine.EngineSnapshot.FeedHealth;
import io.github.crossarb.core.engine.EngineSnapshot.KillState;
import io.github.crossarb.core.engine.EngineSnapshot.Quote;
import io.github.crossarb.core.engine.EngineSnapshot.Quotes;
import io.github.crossarb.core.engine.internal.EngineActivity;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pricing.Direction;
import io.github.crossarb.core.pricing.EdgeInputs;
import io.github.crossarb.core.pricing.EdgeResult;
import io.github.crossarb.core.pricing.Opportunity;
import io.github.crossarb.core.risk.KillSwitch;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's parts of a snapshot, read from the engine's state on its context. Each costs at
 * most a pass over the followed books: nothing grows with the engine's history.
 */
final class DashboardViews {
  private DashboardViews() {}

  /** A pair's best prices, and its edge: the last evaluation's opportunity, else the top of book. */
  static Quotes quotes(MarketPair pair, EdgeInputs in, EdgeResult last) {
    if (in == null) {
      return Quotes.NONE;
    }
    Quote kalshiYes = quote(in.kalshiBook(), Outcome.YES);
    Quote kalshiNo = quote(in.kalshiBook(), Outcome.NO);
    Quote polymarketYes = quote(in.polymarketYesBook(), Outcome.YES);
    Quote polymarketNo = quote(in.polymarketNoBook(), Outcome.YES); // the NO token's own price
    if (last instanceof Opportunity o) {
      Money perContract = Money.ofMicros(BigInteger.valueOf(o.expectedProfit().micros())
          .multiply(BigInteger.valueOf(Fixed.SCALE)).divide(BigInteger.valueOf(o.size().micros())).longValueExact());
      return new Quotes(kalshiYes, kalshiNo, polymarketYes, polymarketNo, o.direction(), perContract, o.size());
    }
    Direction best = null;
    Long bestEdge = null;
    if (in.kalshiBook().isTrusted() && in.polymarketYesBook().isTrusted() && in.polymarketNoBook().isTrusted()) {
      for (Direction d : Direction.values()) {
        Optional<Price> kalshiAsk = in.kalshiBook().bestAsk(d.kalshiOutcome());
        InstrumentId token = pair.polymarketTokenEquivalentTo(d.kalshiOutcome().opposite());
        OrderBook tokenBook = token.equals(in.polymarketYesBook().instrument()) ? in.polymarketYesBook()
            : in.polymarketNoBook();
        Optional<Price> tokenAsk = tokenBook.bestAsk(Outcome.YES);
        if (kalshiAsk.isEmpty() || tokenAsk.isEmpty()) {
          continue;
        }
        long k = kalshiAsk.get().micros();
        long p = tokenAsk.get().micros();
        long edge = Fixed.SCALE - k - p - in.kalshiFees().takerFeeMicros(k, Fixed.SCALE)
            - in.polymarketFees().takerFeeMicros(p, Fixed.SCALE);
        if (bestEdge == null || edge > bestEdge) {
          bestEdge = edge;
          best = d;
        }
      }
    }
    return new Quotes(kalshiYes, kalshiNo, polymarketYes, polymarketNo, best,
        bestEdge == null ? null : Money.ofMicros(bestEdge), Quantity.ZERO);
  }

  private static Quote quote(OrderBook book, Outcome outcome) {
    return new Quote(book.bestBid(outcome).orElse(null), book.bestAsk(outcome).orElse(null));
  }

  /** Each venue's feed: when it last spoke and how its followed books stand. */
  static List<FeedHealth> feeds(EngineBooks books, Collection<InstrumentId> followed, EngineActivity activity,
      Instant now) {
    List<FeedHealth> out = new ArrayList<>(VenueId.values().length);
    for (VenueId venue : VenueId.values()) {
      int trusted = 0;
      int untrusted = 0;
      boolean disconnected = false;
      for (InstrumentId id : followed) {
        if (id.venue() != venue) {
          continue;
        }
        OrderBook b = books.book(id);
        if (b != null && b.isTrusted()) {
          trusted++;
        } else {
          untrusted++;
          disconnected |= b != null && b.integrity().reason() == UntrustedReason.DISCONNECTED;
        }
      }
      Instant last = activity.lastBookMessage(venue);
      Duration age = last == null ? null : Duration.between(last, now);
      if (age != null && age.isNegative()) {
        age = Duration.ZERO;
      }
      out.add(new FeedHealth(venue, last, age, trusted, untrusted, last != null && !disconnected));
    }
    return out;
  }

  /** The balances as last read, with what is available after the reservations since. */
  static List<BalanceView> balances(Map<VenueId, BalanceView> read, Map<VenueId, Money> available) {
    List<BalanceView> out = new ArrayList<>(read.size());
    for (BalanceView b : read.values()) {
      Money now = available.get(b.venue());
      out.add(now == null ? b : new BalanceView(b.venue(), now, b.reported(), b.portfolioValue(), b.readAt()));
    }
    return out;
  }

  static KillState kill(KillSwitch killSwitch) {
    return killSwitch.engagement().map(e -> new KillState(true, e.reason(), e.at())).orElse(KillState.OFF);
  }
}
