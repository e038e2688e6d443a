package io.github.crossarb.simulator.polymarket.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SignatureException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * The venue side of Polymarket's three signatures: EIP-712 V2 (and V1, to recognise it) order
 * hashes, the ClobAuth L1 message, and the L2 HMAC. Pure functions; hashing is done word by word
 * (every field is a static type), which is simpler to audit than a generic typed-data encoder.
 */
public final class PolySignatures {
  public static final long CHAIN_ID = 137;
  public static final String EXCHANGE_V2 = "0xE111180000d2663C0091e4f400237545B87B996B";
  public static final String NEG_RISK_EXCHANGE_V2 = "0xe2222d279d744050d28e00520010520000310F59";
  public static final String EXCHANGE_V3 = "0xe3333700cA9d93003F00f0F71f8515005F6c00Aa";
  public static final String EXCHANGE_V1 = "0x4bFb41d5B3570DeFd03C39a9A4D8dE6Bd8B8982E";
  public static final String NEG_RISK_EXCHANGE_V1 = "0xC5d563A36AE78145C45a50134d48A1215220f80a";
  public static final String NEG_RISK_ADAPTER = "0xd91E80cF2E7be2e162c6513ceD06f1dD0dA35296";
  public static final String EXCHANGE_DOMAIN_NAME = "Polymarket CTF Exchange";

  public static final String ORDER_V2_TYPE = "Order(uint256 salt,address maker,address signer,uint256 tokenId,"
      + "uint256 makerAmount,uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,"
      + "bytes32 metadata,bytes32 builder)";
  public static final String ORDER_V1_TYPE = "Order(uint256 salt,address maker,address signer,address taker,"
      + "uint256 tokenId,uint256 makerAmount,uint256 takerAmount,uint256 expiration,uint256 nonce,"
      + "uint256 feeRateBps,uint8 side,uint8 signatureType)";
  static final String DOMAIN_TYPE = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";
  static final String AUTH_DOMAIN_TYPE = "EIP712Domain(string name,string version,uint256 chainId)";
  static final String CLOB_AUTH_TYPE = "ClobAuth(address address,string timestamp,uint256 nonce,string message)";
  public static final String CLOB_AUTH_MESSAGE = "This message attests that I control the given wallet";

  private PolySignatures() {}

  /** A V2 order's signed fields (side 0 = BUY, 1 = SELL). */
  public record OrderV2(BigInteger salt, String maker, String signer, BigInteger tokenId, BigInteger makerAmount,
      BigInteger takerAmount, int side, int signatureType, BigInteger timestamp, byte[] metadata, byte[] builder) {}

  /** A legacy V1 order's signed fields, only to recognise one and answer order_version_mismatch. */
  public record OrderV1(BigInteger salt, String maker, String signer, String taker, BigInteger tokenId,
      BigInteger makerAmount, BigInteger takerAmount, BigInteger expiration, BigInteger nonce, BigInteger feeRateBps,
      int side, int signatureType) {}

  /** The exchange (verifyingContract) an order for this market signs against, per served order version. */
  public static String exchangeFor(int orderVersion, boolean negRisk) {
    if (orderVersion == 3) {
      return EXCHANGE_V3;
    }
    if (orderVersion == 1) {
      return negRisk ? NEG_RISK_EXCHANGE_V1 : EXCHANGE_V1;
    }
    return negRisk ? NEG_RISK_EXCHANGE_V2 : EXCHANGE_V2;
  }

  public static byte[] domainSeparator(String version, String verifyingContract) {
    return keccak(concat(keccak(DOMAIN_TYPE), keccak(EXCHANGE_DOMAIN_NAME), keccak(version),
        uint(BigInteger.valueOf(CHAIN_ID)), address(verifyingContract)));
  }

  /** The EIP-712 digest of a V2 order under domain {@code version} ("2" or "3"); its hex is the order id. */
  public static byte[] orderDigest(OrderV2 o, String version, String verifyingContract) {
    byte[] struct = keccak(concat(keccak(ORDER_V2_TYPE), uint(o.salt()), address(o.maker()), address(o.signer()),
        uint(o.tokenId()), uint(o.makerAmount()), uint(o.takerAmount()), uint(BigInteger.valueOf(o.side())),
        uint(BigInteger.valueOf(o.signatureType())), uint(o.timestamp()), bytes32(o.metadata()), bytes32(o.builder())));
    return typedDigest(domainSeparator(version, verifyingContract), struct);
  }

