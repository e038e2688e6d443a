package io.github.crossarb.link;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The shared secret both sides prove they know ({@code TRADER_LINK_SECRET}). It never crosses the
 * wire and prints as {@code ***}. Deliberately not a record: its {@code toString} would print it.
 */
public final class LinkSecret {
  /** Shorter secrets are refused: the HMAC proofs are only as strong as the secret. */
  public static final int MIN_LENGTH = 32;

  private final byte[] key;

  private LinkSecret(byte[] key) {
    this.key = key;
  }

  /** @throws IllegalArgumentException when shorter than {@link #MIN_LENGTH} characters (the message never holds the value) */
  public static LinkSecret of(String text) {
    if (text == null || text.length() < MIN_LENGTH) {
      throw new IllegalArgumentException("the trader link secret must be at least " + MIN_LENGTH
          + " characters (e.g. openssl rand -base64 32)");
    }
    return new LinkSecret(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy of the key bytes, for the HMAC; never for a message or a log. */
  public byte[] keyBytes() {
    return Arrays.copyOf(key, key.length);
  }

  @Override
  public String toString() {
    return "***";
  }
}
