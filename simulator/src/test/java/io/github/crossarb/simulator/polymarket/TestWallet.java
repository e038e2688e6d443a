package io.github.crossarb.simulator.polymarket;

import io.github.crossarb.simulator.polymarket.internal.PolySignatures;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** Test-only EIP-712 signer (web3j): L1 headers and V2 orders, as the official client builds them. */
final class TestWallet {
  /** Well-known Hardhat test keys: never fund them anywhere. */
  static final String KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  static final String KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
  static final String ZERO32 = "0x" + "00".repeat(32);

  final ECKeyPair keys;
  final String address;

  TestWallet(String privateKey) {
    this.keys = Credentials.create(privateKey).getEcKeyPair();
    this.address = Keys.toChecksumAddress(Keys.getAddress(keys.getPublicKey()));
  }

  String lower() {
    return address.toLowerCase(Locale.ROOT);
  }

  String sign(byte[] digest) {
    Sign.SignatureData s = Sign.signMessage(digest, keys, false);
    byte[] out = new byte[65];
    System.arraycopy(s.getR(), 0, out, 0, 32);
    System.arraycopy(s.getS(), 0, out, 32, 32);
    out[64] = s.getV()[0];
    return PolySignatures.toHex(out);
  }

  Map<String, String> l1Headers(long timestamp, long nonce) {
    byte[] digest = PolySignatures.clobAuthDigest(address, Long.toString(timestamp), BigInteger.valueOf(nonce));
    Map<String, String> h = new LinkedHashMap<>();
    h.put("POLY_ADDRESS", address);
    h.put("POLY_SIGNATURE", sign(digest));
    h.put("POLY_TIMESTAMP", Long.toString(timestamp));
    h.put("POLY_NONCE", Long.toString(nonce));
    return h;
  }

  /** What an order signs: amounts in 6-decimal units. */
  record OrderArgs(String tokenId, String side, long makerAmount, long takerAmount, String maker, int signatureType,
      long salt, long timestampMs, long expiration) {}

  /** Signs {@code a} for domain {@code version} and returns the order JSON in the SDK's key order. */
  JsonObject order(OrderArgs a, int version, boolean negRisk) {
    var o = new PolySignatures.OrderV2(BigInteger.valueOf(a.salt()), a.maker(), address,
        new BigInteger(a.tokenId()), BigInteger.valueOf(a.makerAmount()), BigInteger.valueOf(a.takerAmount()),
        "BUY".equals(a.side()) ? 0 : 1, a.signatureType(), BigInteger.valueOf(a.timestampMs()),
        PolySignatures.hex(ZERO32), PolySignatures.hex(ZERO32));
    byte[] digest = PolySignatures.orderDigest(o, Integer.toString(version),
        PolySignatures.exchangeFor(version, negRisk));
    return new JsonObject()
        .put("salt", a.salt())
        .put("maker", a.maker())
        .put("signer", address)
        .put("tokenId", a.tokenId())
        .put("makerAmount", Long.toString(a.makerAmount()))
        .put("takerAmount", Long.toString(a.takerAmount()))
        .put("side", a.side())
        .put("signatureType", a.signatureType())
        .put("timestamp", Long.toString(a.timestampMs()))
        .put("expiration", Long.toString(a.expiration()))
        .put("metadata", ZERO32)
        .put("builder", ZERO32)
        .put("signature", sign(digest));
  }

  static String orderId(JsonObject order, int version, boolean negRisk) {
    var o = new PolySignatures.OrderV2(new BigInteger(order.getValue("salt").toString()), order.getString("maker"),
        order.getString("signer"), new BigInteger(order.getString("tokenId")),
        new BigInteger(order.getString("makerAmount")), new BigInteger(order.getString("takerAmount")),
        "BUY".equals(order.getString("side")) ? 0 : 1, order.getInteger("signatureType"),
        new BigInteger(order.getString("timestamp")), PolySignatures.hex(ZERO32), PolySignatures.hex(ZERO32));
    return PolySignatures.toHex(PolySignatures.orderDigest(o, Integer.toString(version),
        PolySignatures.exchangeFor(version, negRisk)));
  }
}
