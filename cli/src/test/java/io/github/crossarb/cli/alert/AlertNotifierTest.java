package io.github.crossarb.cli.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.crossarb.cli.config.Secret;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Severity;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.venue.SubmitResult;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The notifier against a loopback webhook receiver (WireMock): formats, dedup, rate limit, retries. */
@Timeout(60)
class AlertNotifierTest {
  static final Instant T = Instant.parse("2026-11-27T09:30:00Z");
  static final String SLACK_PATH = "/services/T0/B0/SECRETPATH";
  static final String TELEGRAM_TOKEN = "123456:SECRETTOKEN_abcdefghijklmnop";

  @RegisterExtension
  static WireMockExtension hook = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private final Vertx vertx = Vertx.vertx();
  private final LinkedBlockingQueue<EngineEvent> problems = new LinkedBlockingQueue<>();
  private AlertNotifier notifier;

  @AfterEach
  void close() throws Exception {
    if (notifier != null) {
      notifier.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static DeliveryPolicy policy(Duration rateWindow) {
    return policy(rateWindow, Duration.ofSeconds(5));
  }

  /** Short backoffs; a request timeout long enough that a busy machine does not turn a slow answer into a retry. */
  static DeliveryPolicy policy(Duration rateWindow, Duration requestTimeout) {
    return new DeliveryPolicy(4, Duration.ofMillis(20), Duration.ofSeconds(3), requestTimeout, 100, rateWindow,
        Duration.ofMillis(50));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + hook.getPort() + path;
  }

  private AlertNotifier start(List<AlertSink> sinks, Severity min, int rate, DeliveryPolicy policy) {
    return start(sinks, min, rate, policy, () -> null);
  }

  private AlertNotifier start(List<AlertSink> sinks, Severity min, int rate, DeliveryPolicy policy,
      Supplier<EngineSnapshot> snapshots) {
    AlertSettings settings = new AlertSettings(sinks, min, Duration.ofMinutes(10), rate, Duration.ofSeconds(60));
    notifier = new AlertNotifier(vertx, settings, policy,
        new AlertClassifier(Money.parse("50"), Duration.ofSeconds(60)), snapshots, problems::add,
        InstantSource.system()).start();
    return notifier;
  }

  private AlertSink slack() {
    return new AlertSink.Slack(Secret.of(url(SLACK_PATH)));
  }

  private static EngineEvent suspended(String pair) {
    return new EngineEvent.PairStatusChanged(T, pair, "SUSPENDED", "Kalshi rules text changed");
  }

  private List<LoggedRequest> requests(String path) {
    return hook.findAll(postRequestedFor(urlEqualTo(path)));
  }

  /** Polls until {@code condition} holds, for at most 10 s. */
  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    LinkedBlockingQueue<Object> never = new LinkedBlockingQueue<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      never.poll(10, TimeUnit.MILLISECONDS);
    }
  }

