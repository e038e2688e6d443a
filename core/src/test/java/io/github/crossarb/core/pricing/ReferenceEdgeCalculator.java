package io.github.crossarb.core.pricing;

import io.github.crossarb.core.book.BookLevels;
import io.github.crossarb.core.book.BookSide;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pair.PolymarketMarket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Objects;

/**
 * TEST REFERENCE: a frozen copy of {@code EdgeCalculator} as it was before the speed-up of 2026-11 (commit
 * 0d901e1), kept unchanged so that properties can prove the optimised code returns exactly the
 * same results. Do not optimise this copy.
 *
 * <p>Original documentation:
 *
 * Finds the most profitable size to buy on both venues of a pair, exactly.
 *
 * <p><b>Definition.</b> For one {@link Direction}, the Kalshi leg walks
 * {@code kalshiBook.levels(kalshiOutcome, ASK)} and the Polymarket leg walks the bought token's
 * {@code levels(YES, ASK)}, best first, consuming levels fully then partially.
 *
 * <ul>
 *   <li>Sizes are {@code q = n·u}, {@code n ≥ 1}, {@code u = lcm} of the two size steps, with
 *       {@code q ≥} both minimum sizes, {@code q ≤ maxSize} and {@code q ≤} each leg's ask depth.
 *   <li>Cost of a leg = Σ levelPrice × qtyTakenAtLevel, exact. Fee of a leg = Σ over levels touched
 *       of {@code takerFee(levelPrice, qtyTakenAtLevel)}: one fill per level, each rounded as the
 *       venue does. {@code profit(q) = q × $1 − costs − fees}, exact (in 1e-12 dollars).
 *   <li>Unit {@code n} belongs to the segment of the two levels its last part is taken from. A
 *       segment with prices {@code a}, {@code b} is usable iff {@code m = $1 − a − b − fK(a, 1) −
 *       fP(b, 1) > 0} and {@code m ≥ minEdgeRelative × (a + b + fK(a, 1) + fP(b, 1))}, with
 *       {@code f(·, 1)} the taker fee of one whole contract. Size {@code n} is feasible only if
 *       the segments of every unit {@code 1..n} are usable (the walk stops at the first unusable
 *       one; with prices rising along a walk the usable segments are a prefix anyway).
 *   <li>The plan is the feasible {@code n} with the largest profit, the smaller on ties. It is an
 *       {@link Opportunity} iff that profit is {@code > 0}, {@code ≥ minEdge} and {@code ≥
 *       minEdgeRelative × (costs + fees)}, and each leg's limit price (its worst level used) is on
 *       the instrument's tick grid.
 * </ul>
 *
 * <p>Refusals, in order: pair not active, a book or instrument not the pair's, a book untrusted,
 * a book older than {@code maxBookAge} (all before any math, for both directions);
 * then per direction NO_LIQUIDITY (an empty ask side, or less than one unit of depth), NO_EDGE
 * (unit 1's segment unusable), BELOW_MIN_SIZE (no feasible size), NO_EDGE (best profit ≤ 0),
 * BELOW_MIN_EDGE, OFF_TICK.
 *
 * <p><b>Algorithm.</b> Per leg, prefix sums at level boundaries make {@code profit(n)} O(1) plus
 * at most one fee call per leg. Segments are visited in order until the first unusable one.
 * Inside a segment, {@code lin(n) = revenue − cost} is linear with slope {@code g = u($1 − a − b)
 * > 0} and total fees {@code F(n)} are nondecreasing (fee models are monotone), so on an open
 * range {@code (x, y)} no size beats {@code lin(y) − g − F(x)}: a branch and bound by bisection
 * over that bound returns exactly the brute-force optimum without trying every {@code n}.
 *
 * <p><b>Threading.</b> An instance reuses its buffers and allocates nothing while searching (only
 * the result it returns). Confine it to one thread, like the books it reads.
 */
