package io.github.crossarb.polymarket.order;

import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A V2 order before signing: the 11 signed fields of
 * {@code Order(uint256 salt,address maker,address signer,uint256 tokenId,uint256 makerAmount,
 * uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,bytes32 metadata,bytes32 builder)}
 * plus {@code expiration}, which travels in the body but is not signed.
 *
 * @param salt below 2^53, since the body carries it as a JSON number
 * @param tokenId the decimal token id
 * @param timestampMillis creation time in milliseconds
 * @param expirationSeconds unix seconds for GTD, else 0
 */
public record UnsignedOrder(
    long salt,
    String maker,
    String signer,
    String tokenId,
    long makerAmount,
    long takerAmount,
    OrderSide side,
    SignatureType signatureType,
    long timestampMillis,
    String metadata,
    String builder,
    long expirationSeconds) {
  public static final long MAX_SALT = (1L << 53) - 1;
  public static final String ZERO_BYTES32 = "0x" + "0".repeat(64);
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern BYTES32 = Pattern.compile("0x[0-9a-fA-F]{64}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,78}");

  public UnsignedOrder {
    if (salt < 0 || salt > MAX_SALT) {
      throw new IllegalArgumentException("salt must be in [0, 2^53), got " + salt);
    }
    require(ADDRESS, maker, "maker");
    require(ADDRESS, signer, "signer");
    require(DECIMAL, tokenId, "tokenId");
    if (new BigInteger(tokenId).bitLength() > 256) {
      throw new IllegalArgumentException("tokenId exceeds uint256");
    }
    if (makerAmount <= 0 || takerAmount <= 0) {
      throw new IllegalArgumentException("maker and taker amounts must be positive");
    }
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(signatureType, "signatureType");
    if (timestampMillis <= 0 || expirationSeconds < 0) {
      throw new IllegalArgumentException("timestamp must be positive and expiration not negative");
    }
    require(BYTES32, metadata, "metadata");
    require(BYTES32, builder, "builder");
  }

  private static void require(Pattern pattern, String value, String what) {
    Objects.requireNonNull(value, what);
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("bad order " + what + ": " + value);
    }
  }
}
