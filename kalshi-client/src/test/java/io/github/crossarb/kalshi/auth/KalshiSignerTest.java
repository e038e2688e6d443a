package io.github.crossarb.kalshi.auth;

import static io.github.crossarb.kalshi.KalshiTestSupport.KEY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.kalshi.KalshiTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KalshiSignerTest {
  private final PublicKey publicKey = KalshiTestSupport.publicKey();

  @Test
  void stringToSignIsTimestampMethodAndPathWithoutQuery() {
    assertThat(KalshiSigner.stringToSign(1703123456789L, "GET", "/trade-api/v2/portfolio/balance"))
        .isEqualTo("1703123456789GET/trade-api/v2/portfolio/balance");
    assertThat(KalshiSigner.stringToSign(1703123456789L, "get", "/trade-api/v2/portfolio/orders?limit=5&ticker=X"))
        .isEqualTo("1703123456789GET/trade-api/v2/portfolio/orders");
    assertThat(KalshiSigner.stringToSign(1L, "GET", "/trade-api/ws/v2")).isEqualTo("1GET/trade-api/ws/v2");
  }

  @Test
  void queryStringDoesNotChangeThePayload() {
    assertThat(KalshiSigner.stringToSign(5L, "DELETE", "/trade-api/v2/portfolio/events/orders/abc?market_ticker=T"))
        .isEqualTo(KalshiSigner.stringToSign(5L, "DELETE", "/trade-api/v2/portfolio/events/orders/abc"));
  }

  @Test
  void signaturesVerifyWithThePublicKeyAndArePaddedBase64Of2048Bits() {
    KalshiSigner signer = new KalshiSigner(KalshiTestSupport.credentials());
    String message = KalshiSigner.stringToSign(1703123456789L, "POST", "/trade-api/v2/portfolio/events/orders");
    String signature = signer.sign(message);

    assertThat(signature).hasSize(344).endsWith("=");
    assertThat(Base64.getDecoder().decode(signature)).hasSize(256);
    assertThat(KalshiSigner.verify(publicKey, message, signature)).isTrue();
    assertThat(KalshiSigner.verify(publicKey, message + "x", signature)).isFalse();
    // PSS is randomized: two signatures differ and both verify.
    String again = signer.sign(message);
    assertThat(again).isNotEqualTo(signature);
    assertThat(KalshiSigner.verify(publicKey, message, again)).isTrue();
  }

  @Test
  void headersCarryKeyTimestampAndSignatureInOrder() {
    KalshiSigner signer = new KalshiSigner(KalshiTestSupport.credentials());
    List<Map.Entry<String, String>> headers = signer.headers(1703123456789L, "GET", "/trade-api/v2/markets?limit=3");

    assertThat(headers).extracting(Map.Entry::getKey)
        .containsExactly("KALSHI-ACCESS-KEY", "KALSHI-ACCESS-TIMESTAMP", "KALSHI-ACCESS-SIGNATURE");
    assertThat(headers.get(0).getValue()).isEqualTo(KEY_ID);
    assertThat(headers.get(1).getValue()).isEqualTo("1703123456789");
    assertThat(KalshiSigner.verify(publicKey, "1703123456789GET/trade-api/v2/markets", headers.get(2).getValue())).isTrue();
  }

  @Test
  void pkcs1AndPkcs8KeysSignAlike() {
    KalshiSigner pkcs1 = new KalshiSigner(KalshiCredentials.fromPem(KEY_ID, KalshiTestSupport.pkcs1Pem()));
    KalshiSigner pkcs8 = new KalshiSigner(KalshiCredentials.fromPem(KEY_ID, KalshiTestSupport.pkcs8Pem()));
    String message = "1GET/trade-api/v2/exchange/status";

    assertThat(KalshiSigner.verify(publicKey, message, pkcs1.sign(message))).isTrue();
    assertThat(KalshiSigner.verify(publicKey, message, pkcs8.sign(message))).isTrue();
  }

  @Test
  void aKeyFileIsRead(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("kalshi.key"), KalshiTestSupport.pkcs8Pem());
    KalshiSigner signer = new KalshiSigner(KalshiCredentials.fromFile(KEY_ID, file));

    assertThat(KalshiSigner.verify(publicKey, "m", signer.sign("m"))).isTrue();
  }

  @Test
  void anotherKeysSignatureDoesNotVerify() {
    KalshiSigner other = new KalshiSigner(KalshiCredentials.fromPem(KEY_ID,
        KalshiTestSupport.resource("keys/test-only-kalshi-other-pkcs1.pem")));

    assertThat(KalshiSigner.verify(publicKey, "m", other.sign("m"))).isFalse();
  }

  @Test
  void badKeysAreConfigurationErrorsWithoutTheKeyInTheMessage(@TempDir Path dir) throws Exception {
    String garbage = "-----BEGIN RSA PRIVATE KEY-----\nSECRETBODYdontleak\n-----END RSA PRIVATE KEY-----\n";
    assertThatThrownBy(() -> KalshiCredentials.fromPem(KEY_ID, garbage))
        .isInstanceOf(VenueConfigException.class)
        .hasMessageNotContaining("SECRETBODY")
        .hasNoCause();
    assertThatThrownBy(() -> KalshiCredentials.fromPem(KEY_ID, "not a pem at all"))
        .isInstanceOf(VenueConfigException.class).hasMessageContaining("no PEM block");
    assertThatThrownBy(() -> KalshiCredentials.fromPem(KEY_ID, KalshiTestSupport.resource("keys/test-only-kalshi-public.pem")))
        .isInstanceOf(VenueConfigException.class).hasMessageContaining("not an unencrypted private key");
    assertThatThrownBy(() -> KalshiCredentials.fromFile(KEY_ID, dir.resolve("missing.pem")))
        .isInstanceOf(VenueConfigException.class).hasMessageContaining("cannot read");
    assertThatThrownBy(() -> KalshiCredentials.fromPem(" ", KalshiTestSupport.pkcs1Pem()))
        .isInstanceOf(VenueConfigException.class);

    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    String ecPem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(ec.generateKeyPair().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    assertThatThrownBy(() -> KalshiCredentials.fromPem(KEY_ID, ecPem))
        .isInstanceOf(VenueConfigException.class).hasMessageContaining("RSA");
  }

  @Test
  void credentialsAndSignerNeverPrintTheirSecrets() {
    KalshiCredentials credentials = KalshiTestSupport.credentials();

    assertThat(credentials.toString()).isEqualTo("KalshiCredentials[keyId=***, privateKey=***]");
    assertThat(credentials.toString()).doesNotContain(KEY_ID);
    assertThat(new KalshiSigner(credentials).toString()).doesNotContain(KEY_ID).contains("***");
  }

  /**
   * Requests captured from the official kalshi-typescript client (test-tools/kalshi) on loopback
   * with the same test key: each signature verifies against OUR string to sign (so we sign the
   * same message), and fails against the variants Kalshi rejects.
   */
  @Test
  void officialClientVectorsVerifyAgainstOurStringToSign() throws Exception {
    JsonNode vectors = new ObjectMapper().readTree(KalshiTestSupport.resource("kalshi/signing_vectors.json"));
    KalshiSigner ours = new KalshiSigner(KalshiTestSupport.credentials());
    int withQuery = 0;
    int withBody = 0;
    assertThat(vectors.get("requests")).hasSizeGreaterThanOrEqualTo(10);
    for (JsonNode request : vectors.get("requests")) {
      String method = request.get("method").asText();
      String url = request.get("url").asText();
      long timestamp = Long.parseLong(request.get("timestamp").asText());
      String signature = request.get("signature").asText();
      String message = KalshiSigner.stringToSign(timestamp, method, url);

      assertThat(request.get("key").asText()).isEqualTo(KEY_ID);
      assertThat(KalshiSigner.verify(publicKey, message, signature)).as("official signature of %s %s", method, url).isTrue();
      // The rejected variants: with the query, without the prefix, lower-case method, seconds.
      assertThat(KalshiSigner.verify(publicKey, timestamp + method + url, signature)).isEqualTo(!url.contains("?"));
      assertThat(KalshiSigner.verify(publicKey, message.replace("/trade-api/v2", ""), signature)).isFalse();
      assertThat(KalshiSigner.verify(publicKey, timestamp + method.toLowerCase() + url.split("\\?")[0], signature)).isFalse();
      assertThat(KalshiSigner.verify(publicKey, (timestamp / 1000) + method + url.split("\\?")[0], signature)).isFalse();
      if (!request.get("body").isNull()) {
        withBody++;
        assertThat(KalshiSigner.verify(publicKey, message + request.get("body").asText(), signature)).isFalse();
      }
      if (url.contains("?")) {
        withQuery++;
      }
      // The other way round: our signature of the same request verifies like theirs.
      assertThat(KalshiSigner.verify(publicKey, message, ours.sign(message))).isTrue();
    }
    assertThat(withQuery).isPositive();
    assertThat(withBody).isPositive();
  }
}
