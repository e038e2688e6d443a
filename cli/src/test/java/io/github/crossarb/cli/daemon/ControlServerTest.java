package io.github.crossarb.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.cli.tui.DashboardAction;
import io.github.crossarb.cli.tui.DashboardFixtures;
import io.github.crossarb.core.engine.EngineMode;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.vertx.core.Future;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The control endpoint over real loopback HTTP, in front of a fake engine that records what it is asked. */
@Timeout(60)
class ControlServerTest {
  private static final long PID = 4242;
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final FakeTarget target = new FakeTarget();
  private final String token = ControlFiles.newToken();
  private ControlServer server;
  private ControlClient client;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    server = ControlServer.start(target, token, PID);
    client = new ControlClient(server.port(), token);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A fake engine: a snapshot, link lines, events, and the actions it was asked to perform. */
  static final class FakeTarget implements ControlTarget {
    volatile EngineSnapshot snapshot = DashboardFixtures.busy();
    final LinkedBlockingQueue<DashboardAction> actions = new LinkedBlockingQueue<>();
    final CountDownLatch stopped = new CountDownLatch(1);
    final EventBuffer events = new EventBuffer(3, event -> null);
    volatile String refuse;

    @Override
    public EngineSnapshot published() {
      return snapshot;
    }

    @Override
    public Future<EngineSnapshot> snapshot() {
      return Future.succeededFuture(snapshot);
    }

    @Override
    public List<String> linkLines() {
      return List.of("link: local");
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

    @Override
    public void stop() {
      stopped.countDown();
    }
  }