  /** Checks, polling for {@code grace}, that {@code condition} keeps holding. */
  static void holds(BooleanSupplier condition, Duration grace, String what) throws InterruptedException {
    LinkedBlockingQueue<Object> never = new LinkedBlockingQueue<>();
    long end = System.nanoTime() + grace.toNanos();
    while (System.nanoTime() < end) {
      assertThat(condition.getAsBoolean()).as(what).isTrue();
      never.poll(20, TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void slackGetsTheTextFieldAndTheSameKeyIsSentOnceWithinTheWindow() throws Exception {
    hook.stubFor(post(SLACK_PATH).willReturn(ok("ok")));
    start(List.of(slack()), Severity.WARNING, 20, policy(Duration.ofMinutes(1)));

    notifier.sink().emit(suspended("fed"));
    notifier.sink().emit(suspended("fed"));
    notifier.sink().emit(suspended("cpi"));

    await(() -> requests(SLACK_PATH).size() == 2, "two messages");
    hook.verify(postRequestedFor(urlEqualTo(SLACK_PATH))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(
            "{\"text\":\"[CRITICAL] Pair suspended (fed): pair fed suspended: Kalshi rules text changed\"}")));
    hook.verify(postRequestedFor(urlEqualTo(SLACK_PATH)).withRequestBody(equalToJson(
        "{\"text\":\"[CRITICAL] Pair suspended (cpi): pair cpi suspended: Kalshi rules text changed\"}")));
    holds(() -> requests(SLACK_PATH).size() == 2, Duration.ofMillis(300), "the duplicate is not sent");
    assertThat(notifier.delivered()).isEqualTo(2);
  }

  @Test
  void alertsBelowTheMinimumSeverityAreNotSent() throws Exception {
    hook.stubFor(post(SLACK_PATH).willReturn(ok()));
    start(List.of(slack()), Severity.CRITICAL, 20, policy(Duration.ofMinutes(1)));

    notifier.sink().emit(new EngineEvent.OrderOutcome(T, "fed", "x1",
        new SubmitResult.Unknown(new ClientOrderId("o1"), "timeout"))); // WARNING
    notifier.sink().emit(suspended("fed")); // CRITICAL

    await(() -> requests(SLACK_PATH).size() == 1, "the critical one");
    assertThat(requests(SLACK_PATH).get(0).getBodyAsString()).contains("Pair suspended");
    holds(() -> requests(SLACK_PATH).size() == 1, Duration.ofMillis(200), "the warning is filtered");
  }

  @Test
  void discordTelegramAndNtfyFormats() throws Exception {
    hook.stubFor(post("/api/webhooks/1/SECRET").willReturn(aResponse().withStatus(204)));
    hook.stubFor(post("/bot" + TELEGRAM_TOKEN + "/sendMessage").willReturn(ok("{\"ok\":true}")));
    hook.stubFor(post("/SECRETTOPIC").willReturn(ok("{}")));
    start(List.of(new AlertSink.Discord(Secret.of(url("/api/webhooks/1/SECRET"))),
        new AlertSink.Telegram(url(""), Secret.of(TELEGRAM_TOKEN), "-1001234"),
        new AlertSink.Ntfy(Secret.of(url("/SECRETTOPIC")), Secret.of("tk_SECRET"))),
        Severity.WARNING, 20, policy(Duration.ofMinutes(1)));

    notifier.sink().emit(suspended("fed"));

    String message = "[CRITICAL] Pair suspended (fed): pair fed suspended: Kalshi rules text changed";
    await(() -> notifier.delivered() == 3, "three deliveries");
    hook.verify(postRequestedFor(urlEqualTo("/api/webhooks/1/SECRET"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"content\":\"" + message + "\"}")));
    hook.verify(postRequestedFor(urlEqualTo("/bot" + TELEGRAM_TOKEN + "/sendMessage"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"chat_id\":-1001234,\"text\":\"" + message + "\"}")));
    LoggedRequest ntfy = requests("/SECRETTOPIC").get(0);
    assertThat(ntfy.getBodyAsString()).isEqualTo("fed: pair fed suspended: Kalshi rules text changed");
    assertThat(ntfy.getHeader("Title")).isEqualTo("crossarb: Pair suspended");
    assertThat(ntfy.getHeader("Priority")).isEqualTo("urgent");
    assertThat(ntfy.getHeader("Tags")).isEqualTo("rotating_light,pair_suspended");
    assertThat(ntfy.getHeader("Authorization")).isEqualTo("Bearer tk_SECRET");
    assertThat(ntfy.getHeader("Content-Type")).isEqualToIgnoringCase("text/plain; charset=utf-8");
  }

  @Test
  void aTelegramChannelNameIsSentAsAStringAndNtfyWithoutATokenSendsNoAuthorization() {
    OperatorAlert alert = OperatorAlert.of(T, AlertKind.UNKNOWN_ORDER, Severity.WARNING, null, "order o1 unknown", "k");
    AlertSink.WebhookRequest telegram =
        new AlertSink.Telegram("http://127.0.0.1:9/", Secret.of(TELEGRAM_TOKEN), "@arbalerts").format(alert);
    assertThat(telegram.url().reveal()).isEqualTo("http://127.0.0.1:9/bot" + TELEGRAM_TOKEN + "/sendMessage");
    assertThat(telegram.body()).isEqualTo("{\"chat_id\":\"@arbalerts\",\"text\":\"[WARNING] Unknown order outcome: "
        + "order o1 unknown\"}");
    AlertSink.WebhookRequest ntfy = new AlertSink.Ntfy(Secret.of("http://127.0.0.1:9/t"), null).format(alert);
    assertThat(ntfy.headers()).doesNotContainKey("Authorization").containsEntry("Priority", "high")
        .containsEntry("Tags", "warning,unknown_order");
  }

  @Test
  void theRateLimitHoldsBackAlertsThenSendsOneSuppressedSummaryWhenItLifts() throws Exception {
    hook.stubFor(post(SLACK_PATH).willReturn(ok()));
    start(List.of(slack()), Severity.WARNING, 2, policy(Duration.ofMillis(1500)));

    for (String pair : List.of("a", "b", "c", "d", "e")) {
      notifier.sink().emit(suspended(pair));
    }

    await(() -> requests(SLACK_PATH).size() == 3, "two alerts and the summary");
    List<String> bodies = requests(SLACK_PATH).stream().map(LoggedRequest::getBodyAsString).toList();
    assertThat(bodies.get(0)).contains("(a)");
    assertThat(bodies.get(1)).contains("(b)");
    assertThat(bodies.get(2)).isEqualTo("{\"text\":\"[WARNING] Alerts suppressed: 3 alerts suppressed by the rate "
        + "limit of 2 per 1500 ms; see the engine's events for all of them\"}");
    holds(() -> requests(SLACK_PATH).size() == 3, Duration.ofMillis(300), "one summary only");
    io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    notifier.registerMetrics(registry);
    assertThat(registry.get("arb.alert.deliveries").tag("result", "suppressed").functionCounter().count()).isEqualTo(3);
    await(() -> registry.get("arb.alert.deliveries").tag("result", "delivered").functionCounter().count() == 3,
        "three delivered");
  }

  @Test
  void a500IsRetriedAndTheMessageDeliveredExactlyOnce() throws Exception {
    hook.stubFor(post(SLACK_PATH).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
    hook.stubFor(post(SLACK_PATH).inScenario("flaky").whenScenarioStateIs("up").willReturn(ok()));
    start(List.of(slack()), Severity.WARNING, 20, policy(Duration.ofMinutes(1)));

    notifier.sink().emit(suspended("fed"));

    await(() -> notifier.delivered() == 1, "delivered after a retry");
    holds(() -> requests(SLACK_PATH).size() == 2 && notifier.delivered() == 1, Duration.ofMillis(300),
        "one failed attempt and one delivery, nothing more");
    assertThat(requests(SLACK_PATH)).extracting(LoggedRequest::getBodyAsString).containsOnly(
        "{\"text\":\"[CRITICAL] Pair suspended (fed): pair fed suspended: Kalshi rules text changed\"}");
    assertThat(problems).isEmpty();
  }

  @Test
  void aTimeoutIsRetried() throws Exception {
    // Its own path: WireMock logs the slow request when it answers, which may be after this test.
    String path = "/services/slow/SECRETPATH";
    hook.stubFor(post(path).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(ok().withFixedDelay(2_000)).willSetStateTo("quick"));
    hook.stubFor(post(path).inScenario("slow").whenScenarioStateIs("quick").willReturn(ok()));
    start(List.of(new AlertSink.Slack(Secret.of(url(path)))), Severity.WARNING, 20,
        policy(Duration.ofMinutes(1), Duration.ofMillis(300)));

    notifier.sink().emit(suspended("fed"));

    await(() -> notifier.delivered() == 1, "delivered after the timeout");
    await(() -> requests(path).size() == 2, "the slow attempt and the retry");
  }

  @Test
  void a400IsNotRetriedAndTheFailureIsReportedOnceWithoutTheUrl() throws Exception {
    hook.stubFor(post(SLACK_PATH).willReturn(aResponse().withStatus(400).withBody("invalid_payload")));
    start(List.of(slack()), Severity.WARNING, 20, policy(Duration.ofMinutes(1)));

    notifier.sink().emit(suspended("fed"));
    notifier.sink().emit(suspended("cpi"));

    await(() -> notifier.failed() == 2, "both given up");
    holds(() -> requests(SLACK_PATH).size() == 2, Duration.ofMillis(300), "no retry");
    EngineEvent.Alert reported = (EngineEvent.Alert) problems.poll(5, TimeUnit.SECONDS);
    assertThat(reported).isNotNull();
    assertThat(reported.message()).isEqualTo("alert delivery to slack failed: HTTP 400 (not retried)");
    assertThat(reported.toString()).doesNotContain("SECRETPATH").doesNotContain(String.valueOf(hook.getPort()));
    assertThat(problems).as("reported once until a delivery succeeds").isEmpty();
  }

  @Test
  void exhaustedRetriesAreReportedWithoutTheTelegramToken() throws Exception {
    String path = "/bot" + TELEGRAM_TOKEN + "/sendMessage";
    hook.stubFor(post(path).willReturn(aResponse().withStatus(503)));
    start(List.of(new AlertSink.Telegram(url(""), Secret.of(TELEGRAM_TOKEN), "42")), Severity.WARNING, 20,
        policy(Duration.ofMinutes(1)));

    notifier.sink().emit(suspended("fed"));

    EngineEvent.Alert reported = (EngineEvent.Alert) problems.poll(10, TimeUnit.SECONDS);
    assertThat(reported).isNotNull();
    assertThat(reported.message()).isEqualTo("alert delivery to telegram failed: HTTP 503 after 4 attempts");
    assertThat(reported.toString()).doesNotContain("SECRETTOKEN");
    assertThat(requests(path)).hasSize(4);
  }

  @Test
  void a429RetryAfterIsHonoured() throws Exception {
    hook.stubFor(post(SLACK_PATH).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("free"));
    hook.stubFor(post(SLACK_PATH).inScenario("limited").whenScenarioStateIs("free").willReturn(ok()));
    start(List.of(slack()), Severity.WARNING, 20, policy(Duration.ofMinutes(1)));

    notifier.sink().emit(suspended("fed"));

    await(() -> notifier.delivered() == 1, "delivered after the wait");
    List<LoggedRequest> sent = requests(SLACK_PATH);
    assertThat(sent).hasSize(2);
    // The backoff alone would have retried after 20 ms: the second attempt waited for the header's second.
    long gap = sent.get(1).getLoggedDate().getTime() - sent.get(0).getLoggedDate().getTime();
    assertThat(gap).isGreaterThanOrEqualTo(900);
  }

  @Test
  void discordsRetryAfterInTheBodyIsHonoured() throws Exception {
    String path = "/api/webhooks/1/SECRET";
    hook.stubFor(post(path).inScenario("discord").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
            .withBody("{\"message\":\"You are being rate limited.\",\"retry_after\":0.8,\"global\":false}"))
        .willSetStateTo("free"));
    hook.stubFor(post(path).inScenario("discord").whenScenarioStateIs("free").willReturn(aResponse().withStatus(204)));
    start(List.of(new AlertSink.Discord(Secret.of(url(path)))), Severity.WARNING, 20, policy(Duration.ofMinutes(1)));

    notifier.sink().emit(suspended("fed"));

    await(() -> notifier.delivered() == 1, "delivered after the wait");
    List<LoggedRequest> sent = requests(path);
    long gap = sent.get(1).getLoggedDate().getTime() - sent.get(0).getLoggedDate().getTime();
    assertThat(gap).isGreaterThanOrEqualTo(700);
  }

  @Test
  void theSnapshotIsPolledForStatesAndARecoveryGoesWhereItsProblemWent() throws Exception {
    hook.stubFor(post(SLACK_PATH).willReturn(ok()));
    java.util.concurrent.atomic.AtomicReference<EngineSnapshot> snapshot = new java.util.concurrent.atomic.AtomicReference<>(
        AlertClassifierTest.snapshot(AlertClassifierTest.feeds(0, 2), Money.ZERO,
            new EngineSnapshot.KillState(true, "operator (dashboard)", T)));
    AlertSettings settings = new AlertSettings(List.of(slack()), Severity.WARNING, Duration.ofMinutes(10), 20,
        Duration.ofMillis(200));
    notifier = new AlertNotifier(vertx, settings, policy(Duration.ofMinutes(1)),
        new AlertClassifier(Money.parse("50"), Duration.ofMillis(200)), snapshot::get, problems::add,
        InstantSource.system()).start();

    await(() -> requests(SLACK_PATH).size() == 2, "the kill switch and the feed");
    List<String> bodies = requests(SLACK_PATH).stream().map(LoggedRequest::getBodyAsString).toList();
    assertThat(bodies.get(0)).isEqualTo("{\"text\":\"[CRITICAL] Kill switch: kill "
        + "switch engaged: operator (dashboard); no order is sent until a restart\"}");
    assertThat(bodies.get(1)).startsWith("{\"text\":\"[WARNING] Feed untrusted: polymarket feed untrusted (2 of 10 books)");
    holds(() -> requests(SLACK_PATH).size() == 2, Duration.ofMillis(300), "once each, however often it is polled");

    // The feed recovers: an INFO notice, sent although below the minimum, because its problem was.
    snapshot.set(AlertClassifierTest.snapshot(AlertClassifierTest.feeds(0, 0), Money.ZERO,
        new EngineSnapshot.KillState(true, "operator (dashboard)", T)));
    await(() -> requests(SLACK_PATH).size() == 3, "the recovery");
    assertThat(requests(SLACK_PATH).get(2).getBodyAsString())
        .isEqualTo("{\"text\":\"[INFO] Feed untrusted: polymarket feed recovered: 8 book(s) trusted\"}");
  }

  @Test
  void aSlowWebhookNeverHoldsTheCallerAndAFullQueueDropsItsOldest() throws Exception {
    hook.stubFor(post(SLACK_PATH).willReturn(ok().withFixedDelay(1_000)));
    start(List.of(slack()), Severity.WARNING, 20, new DeliveryPolicy(4, Duration.ofMillis(20), Duration.ofSeconds(3),
        Duration.ofSeconds(5), 2, Duration.ofMinutes(1), Duration.ofMillis(50)));

    for (String pair : List.of("a", "b", "c", "d", "e")) {
      notifier.sink().emit(suspended(pair));
    }
    // Every emit returned while the first POST was still waiting for its answer.
    assertThat(notifier.delivered()).isZero();

    await(() -> notifier.delivered() == 3, "the one in flight and the two queued");
    assertThat(notifier.dropped()).isEqualTo(2);
    holds(() -> requests(SLACK_PATH).size() == 3, Duration.ofMillis(300), "the dropped ones are not sent");
    assertThat(requests(SLACK_PATH)).extracting(r -> r.getBodyAsString().substring(0, 40))
        .containsExactly("{\"text\":\"[CRITICAL] Pair suspended (a): ", "{\"text\":\"[CRITICAL] Pair suspended (d): ",
            "{\"text\":\"[CRITICAL] Pair suspended (e): ");
  }

  @Test
  void theSinkNeverThrowsEvenOnceClosed() throws Exception {
    start(List.of(slack()), Severity.WARNING, 20, policy(Duration.ofMinutes(1)));
    notifier.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

    notifier.sink().emit(suspended("fed"));
    notifier.linkEvent(new io.github.crossarb.link.controller.LinkEvent(T,
        io.github.crossarb.link.controller.LinkEvent.Kind.DISCONNECTED, "tokyo", "gone"));
    assertThat(requests(SLACK_PATH)).isEmpty();
  }

  @Test
  void settingsAndRequestsNeverPrintTheirSecrets() {
    AlertSettings settings = new AlertSettings(List.of(slack(),
        new AlertSink.Telegram("http://127.0.0.1:9", Secret.of(TELEGRAM_TOKEN), "42"),
        new AlertSink.Ntfy(Secret.of("http://127.0.0.1:9/SECRETTOPIC"), Secret.of("tk_SECRET"))),
        Severity.WARNING, Duration.ofMinutes(10), 20, Duration.ofSeconds(60));
    assertThat(settings.toString()).isEqualTo("AlertSettings[sinks=[slack, telegram, ntfy], minSeverity=WARNING, "
        + "dedupWindow=PT10M, ratePerMinute=20, feedUntrustedAfter=PT1M]").doesNotContain("SECRET");
    for (AlertSink sink : settings.sinks()) {
      assertThat(sink.toString()).doesNotContain("SECRET");
      AlertSink.WebhookRequest request = sink.format(
          OperatorAlert.of(T, AlertKind.GEOBLOCK, Severity.CRITICAL, null, "blocked", "GEOBLOCK"));
      assertThat(request.toString()).doesNotContain("SECRET").doesNotContain("Bearer");
    }
  }
}
