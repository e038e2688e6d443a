package io.github.crossarb.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The daemon of this data directory: {@code control.json} ({@code {"pid", "port", "startedAt",
 * "version":1}}) and {@code control.token} name its loopback control endpoint, which answers
 * {@code GET /v1/health} with {@code {"status":"ok","pid","mode"}} to the bearer token. No file:
 * not running (fine). A file nobody answers at: stale.
 */
public final class DaemonCheck implements DoctorCheck {
  static final String NAME = "daemon";
  public static final String CONTROL_FILE = "control.json";
  public static final String TOKEN_FILE = "control.token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dataDir;

  public DaemonCheck(Configuration config) {
    this(config.require(Settings.ARB_DATA_DIR));
  }

  DaemonCheck(Path dataDir) {
    this.dataDir = dataDir;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run() throws InterruptedException {
    Path control = dataDir.resolve(CONTROL_FILE);
    JsonNode node;
    try {
      node = JSON.readTree(Files.readString(control, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return CheckResult.ok(NAME, "not running (no " + control + ")");
    } catch (IOException e) {
      return CheckResult.warn(NAME, control + " is unreadable: " + Checks.describe(e),
          "remove it if no daemon runs ('controller daemon' writes it again)");
    }
    long pid = node == null ? -1 : node.path("pid").asLong(-1);
    int port = node == null ? -1 : node.path("port").asInt(-1);
    if (pid <= 0 || port <= 0 || port > 65535) {
      return CheckResult.warn(NAME, control + " has no valid pid and port",
          "remove it if no daemon runs, or restart the daemon ('controller stop', then 'controller daemon')");
    }
    String token;
    try {
      token = Files.readString(dataDir.resolve(TOKEN_FILE), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return CheckResult.warn(NAME, "pid " + pid + " on port " + port + ", but " + dataDir.resolve(TOKEN_FILE)
          + " is unreadable (" + e.getClass().getSimpleName() + ")", "restart the daemon: it writes a new token");
    }
    String stale = "stale " + CONTROL_FILE + " (pid " + pid + " not answering on 127.0.0.1:" + port + ")";
    String staleHint = "remove " + control + " or start the daemon ('controller daemon')";
    HttpResponse<String> response;
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/health"))
          .timeout(Checks.HTTP_TIMEOUT).header("Authorization", "Bearer " + token).GET().build();
      response = Checks.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return CheckResult.warn(NAME, stale, staleHint);
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      return CheckResult.warn(NAME, "something on 127.0.0.1:" + port + " refused " + TOKEN_FILE + " (HTTP "
          + response.statusCode() + ")", "restart the daemon ('controller stop', then 'controller daemon'),"
          + " or remove a " + CONTROL_FILE + " left by another one");
    }
    JsonNode health;
    try {
      health = JSON.readTree(response.body());
    } catch (IOException e) {
      health = null;
    }
    if (response.statusCode() != 200 || health == null || !"ok".equals(health.path("status").asText())) {
      return CheckResult.warn(NAME, "127.0.0.1:" + port + " answered HTTP " + response.statusCode()
          + " but not a healthy daemon", staleHint);
    }
    long answeringPid = health.path("pid").asLong(pid);
    if (answeringPid != pid) {
      return CheckResult.warn(NAME, "a daemon with pid " + answeringPid + " answers, but " + CONTROL_FILE
          + " names pid " + pid, "restart the daemon so the control file is rewritten");
    }
    return CheckResult.ok(NAME, "running, pid " + pid + ", mode " + health.path("mode").asText("?")
        + ", control on 127.0.0.1:" + port);
  }
}
