package io.github.crossarb.simulator.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * RSA keys as PEM without BouncyCastle: the private key is written as PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}), the format Kalshi's UI issues, by unwrapping the JDK's PKCS#8.
 */
public final class RsaPem {
  private static final byte[] RSA_ALGORITHM_ID = {
      0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

  private RsaPem() {}

  /** PKCS#1 PEM of an RSA private key. */
  public static String privateKeyPkcs1(PrivateKey key) {
    byte[] pkcs8 = key.getEncoded();
    // PrivateKeyInfo ::= SEQUENCE { version INTEGER, algorithm AlgorithmIdentifier, privateKey OCTET STRING }
    int[] seq = header(pkcs8, 0);
    int at = seq[0];
    at = skip(pkcs8, at); // version
    at = skip(pkcs8, at); // algorithm
    int[] octets = header(pkcs8, at);
    byte[] pkcs1 = java.util.Arrays.copyOfRange(pkcs8, octets[0], octets[0] + octets[1]);
    return pem("RSA PRIVATE KEY", pkcs1);
  }

  /** X.509 SubjectPublicKeyInfo PEM of a public key. */
  public static String publicKey(PublicKey key) {
    return pem("PUBLIC KEY", key.getEncoded());
  }

  /** Reads a PKCS#1 ({@code RSA PRIVATE KEY}) or PKCS#8 ({@code PRIVATE KEY}) PEM and derives the public key. */
  public static KeyPair read(String pem) throws GeneralSecurityException {
    boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("key file is not PEM");
    }
    byte[] pkcs8 = pkcs1 ? wrapPkcs1(der) : der;
    KeyFactory factory = KeyFactory.getInstance("RSA");
    PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
      throw new GeneralSecurityException("not an RSA CRT private key");
    }
    PublicKey publicKey = factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    return new KeyPair(publicKey, privateKey);
  }

  private static byte[] wrapPkcs1(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM_ID);
    body.writeBytes(tlv(0x04, pkcs1));
    return tlv(0x30, body.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = value.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write((n >>> (8 * i)) & 0xff);
      }
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  /** {content offset, content length} of the DER element at {@code at}. */
  private static int[] header(byte[] der, int at) {
    int len = der[at + 1] & 0xff;
    int offset = at + 2;
    if (len >= 0x80) {
      int bytes = len & 0x7f;
      len = 0;
      for (int i = 0; i < bytes; i++) {
        len = (len << 8) | (der[offset + i] & 0xff);
      }
      offset += bytes;
    }
    return new int[] {offset, len};
  }

  private static int skip(byte[] der, int at) {
    int[] h = header(der, at);
    return h[0] + h[1];
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
