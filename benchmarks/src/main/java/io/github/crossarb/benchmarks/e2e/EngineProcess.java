package io.github.crossarb.benchmarks.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.cli.daemon.ControlFiles;
import io.github.crossarb.cli.daemon.ControlInfo;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine as its own process: {@code java -jar cli/target/crossarb.jar daemon --mode live
 * --approval auto} on a data directory the harness prepared, pointed at the simulator by its
 * environment. Read through the daemon's control endpoint ({@code control.json}, {@code control.token}).
 * Always stopped by {@link #close()} (also from a shutdown hook): {@code destroy} (SIGTERM, the
 * daemon's graceful stop), then {@code destroyForcibly} after 20 s.
 */
public final class EngineProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path dataDir;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Thread hook;
  private URI snapshotUri;
  private String token;

  private EngineProcess(Process process, Path dataDir, Path log) {
    this.process = process;
    this.dataDir = dataDir;
    this.log = log;
    this.hook = new Thread(this::stop, "e2e-engine-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts the daemon.
   *
   * @param jar the shaded cli jar
   * @param jvmFlags extra JVM flags (GC log, heap)
   * @param environment the whole environment the engine sees (simulator URLs and keys, ARB_ settings)
   */
  public static EngineProcess start(Path jar, List<String> jvmFlags, Path dataDir, Map<String, String> environment)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-jar", jar.toString(), "--data-dir", dataDir.toString(), "daemon", "--mode", "live",
        "--approval", "auto"));
    Path log = dataDir.resolve("engine.out");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(dataDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("ARB_") || k.startsWith("KALSHI_") || k.startsWith("POLY_")
        || k.startsWith("TRADER_") || k.equals("JAVA_OPTS") || k.equals("JAVA_TOOL_OPTIONS"));
    env.putAll(environment);
    return new EngineProcess(builder.start(), dataDir, log);
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** The last {@code lines} lines of the engine's output, for error messages. */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** Waits until the daemon serves snapshots and trades; fails with its output otherwise. */
  public void awaitTrading(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the engine exited with " + process.exitValue() + ":\n" + tail(40));
      }
      if (snapshotUri == null) {
        Optional<ControlInfo> info = ControlFiles.readInfo(dataDir);
        Optional<String> t = ControlFiles.readToken(dataDir);
        if (info.isPresent() && t.isPresent() && info.get().pid() == process.pid()) {
          snapshotUri = URI.create("http://127.0.0.1:" + info.get().port() + "/v1/snapshot");
          token = t.get().strip();
        }
      } else {
        JsonNode s = snapshot();
        if (s != null && "TRADING".equals(s.path("trading").asText())) {
          return;
        }
      }
      if (System.nanoTime() > deadline) {
        JsonNode s = snapshotUri == null ? null : snapshot();
        throw new IllegalStateException("the engine did not start trading within " + timeout.toSeconds() + " s"
            + (s == null ? "" : " (trading " + s.path("trading").asText() + ": " + s.path("tradingDetail").asText()
            + ")") + ":\n" + tail(40));
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
    }
  }

  /**
   * Waits until all {@code pairs} pairs are loaded (neither loading, nor "not loaded", nor
   * suspended): an engine may trade while some pairs failed to load, and a window on such a pair
   * would never be taken.
   */
  public void awaitPairsLoaded(int pairs, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no snapshot";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the engine exited with " + process.exitValue() + ":\n" + tail(40));
      }
      JsonNode s = snapshot();
      if (s != null) {
        int ready = 0;
        String problem = null;
        for (JsonNode p : s.path("pairs")) {
          String state = p.path("state").asText();
          if (state.equals("loading") || state.equals("suspended") || state.startsWith("not loaded")) {
            problem = problem == null ? p.path("pairId").asText() + ": " + state : problem;
          } else {
            ready++;
          }
        }
        if (ready >= pairs) {
          return;
        }
        last = ready + " of " + pairs + " loaded" + (problem == null ? "" : "; e.g. " + problem);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
    }
    throw new IllegalStateException("the engine did not load all pairs within " + timeout.toSeconds() + " s: " + last);
  }

  /** The daemon's snapshot, or null if it does not answer. */
  public JsonNode snapshot() throws InterruptedException {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(snapshotUri).timeout(Duration.ofSeconds(10))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Executions finished since start, or -1 if the daemon does not answer. */
  public long executions() throws InterruptedException {
    JsonNode s = snapshot();
    return s == null ? -1 : s.path("executions").asLong(-1);
  }

  private void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs (and finds the process gone)
    }
  }
}
