package io.github.crossarb.polymarket.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.polymarket.Golden;
import io.github.crossarb.polymarket.order.Exchange;
import io.github.crossarb.polymarket.order.OrderAmounts;
import io.github.crossarb.polymarket.order.OrderBodies;
import io.github.crossarb.polymarket.order.OrderSide;
import io.github.crossarb.polymarket.order.OrderType;
import io.github.crossarb.polymarket.order.SignatureType;
import io.github.crossarb.polymarket.order.SignedOrder;
import io.github.crossarb.polymarket.order.TickSize;
import io.github.crossarb.polymarket.order.UnsignedOrder;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** The Java signers against vectors produced by the official @polymarket/clob-client-v2. */
class SignersGoldenTest {

  @Test
  void l1HeadersMatchTheOfficialClient() {
    List<JsonNode> vectors = Golden.vectors("l1_headers.json");
    assertThat(vectors).hasSize(8);
    for (JsonNode v : vectors) {
      var signer = new ClobAuthSigner(PolymarketWallet.fromHex(v.get("privateKey").asText()), 137);
      Map<String, String> headers = toMap(signer.headers(v.get("timestamp").asLong(), v.get("nonce").asLong()));
      assertThat(headers).as(v.get("method").asText() + " " + v.get("path").asText() + " nonce " + v.get("nonce"))
          .isEqualTo(toMap(v.get("headers")));
    }
  }

  @Test
  void l2HeadersMatchTheOfficialClientForEveryRequestKind() {
    List<JsonNode> vectors = Golden.vectors("l2_headers.json");
    assertThat(vectors).extracting(v -> v.get("name").asText())
        .contains("GET /data/orders", "DELETE /order", "DELETE /orders", "POST /order", "POST /orders", "DELETE /cancel-all");
    for (JsonNode v : vectors) {
      var creds = new ApiCredentials(v.get("apiKey").asText(), v.get("secret").asText(), v.get("passphrase").asText());
      String address = PolymarketWallet.fromHex(v.get("privateKey").asText()).address();
      var signer = new L2HeaderSigner(address, creds);
      JsonNode expected = v.get("headers");
      String body = v.get("body").asText();
      // The URL (with its query) goes in: the signer must strip the query itself.
      Map<String, String> headers = toMap(signer.headers(expected.get("POLY_TIMESTAMP").asLong(),
          v.get("method").asText(), v.get("url").asText(), body.isEmpty() ? null : body));
      assertThat(headers).as(v.get("name").asText()).isEqualTo(toMap(expected));
    }
  }

  @Test
  void ordersHashSignAndSerializeExactlyAsTheOfficialClient() {
    List<JsonNode> vectors = Golden.vectors("orders.json");
    assertThat(vectors).hasSize(144);
    for (JsonNode v : vectors) {
      JsonNode o = v.get("order");
      PolymarketWallet wallet = PolymarketWallet.fromHex(v.get("privateKey").asText());
      var unsigned = new UnsignedOrder(
          Long.parseLong(o.get("salt").asText()), o.get("maker").asText(), o.get("signer").asText(),
          o.get("tokenId").asText(), Long.parseLong(o.get("makerAmount").asText()),
          Long.parseLong(o.get("takerAmount").asText()), OrderSide.valueOf(o.get("side").asText()),
          SignatureType.of(o.get("signatureType").asInt()), Long.parseLong(o.get("timestamp").asText()),
          o.get("metadata").asText(), o.get("builder").asText(), Long.parseLong(o.get("expiration").asText()));
      Exchange exchange = Exchange.forVersion(v.get("version").asInt(), v.get("negRisk").asBoolean());
      assertThat(exchange.address()).isEqualTo(v.get("exchange").asText());
      SignedOrder signed = new OrderSigner(wallet, 137).sign(unsigned, exchange);
      String what = v.get("side").asText() + " tick " + v.get("tickSize").asText() + " v" + v.get("version")
          + " negRisk " + v.get("negRisk") + " sigType " + v.get("signatureType");
      assertThat(signed.hash()).as(what).isEqualTo(v.get("hash").asText());
      assertThat(signed.signature()).as(what).isEqualTo(o.get("signature").asText());
      String body = OrderBodies.postOrder(new OrderBodies.Post(signed, "2f8c0e47-52c1-4d3a-9b6e-0e7c51a2f4d1",
          OrderType.GTC, false, false));
      assertThat(body).as(what).isEqualTo(v.get("postBody").asText());
      assertThat(body).doesNotContain("\"taker\"");
      // The exact amounts of main code give these orders' amounts too (all inside the bound).
      assertThat(OrderAmounts.limit(OrderSide.valueOf(v.get("side").asText()),
          new java.math.BigDecimal(v.get("price").asText()), new java.math.BigDecimal(v.get("size").asText()),
          TickSize.parse(v.get("tickSize").asText()).orElseThrow()))
          .as(what).isEqualTo(new OrderAmounts(unsigned.makerAmount(), unsigned.takerAmount()));
    }
  }

