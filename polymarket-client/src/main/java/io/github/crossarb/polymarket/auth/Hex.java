package io.github.crossarb.polymarket.auth;

import java.util.HexFormat;

/** Lower-case hex with a {@code 0x} prefix, as the venue writes hashes and signatures. */
final class Hex {
  private Hex() {}

  static String prefixed(byte[] bytes) {
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  static byte[] parse(String text) {
    String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    return HexFormat.of().parseHex(hex);
  }
}
