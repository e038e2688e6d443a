package io.github.crossarb.polymarket.auth;

import java.math.BigInteger;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * The EOA key that signs orders (EIP-712) and L1 auth. Holds the key pair; {@link #toString} shows
 * only the address.
 */
public final class PolymarketWallet {
  private static final ECPoint G = Sign.CURVE_PARAMS.getG();
  private static final BigInteger N = Sign.CURVE_PARAMS.getN();
  private static final BigInteger HALF_N = N.shiftRight(1);
  /** The multiplier BouncyCastle's ECDSASigner uses for k·G (precomputed comb, thread-safe). */
  private static final ECMultiplier BASE_POINT = new FixedPointCombMultiplier();

  private final ECKeyPair keyPair;
  private final String address;

  private PolymarketWallet(ECKeyPair keyPair) {
    this.keyPair = keyPair;
    this.address = Keys.toChecksumAddress(Keys.getAddress(keyPair.getPublicKey()));
  }

  /**
   * A wallet from 64 hex digits, with or without {@code 0x}.
   *
   * @throws IllegalArgumentException with a message that never contains the key
   */
  public static PolymarketWallet fromHex(String privateKeyHex) {
    Objects.requireNonNull(privateKeyHex, "privateKeyHex");
    String hex = privateKeyHex.strip();
    if (hex.startsWith("0x") || hex.startsWith("0X")) {
      hex = hex.substring(2);
    }
    if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException("Polymarket private key must be 64 hex digits (with or without 0x)");
    }
    BigInteger key = new BigInteger(hex, 16);
    if (key.signum() == 0 || key.compareTo(Sign.CURVE_PARAMS.getN()) >= 0) {
      throw new IllegalArgumentException("Polymarket private key is not a valid secp256k1 key");
    }
    return new PolymarketWallet(ECKeyPair.create(key));
  }

  /** The checksummed EOA address. */
  public String address() {
    return address;
  }

  /**
   * Signs a 32-byte EIP-712 digest: {@code 0x} + r‖s‖v with v = 27 or 28 (deterministic, RFC 6979).
   *
   * <p>The same signature as web3j's {@code Sign.signMessage(digest, keyPair, false)} (BouncyCastle's
   * ECDSA with an RFC 6979 HMAC-SHA256 nonce, s made canonical, at most n/2), computed in one step:
   * web3j finds v by recovering the public key from the signature for each candidate recovery id
   * until one matches, about 70% of the signing time; here v comes from the nonce point R = k·G
   * itself (the parity of its y, flipped when s is negated to make it canonical).
   */
  public String signDigest(byte[] digest) {
    if (digest.length != 32) {
      throw new IllegalArgumentException("an EIP-712 digest has 32 bytes, got " + digest.length);
    }
    BigInteger d = keyPair.getPrivateKey();
    BigInteger e = new BigInteger(1, digest); // n has 256 bits: the digest is used whole
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(N, d, digest);
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint p = BASE_POINT.multiply(G, k).normalize();
      BigInteger x = p.getAffineXCoord().toBigInteger();
      BigInteger r = x.mod(N);
      if (r.signum() == 0) {
        continue;
      }
      BigInteger s = BigIntegers.modOddInverse(N, k).multiply(e.add(d.multiply(r))).mod(N);
      if (s.signum() == 0) {
        continue;
      }
      int recoveryId = (p.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
      if (s.compareTo(HALF_N) > 0) {
        s = N.subtract(s); // (r, n − s) is the signature of −R, whose y has the other parity
        recoveryId ^= 1;
      }
      byte[] out = new byte[65];
      System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, out, 0, 32);
      System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, out, 32, 32);
      out[64] = (byte) (27 + recoveryId);
      return Hex.prefixed(out);
    }
  }

  @Override
  public String toString() {
    return "PolymarketWallet[" + address + "]";
  }
}