final class ReferenceEdgeCalculator {
  private static final long SCALE = Fixed.SCALE;
  /** Bisection depth is at most 64, and each level leaves one pending range on the stack. */
  private static final int STACK = 160;

  private static final String NO_KALSHI_ASKS = "no asks on the Kalshi leg";
  private static final String NO_POLYMARKET_ASKS = "no asks on the Polymarket leg";
  private static final String DEPTH_BELOW_UNIT = "ask depth below one size unit on a leg";
  private static final String FIRST_UNIT_NO_EDGE =
      "the first size unit has no net edge after fees (or less than the relative minimum)";
  private static final String NO_PROFIT = "no feasible size makes a profit after fee rounding";

  private final InstantSource clock;
  private final Leg kalshiLeg = new Leg();
  private final Leg polymarketLeg = new Leg();

  private final long[] stackX = new long[STACK];
  private final long[] stackFeesX = new long[STACK];
  private final long[] stackY = new long[STACK];
  private final long[] stackLinY = new long[STACK];

  // State of one evaluation; fields rather than locals so that nothing is allocated.
  private long unit;
  private long ageKalshiMillis;
  private long agePolymarketYesMillis;
  private long agePolymarketNoMillis;

  private long evalLin;
  private long evalFees;

  private long bestN;
  private long bestProfit;
  private int bestLevelK;
  private int bestLevelP;
  private long bestCostK;
  private long bestCostP;
  private long bestFeeK;
  private long bestFeeP;

