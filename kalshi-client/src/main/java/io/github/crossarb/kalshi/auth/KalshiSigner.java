package io.github.crossarb.kalshi.auth;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueConfigException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Signs Kalshi requests: RSASSA-PSS with SHA-256, MGF1(SHA-256) and a 32-byte salt over
 * {@code timestampMillis + METHOD + path}, where the path includes {@code /trade-api/v2} and never
 * the query or the body (checked against requests captured from the official client).
 */
public final class KalshiSigner {
  public static final String KEY_HEADER = "KALSHI-ACCESS-KEY";
  public static final String TIMESTAMP_HEADER = "KALSHI-ACCESS-TIMESTAMP";
  public static final String SIGNATURE_HEADER = "KALSHI-ACCESS-SIGNATURE";

  private static final PSSParameterSpec PSS =
      new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

  private final KalshiCredentials credentials;

  public KalshiSigner(KalshiCredentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  /** The message Kalshi verifies: the query string (anything from {@code ?}) is cut off. */
  public static String stringToSign(long timestampMillis, String method, String pathAndQuery) {
    int query = pathAndQuery.indexOf('?');
    String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    return timestampMillis + method.toUpperCase(Locale.ROOT) + path;
  }

  /** Standard base64 (with padding) of the PSS signature of {@code message}. */
  public String sign(String message) {
    try {
      Signature signature = Signature.getInstance("RSASSA-PSS");
      signature.setParameter(PSS);
      signature.initSign(credentials.privateKey());
      signature.update(message.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new VenueConfigException(VenueId.KALSHI, "the Kalshi private key cannot sign ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  /** The three auth headers, in sending order, for one request. */
  public List<Map.Entry<String, String>> headers(long timestampMillis, String method, String pathAndQuery) {
    String signature = sign(stringToSign(timestampMillis, method, pathAndQuery));
    return List.of(
        Map.entry(KEY_HEADER, credentials.keyId()),
        Map.entry(TIMESTAMP_HEADER, Long.toString(timestampMillis)),
        Map.entry(SIGNATURE_HEADER, signature));
  }

  /** Whether {@code signatureBase64} is a valid Kalshi signature of {@code message} under {@code publicKey}. */
  public static boolean verify(PublicKey publicKey, String message, String signatureBase64) {
    try {
      Signature signature = Signature.getInstance("RSASSA-PSS");
      signature.setParameter(PSS);
      signature.initVerify(publicKey);
      signature.update(message.getBytes(StandardCharsets.UTF_8));
      return signature.verify(Base64.getDecoder().decode(signatureBase64));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "KalshiSigner[***]";
  }
}
