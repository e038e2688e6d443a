package io.github.crossarb.simulator.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test-only: signs like Kalshi's clients do (RSA-PSS SHA-256, salt 32, over ts + METHOD + path). */
public final class TestKalshiSigner {
  private final String keyId;
  private final PrivateKey key;

  public TestKalshiSigner(String keyId, PrivateKey key) {
    this.keyId = keyId;
    this.key = key;
  }

  public String sign(String message) {
    try {
      Signature s = Signature.getInstance("RSASSA-PSS");
      s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
      s.initSign(key);
      s.update(message.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The three headers for {@code method} on {@code path} (no query) at {@code timestampMillis}. */
  public Map<String, String> headers(String method, String path, long timestampMillis) {
    String ts = Long.toString(timestampMillis);
    Map<String, String> h = new LinkedHashMap<>();
    h.put("KALSHI-ACCESS-KEY", keyId);
    h.put("KALSHI-ACCESS-TIMESTAMP", ts);
    h.put("KALSHI-ACCESS-SIGNATURE", sign(ts + method + path));
    return h;
  }
}
