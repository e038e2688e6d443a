package io.github.crossarb.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.polymarket.auth.OrderSigner;
import io.github.crossarb.polymarket.order.Exchange;
import io.github.crossarb.polymarket.order.SignedOrder;
import io.github.crossarb.polymarket.order.UnsignedOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Our Polymarket order signing against the official {@code @polymarket/clob-client-v2} on Node,
 * side by side in one run: both build and sign the same deterministic orders ({@link
 * SigningOrders}), each after a warm-up, timed over whole batches (median of several rounds). The
 * signatures must be identical order by order (secp256k1 signing is deterministic, RFC 6979): a
 * difference fails the run, since then the two would not be signing the same thing. The result,
 * with the ratio official/ours, goes to {@code <out>/signing.json}.
 *
 * <p>Usage (from the repository root): {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.crossarb.benchmarks.SigningComparison [--quick] [--orders N] [--rounds R]
 * [--node-dir benchmarks/node] [--out benchmarks/target/results]}. Needs {@code node} and
 * {@code npm} on the PATH; installs the pinned client with {@code npm ci} when
 * {@code node_modules} is missing. Nothing goes over the network except that install: the orders
 * are built and signed locally on both sides.
 */
public final class SigningComparison {
  /** The target of the performance issue: ours at least 5× faster than the official client. */
  static final double TARGET_RATIO = 5.0;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SigningComparison() {}

