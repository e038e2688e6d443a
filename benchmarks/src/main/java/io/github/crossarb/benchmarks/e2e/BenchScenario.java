package io.github.crossarb.benchmarks.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.crossarb.simulator.scenario.Scenario;
import io.github.crossarb.simulator.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A simulator scenario with {@code n} pairs for the benchmark: copies of the default scenario's
 * first pair (a one-cent Kalshi market and a one-cent Polymarket market) under fresh tickers,
 * condition and token ids, with fair prices spread over 0.30–0.70. The market maker's own windows
 * are off (the harness opens them) and the client's balances are large enough for any run.
 */
public final class BenchScenario {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchScenario() {}

  public static Scenario of(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("at least one pair");
    }
    ObjectNode root;
    try (InputStream in = ScenarioLoader.class.getResourceAsStream(ScenarioLoader.DEFAULT_RESOURCE)) {
      root = (ObjectNode) new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("default scenario unreadable: " + e.getMessage(), e);
    }
    JsonNode template = root.path("pairs").get(0);
    root.put("name", "bench-" + n);
    ObjectNode accounts = root.putObject("accounts");
    accounts.put("kalshiBalance", "1000000000");
    accounts.put("polymarketBalance", "1000000000");
    ObjectNode process = (ObjectNode) root.path("process");
    process.put("windowChancePermille", 0); // windows come from the harness only
    process.put("sizeJitterLots", 0);
    ArrayNode pairs = root.putArray("pairs");
    for (int i = 0; i < n; i++) {
      pairs.add(pair((ObjectNode) template.deepCopy(), i));
    }
    try {
      return ScenarioLoader.parse(JSON.writeValueAsString(root), false, "bench-" + n);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode pair(ObjectNode p, int i) {
    String id = String.format(Locale.ROOT, "bench-%05d", i);
    p.put("id", id);
    // 0.30 .. 0.70 in whole cents: the books stay well inside (0, 1) whatever the window does.
    p.put("fairYes", String.format(Locale.ROOT, "0.%02d", 30 + (i * 7) % 41));
    ObjectNode k = (ObjectNode) p.path("kalshi");
    String event = String.format(Locale.ROOT, "KXBENCH-%05d", i);
    k.put("ticker", event + "-T1");
    k.put("eventTicker", event);
    k.put("title", "Benchmark market " + i + "?");
    ObjectNode poly = (ObjectNode) p.path("polymarket");
    poly.put("conditionId", "0x" + hex("condition/" + id));
    poly.put("questionId", "0x" + hex("question/" + id));
    poly.put("slug", id);
    poly.put("question", "Benchmark market " + i + "?");
    poly.put("yesTokenId", new BigInteger(1, sha256("yes/" + id)).toString());
    poly.put("noTokenId", new BigInteger(1, sha256("no/" + id)).toString());
    return p;
  }

  private static String hex(String text) {
    return HexFormat.of().formatHex(sha256(text));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
