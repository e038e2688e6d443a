package io.github.crossarb.polymarket.auth;

import java.util.Objects;

/**
 * The CLOB API credentials that authenticate L2 (HMAC) requests. Created or derived with the
 * wallet key (L1), or given by configuration.
 *
 * @param apiKey the key id (sent as {@code POLY_API_KEY} and as the order {@code owner})
 * @param secret the base64 (url-safe or standard) HMAC secret
 * @param passphrase sent as {@code POLY_PASSPHRASE}
 */
public record ApiCredentials(String apiKey, String secret, String passphrase) {
  public ApiCredentials {
    requireText(apiKey, "apiKey");
    requireText(secret, "secret");
    requireText(passphrase, "passphrase");
  }

  private static void requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException("Polymarket " + what + " is empty");
    }
  }

  /** Never prints the secret or the passphrase; the key id is not secret but is redacted too. */
  @Override
  public String toString() {
    return "ApiCredentials[apiKey=***, secret=***, passphrase=***]";
  }
}
