package io.github.crossarb.benchmarks.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.crossarb.simulator.scenario.PairSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The end-to-end benchmark: the venue simulator in this JVM, the engine as its own process (the
 * shaded cli jar, {@code daemon --mode live --approval auto}) against it over loopback.
 *
 * <ol>
 *   <li>Tick-to-wire: arbitrage windows one after another (see {@link Windows}); per window the
 *       time from the opening book frame's write to each leg's order request arriving, and the
 *       later of the two.</li>
 *   <li>Throughput: for each pair count, book updates at {@code --rate} per second that open no
 *       window, for a measured period; the engine process's CPU ({@code /proc/<pid>/stat}) and
 *       memory ({@code /proc/<pid>/status}), and probe windows opened during the load.</li>
 *   <li>GC: the engine logs GC to a file; pauses are counted per phase and lined up with the
 *       windows ({@code --gc-minutes N} adds a window loop of N minutes).</li>
 * </ol>
 *
 * <p>Timestamps on both sides are {@link System#nanoTime()}: on Linux, {@code CLOCK_MONOTONIC},
 * one clock for all processes of the machine (checked at start against the engine JVM's GC log,
 * whose {@code timenanos} decoration is that JVM's {@code System.nanoTime()}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.crossarb.benchmarks.e2e.EndToEnd [--quick]
 *     [--windows N] [--pairs 100,1000,5000] [--rate R] [--gc-minutes N] [--max-rate] [--out DIR]
 *     [--jar cli/target/crossarb.jar] [--engine-heap 400m|jvm] [--engine-jvm "-XX:... ..."]
 * </pre>
 *
 * <p>The engine runs with production's heap by default: {@code fly.toml} gives it
 * {@code -XX:MaxRAMPercentage=40 -XX:+ExitOnOutOfMemoryError} on a 1 GB VM, about 400 MB of heap,
 * so {@code -Xmx400m -XX:+ExitOnOutOfMemoryError} ({@code --engine-heap SIZE} sets another
 * {@code -Xmx}, {@code --engine-heap jvm} leaves the heap to the JVM's defaults; flags in
 * {@code --engine-jvm} come after and win).
 */
public final class EndToEnd {
  private static final PrintStream OUT = System.out;

  /** Production's heap (fly.toml: MaxRAMPercentage=40 of a 1 GB VM), unless {@code --engine-heap} says otherwise. */
  static final String PRODUCTION_HEAP = "400m";

  record Options(boolean quick, int windows, List<Integer> pairs, double rate, int gcMinutes, boolean maxRate,
      Path out, Path jar, List<String> engineJvm, int warmupSeconds, int measureSeconds, int warmupWindows) {}

  private EndToEnd() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("e2e: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      Map<String, Object> results = run(options);
      Files.createDirectories(options.out());
      Path file = options.out().resolve("e2e.json");
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), results);
      OUT.println("results: " + file);
      System.exit(0);
    } catch (Exception e) {
      // One line; the engine's own output is in e2e-work/engine.out under the results directory.
      System.err.println("e2e: failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
          + (e.getCause() == null || e.getCause() == e ? "" : " (" + e.getCause() + ")"));
      System.exit(1);
    }
  }

  static Options parse(String[] args) {
    boolean quick = false;
    Integer windows = null;
    List<Integer> pairs = List.of(100, 1000, 5000);
    double rate = 5000;
    int gcMinutes = 0;
    boolean maxRate = false;
    Path out = Path.of("target", "results");
    Path jar = null;
    List<String> jvm = List.of();
    String heap = PRODUCTION_HEAP;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick" -> quick = true;
        case "--max-rate" -> maxRate = true;
        case "--windows" -> windows = positive(a, value(args, ++i, a));
        case "--pairs" -> {
          List<Integer> list = new ArrayList<>();
          for (String s : value(args, ++i, a).split(",")) {
            list.add(positive(a, s.strip()));
          }
          pairs = List.copyOf(list);
        }
        case "--rate" -> rate = positive(a, value(args, ++i, a));
        case "--gc-minutes" -> gcMinutes = positive(a, value(args, ++i, a));
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--jar" -> jar = Path.of(value(args, ++i, a));
        case "--engine-jvm" -> jvm = List.of(value(args, ++i, a).trim().split("\\s+"));
        case "--engine-heap" -> {
          heap = value(args, ++i, a).strip();
          if (!heap.equals("jvm") && !heap.matches("[0-9]+[kKmMgG]?")) {
            throw new IllegalArgumentException("--engine-heap must be a size for -Xmx (e.g. 400m) or 'jvm', was '"
                + heap + "'");
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + a + " (see the class javadoc or"
            + " BENCHMARKS.md)");
      }
    }
    if (jar == null) {
      jar = findJar();
    }
    List<String> engineJvm = new ArrayList<>();
    if (!heap.equals("jvm")) {
      engineJvm.add("-Xmx" + heap);
      engineJvm.add("-XX:+ExitOnOutOfMemoryError");
    }
    if (!(jvm.size() == 1 && jvm.get(0).isEmpty())) {
      engineJvm.addAll(jvm);
    }
    return new Options(quick, windows != null ? windows : quick ? 200 : 10_000, pairs, rate, gcMinutes, maxRate,
        out.toAbsolutePath(), jar.toAbsolutePath(), List.copyOf(engineJvm),
        quick ? 2 : 10, quick ? 6 : 30, quick ? 100 : 1000);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int positive(String option, String text) {
    try {
      int v = Integer.parseInt(text);
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(option + " must be a positive whole number, was '" + text + "'");
  }

  /** {@code cli/target/crossarb.jar} in this directory or a parent (run from the checkout or benchmarks/). */
  private static Path findJar() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path jar = d.resolve("cli/target/crossarb.jar");
      if (Files.isRegularFile(jar)) {
        return jar;
      }
    }
    throw new IllegalArgumentException("cli/target/crossarb.jar not found from " + dir + "; build it (./mvnw -q"
        + " -pl cli -am -DskipTests package) or pass --jar");
  }

  // ------------------------------------------------------------------------------------ run

  static Map<String, Object> run(Options o) throws Exception {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("time", Instant.now().toString());
    results.put("quick", o.quick());
    results.put("machine", machine());
    results.put("engineJvmFlags", o.engineJvm());
    results.put("engineSettings", new java.util.TreeMap<>(Rig.ENGINE_SETTINGS));
    List<Map<String, Object>> throughput = new ArrayList<>();
    Path work = o.out().resolve("e2e-work");
    List<Integer> sizes = new ArrayList<>(o.pairs());
    for (int s = 0; s < sizes.size(); s++) {
      int n = sizes.get(s);
      OUT.printf(Locale.ROOT, "%n== %d pairs: starting the simulator, approving the pairs, starting the engine%n", n);
      try (Rig rig = Rig.start(n, work, o.jar(), o.engineJvm(), Duration.ofMinutes(5))) {
        ProcStats.Memory idle = ProcStats.memory(rig.engine.pid());
        OUT.printf(Locale.ROOT, "   approved in %d ms; engine trading %d ms after launch, RSS %d MB (pid %d)%n",
            rig.approveMillis, rig.engineStartMillis, idle.rssKb() / 1024, rig.engine.pid());
        if (s == 0) {
          results.put("clock", clockCheck(rig));
          results.put("tickToWire", latency(rig, o));
          if (o.gcMinutes() > 0) {
            results.put("gc", gcRun(rig, o));
          }
        }
        Map<String, Object> t = load(rig, o, o.rate());
        t.put("approveMillis", rig.approveMillis);
        t.put("engineStartMillis", rig.engineStartMillis);
        t.put("rssAfterStartMb", idle.rssKb() / 1024.0);
        if (o.maxRate() && s == sizes.size() - 1) {
          t.put("maxRate", maxRate(rig, o));
        }
        throughput.add(t);
      }
    }
    results.put("throughput", throughput);
    return results;
  }

  /**
   * The assumption the measurement rests on: {@code System.nanoTime()} in this JVM and in the
   * engine's JVM read the same clock. The engine's GC log stamps each line with its
   * {@code System.nanoTime()}; its first line must lie between this JVM's nanoTime at launch and now.
   */
  static Map<String, Object> clockCheck(Rig rig) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    long now = System.nanoTime();
    long first = -1;
    for (String line : Files.readAllLines(rig.gcLog)) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\]\\[(\\d+)ns\\]").matcher(line);
      if (m.find()) {
        first = Long.parseLong(m.group(1));
        break;
      }
    }
    long launched = now - TimeUnit.MILLISECONDS.toNanos(rig.engineStartMillis) - TimeUnit.SECONDS.toNanos(1);
    boolean same = first > 0 && first >= launched && first <= now;
    out.put("harnessNanoAtCheck", now);
    out.put("engineFirstGcLogNano", first);
    out.put("sameMonotonicClock", same);
    OUT.printf(Locale.ROOT, "   clock: engine JVM's first nanoTime %d, this JVM's now %d: %s%n", first, now,
        same ? "one monotonic clock" : "NOT COMPARABLE");
    if (!same) {
      throw new IllegalStateException("System.nanoTime() differs between the harness and the engine JVM; latencies"
          + " across processes would be meaningless on this machine");
    }
    return out;
  }

  static Map<String, Object> latency(Rig rig, Options o) throws Exception {
    List<PairSpec> pairs = rig.scenario.pairs().subList(0, Math.min(100, rig.scenario.pairs().size()));
    Windows windows = new Windows(rig, pairs);
    try {
      OUT.printf(Locale.ROOT, "   tick-to-wire: %d warm-up windows, then %d measured, over %d pairs%n",
          o.warmupWindows(), o.windows(), pairs.size());
      windows.run(o.warmupWindows(), 0, true, 20);
      long orders0 = rig.probe.orders();
      long from = System.nanoTime();
      List<Windows.Window> measured = windows.run(o.windows(), 0, true, 20);
      long to = System.nanoTime();
      Map<String, Object> r = windowReport(measured, rig, from, to);
      r.put("orderRequests", rig.probe.orders() - orders0);
      r.put("pairs", pairs.size());
      r.put("subscribedPairs", rig.pairs);
      printWindows("tick-to-wire", r);
      return r;
    } finally {
      windows.close();
    }
  }

  static Map<String, Object> gcRun(Rig rig, Options o) throws Exception {
    List<PairSpec> pairs = rig.scenario.pairs().subList(0, Math.min(100, rig.scenario.pairs().size()));
    Windows windows = new Windows(rig, pairs);
    try {
      OUT.printf(Locale.ROOT, "   GC run: windows for %d min%n", o.gcMinutes());
      long from = System.nanoTime();
      long orders0 = rig.probe.orders();
      List<Windows.Window> measured = windows.run(Integer.MAX_VALUE,
          from + TimeUnit.MINUTES.toNanos(o.gcMinutes()), true, 20);
      long to = System.nanoTime();
      Map<String, Object> r = windowReport(measured, rig, from, to);
      r.put("orderRequests", rig.probe.orders() - orders0);
      r.put("minutes", o.gcMinutes());
      printWindows("GC run", r);
      return r;
    } finally {
      windows.close();
    }
  }

  static Map<String, Object> windowReport(List<Windows.Window> ws, Rig rig, long from, long to) throws IOException {
    List<Windows.Window> seen = ws.stream().filter(Windows.Window::seen).toList();
    long[] k = seen.stream().mapToLong(Windows.Window::kalshiLeg).toArray();
    long[] p = seen.stream().mapToLong(Windows.Window::polymarketLeg).toArray();
    long[] later = seen.stream().mapToLong(Windows.Window::later).toArray();
    long[] starts = seen.stream().mapToLong(Windows.Window::send).toArray();
    long[] ends = seen.stream().mapToLong(w -> Math.max(w.kalshiArrival(), w.polymarketArrival())).toArray();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("windows", ws.size());
    r.put("windowsWithBothOrders", seen.size());
    r.put("windowsBothLegsFilled", seen.stream().filter(Windows.Window::bothFilled).count());
    r.put("windowsPolymarketNotFilled", seen.stream().filter(w -> w.polymarketFilled() == 0).count());
    r.put("windowsKalshiNotFilled", seen.stream().filter(w -> w.kalshiFilled() == 0).count());
    r.put("extraOrders", seen.stream().mapToInt(Windows.Window::extraOrders).sum());
    r.put("seconds", (to - from) / 1e9);
    r.put("laterLegMicros", micros(LatencyStats.of(later)));
    r.put("kalshiLegMicros", micros(LatencyStats.of(k)));
    r.put("polymarketLegMicros", micros(LatencyStats.of(p)));
    List<GcLog.Pause> pauses = GcLog.between(GcLog.parse(Files.readString(rig.gcLog)), from, to);
    Map<String, Object> gc = gcReport(pauses);
    gc.put("windowsOverlappingAPause", GcLog.overlapping(pauses, starts, ends));
    r.put("gc", gc);
    return r;
  }

  static Map<String, Object> gcReport(List<GcLog.Pause> pauses) {
    GcLog.Summary s = GcLog.Summary.of(pauses);
    Map<String, Object> gc = new LinkedHashMap<>();
    gc.put("pauses", s.count());
    gc.put("young", s.young());
    gc.put("full", s.full());
    gc.put("other", s.other());
    gc.put("allocationDriven", s.allocationDriven());
    gc.put("maxPauseMillis", s.maxNanos() / 1e6);
    gc.put("totalPauseMillis", s.totalNanos() / 1e6);
    List<String> lines = new ArrayList<>();
    for (GcLog.Pause pause : pauses.subList(0, Math.min(20, pauses.size()))) {
      lines.add("GC(" + pause.gcId() + ") " + pause.description() + " " + pause.durationNanos() / 1e6 + " ms");
    }
    gc.put("first", lines);
    return gc;
  }

  static Map<String, Object> micros(LatencyStats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", s.count());
    m.put("min", s.min() / 1e3);
    m.put("p50", s.p50() / 1e3);
    m.put("p99", s.p99() / 1e3);
    m.put("p999", s.p999() / 1e3);
    m.put("max", s.max() / 1e3);
    m.put("mean", s.mean() / 1e3);
    return m;
  }

  @SuppressWarnings("unchecked")
  private static void printWindows(String title, Map<String, Object> r) {
    OUT.printf(Locale.ROOT, "   %s: %s windows, %s with both orders, %s both legs filled, %s extra (hedge/unwind)"
            + " orders in the windows, %s order requests in all%n", title, r.get("windows"),
        r.get("windowsWithBothOrders"), r.get("windowsBothLegsFilled"), r.get("extraOrders"), r.get("orderRequests"));
    OUT.printf(Locale.ROOT, "   %-22s %8s %8s %8s %8s %8s%n", "(µs)", "p50", "p99", "p99.9", "max", "mean");
    for (String key : List.of("laterLegMicros", "kalshiLegMicros", "polymarketLegMicros")) {
      Map<String, Object> m = (Map<String, Object>) r.get(key);
      OUT.printf(Locale.ROOT, "   %-22s %8.1f %8.1f %8.1f %8.1f %8.1f%n", key.replace("Micros", ""), m.get("p50"),
          m.get("p99"), m.get("p999"), m.get("max"), m.get("mean"));
    }
    OUT.printf(Locale.ROOT, "   GC during it: %s%n", r.get("gc"));
  }

  // ------------------------------------------------------------------------------- throughput

  static Map<String, Object> load(Rig rig, Options o, double rate) throws Exception {
    return load(rig, rate, o.warmupSeconds(), o.measureSeconds(), true);
  }

  static Map<String, Object> load(Rig rig, double rate, int warmupSeconds, int measureSeconds, boolean print)
      throws Exception {
    List<PairSpec> all = rig.scenario.pairs();
    int probeCount = Math.max(1, Math.min(10, all.size() / 10));
    List<PairSpec> probePairs = all.subList(0, probeCount);
    List<PairSpec> loadPairs = all.size() > probeCount ? all.subList(probeCount, all.size()) : all;
    Windows probes = new Windows(rig, probePairs);
    Load load = new Load(rig, loadPairs, rate);
    Thread thread = new Thread(load, "e2e-load");
    thread.setDaemon(true);
    if (print) {
      OUT.printf(Locale.ROOT, "   load: %.0f updates/s over %d instruments, %d s warm-up, %d s measured, probe windows"
          + " on %d pairs%n", rate, load.instruments(), warmupSeconds, measureSeconds, probeCount);
    }
    List<Windows.Window> measured = new ArrayList<>();
    long from;
    long to;
    ProcStats.Cpu cpu0;
    ProcStats.Cpu cpu1;
    long sent0;
    long sent1;
    long frames0;
    long frames1;
    thread.start();
    try {
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(warmupSeconds));
      from = System.nanoTime();
      cpu0 = ProcStats.cpu(rig.engine.pid());
      sent0 = load.sent();
      frames0 = rig.probe.frames();
      long end = from + TimeUnit.SECONDS.toNanos(measureSeconds);
      while (System.nanoTime() < end) {
        measured.add(probes.run(false));
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
      to = System.nanoTime();
      cpu1 = ProcStats.cpu(rig.engine.pid());
      sent1 = load.sent();
      frames1 = rig.probe.frames();
    } finally {
      load.stop();
      thread.join(TimeUnit.SECONDS.toMillis(10));
      probes.close();
    }
    ProcStats.Memory mem = ProcStats.memory(rig.engine.pid());
    double seconds = (to - from) / 1e9;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("subscribedPairs", rig.pairs);
    r.put("targetUpdatesPerSecond", rate);
    r.put("updatesPerSecond", (sent1 - sent0) / seconds);
    r.put("framesWrittenPerSecond", (frames1 - frames0) / seconds);
    r.put("loadErrors", load.errors());
    r.put("seconds", seconds);
    r.put("engineCpuCores", ProcStats.cores(cpu0, cpu1, to - from));
    r.put("engineRssMb", mem.rssKb() / 1024.0);
    r.put("engineHwmMb", mem.hwmKb() / 1024.0);
    Map<String, Object> probe = windowReport(measured, rig, from, to);
    r.put("probeWindows", probe);
    if (print) {
      @SuppressWarnings("unchecked")
      Map<String, Object> later = (Map<String, Object>) probe.get("laterLegMicros");
      OUT.printf(Locale.ROOT, "   %d pairs: %.0f updates/s sent (%.0f frames/s written), engine CPU %.3f cores, RSS %.0f"
              + " MB (peak %.0f MB); probe windows %s/%s with both orders, later leg p50 %.1f µs, max %.1f µs;"
              + " GC %s%n", rig.pairs, r.get("updatesPerSecond"), r.get("framesWrittenPerSecond"),
          r.get("engineCpuCores"), r.get("engineRssMb"), r.get("engineHwmMb"), probe.get("windowsWithBothOrders"),
          probe.get("windows"), later.get("p50"), later.get("max"), probe.get("gc"));
    }
    return r;
  }

  /**
   * Raises the rate until the engine stops keeping up: the generator cannot deliver 95% of the
   * target, the probe windows' median goes over 1 ms, or a probe gets no orders.
   */
  static List<Map<String, Object>> maxRate(Rig rig, Options o) throws Exception {
    List<Map<String, Object>> steps = new ArrayList<>();
    for (double rate : new double[] {10_000, 20_000, 40_000, 80_000}) {
      Map<String, Object> r = load(rig, rate, 2, o.quick() ? 5 : 15, true);
      steps.add(r);
      @SuppressWarnings("unchecked")
      Map<String, Object> probe = (Map<String, Object>) r.get("probeWindows");
      @SuppressWarnings("unchecked")
      double p50 = (double) ((Map<String, Object>) probe.get("laterLegMicros")).get("p50");
      boolean kept = (double) r.get("updatesPerSecond") >= 0.95 * rate && p50 < 1000
          && probe.get("windows").equals(probe.get("windowsWithBothOrders"));
      r.put("keptUp", kept);
      if (!kept) {
        break;
      }
    }
    return steps;
  }

  private static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    try {
      m.put("cpuModel", Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?"));
    } catch (IOException e) {
      m.put("cpuModel", "?");
    }
    return m;
  }

  static String join(long[] values) {
    return Arrays.toString(values);
  }
}
