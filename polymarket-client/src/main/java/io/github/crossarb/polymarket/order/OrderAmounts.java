package io.github.crossarb.polymarket.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Maker and taker amounts in 6-decimal base units (pUSD and shares both have 6 decimals), computed
 * in exact decimal arithmetic.
 *
 * <p><b>Limit orders</b> (GTC, GTD) get the official client's amounts: price rounded half-up to
 * the tick's price decimals, size floored to 2 decimals; BUY gives {@code maker = size·price,
 * taker = size}, SELL {@code maker = size, taker = size·price}, the product floored to the tick's
 * amount decimals (it always fits: amount decimals = price decimals + 2). The client itself works
 * in binary floating point and can come out one base unit low on large notionals; an order hash
 * must not depend on which arithmetic made it, so {@link #limit} refuses the region where that can
 * happen (see {@link #MAX_SCALED_AMOUNT}) instead of imitating it.
 *
 * <p><b>Immediate orders</b> (IOC sent as FAK, and FOK) get the precision the CLOB demands of
 * "market" orders: the pUSD side at most 2 decimals for a BUY (4 for a SELL), the share side at
 * most 4 for a BUY (2 for a SELL), without ever worsening the limit price; see {@link #immediate}.
 *
 * @param makerAmount what the maker gives, in 1e-6 units
 * @param takerAmount what the maker receives, in 1e-6 units
 */
public record OrderAmounts(long makerAmount, long takerAmount) {
  /**
   * The bound of the region where the official client's amounts are provably equal to the exact
   * ones: a cleaned amount {@code a} (the notional of a limit order) must satisfy
   * {@code a·10^(amountDecimals+4) < 2^50}.
   *
   * <p>Why (for a price on the tick and a size with 2 decimals, which submit demands anyway). Let
   * {@code d} be the amount decimals and {@code N = a·10^d} (an integer: the exact product of a
   * 2-decimal size and a price with {@code d − 2} decimals). The client holds size and
   * price as the nearest binary64 values and multiplies them, so its product is
   * {@code a·(1 + e)} with {@code |e| ≤ 3u}, {@code u = 2^-53}.
   * <ul>
   *   <li>If the shortest decimal of that product has at most {@code d} decimals it is taken as
   *       is; it is {@code a} itself, since a binary64 near {@code a < 2^50·10^-(d+4)} has an ulp
   *       far below {@code 10^-d}, so no other multiple of {@code 10^-d} reads back to it.</li>
   *   <li>Otherwise the client computes {@code y = product·10^(d+4)} (one more rounding:
   *       {@code |y − N·10^4| ≤ 4.01u·N·10^4 < 4.01·2^-3 ≈ 0.5} under the bound), takes
   *       {@code ceil(y)} ∈ {@code {N·10^4, N·10^4 + 1}}, divides by {@code 10^(d+4)} and floors at
   *       {@code d} decimals. Both candidates floor back to {@code N}: the second is {@code N +
   *       10^-4} units, and the last multiplication errs by less than {@code N·2^-52 < 0.25·10^-4}
   *       units. {@code N < 2^50/10^4} has at most 12 significant digits, so the final value
   *       prints (viem {@code parseUnits}) as exactly {@code N} units.</li>
   * </ul>
   * The error of the ceiling step could reach 1 only from about {@code 2^51} on; {@code 2^50} keeps
   * a factor 2 of margin there and 4 on the floor step. In money: at most 112,589.990684 pUSD notional at
   * ticks with 6 amount decimals (0.0025, 0.0001), 1,125,899.90684 at 5 (0.005, 0.001),
   * 11,258,999.0684 at 4 (0.01), 112,589,990.684 at 3 (0.1). The official client's 4 known one-unit
   * artefacts in the golden grid all lie beyond it ({@code OrderAmountsGoldenTest}), and a property
   * test compares both arithmetics inside it. The size is never cleaned (only floored to 2
   * decimals, which a valid size already has), and in cents any core quantity has at most 15
   * significant digits, which binary64 reads back exactly.
   */
  public static final long MAX_SCALED_AMOUNT = 1L << 50;

  private static final int UNIT_DECIMALS = 6;
  /** CLOB precision of immediate ("market") orders: the maker side of a BUY and of a SELL. */
  static final int IMMEDIATE_MAKER_DECIMALS = 2;
  /** CLOB precision of immediate ("market") orders: the taker side. */
  static final int IMMEDIATE_TAKER_DECIMALS = 4;

  public OrderAmounts {
    if (makerAmount < 0 || takerAmount < 0) {
      throw new IllegalArgumentException("amounts must not be negative");
    }
  }

  /**
   * A limit order's amounts, equal to the official client's.
   *
   * @throws IllegalArgumentException (one-line reason) if the notional is beyond
   *     {@link #MAX_SCALED_AMOUNT}, where the official client could compute other amounts
   */
  public static OrderAmounts limit(OrderSide side, BigDecimal price, BigDecimal size, TickSize tick) {
    Objects.requireNonNull(side, "side");
    BigDecimal p = price.setScale(tick.priceDecimals(), RoundingMode.HALF_UP);
    BigDecimal s = size.setScale(tick.sizeDecimals(), RoundingMode.FLOOR);
    BigDecimal notional = s.multiply(p).setScale(tick.amountDecimals(), RoundingMode.FLOOR);
    requireSdkExact(notional, tick);
    return side == OrderSide.BUY ? new OrderAmounts(units(notional), units(s))
        : new OrderAmounts(units(s), units(notional));
  }

  /** True if the official client provably computes the exact value of {@code amount} at {@code tick}. */
  public static boolean isSdkExact(BigDecimal amount, TickSize tick) {
    return amount.movePointRight(tick.amountDecimals() + 4).compareTo(BigDecimal.valueOf(MAX_SCALED_AMOUNT)) < 0;
  }

  /** The largest amount inside the bound at {@code tick}, for messages and documentation. */
  public static BigDecimal maxSdkExactAmount(TickSize tick) {
    return BigDecimal.valueOf(MAX_SCALED_AMOUNT - 1).movePointLeft(tick.amountDecimals() + 4)
        .setScale(tick.amountDecimals(), RoundingMode.FLOOR);
  }

  private static void requireSdkExact(BigDecimal notional, TickSize tick) {
    if (!isSdkExact(notional, tick)) {
      throw new IllegalArgumentException("notional " + notional.toPlainString() + " exceeds "
          + maxSdkExactAmount(tick).toPlainString() + " at tick " + tick
          + ", beyond which the official client's amounts may differ from the exact ones");
    }
  }

  /**
   * An immediate (IOC/FAK or FOK) order's amounts at limit {@code price} for up to {@code size}
   * shares, in the precision the CLOB accepts for such orders, never worse than the limit:
   * <ul>
   *   <li>BUY: {@code maker = floor(size·price, 2)} pUSD, {@code taker = floor(maker/price, 4)}
   *       shares. The implied price {@code maker/taker} is at least {@code price} (it still
   *       matches the asks at {@code price}) and, checked here, below {@code price + tick}: asks
   *       lie on the tick grid, so it matches no ask above {@code price}. The taker is never
   *       rounded up, which would put the implied price under the ask and match nothing.</li>
   *   <li>SELL: {@code maker = floor(size, 2)} shares, {@code taker = floor(size·price, 4)} pUSD;
   *       implied price {@code taker/maker} at most {@code price} and, checked, above
   *       {@code price − tick}, so it matches no bid below {@code price}.</li>
   * </ul>
   * The shares may come out below {@code size} (a BUY loses up to a cent of notional); callers
   * read them back with {@link #shares}.
   *
   * @param price on the tick grid
   * @throws IllegalArgumentException (one-line reason) if an amount is zero or the implied price
   *     would leave the tick
   */
  public static OrderAmounts immediate(OrderSide side, BigDecimal price, BigDecimal size, TickSize tick) {
    Objects.requireNonNull(side, "side");
    if (price.signum() <= 0 || price.remainder(tick.value()).signum() != 0) {
      throw new IllegalArgumentException("price " + plain(price) + " is not a positive multiple of tick " + tick);
    }
    BigDecimal s = size.setScale(IMMEDIATE_MAKER_DECIMALS, RoundingMode.FLOOR);
    BigDecimal notional = s.multiply(price);
    BigDecimal maker;
    BigDecimal taker;
    if (side == OrderSide.BUY) {
      maker = notional.setScale(IMMEDIATE_MAKER_DECIMALS, RoundingMode.FLOOR);
      taker = maker.signum() == 0 ? BigDecimal.ZERO
          : maker.divide(price, IMMEDIATE_TAKER_DECIMALS, RoundingMode.FLOOR);
    } else {
      maker = s;
      taker = notional.setScale(IMMEDIATE_TAKER_DECIMALS, RoundingMode.FLOOR);
    }
    if (maker.signum() == 0 || taker.signum() == 0) {
      throw new IllegalArgumentException("size " + plain(size) + " at " + plain(price)
          + " rounds to a zero amount for an immediate order (pUSD to cents, shares to 4 decimals)");
    }
    BigDecimal shares = side == OrderSide.BUY ? taker : maker;
    BigDecimal pusd = side == OrderSide.BUY ? maker : taker;
    // implied = pusd/shares; compare multiplied out to stay exact.
    BigDecimal atLimit = shares.multiply(price);
    boolean withinTick = side == OrderSide.BUY
        ? pusd.compareTo(atLimit) >= 0 && pusd.compareTo(shares.multiply(price.add(tick.value()))) < 0
        : pusd.compareTo(atLimit) <= 0 && pusd.compareTo(shares.multiply(price.subtract(tick.value()))) > 0;
    if (!withinTick) {
      throw new IllegalArgumentException("size " + plain(size) + " at " + plain(price)
          + " is too small for an immediate order: its rounded amounts would imply a price a tick or more away");
    }
    return new OrderAmounts(units(maker), units(taker));
  }

  /** The shares of these amounts, in 1e-6 units: the taker amount of a BUY, the maker amount of a SELL. */
  public long shares(OrderSide side) {
    return side == OrderSide.BUY ? takerAmount : makerAmount;
  }

  private static String plain(BigDecimal x) {
    return x.stripTrailingZeros().toPlainString();
  }

  private static long units(BigDecimal x) {
    return x.movePointRight(UNIT_DECIMALS).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
  }
}
