package io.github.crossarb.benchmarks;

import io.github.crossarb.polymarket.auth.OrderSigner;
import io.github.crossarb.polymarket.auth.PolymarketWallet;
import io.github.crossarb.polymarket.order.Exchange;
import io.github.crossarb.polymarket.order.OrderAmounts;
import io.github.crossarb.polymarket.order.OrderSide;
import io.github.crossarb.polymarket.order.SignatureType;
import io.github.crossarb.polymarket.order.SignedOrder;
import io.github.crossarb.polymarket.order.TickSize;
import io.github.crossarb.polymarket.order.UnsignedOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic Polymarket V2 limit orders, the same for the JMH benchmark and the signing
 * comparison with the official client: every field (salt, timestamp, expiration) is a function of
 * the order's index, so two runs, or two implementations, sign exactly the same orders.
 */
final class SigningOrders {
  /**
   * Hardhat test key #1: the key of polymarket-client's golden order vectors (test-tools/polymarket),
   * test-only and never funded.
   */
  static final String TEST_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
  static final String TOKEN = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
  static final TickSize TICK = TickSize.parse("0.01").orElseThrow();
  /** 2026-01-01T00:00:00Z in milliseconds; order i is created i milliseconds later. */
  static final long BASE_TIMESTAMP_MILLIS = 1_767_225_600_000L;

  private SigningOrders() {}

  /**
   * One order's inputs, as a trader states them.
   *
   * @param salt below the timestamp: the official client makes its salt as
   *     {@code Math.round(Math.random() * Date.now())}, so only such salts can be fed to it
   */
  record Spec(int index, OrderSide side, BigDecimal price, BigDecimal size, boolean negRisk, long salt,
      long timestampMillis, long expirationSeconds) {}

  /** Order {@code i}: both sides, prices 0.01..0.99, sizes 5..1,004.99, a third GTD, a quarter neg-risk. */
  static Spec spec(int i) {
    OrderSide side = i % 2 == 0 ? OrderSide.BUY : OrderSide.SELL;
    BigDecimal price = BigDecimal.valueOf(1 + (i * 37L) % 99, 2);
    BigDecimal size = BigDecimal.valueOf(500 + (i * 7_919L) % 100_000, 2);
    long timestamp = BASE_TIMESTAMP_MILLIS + i;
    // A multiplicative hash spreads the salts over [0, 10^12), all below the timestamp.
    long salt = Math.floorMod((i + 1) * 0x9E3779B97F4A7C15L, 1_000_000_000_000L);
    long expiration = i % 3 == 0 ? 1_798_761_600L + i : 0; // 2027-01-01 + i seconds
    return new Spec(i, side, price, size, i % 4 == 3, salt, timestamp, expiration);
  }

  static List<Spec> specs(int count) {
    List<Spec> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(spec(i));
    }
    return out;
  }

  static PolymarketWallet wallet() {
    return PolymarketWallet.fromHex(TEST_KEY);
  }

  /**
   * Builds and signs one order the way the client's execution path does: the official client's
   * limit amounts, an EOA order from the wallet, signed for the V2 exchange of its market.
   */
  static SignedOrder buildAndSign(OrderSigner signer, Spec s) {
    OrderAmounts amounts = OrderAmounts.limit(s.side(), s.price(), s.size(), TICK);
    UnsignedOrder order = new UnsignedOrder(s.salt(), signer.address(), signer.address(), TOKEN,
        amounts.makerAmount(), amounts.takerAmount(), s.side(), SignatureType.EOA, s.timestampMillis(),
        UnsignedOrder.ZERO_BYTES32, UnsignedOrder.ZERO_BYTES32, s.expirationSeconds());
    return signer.sign(order, Exchange.forVersion(2, s.negRisk()));
  }
}
