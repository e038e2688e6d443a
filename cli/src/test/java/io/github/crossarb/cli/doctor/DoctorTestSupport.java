package io.github.crossarb.cli.doctor;

import io.github.crossarb.cli.config.Configuration;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Configurations and keys for the doctor's unit tests; every venue URL points at loopback. */
final class DoctorTestSupport {
  private DoctorTestSupport() {}

  /** A configuration from {@code ARB_DATA_DIR=dataDir} and key/value pairs (nothing else leaks in). */
  static Configuration config(Path dataDir, String... keyValues) {
    Map<String, String> env = new HashMap<>();
    env.put("ARB_DATA_DIR", dataDir.toString());
    // Never the real venues, even if a test forgets a URL.
    env.put("KALSHI_API_URL", "http://127.0.0.1:9/trade-api/v2");
    env.put("POLY_CLOB_URL", "http://127.0.0.1:9");
    env.put("POLY_WS_URL", "ws://127.0.0.1:9/ws");
    env.put("POLY_GAMMA_URL", "http://127.0.0.1:9");
    env.put("POLY_DATA_URL", "http://127.0.0.1:9");
    env.put("POLY_GEOBLOCK_URL", "http://127.0.0.1:9/api/geoblock");
    for (int i = 0; i < keyValues.length; i += 2) {
      env.put(keyValues[i], keyValues[i + 1]);
    }
    return Configuration.resolve(Map.of(), env);
  }

  /** A fresh RSA-2048 private key as PKCS#8 PEM. */
  static String rsaPem() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    PrivateKey key = generator.generateKeyPair().getPrivate();
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
  }
}
