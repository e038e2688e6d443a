package io.github.crossarb.benchmarks;

import io.github.crossarb.kalshi.auth.KalshiCredentials;
import io.github.crossarb.kalshi.auth.KalshiSigner;
import io.github.crossarb.polymarket.auth.OrderSigner;
import io.github.crossarb.polymarket.order.Exchange;
import io.github.crossarb.polymarket.order.SignedOrder;
import io.github.crossarb.polymarket.order.UnsignedOrder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two signatures on the order path, with the clients' real signers and their test keys:
 * a Polymarket V2 order (amounts, order, EIP-712 digest, secp256k1 signature) and the Kalshi
 * request headers (RSASSA-PSS over timestamp + method + path). Orders cycle through 256
 * deterministic ones ({@link SigningOrders}), so no two consecutive operations sign the same bytes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SigningBenchmark {
  private static final int ORDERS = 256;
  /** The Kalshi API key id of kalshi-client's tests (not a real key). */
  private static final String KALSHI_KEY_ID = "a952bcbe-ec3b-4b5b-b8f9-11dae589608c";

  private OrderSigner polymarketSigner;
  private SigningOrders.Spec[] specs;
  private UnsignedOrder[] unsigned;
  private Exchange[] exchanges;
  private KalshiSigner kalshiSigner;
  private int next;

  @Setup
  public void setUp() {
    polymarketSigner = new OrderSigner(SigningOrders.wallet(), Exchange.POLYGON_CHAIN_ID);
    specs = SigningOrders.specs(ORDERS).toArray(SigningOrders.Spec[]::new);
    unsigned = new UnsignedOrder[ORDERS];
    exchanges = new Exchange[ORDERS];
    for (int i = 0; i < ORDERS; i++) {
      SignedOrder built = SigningOrders.buildAndSign(polymarketSigner, specs[i]);
      unsigned[i] = built.order();
      exchanges[i] = built.exchange();
    }
    kalshiSigner = new KalshiSigner(KalshiCredentials.fromPem(KALSHI_KEY_ID, resource("keys/test-only-kalshi-pkcs1.pem")));
  }

  static String resource(String path) {
    try (InputStream in = SigningBenchmark.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Amounts from price and size, the order record (validated), digest and signature. */
  @Benchmark
  public SignedOrder polymarketBuildAndSign() {
    return SigningOrders.buildAndSign(polymarketSigner, specs[next++ & (ORDERS - 1)]);
  }

  /** The EIP-712 digest and signature of an order already built. */
  @Benchmark
  public SignedOrder polymarketSignOnly() {
    int i = next++ & (ORDERS - 1);
    return polymarketSigner.sign(unsigned[i], exchanges[i]);
  }

  /** The three auth headers of an order submit; the timestamp moves on every call, as in use. */
  @Benchmark
  public List<Map.Entry<String, String>> kalshiSignRequest() {
    return kalshiSigner.headers(1_795_785_600_000L + next++, "POST", "/trade-api/v2/portfolio/events/orders");
  }
}
