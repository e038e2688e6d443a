package io.github.crossarb.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.daemon.ControlJson;
import io.github.crossarb.cli.metrics.PrometheusText;
import io.github.crossarb.cli.web.WebDashboard;
import io.github.crossarb.core.engine.EngineSnapshot.TradingState;
import io.github.crossarb.core.event.EngineEvent;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The web server as every engine run starts it: against the simulator, with the real engine behind it. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EngineWebIT {
  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(String base, String method, String path, String token, String json)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theEngineServesTheDashboardAndTheKillSwitchWorksThroughIt() throws Exception {
    String base;
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-quiet.yaml")) {
      EngineRuntime runtime = h.startEngine();
      base = "http://" + runtime.webAddress().orElseThrow();
      Path tokenFile = dataDir.resolve(WebDashboard.TOKEN_FILE);
      String token = Files.readString(tokenFile, StandardCharsets.US_ASCII).strip();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
      EngineEvent.Alert where = h.await(EngineEvent.Alert.class, a -> a.message().startsWith("web dashboard on"));
      assertThat(where.message()).contains(base + "/").contains(tokenFile.toString()).doesNotContain(token);

      assertThat(send(base, "GET", "/health", null, null).statusCode()).isEqualTo(200);
      assertThat(send(base, "GET", "/api/snapshot", null, null).statusCode()).isEqualTo(401);
      h.awaitSnapshot(s -> s.feeds().stream().allMatch(f -> f.connected() && f.untrusted() == 0)
          && !s.feeds().isEmpty());
      JsonNode snapshot = ControlJson.MAPPER.readTree(send(base, "GET", "/api/snapshot", token, null).body());
      assertThat(snapshot.path("pairs").size()).isPositive();

      HttpResponse<String> kill = send(base, "POST", "/api/commands/kill", token, "{\"reason\":\"from the web\"}");
      assertThat(kill.statusCode()).isEqualTo(200);
      assertThat(runtime.snapshot().trading()).isEqualTo(TradingState.KILLED);
      assertThat(runtime.snapshot().kill().reason()).isEqualTo("from the web");
      HttpResponse<String> ready = send(base, "GET", "/ready", token, null);
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("\"name\":\"kill switch\",\"ok\":false");
      PrometheusText metrics = PrometheusText.parse(send(base, "GET", "/metrics", token, null).body());
      assertThat(metrics.value("arb_kill_switch_engaged")).contains(1.0);
      assertThat(metrics.value("arb_book_updates_total", "venue", "kalshi")).hasValueSatisfying(
          n -> assertThat(n).isPositive());
      assertThat(metrics.value("arb_book_updates_total", "venue", "polymarket")).hasValueSatisfying(
          n -> assertThat(n).isPositive());
      assertThat(metrics.find("jvm_threads_live_threads")).isNotEmpty();
    }
    assertThatThrownBy(() -> send(base, "GET", "/health", null, null)).as("closed with the engine")
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void offMeansNoServerAndNoTokenFile() throws Exception {
    try (EngineHarness h = EngineHarness.start(dataDir, "engine-quiet.yaml")) {
      h.set("ARB_WEB_LISTEN", "off");
      EngineRuntime runtime = h.startEngine();
      assertThat(runtime.webAddress()).isEmpty();
      assertThat(dataDir.resolve(WebDashboard.TOKEN_FILE)).doesNotExist();
    }
  }

  @Test
  void aTakenPortStopsTheEngineWithOneConfigLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        EngineHarness h = EngineHarness.start(dataDir, "engine-quiet.yaml")) {
      h.set("ARB_WEB_LISTEN", "127.0.0.1:" + taken.getLocalPort());
      assertThatThrownBy(h::startEngine).isInstanceOf(ConfigException.class)
          .hasMessageContaining("ARB_WEB_LISTEN");
    }
  }

  @Test
  void aDemoOnATakenPortExitsWithTheConfigCode() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      CliRunner.Result demo = CliRunner.controller(CliRunner.environment(dataDir,
          "ARB_WEB_LISTEN", "127.0.0.1:" + taken.getLocalPort()), "demo", "--headless", "--duration", "5s");

      assertThat(demo.exitCode()).isEqualTo(ExitCodes.CONFIG);
      assertThat(demo.errLines()).hasSize(1);
      assertThat(demo.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).contains("ARB_WEB_LISTEN")
          .doesNotContain("Exception").doesNotContain("\tat ");
    }
  }
}