  private HttpResponse<String> raw(String method, String path, String authorization, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(WAIT).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private DashboardAction nextAction() throws InterruptedException {
    return target.actions.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Test
  void healthAnswersStatusPidAndModeWithTheToken() throws Exception {
    HttpResponse<String> response = raw("GET", "/v1/health", "Bearer " + token, null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode json = ControlJson.MAPPER.readTree(response.body());
    assertThat(json.path("status").asText()).isEqualTo("ok");
    assertThat(json.path("pid").asLong()).isEqualTo(PID);
    assertThat(json.path("mode").asText()).isEqualTo("paper");
    assertThat(client.health()).isEqualTo(new ControlClient.Health("ok", PID, "paper"));
  }

  @Test
  void aMissingOrWrongTokenGets401OnEveryEndpoint() throws Exception {
    for (String path : List.of("/v1/health", "/v1/snapshot", "/v1/link", "/v1/events", "/v1/nothing")) {
      assertThat(raw("GET", path, null, null).statusCode()).as(path).isEqualTo(401);
      assertThat(raw("GET", path, "Bearer " + ControlFiles.newToken(), null).statusCode()).as(path).isEqualTo(401);
      assertThat(raw("GET", path, token, null).statusCode()).as(path + " without 'Bearer '").isEqualTo(401);
      assertThat(raw("GET", path, "Bearer " + token.substring(1), null).statusCode()).as(path).isEqualTo(401);
    }
    HttpResponse<String> kill = raw("POST", "/v1/commands/kill", "Bearer wrong", "{\"reason\":\"x\"}");
    assertThat(kill.statusCode()).isEqualTo(401);
    assertThat(kill.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(raw("POST", "/v1/commands/stop", null, "{}").statusCode()).isEqualTo(401);
    assertThat(target.actions).isEmpty();
    assertThat(target.stopped.getCount()).isEqualTo(1);
    assertThatThrownBy(() -> new ControlClient(server.port(), ControlFiles.newToken()).health())
        .isInstanceOf(ControlException.class).hasMessageContaining("refused the token")
        .satisfies(e -> assertThat(((ControlException) e).status()).isEqualTo(401));
  }

  @Test
  void theSnapshotComesBackAsTheEngineHasIt() {
    assertThat(client.snapshot()).isEqualTo(DashboardFixtures.busy());
    target.snapshot = DashboardFixtures.killed();
    assertThat(client.snapshot()).isEqualTo(DashboardFixtures.killed());
    assertThat(client.linkLines()).containsExactly("link: local");
  }

  @Test
  void eachCommandReachesTheEngine() throws Exception {
    client.perform(new DashboardAction.Pause("lunch")).get(10, TimeUnit.SECONDS);
    assertThat(nextAction()).isEqualTo(new DashboardAction.Pause("lunch"));
    client.perform(new DashboardAction.Resume()).get(10, TimeUnit.SECONDS);
    assertThat(nextAction()).isEqualTo(new DashboardAction.Resume());
    client.perform(new DashboardAction.Kill("operator (dashboard)")).get(10, TimeUnit.SECONDS);
    assertThat(nextAction()).isEqualTo(new DashboardAction.Kill("operator (dashboard)"));
    client.perform(new DashboardAction.Approve("arb-1")).get(10, TimeUnit.SECONDS);
    assertThat(nextAction()).isEqualTo(new DashboardAction.Approve("arb-1"));
    client.perform(new DashboardAction.Reject("arb-2", true)).get(10, TimeUnit.SECONDS);
    assertThat(nextAction()).isEqualTo(new DashboardAction.Reject("arb-2", true));
    client.perform(new DashboardAction.Reject("arb-3", false)).get(10, TimeUnit.SECONDS);
    assertThat(nextAction()).isEqualTo(new DashboardAction.Reject("arb-3", false));
    client.perform(new DashboardAction.SetMode(EngineMode.LIVE)).get(10, TimeUnit.SECONDS);
    assertThat(nextAction()).isEqualTo(new DashboardAction.SetMode(EngineMode.LIVE));
    HttpResponse<String> pause = raw("POST", "/v1/commands/pause", "Bearer " + token, "");
    assertThat(pause.statusCode()).isEqualTo(200);
    assertThat(ControlJson.MAPPER.readTree(pause.body()).path("command").asText()).isEqualTo("pause");
    assertThat(nextAction()).isEqualTo(new DashboardAction.Pause(ControlServer.PAUSE_REASON));
  }

  @Test
  void badCommandsAreRefusedWithoutReachingTheEngine() throws Exception {
    String auth = "Bearer " + token;
    assertThat(raw("POST", "/v1/commands/kill", auth, "{}").statusCode()).isEqualTo(400);
    assertThat(raw("POST", "/v1/commands/approve", auth, "{}").statusCode()).isEqualTo(400);
    assertThat(raw("POST", "/v1/commands/mode", auth, "{\"mode\":\"live\"}").statusCode()).as("live unconfirmed")
        .isEqualTo(400);
    assertThat(raw("POST", "/v1/commands/mode", auth, "{\"mode\":\"turbo\"}").statusCode()).isEqualTo(400);
    assertThat(raw("POST", "/v1/commands/pause", auth, "[1]").statusCode()).isEqualTo(400);
    assertThat(raw("POST", "/v1/commands/pause", auth, "{not json").statusCode()).isEqualTo(400);
    assertThat(raw("POST", "/v1/commands/launch", auth, "{}").statusCode()).isEqualTo(404);
    assertThat(raw("GET", "/v1/commands/pause", auth, null).statusCode()).isEqualTo(405);
    assertThat(raw("POST", "/v1/snapshot", auth, "{}").statusCode()).isEqualTo(405);
    assertThat(raw("GET", "/v2/health", auth, null).statusCode()).isEqualTo(404);
    assertThat(raw("GET", "/v1/events?since=x", auth, null).statusCode()).isEqualTo(400);
    assertThat(target.actions).isEmpty();
  }

  @Test
  void aRefusalByTheEngineIs409WithItsMessage() throws Exception {
    target.refuse = "no execution awaits approval under arb-9";
    HttpResponse<String> response = raw("POST", "/v1/commands/approve", "Bearer " + token, "{\"id\":\"arb-9\"}");
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(ControlJson.MAPPER.readTree(response.body()).path("error").asText())
        .isEqualTo("no execution awaits approval under arb-9");
    assertThatThrownBy(() -> client.perform(new DashboardAction.Approve("arb-9")).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ControlException.class).hasMessageContaining("no execution awaits approval under arb-9");
  }

  @Test
  void stopAnswersThenAsksTheDaemonToStop() throws Exception {
    client.stop();
    assertThat(target.stopped.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void eventsComeAfterTheNumberAsked() {
    Instant t = Instant.parse("2026-11-27T10:00:00Z");
    assertThat(client.events(0)).isEqualTo(new EventBuffer.Page(0, List.of()));
    target.events.add(t, "one");
    target.events.add(t.plusSeconds(1), "two");
    EventBuffer.Page page = client.events(0);
    assertThat(page.events()).extracting(EventBuffer.Entry::text).containsExactly("one", "two");
    assertThat(page.next()).isEqualTo(2);
    target.events.add(t.plusSeconds(2), "three");
    target.events.add(t.plusSeconds(3), "four");
    assertThat(client.events(2).events()).extracting(EventBuffer.Entry::text).containsExactly("three", "four");
    // Only three are kept: "one" is gone; asking from the start gives what is left.
    assertThat(client.events(0).events()).extracting(EventBuffer.Entry::seq).containsExactly(2L, 3L, 4L);
    assertThat(client.events(4)).isEqualTo(new EventBuffer.Page(4, List.of()));
  }
}
