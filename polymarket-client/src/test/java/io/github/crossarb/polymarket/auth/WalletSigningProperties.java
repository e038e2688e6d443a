package io.github.crossarb.polymarket.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * The wallet's one-step ECDSA (v from the nonce point) against web3j's sign-then-recover, the
 * implementation it replaced: byte-identical signatures for any key and digest, and the signature
 * recovers to the wallet's address. The golden vectors pin both against the official client.
 */
class WalletSigningProperties {

  @Provide
  Arbitrary<BigInteger> keys() {
    BigInteger n = Sign.CURVE_PARAMS.getN();
    return Arbitraries.bigIntegers().between(BigInteger.ONE, n.subtract(BigInteger.ONE));
  }

  @Provide
  Arbitrary<byte[]> digests() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32);
  }

  @Property(tries = 500)
  void signaturesEqualWeb3jsAndRecoverToTheAddress(@ForAll("keys") BigInteger key, @ForAll("digests") byte[] digest)
      throws Exception {
    PolymarketWallet wallet = PolymarketWallet.fromHex(String.format("%064x", key));
    String ours = wallet.signDigest(digest);

    Sign.SignatureData reference = Sign.signMessage(digest, ECKeyPair.create(key), false);
    byte[] expected = new byte[65];
    System.arraycopy(reference.getR(), 0, expected, 0, 32);
    System.arraycopy(reference.getS(), 0, expected, 32, 32);
    expected[64] = reference.getV()[0];
    assertThat(ours).isEqualTo(Hex.prefixed(expected));
    // Both recovery ids must really occur.
    Statistics.label("v").collect(expected[64]);
    Statistics.label("v").coverage(c -> {
      c.check((byte) 27).count(n -> n > 0);
      c.check((byte) 28).count(n -> n > 0);
    });

    byte[] raw = Hex.parse(ours);
    Sign.SignatureData parsed = new Sign.SignatureData(raw[64], java.util.Arrays.copyOfRange(raw, 0, 32),
        java.util.Arrays.copyOfRange(raw, 32, 64));
    String recovered = "0x" + Keys.getAddress(Sign.signedMessageHashToKey(digest, parsed));
    assertThat(recovered).isEqualToIgnoringCase(wallet.address());
  }
}
