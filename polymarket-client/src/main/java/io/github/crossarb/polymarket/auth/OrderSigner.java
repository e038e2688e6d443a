package io.github.crossarb.polymarket.auth;

import io.github.crossarb.polymarket.order.Exchange;
import io.github.crossarb.polymarket.order.SignedOrder;
import io.github.crossarb.polymarket.order.UnsignedOrder;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** EIP-712 signing of V2 orders (domain versions 2 and 3) with the wallet key. */
public final class OrderSigner {
  public static final String ORDER_TYPE =
      "Order(uint256 salt,address maker,address signer,uint256 tokenId,uint256 makerAmount,uint256 takerAmount,"
          + "uint8 side,uint8 signatureType,uint256 timestamp,bytes32 metadata,bytes32 builder)";
  static final String DOMAIN_TYPE =
      "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";
  private static final byte[] ORDER_TYPE_HASH = Eip712.keccak(ORDER_TYPE);

  private final PolymarketWallet wallet;
  private final Map<Exchange, byte[]> domainSeparators = new EnumMap<>(Exchange.class);

  public OrderSigner(PolymarketWallet wallet, long chainId) {
    this.wallet = Objects.requireNonNull(wallet, "wallet");
    for (Exchange exchange : Exchange.values()) {
      domainSeparators.put(exchange, domainSeparator(exchange, chainId));
    }
  }

  public String address() {
    return wallet.address();
  }

  static byte[] domainSeparator(Exchange exchange, long chainId) {
    return Eip712.keccak(Eip712.concat(
        Eip712.keccak(DOMAIN_TYPE),
        Eip712.keccak(Exchange.DOMAIN_NAME),
        Eip712.keccak(exchange.domainVersion()),
        Eip712.uint(chainId),
        Eip712.address(exchange.address())));
  }

  /** The type hash of the order struct. */
  public static String orderTypeHash() {
    return Hex.prefixed(ORDER_TYPE_HASH);
  }

  /** The EIP-712 digest (the order hash) of {@code order} at {@code exchange}. */
  public byte[] digest(UnsignedOrder order, Exchange exchange) {
    byte[] structHash = Eip712.keccak(Eip712.concat(
        ORDER_TYPE_HASH,
        Eip712.uint(order.salt()),
        Eip712.address(order.maker()),
        Eip712.address(order.signer()),
        Eip712.uint(new BigInteger(order.tokenId())),
        Eip712.uint(order.makerAmount()),
        Eip712.uint(order.takerAmount()),
        Eip712.uint(order.side().code()),
        Eip712.uint(order.signatureType().code()),
        Eip712.uint(order.timestampMillis()),
        Eip712.bytes32(order.metadata()),
        Eip712.bytes32(order.builder())));
    return Eip712.digest(domainSeparators.get(exchange), structHash);
  }

  /**
   * Signs {@code order} for {@code exchange}.
   *
   * @throws IllegalArgumentException if the order's signer is not this wallet
   */
  public SignedOrder sign(UnsignedOrder order, Exchange exchange) {
    if (!order.signer().equalsIgnoreCase(wallet.address())) {
      throw new IllegalArgumentException("order signer " + order.signer() + " is not the wallet " + wallet.address());
    }
    byte[] digest = digest(order, exchange);
    return new SignedOrder(order, exchange, Hex.prefixed(digest), wallet.signDigest(digest));
  }
}