  @Test
  void typeHashIsTheKeccakOfTheExactTypeString() {
    assertThat(OrderSigner.orderTypeHash())
        .isEqualTo("0xbb86318a2138f5fa8ae32fbe8e659f8fcf13cc6ae4014a707893055433818589");
  }

  @Test
  void exchangesArePinnedAndNegRiskUsesTheOtherContract() {
    assertThat(Exchange.forVersion(2, false).address()).isEqualTo("0xE111180000d2663C0091e4f400237545B87B996B");
    assertThat(Exchange.forVersion(2, true).address()).isEqualTo("0xe2222d279d744050d28e00520010520000310F59");
    assertThat(Exchange.forVersion(3, true)).isEqualTo(Exchange.EXCHANGE_V3);
    assertThat(Exchange.forVersion(3, false).domainVersion()).isEqualTo("3");
    assertThat(OrderSigner.domainSeparator(Exchange.CTF_EXCHANGE_V2, 137))
        .isNotEqualTo(OrderSigner.domainSeparator(Exchange.NEG_RISK_CTF_EXCHANGE_V2, 137));
    assertThatThrownBy(() -> Exchange.forVersion(1, false)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signerAddressRecoversFromTheSignature() throws Exception {
    JsonNode v = Golden.vectors("orders.json").get(0);
    PolymarketWallet wallet = PolymarketWallet.fromHex(v.get("privateKey").asText());
    byte[] digest = Hex.parse(v.get("hash").asText());
    byte[] sig = Hex.parse(v.get("order").get("signature").asText());
    var data = new Sign.SignatureData(sig[64], java.util.Arrays.copyOfRange(sig, 0, 32),
        java.util.Arrays.copyOfRange(sig, 32, 64));
    BigInteger publicKey = Sign.signedMessageHashToKey(digest, data);
    assertThat(Keys.toChecksumAddress(Keys.getAddress(publicKey))).isEqualTo(wallet.address());
    assertThat(Hash.sha3String(OrderSigner.ORDER_TYPE)).isEqualTo(OrderSigner.orderTypeHash());
  }

  @Test
  void badKeysAndSecretsFailWithoutEchoingThem() {
    assertThatThrownBy(() -> PolymarketWallet.fromHex("0x1234zz"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("1234zz");
    assertThatThrownBy(() -> PolymarketWallet.fromHex("0".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    var creds = new ApiCredentials("k", "not*base64!", "p");
    assertThatThrownBy(() -> new L2HeaderSigner("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", creds))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("not*base64");
  }

  @Test
  void secretsNeverPrint() {
    var creds = new ApiCredentials("key-id-123", "c2VjcmV0", "pass-phrase-456");
    assertThat(creds.toString()).doesNotContain("key-id-123", "c2VjcmV0", "pass-phrase-456");
    var signer = new L2HeaderSigner("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", creds);
    assertThat(signer.toString()).doesNotContain("c2VjcmV0", "pass-phrase-456");
    PolymarketWallet wallet =
        PolymarketWallet.fromHex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    assertThat(wallet.toString()).doesNotContain("ac0974bec39a").contains("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
  }

  private static Map<String, String> toMap(List<Map.Entry<String, String>> entries) {
    Map<String, String> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static Map<String, String> toMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
