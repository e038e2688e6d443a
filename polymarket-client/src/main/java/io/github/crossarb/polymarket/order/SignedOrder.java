package io.github.crossarb.polymarket.order;

import java.util.Objects;

/**
 * A signed V2 order.
 *
 * @param hash the EIP-712 order hash, lower-case {@code 0x}-hex: the venue's order id
 * @param signature {@code 0x} + r‖s‖v
 */
public record SignedOrder(UnsignedOrder order, Exchange exchange, String hash, String signature) {
  public SignedOrder {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(signature, "signature");
  }
}
