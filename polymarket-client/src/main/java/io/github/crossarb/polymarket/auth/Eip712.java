package io.github.crossarb.polymarket.auth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Hash;

/** The few EIP-712 encodings Polymarket needs, written out so every byte is visible. */
final class Eip712 {
  private Eip712() {}

  static byte[] keccak(byte[] data) {
    return Hash.sha3(data);
  }

  static byte[] keccak(String text) {
    return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A uint256 (or uint8) as a 32-byte big-endian word. */
  static byte[] uint(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("not a uint256: " + value);
    }
    byte[] raw = value.toByteArray();
    byte[] word = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, word, 32 - copy, copy);
    return word;
  }

  static byte[] uint(long value) {
    return uint(BigInteger.valueOf(value));
  }

  /** An address left-padded to 32 bytes. */
  static byte[] address(String address) {
    byte[] raw = Hex.parse(address);
    if (raw.length != 20) {
      throw new IllegalArgumentException("not an address: " + address);
    }
    byte[] word = new byte[32];
    System.arraycopy(raw, 0, word, 12, 20);
    return word;
  }

  static byte[] bytes32(String hex) {
    byte[] raw = Hex.parse(hex);
    if (raw.length != 32) {
      throw new IllegalArgumentException("not a bytes32: " + hex);
    }
    return raw;
  }

  static byte[] concat(byte[]... words) {
    int length = 0;
    for (byte[] w : words) {
      length += w.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] w : words) {
      System.arraycopy(w, 0, out, at, w.length);
      at += w.length;
    }
    return out;
  }

  /** {@code keccak256(0x1901 ‖ domainSeparator ‖ structHash)}. */
  static byte[] digest(byte[] domainSeparator, byte[] structHash) {
    return keccak(concat(new byte[] {0x19, 0x01}, domainSeparator, structHash));
  }
}
