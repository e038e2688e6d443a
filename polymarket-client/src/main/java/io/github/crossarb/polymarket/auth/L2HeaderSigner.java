package io.github.crossarb.polymarket.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * L2 authentication: HMAC-SHA256 over {@code timestamp + METHOD + path + body}, keyed with the
 * base64-decoded secret, written as url-safe base64 <em>with</em> padding. The path carries no
 * query string; the body is the exact text sent.
 */
public final class L2HeaderSigner {
  private final String address;
  private final ApiCredentials credentials;
  private final SecretKeySpec key;

  /**
   * @param address the EOA (the L2 headers always carry the EOA, even for proxy and Safe makers)
   * @throws IllegalArgumentException if the secret is not base64
   */
  public L2HeaderSigner(String address, ApiCredentials credentials) {
    this.address = Objects.requireNonNull(address, "address");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.key = new SecretKeySpec(decodeSecret(credentials.secret()), "HmacSHA256");
  }

  static byte[] decodeSecret(String secret) {
    String normalized = secret.strip().replace('-', '+').replace('_', '/');
    int pad = (4 - normalized.length() % 4) % 4;
    try {
      byte[] bytes = Base64.getDecoder().decode(normalized + "=".repeat(pad));
      if (bytes.length == 0) {
        throw new IllegalArgumentException("Polymarket API secret decodes to nothing");
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      // The decoder's message may quote the input: keep it out.
      throw new IllegalArgumentException("Polymarket API secret is not base64");
    }
  }

  public ApiCredentials credentials() {
    return credentials;
  }

  /**
   * The signature for one request.
   *
   * @param path the request path without query string, e.g. {@code /data/orders}
   * @param body the exact body text, or null for none (an empty body signs the same)
   */
  public String sign(long timestampSeconds, String method, String path, String body) {
    int query = path.indexOf('?');
    String bare = query < 0 ? path : path.substring(0, query);
    String message = timestampSeconds + method + bare + (body == null ? "" : body);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest).replace('+', '-').replace('/', '_');
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The five L2 headers in the official client's order. */
  public List<Map.Entry<String, String>> headers(long timestampSeconds, String method, String path, String body) {
    return List.of(
        Map.entry("POLY_ADDRESS", address),
        Map.entry("POLY_SIGNATURE", sign(timestampSeconds, method, path, body)),
        Map.entry("POLY_TIMESTAMP", Long.toString(timestampSeconds)),
        Map.entry("POLY_API_KEY", credentials.apiKey()),
        Map.entry("POLY_PASSPHRASE", credentials.passphrase()));
  }

  @Override
  public String toString() {
    return "L2HeaderSigner[" + address + ", " + credentials + "]";
  }
}
