package io.github.crossarb.link.session.internal;

import io.github.crossarb.link.LinkSecret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The link's cryptography, all HMAC-SHA256: handshake proofs over a domain-separated transcript,
 * the session key, frame MACs. Keys are held only as {@link Mac} instances or short-lived arrays
 * that are wiped; nothing here has a {@code toString} that could print one.
 */
public final class LinkCrypto {
  public static final int NONCE_BYTES = 32;
  public static final String CONTROLLER_PROOF = "crossarb-link/1 controller";
  public static final String TRADER_PROOF = "crossarb-link/1 trader";
  public static final String SESSION_KEY = "crossarb-link/1 session";
  public static final String TRADER_TO_CONTROLLER = "crossarb-link/1 trader->controller";
  public static final String CONTROLLER_TO_TRADER = "crossarb-link/1 controller->trader";
  private static final String HMAC = "HmacSHA256";

  private LinkCrypto() {}

  /** 32 fresh random bytes, base64url without padding. */
  public static String nonce(SecureRandom random) {
    byte[] bytes = new byte[NONCE_BYTES];
    random.nextBytes(bytes);
    return base64(bytes);
  }

  /** A random identifier for a stream (16 bytes, base64url). */
  public static String streamId(SecureRandom random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return base64(bytes);
  }

  /** The nonce's bytes, or null when it is not base64url of exactly {@link #NONCE_BYTES} bytes. */
  public static byte[] nonceBytes(String nonce) {
    byte[] bytes = decode(nonce);
    return bytes != null && bytes.length == NONCE_BYTES ? bytes : null;
  }

  /** base64url without padding. */
  public static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The bytes of a base64url text, or null when it is not one. */
  public static byte[] decode(String text) {
    if (text == null || text.length() > 1024) {
      return null;
    }
    try {
      return Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * A handshake proof: HMAC(secret, label || 0 || traderNonce || controllerNonce || len || hello ||
   * len || welcomeWithoutProof). Lengths are 4-byte big-endian so no two transcripts share bytes.
   */
  public static byte[] proof(LinkSecret secret, String label, byte[] traderNonce, byte[] controllerNonce,
      String helloText, String welcomeWithoutProofText) {
    byte[] hello = helloText.getBytes(StandardCharsets.UTF_8);
    byte[] welcome = welcomeWithoutProofText.getBytes(StandardCharsets.UTF_8);
    Mac mac = mac(secret);
    mac.update(label(label));
    mac.update(traderNonce);
    mac.update(controllerNonce);
    mac.update(ByteBuffer.allocate(4).putInt(hello.length).array());
    mac.update(hello);
    mac.update(ByteBuffer.allocate(4).putInt(welcome.length).array());
    mac.update(welcome);
    return mac.doFinal();
  }

  /** The session key: HMAC(secret, "crossarb-link/1 session" || 0 || traderNonce || controllerNonce). */
  public static FrameKey sessionKey(LinkSecret secret, byte[] traderNonce, byte[] controllerNonce) {
    Mac mac = mac(secret);
    mac.update(label(SESSION_KEY));
    mac.update(traderNonce);
    mac.update(controllerNonce);
    byte[] key = mac.doFinal();
    try {
      return new FrameKey(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Constant-time comparison of an expected MAC with a received base64url text. */
  public static boolean matches(byte[] expected, String received) {
    byte[] bytes = decode(received);
    return bytes != null && MessageDigest.isEqual(expected, bytes);
  }

  private static byte[] label(String label) {
    byte[] text = label.getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(text, text.length + 1); // trailing 0 separates the label from the data
    return out;
  }

  private static Mac mac(LinkSecret secret) {
    byte[] key = secret.keyBytes();
    try {
      return hmacWith(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static Mac hmacWith(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The session key, as a ready {@link Mac}; MACs frames of one direction per label. */
  public static final class FrameKey {
    private final Mac mac;

    private FrameKey(byte[] key) {
      this.mac = hmacWith(key);
    }

    /** HMAC(sessionKey, label || 0 || UTF-8 bytes of {@code frame}). */
    public byte[] mac(String label, String frame) {
      mac.reset();
      mac.update(label(label));
      return mac.doFinal(frame.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "FrameKey[***]";
    }
  }
}
