package io.github.crossarb.cli.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.engine.EngineSettings;
import io.github.crossarb.cli.tui.DashboardAction;
import io.github.crossarb.core.engine.EngineSnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A client of a daemon's control endpoint ({@link ControlServer}) on 127.0.0.1, authenticated by
 * the token in {@code control.token}. Every call is bounded by {@link #TIMEOUT}; a failure is a
 * {@link ControlException} with one line.
 */
public final class ControlClient {
  /** How long one request may take. */
  public static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** {@code GET /v1/health}'s answer. */
  public record Health(String status, long pid, String mode) {}

  private final URI base;
  private final String token;
  private final HttpClient http;

  public ControlClient(int port, String token) {
    this.base = URI.create("http://127.0.0.1:" + port);
    this.token = Objects.requireNonNull(token, "token");
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
  }

  /** A client from the data directory's control files, or empty when either is missing. */
  public static Optional<ControlClient> fromFiles(Path dataDir) {
    Optional<ControlInfo> info = ControlFiles.readInfo(dataDir);
    Optional<String> token = ControlFiles.readToken(dataDir);
    if (info.isEmpty() || token.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ControlClient(info.get().port(), token.get()));
  }

  public Health health() {
    JsonNode json = get("/v1/health");
    return new Health(json.path("status").asText(), json.path("pid").asLong(), json.path("mode").asText());
  }

  public EngineSnapshot snapshot() {
    return read(send(request("/v1/snapshot").GET().build()), EngineSnapshot.class);
  }

  public List<String> linkLines() {
    List<String> lines = new ArrayList<>();
    get("/v1/link").path("lines").forEach(line -> lines.add(line.asText()));
    return lines;
  }

  public EventBuffer.Page events(long since) {
    return read(send(request("/v1/events?since=" + since).GET().build()), EventBuffer.Page.class);
  }

  /** Asks the daemon to stop; it answers at once and stops in the background. */
  public void stop() {
    send(post("stop", ControlJson.MAPPER.createObjectNode()));
  }

  /** Sends an operator command; completes when the engine did it, or fails with its one-line refusal. */
  public CompletableFuture<Void> perform(DashboardAction action) {
    ObjectNode body = ControlJson.MAPPER.createObjectNode();
    String name;
    if (action instanceof DashboardAction.Pause p) {
      name = "pause";
      body.put("reason", p.reason());
    } else if (action instanceof DashboardAction.Resume) {
      name = "resume";
    } else if (action instanceof DashboardAction.Kill k) {
      name = "kill";
      body.put("reason", k.reason());
    } else if (action instanceof DashboardAction.Approve a) {
      name = "approve";
      body.put("id", a.executionId());
    } else if (action instanceof DashboardAction.Reject r) {
      name = "reject";
      body.put("id", r.executionId());
      body.put("blacklist", r.blacklist());
    } else if (action instanceof DashboardAction.SetMode m) {
      name = "mode";
      body.put("mode", EngineSettings.name(m.mode()));
      body.put("confirm", "LIVE"); // the dashboard asked for LIVE typed before it sent this
    } else {
      return CompletableFuture.completedFuture(null);
    }
    return http.sendAsync(post(name, body), HttpResponse.BodyHandlers.ofString())
        .handle((response, failure) -> {
          if (failure != null) {
            throw new ControlException("the daemon did not answer: " + ControlServer.oneLine(failure), 0, failure);
          }
          check(response);
          return null;
        });
  }

  private HttpRequest post(String command, ObjectNode body) {
    try {
      return request("/v1/commands/" + command).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(ControlJson.MAPPER.writeValueAsString(body))).build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
  }

  private JsonNode get(String path) {
    return read(send(request(path).GET().build()), JsonNode.class);
  }

  private HttpResponse<String> send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ControlException("the daemon's control endpoint at " + base + " did not answer: "
          + ControlServer.oneLine(e), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlException("interrupted", 0, e);
    }
    check(response);
    return response;
  }

  private static void check(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status / 100 != 2) {
      String error;
      try {
        error = ControlJson.MAPPER.readTree(response.body()).path("error").asText("HTTP " + status);
      } catch (IOException | RuntimeException e) {
        error = "HTTP " + status;
      }
      throw new ControlException(status == 401 ? "the daemon refused the token in control.token (" + error + ")"
          : error, status, null);
    }
  }

  private static <T> T read(HttpResponse<String> response, Class<T> type) {
    try {
      return ControlJson.MAPPER.readValue(response.body(), type);
    } catch (IOException | RuntimeException e) {
      throw new ControlException("the daemon answered unreadable JSON: " + ControlServer.oneLine(e), response.statusCode(), e);
    }
  }

}