  record Options(int orders, int rounds, int warmupRounds, Path nodeDir, Path out) {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("signing comparison: " + e.getMessage());
      System.err.println("usage: SigningComparison [--quick] [--orders N] [--rounds R] [--node-dir DIR] [--out DIR]");
      System.exit(2);
      return;
    }
    try {
      System.exit(run(options));
    } catch (ComparisonException e) {
      System.err.println("signing comparison FAILED: " + e.getMessage());
      System.exit(1);
    }
  }

  static Options parse(String[] args) {
    int orders = 2_000;
    int rounds = 7;
    int warmup = 3;
    Path nodeDir = Path.of("benchmarks", "node");
    Path out = Path.of("benchmarks", "target", "results");
    boolean ordersSet = false;
    boolean roundsSet = false;
    boolean quick = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick":
          quick = true;
          break;
        case "--orders":
          orders = positive(value(args, ++i, "--orders"), "--orders");
          ordersSet = true;
          break;
        case "--rounds":
          rounds = positive(value(args, ++i, "--rounds"), "--rounds");
          roundsSet = true;
          break;
        case "--node-dir":
          nodeDir = Path.of(value(args, ++i, "--node-dir"));
          break;
        case "--out":
          out = Path.of(value(args, ++i, "--out"));
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (quick) {
      // Enough warm-up for the JIT to compile the signing path (about 1,500 signatures).
      orders = ordersSet ? orders : 300;
      rounds = roundsSet ? rounds : 3;
      warmup = 5;
    }
    return new Options(orders, rounds, warmup, nodeDir, out);
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }

  private static int positive(String text, String flag) {
    try {
      int n = Integer.parseInt(text);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(flag + " must be a positive integer, got " + text);
  }

  static int run(Options o) throws IOException, InterruptedException {
    List<SigningOrders.Spec> specs = SigningOrders.specs(o.orders());
    OrderSigner signer = new OrderSigner(SigningOrders.wallet(), Exchange.POLYGON_CHAIN_ID);

    System.out.printf(Locale.ROOT, "signing comparison: %d orders, %d warm-up + %d timed rounds each side%n",
        o.orders(), o.warmupRounds(), o.rounds());
    SignedOrder[] ours = new SignedOrder[specs.size()];
    for (int r = 0; r < o.warmupRounds(); r++) {
      signAll(signer, specs, ours);
    }
    double[] javaRounds = new double[o.rounds()];
    for (int r = 0; r < o.rounds(); r++) {
      long start = System.nanoTime();
      signAll(signer, specs, ours);
      javaRounds[r] = (System.nanoTime() - start) / 1_000.0 / specs.size();
    }
    double javaMedian = median(javaRounds);
    System.out.printf(Locale.ROOT, "  ours (Java):      %9.1f µs/order (median; rounds %s)%n", javaMedian, format(javaRounds));

    Files.createDirectories(o.out());
    Path input = o.out().resolve("signing-orders.json").toAbsolutePath();
    Path output = o.out().resolve("signing-node.json").toAbsolutePath();
    Files.deleteIfExists(output);
    writeInput(input, signer, specs, o);
    ensureNodeModules(o.nodeDir());
    runNode(o.nodeDir(), input, output);

    JsonNode node = JSON.readTree(output.toFile());
    double nodeMedian = node.path("medianMicrosPerOrder").asDouble(Double.NaN);
    JsonNode signatures = node.path("orders");
    if (!signatures.isArray() || signatures.size() != specs.size() || !(nodeMedian > 0)) {
      throw new ComparisonException("the Node script's output " + output + " is incomplete");
    }
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      JsonNode theirs = signatures.get(i);
      SignedOrder mine = ours[i];
      UnsignedOrder u = mine.order();
      String diff = differences(mine, u, theirs);
      if (!diff.isEmpty()) {
        mismatches.add("order " + i + " (" + specs.get(i) + "): " + diff);
      }
    }
    if (!mismatches.isEmpty()) {
      throw new ComparisonException(mismatches.size() + " of " + specs.size()
          + " orders differ from the official client's, so the two do not sign the same thing; first: "
          + String.join("; ", mismatches.subList(0, Math.min(3, mismatches.size()))));
    }
    double ratio = nodeMedian / javaMedian;
    System.out.printf(Locale.ROOT, "  official (Node):  %9.1f µs/order (median; rounds %s)%n", nodeMedian,
        format(toArray(node.path("roundsMicrosPerOrder"))));
    System.out.printf(Locale.ROOT, "  signatures identical for all %d orders; official/ours = %.1f× (target ≥ %.0f×: %s)%n",
        specs.size(), ratio, TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "MISSED");

    ObjectNode result = JSON.createObjectNode();
    result.put("orders", specs.size());
    result.put("warmupRounds", o.warmupRounds());
    result.put("rounds", o.rounds());
    result.put("oursMicrosPerOrder", round(javaMedian));
    result.set("oursRoundsMicrosPerOrder", array(javaRounds));
    result.put("officialMicrosPerOrder", round(nodeMedian));
    result.set("officialRoundsMicrosPerOrder", node.path("roundsMicrosPerOrder"));
    result.put("ratioOfficialOverOurs", round(ratio));
    result.put("targetRatio", TARGET_RATIO);
    result.put("met", ratio >= TARGET_RATIO);
    result.put("identicalSignatures", specs.size());
    result.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    result.put("node", node.path("node").asText());
    result.put("officialClient", node.path("client").asText());
    Path file = o.out().resolve("signing.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), result);
    System.out.println("  written to " + file);
    return 0;
  }

  private static void signAll(OrderSigner signer, List<SigningOrders.Spec> specs, SignedOrder[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = SigningOrders.buildAndSign(signer, specs.get(i));
    }
  }

  /** What the two orders disagree on, empty when they agree (the signature covers the rest). */
  private static String differences(SignedOrder mine, UnsignedOrder u, JsonNode theirs) {
    List<String> diff = new ArrayList<>();
    compare(diff, "makerAmount", Long.toString(u.makerAmount()), theirs.path("makerAmount").asText());
    compare(diff, "takerAmount", Long.toString(u.takerAmount()), theirs.path("takerAmount").asText());
    compare(diff, "salt", Long.toString(u.salt()), theirs.path("salt").asText());
    compare(diff, "timestamp", Long.toString(u.timestampMillis()), theirs.path("timestamp").asText());
    compare(diff, "expiration", Long.toString(u.expirationSeconds()), theirs.path("expiration").asText());
    compare(diff, "signature", mine.signature().toLowerCase(Locale.ROOT),
        theirs.path("signature").asText().toLowerCase(Locale.ROOT));
    return String.join(", ", diff);
  }

  private static void compare(List<String> diff, String field, String ours, String theirs) {
    if (!ours.equals(theirs)) {
      diff.add(field + " ours " + ours + " official " + theirs);
    }
  }

  private static void writeInput(Path file, OrderSigner signer, List<SigningOrders.Spec> specs, Options o)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("privateKey", SigningOrders.TEST_KEY);
    root.put("address", signer.address());
    root.put("chainId", Exchange.POLYGON_CHAIN_ID);
    root.put("tokenId", SigningOrders.TOKEN);
    root.put("tickSize", SigningOrders.TICK.text());
    root.put("warmupRounds", o.warmupRounds());
    root.put("rounds", o.rounds());
    ArrayNode orders = root.putArray("orders");
    for (SigningOrders.Spec s : specs) {
      ObjectNode order = orders.addObject();
      order.put("side", s.side().name());
      order.put("price", s.price().toPlainString());
      order.put("size", s.size().toPlainString());
      order.put("negRisk", s.negRisk());
      order.put("salt", Long.toString(s.salt()));
      order.put("timestamp", Long.toString(s.timestampMillis()));
      order.put("expiration", Long.toString(s.expirationSeconds()));
    }
    JSON.writeValue(file.toFile(), root);
  }

  private static void ensureNodeModules(Path nodeDir) throws IOException, InterruptedException {
    if (!Files.isRegularFile(nodeDir.resolve("package-lock.json"))) {
      throw new ComparisonException("no " + nodeDir.resolve("package-lock.json") + " (run from the repository root "
          + "or pass --node-dir)");
    }
    if (Files.isDirectory(nodeDir.resolve("node_modules").resolve("@polymarket").resolve("clob-client-v2"))) {
      return;
    }
    System.out.println("  installing the pinned official client (npm ci in " + nodeDir + ")");
    exec(nodeDir, List.of("npm", "ci", "--no-audit", "--no-fund"), 10, "npm ci");
  }

  private static void runNode(Path nodeDir, Path input, Path output) throws IOException, InterruptedException {
    exec(nodeDir, List.of("node", "sign-bench.mjs", input.toString(), output.toString()), 20, "the Node signing script");
  }

  private static void exec(Path dir, List<String> command, int timeoutMinutes, String what)
      throws IOException, InterruptedException {
    System.out.flush(); // our lines first, then the child's on the same terminal
    Process process;
    try {
      process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    } catch (IOException e) {
      throw new ComparisonException("cannot start " + command.get(0) + " (" + e.getMessage() + "): is Node.js installed?");
    }
    if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new ComparisonException(what + " did not finish in " + timeoutMinutes + " min");
    }
    if (process.exitValue() != 0) {
      throw new ComparisonException(what + " exited with " + process.exitValue());
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }

  private static ArrayNode array(double[] values) {
    ArrayNode a = JSON.createArrayNode();
    for (double v : values) {
      a.add(round(v));
    }
    return a;
  }

  private static double[] toArray(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }

  private static String format(double[] values) {
    StringBuilder b = new StringBuilder();
    for (double v : values) {
      b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", v));
    }
    return b.toString();
  }

  /** A failed comparison: one line for the operator. */
  static final class ComparisonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ComparisonException(String message) {
      super(message);
    }
  }
}
