package io.github.crossarb.simulator.polymarket.internal;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Side;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

/** Parsing a posted V2 order and turning its signed amounts into a price and a size. */
public final class PolyOrders {
  private PolyOrders() {}

  /** A posted order whose JSON has the wrong shape. */
  public static final class BadOrderException extends Exception {
    public BadOrderException(String message) {
      super(message);
    }
  }

  /** The parsed order plus the fields that are posted but not signed. */
  public record Posted(PolySignatures.OrderV2 order, Side side, String signature, long expirationSeconds) {}

  /** Whether the JSON is a legacy V1 order (taker/nonce/feeRateBps signed, no timestamp/metadata/builder). */
  public static boolean looksLikeV1(JsonObject o) {
    return (o.containsKey("nonce") || o.containsKey("feeRateBps") || o.containsKey("taker"))
        && !o.containsKey("metadata") && !o.containsKey("builder");
  }

  public static Posted parse(JsonObject o) throws BadOrderException {
    try {
      BigInteger salt = uint(o.getValue("salt"), "salt");
      String maker = address(o.getString("maker"), "maker");
      String signer = address(o.getString("signer"), "signer");
      BigInteger tokenId = uint(o.getValue("tokenId"), "tokenId");
      BigInteger makerAmount = uint(o.getValue("makerAmount"), "makerAmount");
      BigInteger takerAmount = uint(o.getValue("takerAmount"), "takerAmount");
      String sideText = o.getString("side");
      Side side;
      if ("BUY".equals(sideText)) {
        side = Side.BUY;
      } else if ("SELL".equals(sideText)) {
        side = Side.SELL;
      } else {
        throw new BadOrderException("invalid order side: " + sideText);
      }
      Object typeValue = o.getValue("signatureType");
      if (!(typeValue instanceof Number)) {
        throw new BadOrderException("invalid signatureType");
      }
      int signatureType = ((Number) typeValue).intValue();
      BigInteger timestamp = uint(o.getValue("timestamp"), "timestamp");
      byte[] metadata = bytes32(o.getString("metadata"), "metadata");
      byte[] builder = bytes32(o.getString("builder"), "builder");
      String signature = o.getString("signature");
      if (signature == null) {
        throw new BadOrderException("missing signature");
      }
      Object exp = o.getValue("expiration");
      long expiration = exp == null ? 0 : uint(exp, "expiration").longValueExact();
      // Amounts are 6-decimal units; anything beyond 2^50 (a billion dollars or shares) is not a real order.
      if (makerAmount.signum() == 0 || takerAmount.signum() == 0
          || makerAmount.bitLength() > 50 || takerAmount.bitLength() > 50) {
        throw new BadOrderException("invalid order amounts");
      }
      return new Posted(new PolySignatures.OrderV2(salt, maker, signer, tokenId, makerAmount, takerAmount,
          side == Side.BUY ? 0 : 1, signatureType, timestamp, metadata, builder), side, signature, expiration);
    } catch (ClassCastException | ArithmeticException | IllegalArgumentException e) {
      throw new BadOrderException("invalid order payload");
    }
  }

  /** The limit price the amounts imply (BUY maker/taker, SELL taker/maker) as an exact decimal. */
  public static BigDecimal impliedPrice(Posted p) {
    BigDecimal maker = new BigDecimal(p.order().makerAmount());
    BigDecimal taker = new BigDecimal(p.order().takerAmount());
    return p.side() == Side.BUY
        ? maker.divide(taker, 18, RoundingMode.HALF_UP)
        : taker.divide(maker, 18, RoundingMode.HALF_UP);
  }

  /**
   * Whether a FOK/FAK order's amounts are as coarse as the CLOB takes them: maker in whole
   * hundredths, taker in whole ten-thousandths (both amounts are 6-decimal units).
   */
  public static boolean hasMarketOrderPrecision(Posted p) {
    return p.order().makerAmount().mod(BigInteger.valueOf(10_000)).signum() == 0
        && p.order().takerAmount().mod(BigInteger.valueOf(100)).signum() == 0;
  }

  /** The size in shares, in micros (BUY takerAmount, SELL makerAmount; both 6-decimal units). */
  public static long sizeMicros(Posted p) {
    return (p.side() == Side.BUY ? p.order().takerAmount() : p.order().makerAmount()).longValueExact();
  }

  /** Whether {@code price} (an exact decimal) sits exactly on a multiple of {@code tickMicros}. */
  public static boolean onTick(BigDecimal price, long tickMicros) {
    BigDecimal micros = price.movePointRight(Fixed.DECIMALS).stripTrailingZeros();
    if (micros.scale() > 0) {
      return false;
    }
    return micros.longValueExact() % tickMicros == 0;
  }

  /** {@code price} rounded half-up to the nearest tick, in micros. */
  public static long roundToTick(BigDecimal price, long tickMicros) {
    BigDecimal ticks = price.movePointRight(Fixed.DECIMALS).divide(BigDecimal.valueOf(tickMicros), 0, RoundingMode.HALF_UP);
    return ticks.longValueExact() * tickMicros;
  }

  private static BigInteger uint(Object value, String field) throws BadOrderException {
    BigInteger v;
    if (value instanceof String s && s.matches("[0-9]{1,78}")) {
      v = new BigInteger(s);
    } else if (value instanceof Long || value instanceof Integer) {
      v = BigInteger.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger b) {
      v = b;
    } else {
      throw new BadOrderException("invalid " + field);
    }
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new BadOrderException("invalid " + field);
    }
    return v;
  }

  private static String address(String value, String field) throws BadOrderException {
    if (!PolySignatures.isAddress(value)) {
      throw new BadOrderException("invalid " + field + " address");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private static byte[] bytes32(String value, String field) throws BadOrderException {
    if (value == null || !value.matches("0x[0-9a-fA-F]{64}")) {
      throw new BadOrderException("invalid " + field);
    }
    return PolySignatures.hex(value);
  }
}
