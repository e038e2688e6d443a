package io.github.crossarb.simulator.polymarket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The venue-side verifier against vectors produced by the official {@code @polymarket/clob-client-v2}
 * 1.1.0 (generated with the project's golden-vector tool on loopback; inputs kept beside outputs).
 */
class PolySignaturesTest {

  static JsonArray fixture(String name) throws IOException {
    try (InputStream in = PolySignaturesTest.class.getResourceAsStream("/polymarket/" + name)) {
      return new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void orderTypeHashIsTheReferenceValue() {
    assertThat(PolySignatures.toHex(PolySignatures.keccak(PolySignatures.ORDER_V2_TYPE)))
        .isEqualTo("0xbb86318a2138f5fa8ae32fbe8e659f8fcf13cc6ae4014a707893055433818589");
  }

  @Test
  void officialClientOrdersHashAndRecoverToTheirSigner() throws IOException {
    JsonArray vectors = fixture("golden_orders.json");
    assertThat(vectors).hasSizeGreaterThanOrEqualTo(24);
    for (Object v : vectors) {
      JsonObject vector = (JsonObject) v;
      JsonObject o = vector.getJsonObject("order");
      var order = new PolySignatures.OrderV2(new BigInteger(o.getString("salt")), o.getString("maker"),
          o.getString("signer"), new BigInteger(o.getString("tokenId")), new BigInteger(o.getString("makerAmount")),
          new BigInteger(o.getString("takerAmount")), "BUY".equals(o.getString("side")) ? 0 : 1,
          o.getInteger("signatureType"), new BigInteger(o.getString("timestamp")),
          PolySignatures.hex(o.getString("metadata")), PolySignatures.hex(o.getString("builder")));
      int version = vector.getInteger("version");
      String exchange = PolySignatures.exchangeFor(version, vector.getBoolean("negRisk"));
      assertThat(exchange).isEqualToIgnoringCase(vector.getString("exchange"));
      byte[] digest = PolySignatures.orderDigest(order, Integer.toString(version), exchange);
      assertThat(PolySignatures.toHex(digest)).as(vector.encode()).isEqualTo(vector.getString("hash"));
      assertThat(PolySignatures.recover(digest, o.getString("signature")))
          .contains(o.getString("signer").toLowerCase(Locale.ROOT));
      // Served under the other version, the same signature recovers to someone else.
      String other = version == 2 ? "3" : "2";
      byte[] wrong = PolySignatures.orderDigest(order, other, PolySignatures.exchangeFor(version == 2 ? 3 : 2, false));
      assertThat(PolySignatures.recover(wrong, o.getString("signature")))
          .isNotEqualTo(java.util.Optional.of(o.getString("signer").toLowerCase(Locale.ROOT)));
    }
  }

  @Test
  void officialClientL1HeadersRecoverToPolyAddress() throws IOException {
    for (Object v : fixture("golden_l1_headers.json")) {
      JsonObject h = ((JsonObject) v).getJsonObject("headers");
      byte[] digest = PolySignatures.clobAuthDigest(h.getString("POLY_ADDRESS"), h.getString("POLY_TIMESTAMP"),
          new BigInteger(h.getString("POLY_NONCE")));
      assertThat(PolySignatures.recover(digest, h.getString("POLY_SIGNATURE")))
          .contains(h.getString("POLY_ADDRESS").toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void officialClientL2SignaturesMatchTheHmac() throws IOException {
    for (Object v : fixture("golden_l2_headers.json")) {
      JsonObject vector = (JsonObject) v;
      JsonObject h = vector.getJsonObject("headers");
      String body = vector.getString("body");
      String expected = PolySignatures.l2Signature(vector.getString("secret"), h.getString("POLY_TIMESTAMP"),
          vector.getString("method"), vector.getString("path"),
          body == null || body.isEmpty() ? null : body.getBytes(StandardCharsets.UTF_8));
      assertThat(expected).as(vector.getString("name")).isEqualTo(h.getString("POLY_SIGNATURE"));
    }
  }

  @Test
  void malformedSignaturesRecoverToNothing() {
    byte[] digest = new byte[32];
    assertThat(PolySignatures.recover(digest, "0x1234")).isEmpty();
    assertThat(PolySignatures.recover(digest, "not hex")).isEmpty();
    assertThat(PolySignatures.recover(digest, "0x" + "00".repeat(64) + "1f")).isEmpty();
  }
}