  public static byte[] orderDigestV1(OrderV1 o, String verifyingContract) {
    byte[] struct = keccak(concat(keccak(ORDER_V1_TYPE), uint(o.salt()), address(o.maker()), address(o.signer()),
        address(o.taker()), uint(o.tokenId()), uint(o.makerAmount()), uint(o.takerAmount()), uint(o.expiration()),
        uint(o.nonce()), uint(o.feeRateBps()), uint(BigInteger.valueOf(o.side())),
        uint(BigInteger.valueOf(o.signatureType()))));
    return typedDigest(domainSeparator("1", verifyingContract), struct);
  }

  /** The digest of the L1 ClobAuth message (domain ClobAuthDomain/1/137, no verifyingContract). */
  public static byte[] clobAuthDigest(String address, String timestamp, BigInteger nonce) {
    byte[] domain = keccak(concat(keccak(AUTH_DOMAIN_TYPE), keccak("ClobAuthDomain"), keccak("1"),
        uint(BigInteger.valueOf(CHAIN_ID))));
    byte[] struct = keccak(concat(keccak(CLOB_AUTH_TYPE), address(address), keccak(timestamp), uint(nonce),
        keccak(CLOB_AUTH_MESSAGE)));
    return typedDigest(domain, struct);
  }

  /**
   * The lower-case 0x address that produced {@code signatureHex} (65 bytes r‖s‖v, v 27/28 or 0/1)
   * over {@code digest}, or empty if the signature is malformed or recovers to nothing.
   */
  public static Optional<String> recover(byte[] digest, String signatureHex) {
    byte[] sig;
    try {
      sig = hex(signatureHex);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (sig.length != 65) {
      return Optional.empty();
    }
    byte v = sig[64];
    if (v == 0 || v == 1) {
      v += 27;
    }
    if (v != 27 && v != 28) {
      return Optional.empty();
    }
    byte[] r = java.util.Arrays.copyOfRange(sig, 0, 32);
    byte[] s = java.util.Arrays.copyOfRange(sig, 32, 64);
    try {
      BigInteger key = Sign.signedMessageHashToKey(digest, new Sign.SignatureData(v, r, s));
      return Optional.of("0x" + Keys.getAddress(key).toLowerCase(Locale.ROOT));
    } catch (SignatureException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * HMAC-SHA256 over {@code timestamp + method + path + body}, keyed by the url-safe base64
   * {@code secret}, answered as url-safe base64 with padding: what POLY_SIGNATURE must equal.
   */
  public static String l2Signature(String secret, String timestamp, String method, String path, byte[] body) {
    byte[] key = Base64.getDecoder().decode(padBase64(secret.replace('-', '+').replace('_', '/')));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((timestamp + method + path).getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        mac.update(body);
      }
      return Base64.getEncoder().encodeToString(mac.doFinal()).replace('+', '-').replace('/', '_');
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static String padBase64(String s) {
    int rem = s.length() % 4;
    return rem == 0 ? s : s + "=".repeat(4 - rem);
  }

  public static String toHex(byte[] bytes) {
    StringBuilder sb = new StringBuilder(2 + bytes.length * 2).append("0x");
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }

  /** Decodes 0x-prefixed (or bare) hex; throws IllegalArgumentException on anything else. */
  public static byte[] hex(String text) {
    if (text == null) {
      throw new IllegalArgumentException("missing hex");
    }
    String s = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (s.length() % 2 != 0) {
      throw new IllegalArgumentException("odd-length hex");
    }
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(s.charAt(2 * i), 16);
      int lo = Character.digit(s.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("not hex");
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** Whether {@code text} is a 0x-prefixed 20-byte address. */
  public static boolean isAddress(String text) {
    return text != null && text.matches("0[xX][0-9a-fA-F]{40}");
  }

  public static byte[] keccak(String text) {
    return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] keccak(byte[] bytes) {
    return Hash.sha3(bytes);
  }

  private static byte[] typedDigest(byte[] domainSeparator, byte[] structHash) {
    return keccak(concat(new byte[] {0x19, 0x01}, domainSeparator, structHash));
  }

  private static byte[] uint(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("not a uint256");
    }
    byte[] raw = value.toByteArray();
    byte[] word = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, word, 32 - copy, copy);
    return word;
  }

  private static byte[] address(String address) {
    if (!isAddress(address)) {
      throw new IllegalArgumentException("not an address");
    }
    return uint(new BigInteger(address.substring(2), 16));
  }

  private static byte[] bytes32(byte[] value) {
    if (value.length != 32) {
      throw new IllegalArgumentException("not bytes32");
    }
    return value;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