  /**
   * @param clock the current time. A book's age is {@code clock.millis()} minus its
   *     {@code lastUpdateMillis()}, read once per evaluation so that all three books are measured
   *     against the same instant (a book stamped after that instant counts as age 0).
   */
  ReferenceEdgeCalculator(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Evaluates both directions and returns the better: the opportunity with the larger exact
   * profit (then the smaller size, then {@link Direction#BUY_KALSHI_YES}); with none, the refusal
   * that got further (OFF_TICK, BELOW_MIN_EDGE, BELOW_MIN_SIZE, NO_EDGE, NO_LIQUIDITY), with a
   * null direction when both directions were refused for the same reason.
   */
  public EdgeResult evaluate(EdgeInputs inputs, EdgeParams params) {
    long now = clock.millis();
    NoOpportunity refused = precheck(inputs, params, now);
    if (refused != null) {
      return refused;
    }
    EdgeResult yes = evaluateDirection(inputs, params, Direction.BUY_KALSHI_YES);
    long yesProfit = bestProfit;
    EdgeResult no = evaluateDirection(inputs, params, Direction.BUY_KALSHI_NO);
    long noProfit = bestProfit;
    if (yes instanceof Opportunity y) {
      if (no instanceof Opportunity n
          && (noProfit > yesProfit || (noProfit == yesProfit && n.size().compareTo(y.size()) < 0))) {
        return n;
      }
      return y;
    }
    if (no instanceof Opportunity) {
      return no;
    }
    NoOpportunity ny = (NoOpportunity) yes;
    NoOpportunity nn = (NoOpportunity) no;
    int rankYes = progress(ny.reason());
    int rankNo = progress(nn.reason());
    if (rankYes != rankNo) {
      return rankYes > rankNo ? ny : nn;
    }
    String detail = ny.detail().equals(nn.detail())
        ? ny.detail()
        : Direction.BUY_KALSHI_YES + ": " + ny.detail() + "; " + Direction.BUY_KALSHI_NO + ": " + nn.detail();
    return new NoOpportunity(inputs.pair().id(), null, ny.reason(), detail);
  }

  /** Evaluates one direction (after the same refusals as {@link #evaluate(EdgeInputs, EdgeParams)}). */
  public EdgeResult evaluate(EdgeInputs inputs, EdgeParams params, Direction direction) {
    Objects.requireNonNull(direction, "direction");
    long now = clock.millis();
    NoOpportunity refused = precheck(inputs, params, now);
    if (refused != null) {
      return refused;
    }
    return evaluateDirection(inputs, params, direction);
  }

  /** How far an evaluation got before it was refused; the further, the more informative. */
  private static int progress(NoEdgeReason reason) {
    switch (reason) {
      case NO_LIQUIDITY:
        return 0;
      case NO_EDGE:
        return 1;
      case BELOW_MIN_SIZE:
        return 2;
      case BELOW_MIN_EDGE:
        return 3;
      case OFF_TICK:
        return 4;
      default:
        return -1; // pre-checks never reach the comparison
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Refusals before any math

  private NoOpportunity precheck(EdgeInputs in, EdgeParams params, long now) {
    Objects.requireNonNull(in, "inputs");
    Objects.requireNonNull(params, "params");
    MarketPair pair = in.pair();
    String id = pair.id();
    if (!pair.isApproved()) {
      return new NoOpportunity(id, null, NoEdgeReason.PAIR_NOT_ACTIVE,
          "pair is " + pair.status() + ": " + pair.suspendedReason());
    }
    PolymarketMarket pm = pair.polymarket();
    String ticker = pair.kalshiTicker();
    if (!is(in.kalshiBook().instrument(), VenueId.KALSHI, ticker)) {
      return mismatch(id, "Kalshi book is for " + in.kalshiBook().instrument() + ", pair's market is KALSHI:" + ticker);
    }
    if (!is(in.polymarketYesBook().instrument(), VenueId.POLYMARKET, pm.yesTokenId())) {
      return mismatch(id, "Polymarket YES book is for " + in.polymarketYesBook().instrument()
          + ", pair's YES token is POLYMARKET:" + pm.yesTokenId());
    }
    if (!is(in.polymarketNoBook().instrument(), VenueId.POLYMARKET, pm.noTokenId())) {
      return mismatch(id, "Polymarket NO book is for " + in.polymarketNoBook().instrument()
          + ", pair's NO token is POLYMARKET:" + pm.noTokenId());
    }
    if (!is(in.kalshiInstrument().id(), VenueId.KALSHI, ticker)) {
      return mismatch(id, "Kalshi instrument is " + in.kalshiInstrument().id() + ", pair's market is KALSHI:" + ticker);
    }
    InstrumentId pid = in.polymarketInstrument().id();
    if (!is(pid, VenueId.POLYMARKET, pm.yesTokenId()) && !is(pid, VenueId.POLYMARKET, pm.noTokenId())) {
      return mismatch(id, "Polymarket instrument is " + pid + ", not one of the pair's tokens");
    }
    NoOpportunity untrusted = untrusted(id, "Kalshi", in.kalshiBook());
    if (untrusted == null) {
      untrusted = untrusted(id, "Polymarket YES", in.polymarketYesBook());
    }
    if (untrusted == null) {
      untrusted = untrusted(id, "Polymarket NO", in.polymarketNoBook());
    }
    if (untrusted != null) {
      return untrusted;
    }
    long maxAge = params.maxBookAgeMillis();
    ageKalshiMillis = age(in.kalshiBook(), now);
    agePolymarketYesMillis = age(in.polymarketYesBook(), now);
    agePolymarketNoMillis = age(in.polymarketNoBook(), now);
    if (ageKalshiMillis > maxAge) {
      return tooOld(id, "Kalshi", ageKalshiMillis, maxAge);
    }
    if (agePolymarketYesMillis > maxAge) {
      return tooOld(id, "Polymarket YES", agePolymarketYesMillis, maxAge);
    }
    if (agePolymarketNoMillis > maxAge) {
      return tooOld(id, "Polymarket NO", agePolymarketNoMillis, maxAge);
    }
    return null;
  }

  /** Compares field by field: building the expected InstrumentId would allocate on every call. */
  private static boolean is(InstrumentId instrument, VenueId venue, String symbol) {
    return instrument.venue() == venue && instrument.symbol().equals(symbol);
  }

  private static NoOpportunity mismatch(String pairId, String detail) {
    return new NoOpportunity(pairId, null, NoEdgeReason.BOOK_MISMATCH, detail);
  }

  private static NoOpportunity untrusted(String pairId, String which, OrderBook book) {
    if (!book.isTrusted()) {
      return new NoOpportunity(pairId, null, NoEdgeReason.BOOK_UNTRUSTED, which + " book is " + book.integrity());
    }
    return null;
  }

  /**
   * Milliseconds since the book's last update, on our clock, so that all three ages share one
   * "now". A book stamped after now (clocks disagree) counts as just updated.
   */
  private static long age(OrderBook book, long now) {
    // Only trusted books get here, and a book is trusted only after a snapshot stamped it.
    return Math.max(0, Math.subtractExact(now, book.lastUpdateMillis().getAsLong()));
  }

  private static NoOpportunity tooOld(String pairId, String which, long ageMillis, long maxMillis) {
    return new NoOpportunity(pairId, null, NoEdgeReason.BOOK_TOO_OLD,
        which + " book is " + ageMillis + " ms old, more than " + maxMillis + " ms");
  }

  // ---------------------------------------------------------------------------------------------
  // One direction

  private EdgeResult evaluateDirection(EdgeInputs in, EdgeParams params, Direction direction) {
    bestN = -1;
    bestProfit = Long.MIN_VALUE;
    MarketPair pair = in.pair();
    Outcome kalshiOutcome = direction.kalshiOutcome();
    Outcome polymarketOutcome = direction.polymarketOutcome(pair.relation());
    OrderBook polymarketBook = polymarketOutcome == Outcome.YES ? in.polymarketYesBook() : in.polymarketNoBook();
    // Kalshi: the bought outcome's asks (NO asks are YES bids at 1 − p). Polymarket: the token's own asks.
    BookLevels kalshiAsks = in.kalshiBook().levels(kalshiOutcome, BookSide.ASK);
    BookLevels polymarketAsks = polymarketBook.levels(Outcome.YES, BookSide.ASK);
    if (kalshiAsks.isEmpty()) {
      return new NoOpportunity(pair.id(), direction, NoEdgeReason.NO_LIQUIDITY, NO_KALSHI_ASKS);
    }
    if (polymarketAsks.isEmpty()) {
      return new NoOpportunity(pair.id(), direction, NoEdgeReason.NO_LIQUIDITY, NO_POLYMARKET_ASKS);
    }

    Instrument kInst = in.kalshiInstrument();
    Instrument pInst = in.polymarketInstrument();
    long u = ReferenceWideArith.lcm(kInst.sizeStep().micros(), pInst.sizeStep().micros());
    unit = u;
    long minSize = Math.max(kInst.minSize().micros(), pInst.minSize().micros());
    long nMin = Math.max(1, Fixed.ceilDiv(minSize, u));
    long maxSize = params.maxSize().micros();
    // Levels beyond maxSize are never used; capping the walk keeps every sum inside a long. The
    // cap is at least one unit so that unit 1's edge can still be judged when maxSize < u.
    long cap = Math.max(maxSize, u);
    Leg k = kalshiLeg;
    Leg p = polymarketLeg;
    k.load(kalshiAsks, in.kalshiFees(), cap);
    p.load(polymarketAsks, in.polymarketFees(), cap);
    long nDepth = Math.min(k.depth(), p.depth()) / u;
    if (nDepth == 0) {
      return new NoOpportunity(pair.id(), direction, NoEdgeReason.NO_LIQUIDITY, DEPTH_BELOW_UNIT);
    }
    long nLimit = Math.min(nDepth, maxSize / u);
    long nScan = Math.max(nLimit, 1);
    long rel = params.minEdgeRelativeMicros();

    long cut = 0; // first unit whose segment is unusable; 0 = none within the scan
    int iK = 0;
    int iP = 0;
    long n = 1;
    while (n <= nScan) {
      long q = Math.multiplyExact(n, u);
      while (k.start[iK + 1] < q) {
        iK++;
      }
      while (p.start[iP + 1] < q) {
        iP++;
      }
      k.ensureFees(iK);
      p.ensureFees(iP);
      if (!usable(k.price[iK], k.unitFee[iK], p.price[iP], p.unitFee[iP], rel)) {
        cut = n;
        break;
      }
      long segmentEnd = Math.min(Math.min(k.start[iK + 1] / u, p.start[iP + 1] / u), nScan);
      long lo = Math.max(n, nMin);
      long hi = Math.min(segmentEnd, nLimit);
      if (lo <= hi) {
        searchSegment(lo, hi, iK, iP);
      }
      n = segmentEnd + 1;
    }

    if (cut == 1) {
      return new NoOpportunity(pair.id(), direction, NoEdgeReason.NO_EDGE, FIRST_UNIT_NO_EDGE);
    }
    if (bestN < 0) {
      long nMax = cut > 0 ? Math.min(cut - 1, nLimit) : nLimit;
      // The walk is capped at maxSize, so depth never exceeds it: maxSize binds when it is the
      // smaller (or equal) of the two.
      String limitedBy = cut > 0 && cut - 1 < nLimit ? "the edge cut-off"
          : maxSize / u <= nDepth ? "maxSize" : "ask depth";
      return new NoOpportunity(pair.id(), direction, NoEdgeReason.BELOW_MIN_SIZE,
          "minimum size " + Fixed.format(Math.multiplyExact(nMin, u)) + " but at most "
              + Fixed.format(Math.multiplyExact(nMax, u)) + " usable (limited by " + limitedBy + ")");
    }
    if (bestProfit <= 0) {
      return new NoOpportunity(pair.id(), direction, NoEdgeReason.NO_EDGE, NO_PROFIT);
    }
    long totalCostExact = Math.addExact(Math.addExact(bestCostK, bestCostP),
        Math.multiplyExact(Math.addExact(bestFeeK, bestFeeP), SCALE));
    long minEdge = params.minEdge().micros();
    if (ReferenceWideArith.compareProducts(bestProfit, 1, minEdge, SCALE) < 0) {
      return new NoOpportunity(pair.id(), direction, NoEdgeReason.BELOW_MIN_EDGE,
          "best profit " + Fixed.format(Math.floorDiv(bestProfit, SCALE)) + " below minimum edge " + params.minEdge());
    }
    if (ReferenceWideArith.compareProducts(bestProfit, SCALE, rel, totalCostExact) < 0) {
      return new NoOpportunity(pair.id(), direction, NoEdgeReason.BELOW_MIN_EDGE,
          "best profit " + Fixed.format(Math.floorDiv(bestProfit, SCALE)) + " on cost "
              + Fixed.format(Fixed.ceilDiv(totalCostExact, SCALE)) + " below relative minimum "
              + Fixed.format(rel) + " (fraction of cost)");
    }
    Price kLimit = Price.ofMicros(k.price[bestLevelK]);
    if (!kInst.tickGrid().isOnTick(kLimit)) {
      return new NoOpportunity(pair.id(), direction, NoEdgeReason.OFF_TICK,
          "Kalshi limit " + kLimit + " is not on " + kInst.tickGrid());
    }
    Price pLimit = Price.ofMicros(p.price[bestLevelP]);
    if (!pInst.tickGrid().isOnTick(pLimit)) {
      return new NoOpportunity(pair.id(), direction, NoEdgeReason.OFF_TICK,
          "Polymarket limit " + pLimit + " is not on " + pInst.tickGrid());
    }

    Quantity size = Quantity.ofMicros(Math.multiplyExact(bestN, u));
    LegPlan kalshi = new LegPlan(in.kalshiBook().instrument(), kalshiOutcome, Side.BUY, kLimit, size,
        Money.ofMicros(Fixed.ceilDiv(bestCostK, SCALE)), Money.ofMicros(bestFeeK), bestLevelK + 1);
    LegPlan polymarket = new LegPlan(polymarketBook.instrument(), polymarketOutcome, Side.BUY, pLimit, size,
        Money.ofMicros(Fixed.ceilDiv(bestCostP, SCALE)), Money.ofMicros(bestFeeP), bestLevelP + 1);
    return new Opportunity(pair.id(), direction, kalshi, polymarket, size,
        Money.ofMicros(Fixed.ceilDiv(totalCostExact, SCALE)),
        Money.ofMicros(Math.addExact(bestFeeK, bestFeeP)),
        Money.payoutOf(size),
        Money.ofMicros(Math.floorDiv(bestProfit, SCALE)),
        Duration.ofMillis(ageKalshiMillis),
        Duration.ofMillis(agePolymarketYesMillis),
        Duration.ofMillis(agePolymarketNoMillis));
  }

  /** The marginal test of one segment, per whole contract, in micros. */
  private static boolean usable(long a, long feeA, long b, long feeB, long rel) {
    long base = Math.addExact(Math.addExact(a, b), Math.addExact(feeA, feeB));
    long m = SCALE - base;
    if (m <= 0) {
      return false;
    }
    return rel == 0 || ReferenceWideArith.compareProducts(m, SCALE, rel, base) >= 0;
  }

  /**
   * Finds the best {@code n} in {@code [lo, hi]}, where both legs stay on levels {@code iK} and
   * {@code iP}, by bisection with the bound {@code lin(y) − g − F(x)} on the open range
   * {@code (x, y)}. Right halves are explored first: profit tends to grow with size, so a good
   * incumbent early prunes most left halves.
   */
  private void searchSegment(long lo, long hi, int iK, int iP) {
    long g = Math.multiplyExact(unit, SCALE - kalshiLeg.price[iK] - polymarketLeg.price[iP]);
    evalAt(lo, iK, iP);
    if (hi == lo) {
      return;
    }
    long feesLo = evalFees;
    evalAt(hi, iK, iP);
    int sp = 0;
    stackX[sp] = lo;
    stackFeesX[sp] = feesLo;
    stackY[sp] = hi;
    stackLinY[sp] = evalLin;
    sp++;
    while (sp > 0) {
      sp--;
      long x = stackX[sp];
      long feesX = stackFeesX[sp];
      long y = stackY[sp];
      long linY = stackLinY[sp];
      if (y - x < 2) {
        continue;
      }
      long bound = Math.subtractExact(Math.subtractExact(linY, g), feesX);
      if (bound < bestProfit || (bound == bestProfit && x + 1 >= bestN)) {
        continue; // no n in (x, y) can beat the incumbent (or tie it at a smaller n)
      }
      long mid = x + (y - x) / 2;
      evalAt(mid, iK, iP);
      stackX[sp] = x;
      stackFeesX[sp] = feesX;
      stackY[sp] = mid;
      stackLinY[sp] = evalLin;
      sp++;
      stackX[sp] = mid;
      stackFeesX[sp] = evalFees;
      stackY[sp] = y;
      stackLinY[sp] = linY;
      sp++;
    }
  }

  /** Computes profit(n) for a size whose last unit ends on levels iK and iP; keeps the best. */
  private void evalAt(long n, int iK, int iP) {
    Leg k = kalshiLeg;
    Leg p = polymarketLeg;
    long q = Math.multiplyExact(n, unit);
    long costK = k.costAt(iK, q);
    long costP = p.costAt(iP, q);
    long feeK = k.feeAt(iK, q);
    long feeP = p.feeAt(iP, q);
    long lin = Math.subtractExact(Math.subtractExact(Math.multiplyExact(q, SCALE), costK), costP);
    long fees = Math.multiplyExact(Math.addExact(feeK, feeP), SCALE);
    long profit = Math.subtractExact(lin, fees);
    evalLin = lin;
    evalFees = fees;
    if (profit > bestProfit || (profit == bestProfit && n < bestN)) {
      bestProfit = profit;
      bestN = n;
      bestLevelK = iK;
      bestLevelP = iP;
      bestCostK = costK;
      bestCostP = costP;
      bestFeeK = feeK;
      bestFeeP = feeP;
    }
  }

  /**
   * One leg's asks as prefix sums, reused between evaluations. Level {@code i} covers cumulative
   * quantities {@code (start[i], start[i + 1]]}. Fees are filled in lazily, only as far as the
   * scan gets: most evaluations stop at the first level.
   */
  private static final class Leg {
    long[] price = new long[16];
    /** start[i]: quantity before level i; start[count]: the (capped) depth. */
    long[] start = new long[17];
    /** Exact cost, in 1e-12 dollars, of all levels before i. */
    long[] costBefore = new long[17];
    /** Fees, in micros, of all levels before i, each taken whole; valid up to feesKnown. */
    long[] feeBefore = new long[17];
    /** The taker fee of one whole contract at price[i]; valid below feesKnown. */
    long[] unitFee = new long[16];
    int count;
    int feesKnown;
    FeeModel fees;

    void load(BookLevels levels, FeeModel feeModel, long cap) {
      fees = feeModel;
      count = 0;
      feesKnown = 0;
      start[0] = 0;
      costBefore[0] = 0;
      feeBefore[0] = 0;
      long cum = 0;
      long cost = 0;
      int depth = levels.depth();
      for (int i = 0; i < depth && cum < cap; i++) {
        long p = levels.priceMicros(i);
        long s = levels.sizeMicros(i);
        if (s <= 0 || p < 0 || p > SCALE) {
          throw new IllegalStateException("book level " + i + " is malformed: price " + p + ", size " + s);
        }
        long take = Math.min(s, cap - cum);
        if (count == price.length) {
          grow();
        }
        price[count] = p;
        cum += take; // at most cap: no overflow
        cost = Math.addExact(cost, Math.multiplyExact(p, take));
        count++;
        start[count] = cum;
        costBefore[count] = cost;
      }
    }

    long depth() {
      return start[count];
    }

    /** Makes unitFee[level] and feeBefore[level + 1] valid. */
    void ensureFees(int level) {
      while (feesKnown <= level) {
        int i = feesKnown;
        unitFee[i] = fee(price[i], SCALE);
        feeBefore[i + 1] = Math.addExact(feeBefore[i], fee(price[i], start[i + 1] - start[i]));
        feesKnown++;
      }
    }

    /** Exact cost of the first q on this leg, level i being the one q ends on. */
    long costAt(int i, long q) {
      return Math.addExact(costBefore[i], Math.multiplyExact(price[i], q - start[i]));
    }

    /** Fees of the first q, one fill per level; needs ensureFees(i). */
    long feeAt(int i, long q) {
      if (q == start[i + 1]) {
        return feeBefore[i + 1]; // level i taken whole: already summed
      }
      return Math.addExact(feeBefore[i], fee(price[i], q - start[i]));
    }

    private long fee(long priceMicros, long quantityMicros) {
      long fee = fees.takerFeeMicros(priceMicros, quantityMicros);
      if (fee < 0) {
        // Negative fees (rebates) would break the monotone bound the search relies on.
        throw new IllegalStateException("fee model " + fees + " returned a negative taker fee");
      }
      return fee;
    }

    private void grow() {
      int n = price.length * 2;
      price = Arrays.copyOf(price, n);
      unitFee = Arrays.copyOf(unitFee, n);
      start = Arrays.copyOf(start, n + 1);
      costBefore = Arrays.copyOf(costBefore, n + 1);
      feeBefore = Arrays.copyOf(feeBefore, n + 1);
    }
  }
}
