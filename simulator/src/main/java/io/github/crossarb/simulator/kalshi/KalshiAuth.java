package io.github.crossarb.simulator.kalshi;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Objects;

/**
 * Checks Kalshi's three signed headers: the key id, a millisecond timestamp within the allowed
 * skew, and an RSASSA-PSS (SHA-256, MGF1-SHA-256, salt 32) signature over
 * {@code timestamp + METHOD + path} (path without the query, including {@code /trade-api/v2}).
 */
final class KalshiAuth {
  static final String KEY = "KALSHI-ACCESS-KEY";
  static final String TIMESTAMP = "KALSHI-ACCESS-TIMESTAMP";
  static final String SIGNATURE = "KALSHI-ACCESS-SIGNATURE";
  private static final PSSParameterSpec PSS = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

  private final String keyId;
  private final PublicKey publicKey;
  private final InstantSource clock;
  private final Duration maxSkew;

  KalshiAuth(String keyId, PublicKey publicKey, InstantSource clock, Duration maxSkew) {
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
  }

  /** Null when the request is properly signed, else the reason (one line, no secret). */
  String check(String method, String path, MultiMap headers) {
    String key = headers.get(KEY);
    String ts = headers.get(TIMESTAMP);
    String sig = headers.get(SIGNATURE);
    if (key == null || ts == null || sig == null) {
      return "missing authentication headers";
    }
    if (!key.equals(keyId)) {
      return "unknown API key";
    }
    long millis;
    try {
      millis = Long.parseLong(ts);
    } catch (NumberFormatException e) {
      return "timestamp must be Unix milliseconds";
    }
    long skew = Math.abs(clock.millis() - millis);
    if (skew > maxSkew.toMillis()) {
      return "request timestamp outside the allowed window";
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(sig);
    } catch (IllegalArgumentException e) {
      return "signature is not base64";
    }
    try {
      Signature verifier = Signature.getInstance("RSASSA-PSS");
      verifier.setParameter(PSS);
      verifier.initVerify(publicKey);
      verifier.update((ts + method + path).getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature) ? null : "invalid signature";
    } catch (GeneralSecurityException e) {
      return "invalid signature";
    }
  }
}
