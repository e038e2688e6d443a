package io.github.crossarb.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The performance issue's targets against the results of a run: reads {@code jmh.json} (JMH's JSON
 * output), {@code signing.json} ({@link SigningComparison}) and, when present, {@code e2e.json} (the
 * end-to-end harness, {@code io.github.crossarb.benchmarks.e2e.EndToEnd}) from the results directory, prints
 * one line per measured row with met/missed, and writes the same table to {@code summary.md}.
 * A missed target is reported, not an error: these are benchmarks, not tests. A missing result
 * file or row is an error (exit 1): the run did not measure what it should have.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.crossarb.benchmarks.TargetSummary
 * [results-dir]} (default {@code benchmarks/target/results}).
 */
public final class TargetSummary {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "io.github.crossarb.benchmarks.";

  static final String QUICK_NOTE = "Quick (smoke) run: warm-ups too short for the JIT to finish; these numbers "
      + "check that everything runs, they are not measurements. Judge the targets on a full run.\n\n";

  private TargetSummary() {}

  /** One row: a measured value against an upper (or, for ratios, lower) bound. */
  record Row(String target, String measured, String bound, boolean met) {}

  public static void main(String[] args) throws IOException {
    boolean quick = args.length > 0 && args[0].equals("--quick");
    int rest = quick ? 1 : 0;
    Path dir = Path.of(args.length > rest ? args[rest] : "benchmarks/target/results");
    List<Row> rows;
    try {
      rows = rows(JSON.readTree(dir.resolve("jmh.json").toFile()), JSON.readTree(dir.resolve("signing.json").toFile()));
      Path e2e = dir.resolve("e2e.json");
      if (Files.isRegularFile(e2e)) {
        rows.addAll(endToEndRows(JSON.readTree(e2e.toFile())));
      }
    } catch (IOException | IllegalStateException e) {
      System.err.println("target summary: " + e.getMessage());
      System.exit(1);
      return;
    }
    String table = (quick ? QUICK_NOTE : "") + table(rows);
    System.out.print(table);
    Files.writeString(dir.resolve("summary.md"), table, StandardCharsets.UTF_8);
    long missed = rows.stream().filter(r -> !r.met()).count();
    System.out.println(missed == 0 ? "all " + rows.size() + " targets met"
        : missed + " of " + rows.size() + " targets missed (benchmarks, not tests: reported, not failed)");
  }

  static List<Row> rows(JsonNode jmh, JsonNode signing) {
    List<Row> rows = new ArrayList<>();
    upper(rows, jmh, "book update apply, Kalshi delta", "BookUpdateBenchmark.kalshiSignedDelta", Map.of(), 100);
    upper(rows, jmh, "book update apply, Polymarket level", "BookUpdateBenchmark.polymarketAbsoluteLevel", Map.of(), 100);
    for (String scenario : List.of("arb", "none")) {
      upper(rows, jmh, "edge recompute, 10 levels, " + scenario, "EdgeRecomputeBenchmark.evaluateBothDirections",
          Map.of("levels", "10", "scenario", scenario), 1_000);
    }
    upper(rows, jmh, "decode Kalshi orderbook_delta", "MessageDecodeBenchmark.kalshiOrderbookDelta", Map.of(), 2_000);
    upper(rows, jmh, "decode Polymarket price_change", "MessageDecodeBenchmark.polymarketPriceChange", Map.of(), 2_000);
    upper(rows, jmh, "Kalshi request signing", "SigningBenchmark.kalshiSignRequest", Map.of(), 1_500_000);
    if (!signing.has("ratioOfficialOverOurs")) {
      throw new IllegalStateException("signing.json has no ratioOfficialOverOurs");
    }
    double ratio = signing.get("ratioOfficialOverOurs").asDouble();
    rows.add(new Row("Polymarket sign vs official client", String.format(Locale.ROOT, "%.1f× (%.1f vs %.1f µs/order)",
        ratio, signing.path("officialMicrosPerOrder").asDouble(), signing.path("oursMicrosPerOrder").asDouble()),
        "≥ 5×", ratio >= SigningComparison.TARGET_RATIO));
    return rows;
  }

