package io.github.crossarb.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Secret;
import io.github.crossarb.cli.daemon.ControlJson;
import io.github.crossarb.cli.metrics.EngineMetrics;
import io.github.crossarb.cli.daemon.EventBuffer;
import io.github.crossarb.cli.tui.DashboardAction;
import io.github.crossarb.cli.tui.DashboardFixtures;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.link.controller.LinkStatus;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The web server over real loopback HTTP, in front of a fake engine that records what it is asked. */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WebServerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TOKEN = "0123456789abcdef0123456789abcdef-web-token";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final FakeTarget target = new FakeTarget();
  private final HttpClient http = HttpClient.newHttpClient();
  private Vertx engineVertx;
  private WebServer server;

  @BeforeEach
  void start() throws Exception {
    engineVertx = Vertx.vertx();
    target.context = engineVertx.getOrCreateContext();
    server = WebServer.start(options(2), target, () -> "# HELP up\nup 1.0\n");
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    engineVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private WebServer.Options options(int maxStreams) {
    return new WebServer.Options("127.0.0.1", 0, Secret.of(TOKEN), clock, Duration.ofHours(1), maxStreams,
        Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofMillis(300));
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** A fake engine: a snapshot, events, a link, and the actions it was asked to perform. */
  static final class FakeTarget implements WebTarget {
    volatile EngineSnapshot snapshot = DashboardFixtures.busy();
    volatile Context context;
    volatile Future<Optional<LinkStatus>> link = Future.succeededFuture(Optional.empty());
    volatile String refuse;
    final LinkedBlockingQueue<DashboardAction> actions = new LinkedBlockingQueue<>();
    final EventBuffer events = new EventBuffer(100,
        event -> event instanceof EngineEvent.Alert a ? "ALERT " + a.message() : null);

    @Override
    public EngineSnapshot published() {
      return snapshot;
    }

    @Override
    public Future<EngineSnapshot> snapshot() {
      return Future.succeededFuture(snapshot);
    }

    @Override
    public Future<Void> ping() {
      Promise<Void> answered = Promise.promise();
      context.runOnContext(ignored -> answered.complete());
      return answered.future();
    }

    @Override
    public Future<Optional<LinkStatus>> remoteLink() {
      return link;
    }

    @Override
    public EventBuffer events() {
      return events;
    }

    @Override
    public Future<?> perform(DashboardAction action) {
      actions.add(action);
      return refuse == null ? Future.succeededFuture() : Future.failedFuture(new IllegalStateException(refuse));
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(WAIT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    return send("GET", path, null, headers);
  }

  private HttpResponse<String> bearer(String method, String path, String json) throws Exception {
    return json == null ? send(method, path, null, "Authorization", "Bearer " + TOKEN)
        : send(method, path, json, "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return ControlJson.MAPPER.readTree(response.body());
  }

  private DashboardAction nextAction() throws InterruptedException {
    return target.actions.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  // ---- /health ---------------------------------------------------------------------------

  @Test
  void healthNeedsNoTokenAndSaysOk() throws Exception {
    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("status").asText()).isEqualTo("ok");
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
  }

  @Test
  void healthIs503WhileTheEngineEventLoopIsBlockedAndOkAgainAfter() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocked = new CountDownLatch(1);
    target.context.runOnContext(ignored -> {
      blocked.countDown();
      try {
        release.await(30, TimeUnit.SECONDS); // the engine's loop is stuck
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
    try {
      HttpResponse<String> response = get("/health");
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(json(response).path("status").asText()).isEqualTo("unavailable");
      assertThat(json(response).path("detail").asText()).contains("event loop");
    } finally {
      release.countDown();
    }
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  // ---- auth ------------------------------------------------------------------------------

  @Test
  void everythingButHealthAndTheStaticFilesNeedsTheToken() throws Exception {
    for (String path : List.of("/ready", "/metrics", "/api/snapshot", "/api/stream", "/api/session", "/api/nothing")) {
      HttpResponse<String> none = get(path);
      assertThat(none.statusCode()).as(path).isEqualTo(401);
      assertThat(json(none).path("error").asText()).as(path).isNotBlank();
      assertThat(none.headers().firstValue("WWW-Authenticate")).as(path).contains("Bearer");
      assertThat(get(path, "Authorization", "Bearer " + TOKEN + "x").statusCode()).as(path).isEqualTo(401);
      assertThat(get(path, "Authorization", TOKEN).statusCode()).as(path + " without Bearer").isEqualTo(401);
      assertThat(get(path, "Authorization", "Bearer " + TOKEN.substring(0, 32)).statusCode()).as(path + " prefix")
          .isEqualTo(401);
      assertThat(get(path, "Cookie", WebServer.SESSION_COOKIE + "=" + TOKEN).statusCode()).as(path + " token as cookie")
          .isEqualTo(401);
    }
    for (String command : List.of("pause", "resume", "kill")) {
      HttpResponse<String> r = send("POST", "/api/commands/" + command, "{\"reason\":\"x\"}",
          "Content-Type", "application/json");
      assertThat(r.statusCode()).as(command).isEqualTo(401);
    }
    assertThat(target.actions).isEmpty();
  }

  @Test
  void theStaticPagesCarryTheSecurityHeaders() throws Exception {
    HttpResponse<String> index = get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(index.body()).contains("<script src=\"app.js\" defer></script>").doesNotContain("<script>")
        .doesNotContain("style=").doesNotContain("onclick");
    assertThat(index.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    assertThat(index.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(index.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    HttpResponse<String> js = get("/app.js");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    assertThat(js.body()).contains("new EventSource('/api/stream')").doesNotContain("innerHTML");
    assertThat(get("/app.css").statusCode()).isEqualTo(200);
    assertThat(get("/../pom.xml").statusCode()).isIn(400, 404);
  }

  // ---- /metrics, /api/snapshot -----------------------------------------------------------

  @Test
  void metricsServePrometheusTextWithTheToken() throws Exception {
    HttpResponse<String> response = bearer("GET", "/metrics", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(WebServer.METRICS_CONTENT_TYPE);
    assertThat(response.body()).isEqualTo("# HELP up\nup 1.0\n");
  }

  @Test
  void realEngineMetricsScrape() throws Exception {
    EngineMetrics metrics = new EngineMetrics(() -> target.snapshot, java.time.Clock.systemUTC());
    try {
      server.close();
      server = WebServer.start(options(2), target, metrics::scrape);
      HttpResponse<String> response = bearer("GET", "/metrics", null);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge").contains("process_uptime_seconds")
          .contains("# TYPE arb_kill_switch_engaged gauge");
    } finally {
      metrics.close();
    }
  }

  @Test
  void snapshotIsTheControlJsonOfTheEngineSnapshot() throws Exception {
    HttpResponse<String> response = bearer("GET", "/api/snapshot", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(response.body()).isEqualTo(ControlJson.MAPPER.writeValueAsString(target.snapshot));
    assertThat(ControlJson.MAPPER.readValue(response.body(), EngineSnapshot.class)).isEqualTo(target.snapshot);
    assertThat(json(response).path("ledger").path("totals").path("realizedPnl").isTextual())
        .as("money as exact decimal strings").isTrue();
  }

  // ---- commands --------------------------------------------------------------------------

  @Test
  void pauseResumeAndKillReachTheEngine() throws Exception {
    assertThat(bearer("POST", "/api/commands/pause", "{}").statusCode()).isEqualTo(200);
    assertThat(nextAction()).isEqualTo(new DashboardAction.Pause("operator (web)"));
    assertThat(bearer("POST", "/api/commands/pause", "{\"reason\":\"lunch\"}").statusCode()).isEqualTo(200);
    assertThat(nextAction()).isEqualTo(new DashboardAction.Pause("lunch"));
    HttpResponse<String> resume = bearer("POST", "/api/commands/resume", "");
    assertThat(resume.statusCode()).isEqualTo(200);
    assertThat(json(resume).path("command").asText()).isEqualTo("resume");
    assertThat(nextAction()).isEqualTo(new DashboardAction.Resume());
    assertThat(bearer("POST", "/api/commands/kill", "{\"reason\":\"feeds look wrong\"}").statusCode()).isEqualTo(200);
    assertThat(nextAction()).isEqualTo(new DashboardAction.Kill("feeds look wrong"));
  }

  @Test
  void badCommandsAreRefusedBeforeTheEngine() throws Exception {
    HttpResponse<String> noReason = bearer("POST", "/api/commands/kill", "{}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(json(noReason).path("error").asText()).isEqualTo("kill needs a reason");
    assertThat(bearer("POST", "/api/commands/kill", "{\"reason\":\"  \"}").statusCode()).isEqualTo(400);
    for (String readOnly : List.of("mode", "approve", "reject", "stop", "nothing")) {
      assertThat(bearer("POST", "/api/commands/" + readOnly, "{\"mode\":\"live\",\"confirm\":\"LIVE\",\"id\":\"x\"}")
          .statusCode()).as(readOnly).isEqualTo(404);
    }
    assertThat(bearer("POST", "/api/commands/pause", "not json").statusCode()).isEqualTo(400);
    assertThat(bearer("POST", "/api/commands/pause", "[1]").statusCode()).isEqualTo(400);
    assertThat(bearer("POST", "/api/commands/pause", "{\"reason\":\"" + "x".repeat(20_000) + "\"}").statusCode())
        .isEqualTo(413);
    assertThat(bearer("GET", "/api/commands/pause", null).statusCode()).isEqualTo(404);
    assertThat(target.actions).isEmpty();
  }

  @Test
  void postsMustBeJsonSoNoCrossSiteFormCanSendThem() throws Exception {
    for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x")) {
      HttpResponse<String> r = send("POST", "/api/commands/kill", "reason=csrf", "Authorization", "Bearer " + TOKEN,
          "Content-Type", type);
      assertThat(r.statusCode()).as(type).isEqualTo(415);
      assertThat(send("POST", "/api/session", "token=" + TOKEN, "Content-Type", type).statusCode()).as(type)
          .isEqualTo(415);
    }
    assertThat(send("POST", "/api/commands/kill", "{\"reason\":\"x\"}", "Authorization", "Bearer " + TOKEN)
        .statusCode()).as("no content type").isEqualTo(415);
    assertThat(target.actions).isEmpty();
  }

  @Test
  void aCommandTheEngineRefusesIs409() throws Exception {
    target.refuse = "the kill switch is engaged";

    HttpResponse<String> response = bearer("POST", "/api/commands/resume", "{}");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(json(response).path("error").asText()).isEqualTo("the kill switch is engaged");
  }

  // ---- browser sessions ------------------------------------------------------------------

  private HttpResponse<String> login(String token) throws Exception {
    return send("POST", "/api/session", ControlJson.MAPPER.writeValueAsString(java.util.Map.of("token", token)),
        "Content-Type", "application/json");
  }

  private static String sessionCookie(HttpResponse<String> login) {
    String header = login.headers().allValues("Set-Cookie").stream()
        .filter(h -> h.startsWith(WebServer.SESSION_COOKIE + "=")).findFirst().orElseThrow();
    return header.substring(0, header.indexOf(';'));
  }

  @Test
  void aLoginSetsAnHttpOnlyStrictCookieWithASessionIdNotTheToken() throws Exception {
    HttpResponse<String> wrong = login("x".repeat(40));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(wrong.body()).doesNotContain("x".repeat(40));

    HttpResponse<String> ok = login(TOKEN);
    assertThat(ok.statusCode()).isEqualTo(200);
    String header = ok.headers().allValues("Set-Cookie").get(0);
    assertThat(header).containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/").doesNotContain(TOKEN);
    String cookie = sessionCookie(ok);
    assertThat(cookie.substring(cookie.indexOf('=') + 1)).matches("[0-9a-f]{64}");

    assertThat(get("/api/snapshot", "Cookie", cookie).statusCode()).isEqualTo(200);
    assertThat(get("/api/session", "Cookie", cookie).statusCode()).isEqualTo(200);
    assertThat(send("POST", "/api/commands/pause", "{}", "Cookie", cookie, "Content-Type", "application/json")
        .statusCode()).isEqualTo(200);
    assertThat(nextAction()).isEqualTo(new DashboardAction.Pause("operator (web)"));
    assertThat(get("/metrics", "Cookie", cookie).statusCode()).isEqualTo(200);
  }

  @Test
  void logoutEndsTheSession() throws Exception {
    String cookie = sessionCookie(login(TOKEN));

    HttpResponse<String> logout = send("DELETE", "/api/session", null, "Cookie", cookie);

    assertThat(logout.statusCode()).isEqualTo(200);
    assertThat(logout.headers().allValues("Set-Cookie")).anySatisfy(h -> assertThat(h).contains("Max-Age=0"));
    assertThat(get("/api/snapshot", "Cookie", cookie).statusCode()).isEqualTo(401);
  }

  @Test
  void sessionsExpire() throws Exception {
    String cookie = sessionCookie(login(TOKEN));
    clock.now = clock.now.plus(Duration.ofMinutes(59));
    assertThat(get("/api/snapshot", "Cookie", cookie).statusCode()).isEqualTo(200);

    clock.now = clock.now.plus(Duration.ofMinutes(1));

    assertThat(get("/api/snapshot", "Cookie", cookie).statusCode()).isEqualTo(401);
    assertThat(get("/api/session", "Cookie", cookie).statusCode()).isEqualTo(401);
  }

  @Test
  void aWrongBearerIsNotRescuedByAValidCookie() throws Exception {
    String cookie = sessionCookie(login(TOKEN));

    assertThat(get("/api/snapshot", "Cookie", cookie, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
  }

  // ---- /ready ----------------------------------------------------------------------------

  @Test
  void readyListsEachConditionAnd503WhenOneFails() throws Exception {
    // busy(): Polymarket has one untrusted book.
    HttpResponse<String> notReady = bearer("GET", "/ready", null);
    assertThat(notReady.statusCode()).isEqualTo(503);
    JsonNode json = json(notReady);
    assertThat(json.path("ready").asBoolean(true)).isFalse();
    List<String> names = new ArrayList<>();
    json.path("checks").forEach(c -> names.add(c.path("name").asText() + "=" + c.path("ok").asBoolean()));
    assertThat(names).containsExactly("feeds=false", "reconciliation=true", "trader link=true", "kill switch=true");

    target.snapshot = ReadinessTest.withFeeds(target.snapshot, ReadinessTest.healthyFeeds());
    HttpResponse<String> ready = bearer("GET", "/ready", null);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(json(ready).path("ready").asBoolean()).isTrue();
  }

  @Test
  void readyIsNotReadyWhenTheLinkStatusCannotBeRead() throws Exception {
    target.snapshot = ReadinessTest.withFeeds(target.snapshot, ReadinessTest.healthyFeeds());
    target.link = Future.failedFuture(new IllegalStateException("link closed"));

    HttpResponse<String> response = bearer("GET", "/ready", null);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("no link status: link closed");
  }

  @Test
  void readyDoesNotHangOnAStuckLink() throws Exception {
    target.snapshot = ReadinessTest.withFeeds(target.snapshot, ReadinessTest.healthyFeeds());
    target.link = Promise.<Optional<LinkStatus>>promise().future(); // never answers

    HttpResponse<String> response = bearer("GET", "/ready", null);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("no link status: no answer within 600 ms");
  }

  // ---- /api/stream -----------------------------------------------------------------------

  /** A raw SSE client on a socket: the test reads its lines and closes it as a browser tab would. */
  private final class SseClient implements AutoCloseable {
    final Socket socket;
    final BufferedReader reader;
    final int status;

    SseClient(String... headers) throws Exception {
      socket = new Socket("127.0.0.1", server.port());
      socket.setSoTimeout((int) WAIT.toMillis()); // every read waits at most this long
      StringBuilder request = new StringBuilder("GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Accept: text/event-stream\r\n");
      for (int i = 0; i < headers.length; i += 2) {
        request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String statusLine = reader.readLine();
      status = Integer.parseInt(statusLine.split(" ")[1]);
      String line;
      while ((line = reader.readLine()) != null && !line.isEmpty()) {
        // headers
      }
    }

    /** The next SSE event (type and data) or comment (also added to {@code comments}), skipping chunk sizes, ids, retries. */
    String[] next(List<String> comments) throws Exception {
      String type = null;
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("event: ")) {
          type = line.substring(7);
        } else if (line.startsWith("data: ") && type != null) {
          return new String[] {type, line.substring(6)};
        } else if (line.startsWith(":")) {
          comments.add(line);
          return new String[] {"comment", line};
        }
      }
      throw new AssertionError("the stream ended");
    }

    /** The next event of {@code type}. */
    String nextOf(String type, List<String> comments) throws Exception {
      for (int i = 0; i < 500; i++) {
        String[] e = next(comments);
        if (e[0].equals(type)) {
          return e[1];
        }
      }
      throw new AssertionError("no " + type + " event in 500");
    }

    @Override
    public void close() throws Exception {
      socket.close();
    }
  }

  @Test
  void theStreamSendsTheSnapshotThenChangesEventsAndHeartbeats() throws Exception {
    List<String> comments = new ArrayList<>();
    try (SseClient client = new SseClient("Authorization", "Bearer " + TOKEN)) {
      assertThat(client.status).isEqualTo(200);
      String first = client.nextOf("snapshot", comments);
      assertThat(ControlJson.MAPPER.readValue(first, EngineSnapshot.class)).isEqualTo(DashboardFixtures.busy());

      target.snapshot = DashboardFixtures.killed();
      String changed = client.nextOf("snapshot", comments);
      assertThat(ControlJson.MAPPER.readTree(changed).path("trading").asText()).isEqualTo("KILLED");

      target.events.emit(new EngineEvent.Alert(clock.instant(), EngineEvent.Severity.WARNING, null, "feed silent"));
      JsonNode event = ControlJson.MAPPER.readTree(client.nextOf("event", comments));
      assertThat(event.path("text").asText()).isEqualTo("ALERT feed silent");
      assertThat(event.path("seq").asLong()).isEqualTo(1);

      while (comments.stream().noneMatch(c -> c.equals(": heartbeat"))) {
        client.next(comments); // unchanged snapshots are not resent: only the heartbeat comes (every 300 ms here)
      }
    }
  }

  @Test
  void aCookieSessionOpensTheStream() throws Exception {
    String cookie = sessionCookie(login(TOKEN));
    try (SseClient client = new SseClient("Cookie", cookie)) {
      assertThat(client.status).isEqualTo(200);
      assertThat(client.nextOf("snapshot", new ArrayList<>())).contains("\"trading\":\"TRADING\"");
    }
  }

  @Test
  void aClientThatGoesAwayIsForgottenAndStreamsAreCapped() throws Exception {
    LinkedBlockingQueue<Boolean> closed = new LinkedBlockingQueue<>();
    server.onStreamClosed(() -> closed.add(true));
    SseClient one = new SseClient("Authorization", "Bearer " + TOKEN);
    SseClient two = new SseClient("Authorization", "Bearer " + TOKEN);
    one.nextOf("snapshot", new ArrayList<>());
    two.nextOf("snapshot", new ArrayList<>());
    assertThat(server.openStreams()).isEqualTo(2);
    try (SseClient three = new SseClient("Authorization", "Bearer " + TOKEN)) {
      assertThat(three.status).as("over the cap of 2").isEqualTo(503);
    }

    one.close();
    assertThat(closed.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the server saw the client go").isTrue();
    assertThat(server.openStreams()).isEqualTo(1);
    try (SseClient again = new SseClient("Authorization", "Bearer " + TOKEN)) {
      assertThat(again.status).as("room again").isEqualTo(200);
    }
    assertThat(closed.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    two.close();
    assertThat(closed.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    assertThat(server.openStreams()).isZero();
  }

  // ---- start, secrets --------------------------------------------------------------------

  @Test
  void aTakenPortIsOneConfigLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      WebServer.Options busy = new WebServer.Options("127.0.0.1", taken.getLocalPort(), Secret.of(TOKEN), clock,
          Duration.ofHours(1), 2, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(1));
      assertThatThrownBy(() -> WebServer.start(busy, target, () -> ""))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("ARB_WEB_LISTEN")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception"));
    }
  }

  @Test
  void theTokenNeverShowsInToStringOrErrors() throws Exception {
    assertThat(options(2).toString()).doesNotContain(TOKEN);
    assertThat(server.toString()).doesNotContain(TOKEN).contains("127.0.0.1:" + server.port());
    assertThat(bearer("POST", "/api/commands/nothing", "{}").body()).doesNotContain(TOKEN);
    assertThat(get("/api/snapshot", "Authorization", "Bearer " + TOKEN + "x").body()).doesNotContain(TOKEN);
    assertThatThrownBy(() -> new WebServer.Options("127.0.0.1", 0, Secret.of("short-secret"), clock,
        Duration.ofHours(1), 2, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .hasMessageNotContaining("short-secret");
  }

  @Test
  void closingEndsOpenStreams() throws Exception {
    CompletableFuture<Void> gone = new CompletableFuture<>();
    server.onStreamClosed(() -> gone.complete(null));
    try (SseClient client = new SseClient("Authorization", "Bearer " + TOKEN)) {
      client.nextOf("snapshot", new ArrayList<>());
      server.close();
      server = null;
      gone.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      String line;
      do {
        line = client.reader.readLine();
      } while (line != null);
    }
  }
}
