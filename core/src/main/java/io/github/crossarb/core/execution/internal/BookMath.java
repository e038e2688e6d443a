package io.github.crossarb.core.execution.internal;

import io.github.crossarb.core.book.BookLevels;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.pricing.FeeModel;
import java.util.Optional;

/** Pure price and size arithmetic for hedges, unwinds and leg ordering. */
public final class BookMath {
  /** One cent in micros: Polymarket signs FAK/FOK BUY amounts in whole cents. */
  static final long CENT_MICROS = 10_000L;

  private BookMath() {}

  /** Ask (or bid) size at prices no worse than {@code limit}: asks at or below, bids at or above. */
  public static Quantity depthWithin(BookLevels levels, Price limit, boolean asks) {
    long total = 0;
    for (int i = 0; i < levels.depth(); i++) {
      long p = levels.priceMicros(i);
      if (asks ? p > limit.micros() : p < limit.micros()) {
        break;
      }
      total = Math.addExact(total, levels.sizeMicros(i));
    }
    return Quantity.ofMicros(total);
  }

  /**
   * The limit price for a buy of {@code size} walking {@code asks} (best first): the price of the
   * worst level needed, or {@code cap} when the asks within the cap do not cover the size. Empty
   * when no ask is at or below {@code cap}.
   */
  public static Optional<Price> buyLimit(BookLevels asks, Quantity size, Price cap) {
    if (asks.isEmpty() || asks.priceMicros(0) > cap.micros()) {
      return Optional.empty();
    }
    long remaining = size.micros();
    for (int i = 0; i < asks.depth(); i++) {
      long p = asks.priceMicros(i);
      if (p > cap.micros()) {
        break;
      }
      remaining -= asks.sizeMicros(i);
      if (remaining <= 0) {
        return Optional.of(Price.ofMicros(p));
      }
    }
    return Optional.of(cap);
  }

  /** {@code limit + slippage}, kept below $1 and rounded down onto the grid. */
  public static Optional<Price> hedgeCap(Price limit, Money slippage, TickGrid grid) {
    long raw = Math.min(Math.addExact(limit.micros(), slippage.micros()), Fixed.SCALE - 1);
    return grid.floor(Price.ofMicros(raw)).filter(p -> p.micros() > 0);
  }

  /**
   * The lowest price on {@code grid} at which selling {@code quantity} loses at most {@code budget}
   * against {@code basis} (the contracts' cost), fee included; empty when no price under $1 does.
   * The loss falls as the price rises (fees change by far less than the price per contract), so
   * the scan stops at the first price that fits.
   */
  public static Optional<Price> unwindFloor(Quantity quantity, Money basis, Money budget, FeeModel fees, TickGrid grid) {
    Optional<Price> p = grid.ceil(Price.ofMicros(1));
    while (p.isPresent() && p.get().micros() < Fixed.SCALE) {
      Price price = p.get();
      Money proceeds = Money.proceedsOf(price, quantity).minus(fees.takerFee(price, quantity));
      if (basis.minus(proceeds).compareTo(budget) <= 0) {
        return p;
      }
      p = price.micros() + 1 > Fixed.SCALE ? Optional.empty() : grid.ceil(Price.ofMicros(price.micros() + 1));
    }
    return Optional.empty();
  }

  /**
   * The largest size {@code n·unit} at most {@code size} and at least {@code min} whose cost at
   * {@code price} is whole cents, or {@code size} itself when none within {@code maxSteps} is.
   * Polymarket signs a FAK/FOK BUY as {@code floor(size·price, 2)} pUSD and {@code floor(pUSD /
   * price, 4)} shares, so any other size buys slightly fewer shares than asked: a shortfall no
   * venue minimum lets us hedge.
   */
  public static Quantity wholeCentSize(Quantity size, Price price, Quantity unit, Quantity min, int maxSteps) {
    if (unit.isZero() || price.micros() == 0) {
      return size;
    }
    long u = unit.micros();
    long n = size.micros() / u;
    for (int i = 0; i < maxSteps && n > 0; i++, n--) {
      long s = n * u;
      if (s < min.micros()) {
        break;
      }
      if (isWholeCents(s, price.micros())) {
        return Quantity.ofMicros(s);
      }
    }
    return size;
  }

  /** Whether {@code size × price} (both in micros) is a whole number of cents. */
  static boolean isWholeCents(long sizeMicros, long priceMicros) {
    // size·price in micro-dollars is sizeMicros·priceMicros / 1e6; whole cents: divisible by 1e4.
    return java.math.BigInteger.valueOf(sizeMicros)
        .multiply(java.math.BigInteger.valueOf(priceMicros))
        .mod(java.math.BigInteger.valueOf(Fixed.SCALE * CENT_MICROS))
        .signum() == 0;
  }

  /** Least common multiple of two positive sizes (micros). */
  public static Quantity lcm(Quantity a, Quantity b) {
    long x = a.micros();
    long y = b.micros();
    if (x == 0) {
      return b;
    }
    if (y == 0) {
      return a;
    }
    long g = gcd(x, y);
    return Quantity.ofMicros(Math.multiplyExact(x / g, y));
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
