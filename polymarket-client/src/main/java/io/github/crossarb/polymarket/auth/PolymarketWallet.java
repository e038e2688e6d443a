package io.github.crossarb.polymarket.auth;

import java.math.BigInteger;
import java.util.Objects;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * The EOA key that signs orders (EIP-712) and L1 auth. Holds the key pair; {@link #toString} shows
 * only the address.
 */
public final class PolymarketWallet {
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
   */
  public String signDigest(byte[] digest) {
    if (digest.length != 32) {
      throw new IllegalArgumentException("an EIP-712 digest has 32 bytes, got " + digest.length);
    }
    Sign.SignatureData sig = Sign.signMessage(digest, keyPair, false);
    byte[] out = new byte[65];
    System.arraycopy(sig.getR(), 0, out, 0, 32);
    System.arraycopy(sig.getS(), 0, out, 32, 32);
    out[64] = sig.getV()[0];
    return Hex.prefixed(out);
  }

  @Override
  public String toString() {
    return "PolymarketWallet[" + address + "]";
  }
}