  /**
   * The end-to-end targets: tick-to-wire of the later leg (p50 ≤ 100 µs, p99 ≤ 250 µs), no
   * allocation-driven GC pause in the timed GC run (when one ran), and at the largest pair count
   * measured the update rate sustained (at least 98% of the target rate), resident memory ≤ 600 MB
   * and CPU under half a core.
   */
  static List<Row> endToEndRows(JsonNode e2e) {
    List<Row> rows = new ArrayList<>();
    JsonNode latency = required(e2e.path("tickToWire").path("laterLegMicros"), "tickToWire.laterLegMicros");
    String windows = String.format(Locale.ROOT, "%,d windows", latency.path("count").asLong());
    double p50 = latency.path("p50").asDouble() * 1_000;
    double p99 = latency.path("p99").asDouble() * 1_000;
    rows.add(new Row("tick-to-wire p50, later leg (" + windows + ")", duration(p50), "≤ 100.00 µs", p50 <= 100_000));
    rows.add(new Row("tick-to-wire p99, later leg (" + windows + ")", duration(p99), "≤ 250.00 µs", p99 <= 250_000));
    JsonNode gcRun = e2e.path("gc");
    if (!gcRun.isMissingNode()) {
      JsonNode gc = required(gcRun.path("gc"), "gc.gc");
      long driven = gc.path("allocationDriven").asLong();
      rows.add(new Row("GC pauses in a " + gcRun.path("minutes").asInt() + "-minute window run",
          String.format(Locale.ROOT, "%d allocation-driven (max %.1f ms, %d of %,d windows overlapped one)", driven,
              gc.path("maxPauseMillis").asDouble(), gcRun.path("gc").path("windowsOverlappingAPause").asLong(),
              gcRun.path("laterLegMicros").path("count").asLong()),
          "none", driven == 0));
    }
    JsonNode largest = null;
    for (JsonNode t : required(e2e.path("throughput"), "throughput")) {
      if (largest == null || t.path("subscribedPairs").asInt() > largest.path("subscribedPairs").asInt()) {
        largest = t;
      }
    }
    if (largest == null) {
      throw new IllegalStateException("e2e.json has no throughput run");
    }
    String at = String.format(Locale.ROOT, "%,d pairs at %,.0f updates/s", largest.path("subscribedPairs").asInt(),
        largest.path("targetUpdatesPerSecond").asDouble());
    double rate = largest.path("updatesPerSecond").asDouble();
    double target = largest.path("targetUpdatesPerSecond").asDouble();
    rows.add(new Row(at + ": rate sustained", String.format(Locale.ROOT, "%,.0f updates/s", rate),
        String.format(Locale.ROOT, "≥ %,.0f", target * 0.98), rate >= target * 0.98));
    double rss = largest.path("engineHwmMb").asDouble();
    rows.add(new Row(at + ": engine resident memory (peak)", String.format(Locale.ROOT, "%.0f MB", rss), "≤ 600 MB",
        rss <= 600));
    double cpu = largest.path("engineCpuCores").asDouble();
    rows.add(new Row(at + ": engine CPU", String.format(Locale.ROOT, "%.2f cores", cpu), "< 0.50 cores", cpu < 0.5));
    return rows;
  }

  private static JsonNode required(JsonNode node, String what) {
    if (node.isMissingNode() || node.isNull()) {
      throw new IllegalStateException("e2e.json has no " + what);
    }
    return node;
  }

  private static void upper(List<Row> rows, JsonNode jmh, String target, String benchmark, Map<String, String> params,
      double boundNanos) {
    JsonNode result = find(jmh, PREFIX + benchmark, params);
    JsonNode metric = result.get("primaryMetric");
    double nanos = metric.get("score").asDouble() * nanosPer(metric.get("scoreUnit").asText());
    rows.add(new Row(target, duration(nanos), "≤ " + duration(boundNanos), nanos <= boundNanos));
  }

  private static JsonNode find(JsonNode jmh, String benchmark, Map<String, String> params) {
    for (JsonNode result : jmh) {
      if (!result.path("benchmark").asText().equals(benchmark)) {
        continue;
      }
      boolean matches = true;
      for (Map.Entry<String, String> p : params.entrySet()) {
        matches &= p.getValue().equals(result.path("params").path(p.getKey()).asText());
      }
      if (matches) {
        return result;
      }
    }
    throw new IllegalStateException("jmh.json has no result for " + benchmark + (params.isEmpty() ? "" : " " + params));
  }

  private static double nanosPer(String unit) {
    switch (unit) {
      case "ns/op":
        return 1;
      case "us/op":
        return 1_000;
      case "ms/op":
        return 1_000_000;
      case "s/op":
        return 1_000_000_000;
      default:
        throw new IllegalStateException("unexpected JMH unit " + unit + " (the suite measures average time)");
    }
  }

  static String duration(double nanos) {
    if (nanos < 1_000) {
      return String.format(Locale.ROOT, "%.1f ns", nanos);
    }
    if (nanos < 1_000_000) {
      return String.format(Locale.ROOT, "%.2f µs", nanos / 1_000);
    }
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1_000_000);
  }

  static String table(List<Row> rows) {
    StringBuilder b = new StringBuilder();
    b.append("| Target | Measured | Goal | |\n| --- | --- | --- | --- |\n");
    for (Row r : rows) {
      b.append("| ").append(r.target()).append(" | ").append(r.measured()).append(" | ").append(r.bound())
          .append(" | ").append(r.met() ? "met" : "MISSED").append(" |\n");
    }
    return b.toString();
  }
}
