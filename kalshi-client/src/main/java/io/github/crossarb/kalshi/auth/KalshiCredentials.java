package io.github.crossarb.kalshi.auth;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueConfigException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A Kalshi API key: its id (a UUID) and the RSA private key that signs requests. Prints as
 * {@code ***}: neither part ever reaches a log or an exception message.
 */
public record KalshiCredentials(String keyId, PrivateKey privateKey) {
  public KalshiCredentials {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(privateKey, "privateKey");
    if (keyId.isBlank()) {
      throw new VenueConfigException(VenueId.KALSHI, "the Kalshi API key id is blank");
    }
    if (!(privateKey instanceof RSAPrivateKey)) {
      throw new VenueConfigException(VenueId.KALSHI, "the Kalshi private key must be an RSA key, got "
          + privateKey.getAlgorithm());
    }
  }

  /**
   * Credentials from PEM text: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what the Kalshi UI issues)
   * or PKCS#8 ({@code BEGIN PRIVATE KEY}).
   *
   * @throws VenueConfigException when the text is not an unencrypted RSA private key
   */
  public static KalshiCredentials fromPem(String keyId, String pem) {
    return new KalshiCredentials(keyId, parsePrivateKey(pem, "the Kalshi private key"));
  }

  /** Credentials from a PEM file; see {@link #fromPem}. */
  public static KalshiCredentials fromFile(String keyId, Path pemFile) {
    String pem;
    try {
      pem = Files.readString(pemFile, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new VenueConfigException(VenueId.KALSHI, "cannot read the Kalshi key file " + pemFile + " ("
          + e.getClass().getSimpleName() + ")");
    }
    return new KalshiCredentials(keyId, parsePrivateKey(pem, "the Kalshi key file " + pemFile));
  }

  static PrivateKey parsePrivateKey(String pem, String what) {
    Object parsed;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      parsed = parser.readObject();
    } catch (IOException | RuntimeException e) {
      // Never chain the cause: parser messages can quote bytes of the key.
      throw new VenueConfigException(VenueId.KALSHI, what + " is not a readable PEM private key");
    }
    try {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      PrivateKey key;
      if (parsed instanceof PEMKeyPair pair) {
        key = converter.getPrivateKey(pair.getPrivateKeyInfo());
      } else if (parsed instanceof PrivateKeyInfo info) {
        key = converter.getPrivateKey(info);
      } else if (parsed == null) {
        throw new VenueConfigException(VenueId.KALSHI, what + " holds no PEM block");
      } else {
        throw new VenueConfigException(VenueId.KALSHI, what + " is not an unencrypted private key (found "
            + parsed.getClass().getSimpleName() + ")");
      }
      if (!(key instanceof RSAPrivateKey)) {
        throw new VenueConfigException(VenueId.KALSHI, what + " is a " + key.getAlgorithm()
            + " key; Kalshi keys are RSA");
      }
      return key;
    } catch (IOException | RuntimeException e) {
      if (e instanceof VenueConfigException config) {
        throw config;
      }
      throw new VenueConfigException(VenueId.KALSHI, what + " is not a valid RSA private key");
    }
  }

  @Override
  public String toString() {
    return "KalshiCredentials[keyId=***, privateKey=***]";
  }
}
