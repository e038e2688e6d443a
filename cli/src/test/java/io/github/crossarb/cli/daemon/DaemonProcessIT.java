package io.github.crossarb.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.cli.ExitCodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./controller demo --daemon} as a real process (the in-process simulator on 127.0.0.1, the
 * engine in live mode against it): the control files appear owner-only, {@code status --json}
 * reads the daemon's snapshot, a second engine on the data directory exits 3 with one line naming
 * the daemon's pid, {@code stop} stops it gracefully (exit 0, files removed, lock released), and
 * {@code status} then reads the files.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DaemonProcessIT {
  static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path workDir;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() throws Exception {
    for (Process p : started) {
      if (p.isAlive()) {
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  static Path repoRoot() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().getParent();
  }

  private Path dataDir() {
    return workDir.resolve("data");
  }

  private Process launch(String name, String... args) throws Exception {
    Path root = repoRoot();
    assertThat(root.resolve("cli/target/crossarb.jar")).as("jar built by package").isRegularFile();
    List<String> command = new ArrayList<>(List.of(root.resolve("controller").toString(), "--data-dir",
        dataDir().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(workDir.resolve(name + ".out").toFile())
        .redirectError(workDir.resolve(name + ".err").toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("ARB_") || key.startsWith("KALSHI_") || key.startsWith("POLY_")
        || key.startsWith("TRADER_") || key.equals("JAVA_OPTS"));
    env.put("ARB_WEB_LISTEN", "127.0.0.1:0"); // never the default 8080: tests run side by side
    Process p = builder.start();
    started.add(p);
    return p;
  }

  /** Runs a one-shot command to its end; its exit code. */
  private int runToEnd(String name, String... args) throws Exception {
    Process p = launch(name, args);
    assertThat(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as(name + " finished; " + out(name)).isTrue();
    return p.exitValue();
  }

  String out(String name) throws Exception {
    return Files.readString(workDir.resolve(name + ".out"));
  }

  String err(String name) throws Exception {
    return Files.readString(workDir.resolve(name + ".err"));
  }

  private void await(String what, BooleanSupplier condition) throws Exception {
    LinkedBlockingQueue<Object> never = new LinkedBlockingQueue<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " never happened within " + WAIT + "; daemon output:\n" + out("daemon")
            + err("daemon"));
      }
      never.poll(100, TimeUnit.MILLISECONDS); // a bounded pause between checks
    }
  }

  @Test
  void daemonServesStatusRefusesASecondEngineAndStopsGracefully() throws Exception {
    Process daemon = launch("daemon", "demo", "--daemon");
    await("control.json", () -> ControlFiles.readInfo(dataDir()).isPresent());
    ControlInfo info = ControlFiles.readInfo(dataDir()).orElseThrow();
    assertThat(info.pid()).isEqualTo(daemon.pid());
    for (String name : new String[] {ControlFiles.INFO_FILE, ControlFiles.TOKEN_FILE}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir().resolve(name)))).as(name)
          .isEqualTo("rw-------");
    }

    // The contract `doctor` relies on: health with the token, 401 without.
    String token = Files.readString(dataDir().resolve(ControlFiles.TOKEN_FILE), StandardCharsets.US_ASCII);
    HttpClient http = HttpClient.newHttpClient();
    URI health = URI.create("http://127.0.0.1:" + info.port() + "/v1/health");
    HttpResponse<String> ok = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonNode body = ControlJson.MAPPER.readTree(ok.body());
    assertThat(body.path("status").asText()).isEqualTo("ok");
    assertThat(body.path("pid").asLong()).isEqualTo(daemon.pid());
    assertThat(body.path("mode").asText()).isEqualTo("live");
    assertThat(http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

    // status --json from the daemon, once the engine trades.
    await("the engine trading", () -> {
      try {
        return runToEnd("status", "status", "--json") == 0
            && ControlJson.MAPPER.readTree(out("status")).path("snapshot").path("trading").asText().equals("TRADING");
      } catch (Exception e) {
        return false;
      }
    });
    JsonNode status = ControlJson.MAPPER.readTree(out("status"));
    assertThat(status.path("engine").asText()).isEqualTo("daemon");
    assertThat(status.path("pid").asLong()).isEqualTo(daemon.pid());
    assertThat(status.path("snapshot").path("mode").asText()).isEqualTo("LIVE");
    assertThat(status.path("snapshot").path("pairs")).hasSize(5);
    assertThat(status.path("link").get(0).asText()).isEqualTo("link: local");
    assertThat(runToEnd("status-text", "status")).isZero();
    assertThat(out("status-text")).startsWith("engine: daemon pid " + daemon.pid()).contains("trading TRADING")
        .contains("kill switch: off");

    // One engine per data directory: run and demo both exit 3 with one line naming the daemon.
    String refusal = "controller: another engine is running on " + dataDir().toAbsolutePath().normalize() + " (pid "
        + daemon.pid() + "); 'controller status' shows it, 'controller stop' stops a daemon\n";
    assertThat(runToEnd("second-run", "run", "--headless")).isEqualTo(ExitCodes.CONFIG);
    assertThat(err("second-run")).isEqualTo(refusal);
    assertThat(runToEnd("second-demo", "demo", "--headless", "--duration", "5s")).isEqualTo(ExitCodes.CONFIG);
    assertThat(err("second-demo")).isEqualTo(refusal);
    assertThat(runToEnd("second-daemon", "daemon")).isEqualTo(ExitCodes.CONFIG);
    assertThat(err("second-daemon")).isEqualTo(refusal);
    assertThat(dataDir().resolve("pairs.json")).as("the refused demo cleared nothing").isRegularFile();
    assertThat(daemon.isAlive()).isTrue();

    assertThat(runToEnd("stop", "stop")).as(err("stop")).isZero();
    assertThat(out("stop")).contains("stop: the daemon stopped");
    assertThat(daemon.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(daemon.exitValue()).as(out("daemon") + err("daemon")).isZero();
    assertThat(out("daemon")).contains("daemon: stopping the engine").contains("demo summary:")
        .contains("daemon: stopped");
    assertThat(dataDir().resolve(ControlFiles.INFO_FILE)).doesNotExist();
    assertThat(dataDir().resolve(ControlFiles.TOKEN_FILE)).doesNotExist();
    assertThat(EngineLock.isHeld(dataDir())).isFalse();

    // Without a daemon: status from the files, stop has nothing to stop.
    assertThat(runToEnd("status-after", "status", "--json")).isZero();
    JsonNode files = ControlJson.MAPPER.readTree(out("status-after"));
    assertThat(files.path("engine").asText()).isEqualTo("none");
    assertThat(files.path("pairs")).hasSize(5);
    assertThat(files.path("events").size()).isPositive();
    assertThat(runToEnd("status-after-text", "status")).isZero();
    assertThat(out("status-after-text")).startsWith("no engine running on " + dataDir().toAbsolutePath().normalize());
    assertThat(runToEnd("stop-again", "stop")).isEqualTo(ExitCodes.FAILURE);
    assertThat(err("stop-again")).isEqualTo("controller: no daemon is running on "
        + dataDir().toAbsolutePath().normalize() + "\n");
  }
}
