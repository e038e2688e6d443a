package io.github.crossarb.cli;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Fake credentials with recognisable bodies, so a test can tell if one leaked. */
public final class TestKeys {
  /** Not a real key: only the PEM framing is checked by the configuration. */
  public static final String KALSHI_PEM = "-----BEGIN PRIVATE KEY-----\n"
      + "TESTKEYBODYdontleakmeMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"
      + "-----END PRIVATE KEY-----\n";
  public static final String KALSHI_PEM_B64 =
      Base64.getEncoder().encodeToString(KALSHI_PEM.getBytes(StandardCharsets.US_ASCII));
  public static final String POLY_KEY = "0x" + "c0ffee".repeat(10) + "c0ff";
  public static final String KALSHI_KEY_ID = "a952bcbe-ec3b-4b5b-b8f9-11dae589608c";
  public static final String FUNDER = "0x" + "ab".repeat(20);

  private TestKeys() {}
}
