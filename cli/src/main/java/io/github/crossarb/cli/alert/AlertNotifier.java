package io.github.crossarb.cli.alert;

import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Severity;
import io.github.crossarb.core.event.EventSink;
import io.github.crossarb.link.controller.LinkEvent;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sends operator alerts to the configured webhooks. Fed by the engine's events ({@link #sink()}, which
 * returns at once and never throws), the trader link's events ({@link #linkEvent}) and the engine's
 * published snapshot, polled every second for states (kill switch, feeds, daily loss).
 *
 * <p>Everything runs on the notifier's own context, never the engine's: an event is handed over with
 * one hop, and HTTP is asynchronous, so a slow or dead webhook never delays trading. The pipeline: a
 * classifier ({@link AlertClassifier}) → the minimum severity → deduplication (the same key within
 * the window is sent once; a recovery notice goes only where its problem went) → per sink, a rate
 * limit (beyond it alerts are counted and one "N alerts suppressed" summary follows when it lifts) → a
 * bounded queue (the oldest dropped when full, counted) → one POST at a time, retried with
 * exponential backoff on timeouts, transport errors, 5xx and 429 (its Retry-After honoured), never on
 * other 4xx. A sink that fails is reported once, as an engine alert naming the sink, never its URL.
 */
public final class AlertNotifier {
  /** The kinds whose problem alerts a recovery notice may follow. */
  private static final Set<AlertKind> RECOVERABLE = EnumSet.of(AlertKind.FEED_UNTRUSTED, AlertKind.TRADER_DISCONNECTED);

  private final Vertx vertx;
  private final Context context;
  private final AlertSettings settings;
  private final DeliveryPolicy policy;
  private final AlertClassifier classifier;
  private final Supplier<EngineSnapshot> snapshots;
  private final EventSink problems;
  private final InstantSource clock;
  private final WebClient client;
  private final List<SinkState> sinks = new ArrayList<>();
  private final Map<String, Instant> lastSent = new HashMap<>();
  /** Problem keys sent and not yet recovered: a recovery notice goes only where its problem went. */
  private final Set<String> raised = new HashSet<>();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong suppressed = new AtomicLong();
  private long timer = -1;
  private boolean closed;

  /** One sink's rate window, queue and delivery state (notifier context only). */
  private final class SinkState {
    final AlertSink sink;
    final ArrayDeque<Long> sentAt = new ArrayDeque<>();
    final ArrayDeque<OperatorAlert> queue = new ArrayDeque<>();
    int suppressed;
    boolean sending;
    boolean failureReported;

    SinkState(AlertSink sink) {
      this.sink = sink;
    }
  }

  /**
   * @param snapshots the engine's published snapshot (thread-safe; may return null before the engine exists)
   * @param classifier what becomes an alert (see {@link AlertClassifier})
   * @param problems where delivery failures are reported (the engine's event fan-out)
   */
  public AlertNotifier(Vertx vertx, AlertSettings settings, DeliveryPolicy policy, AlertClassifier classifier,
      Supplier<EngineSnapshot> snapshots, EventSink problems, InstantSource clock) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.problems = Objects.requireNonNull(problems, "problems");
    this.clock = Objects.requireNonNull(clock, "clock");
    // Called from a thread outside Vert.x (the runtime's), this is a context of the notifier's own.
    this.context = vertx.getOrCreateContext();
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, policy.requestTimeout().toMillis()))
        .setFollowRedirects(false)
        .setUserAgent("crossarb-alerts"));
    for (AlertSink sink : settings.sinks()) {
      sinks.add(new SinkState(sink));
    }
  }

  /** Starts polling the snapshot. */
  public AlertNotifier start() {
    context.runOnContext(v -> {
      if (!closed) {
        timer = vertx.setPeriodic(policy.pollInterval().toMillis(), t -> tick());
      }
    });
    return this;
  }

  /** The engine's events: returns at once, never throws; only the events that may alert hop. */
  public EventSink sink() {
    return event -> {
      try {
        if (AlertClassifier.relevant(event)) {
          context.runOnContext(v -> handle(() -> classifier.onEvent(event)));
        }
      } catch (RuntimeException e) {
        // Never into the engine: an alert lost is better than an engine stopped.
      }
    };
  }

  /** A trader link event (the link's structured signal, not its text). */
  public void linkEvent(LinkEvent event) {
    try {
      context.runOnContext(v -> handle(() -> classifier.onLinkEvent(event)));
    } catch (RuntimeException e) {
      // Vert.x already closed (the process is ending): nothing to deliver with.
    }
  }

  /** Alerts delivered (2xx), dropped from a full queue, and given up after retries or a 4xx. */
  public long delivered() {
    return delivered.get();
  }

  public long dropped() {
    return dropped.get();
  }

  public long failed() {
    return failed.get();
  }

  /**
   * Counts the deliveries in {@code registry}: {@code arb_alert_deliveries_total{result}} with
   * {@code delivered}, {@code failed} (given up), {@code dropped} (queue full) and {@code suppressed}
   * (rate limit).
   */
  public AlertNotifier registerMetrics(MeterRegistry registry) {
    Map<String, AtomicLong> results = Map.of("delivered", delivered, "failed", failed, "dropped", dropped,
        "suppressed", suppressed);
    results.forEach((result, count) -> FunctionCounter.builder("arb.alert.deliveries", count, AtomicLong::get)
        .description("Alert messages per webhook outcome").tag("result", result).register(registry));
    return this;
  }

  /** Stops polling and delivering (what is queued is dropped: the process is ending). */
  public Future<Void> close() {
    Promise<Void> done = Promise.promise();
    try {
      context.runOnContext(v -> {
        closed = true;
        if (timer >= 0) {
          vertx.cancelTimer(timer);
        }
        client.close();
        done.complete();
      });
    } catch (RuntimeException e) {
      closed = true; // Vert.x is closed already, and its timers and connections with it
      done.tryComplete();
    }
    return done.future();
  }

  private interface AlertSource {
    List<OperatorAlert> alerts();
  }

  private void handle(AlertSource source) {
    if (closed) {
      return;
    }
    try {
      for (OperatorAlert alert : source.alerts()) {
        offer(alert);
      }
    } catch (RuntimeException e) {
      problems.emit(new EngineEvent.Alert(clock.instant(), Severity.WARNING, null,
          "alert classification failed: " + e.getClass().getSimpleName()));
    }
  }

  private void tick() {
    if (closed) {
      return;
    }
    EngineSnapshot snapshot;
    try {
      snapshot = snapshots.get();
    } catch (RuntimeException e) {
      snapshot = null;
    }
    if (snapshot != null) {
      EngineSnapshot s = snapshot;
      handle(() -> classifier.onSnapshot(s, clock.instant()));
    }
    Instant now = clock.instant();
    lastSent.values().removeIf(at -> !at.plus(settings.dedupWindow()).isAfter(now));
    for (SinkState s : sinks) {
      flushSummary(s);
    }
  }

  /** Filters and deduplicates an alert, then hands it to every sink's rate limit. */
  void offer(OperatorAlert alert) {
    Instant now = clock.instant();
    if (alert.resolves() != null) {
      if (!raised.remove(alert.resolves())) {
        return; // its problem was never sent (filtered, deduplicated or still in its threshold)
      }
      lastSent.remove(alert.resolves()); // the problem may alert again at once
    } else {
      if (alert.severity().compareTo(settings.minSeverity()) < 0) {
        return;
      }
      Instant last = lastSent.get(alert.dedupKey());
      if (last != null && last.plus(settings.dedupWindow()).isAfter(now)) {
        return;
      }
      lastSent.put(alert.dedupKey(), now);
      if (RECOVERABLE.contains(alert.kind())) {
        raised.add(alert.dedupKey()); // only these may be followed by a recovery: the set stays small
      }
    }
    for (SinkState s : sinks) {
      flushSummary(s);
      if (admit(s)) {
        enqueue(s, alert);
      } else {
        s.suppressed++;
        suppressed.incrementAndGet();
      }
    }
  }

  /** Whether the sink's rate window has room for one more, taking it if so. */
  private boolean admit(SinkState s) {
    long now = System.nanoTime();
    long window = policy.rateWindow().toNanos();
    while (!s.sentAt.isEmpty() && now - s.sentAt.peekFirst() >= window) {
      s.sentAt.pollFirst();
    }
    if (s.sentAt.size() >= settings.ratePerMinute()) {
      return false;
    }
    s.sentAt.addLast(now);
    return true;
  }

  /** Once the rate limit lifts, tells the sink how many alerts it did not get. */
  private void flushSummary(SinkState s) {
    if (s.suppressed > 0 && admit(s)) {
      int n = s.suppressed;
      s.suppressed = 0;
      enqueue(s, OperatorAlert.of(clock.instant(), AlertKind.SUPPRESSED, Severity.WARNING, null,
          n + " alert" + (n == 1 ? "" : "s") + " suppressed by the rate limit of " + settings.ratePerMinute()
              + " per " + describe(policy.rateWindow()) + "; see the engine's events for all of them",
          "SUPPRESSED"));
    }
  }

  private void enqueue(SinkState s, OperatorAlert alert) {
    if (s.queue.size() >= policy.queueCapacity()) {
      s.queue.pollFirst();
      dropped.incrementAndGet();
    }
    s.queue.addLast(alert);
    sendNext(s);
  }

  private void sendNext(SinkState s) {
    if (s.sending || closed) {
      return;
    }
    OperatorAlert alert = s.queue.pollFirst();
    if (alert == null) {
      return;
    }
    s.sending = true;
    AlertSink.WebhookRequest request;
    try {
      request = s.sink.format(alert);
    } catch (RuntimeException e) {
      finish(s, false, "cannot format the alert (" + e.getClass().getSimpleName() + ")");
      return;
    }
    attempt(s, request, 1);
  }

  private void attempt(SinkState s, AlertSink.WebhookRequest request, int attempt) {
    if (closed) {
      return;
    }
    HttpRequest<Buffer> http;
    try {
      http = client.postAbs(request.url().reveal()).timeout(policy.requestTimeout().toMillis());
    } catch (RuntimeException e) {
      // A URL the client cannot take (the exception would quote it): say what, not where.
      finish(s, false, "the configured URL is not usable");
      return;
    }
    request.headers().forEach(http::putHeader);
    http.sendBuffer(Buffer.buffer(request.body())).onComplete(ar -> {
      if (closed) {
        return;
      }
      if (ar.failed()) {
        retryOrFail(s, request, attempt, null, ar.cause().getClass().getSimpleName());
        return;
      }
      HttpResponse<Buffer> response = ar.result();
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        delivered.incrementAndGet();
        finish(s, true, null);
      } else if (status == 429) {
        retryOrFail(s, request, attempt, retryAfter(response), "HTTP 429");
      } else if (status >= 500) {
        retryOrFail(s, request, attempt, null, "HTTP " + status);
      } else {
        finish(s, false, "HTTP " + status + " (not retried)");
      }
    });
  }

  private void retryOrFail(SinkState s, AlertSink.WebhookRequest request, int attempt, Duration retryAfter,
      String why) {
    if (attempt >= policy.maxAttempts()) {
      finish(s, false, why + " after " + attempt + " attempts");
      return;
    }
    Duration wait = retryAfter != null ? min(retryAfter, policy.maxDelay()) : policy.backoff(attempt);
    vertx.setTimer(Math.max(1, wait.toMillis()), t -> attempt(s, request, attempt + 1));
  }

  private void finish(SinkState s, boolean ok, String failure) {
    s.sending = false;
    if (ok) {
      s.failureReported = false;
    } else {
      failed.incrementAndGet();
      if (!s.failureReported) {
        s.failureReported = true; // once, until a delivery succeeds again
        problems.emit(new EngineEvent.Alert(clock.instant(), Severity.WARNING, null,
            "alert delivery to " + s.sink.name() + " failed: " + failure));
      }
    }
    sendNext(s);
  }

  /**
   * How long a 429 asks to wait: the {@code Retry-After} header (seconds), else the body's
   * {@code retry_after} (Discord, seconds, may be fractional) or {@code parameters.retry_after}
   * (Telegram); null when none says.
   */
  static Duration retryAfter(HttpResponse<Buffer> response) {
    String header = response.getHeader("Retry-After");
    if (header != null) {
      try {
        return seconds(Double.parseDouble(header.strip()));
      } catch (NumberFormatException e) {
        // An HTTP date, or garbage: fall back to the body or the backoff.
      }
    }
    try {
      Buffer body = response.body();
      if (body != null && body.length() > 0) {
        JsonObject json = body.toJsonObject();
        Object value = json.getValue("retry_after");
        if (value == null && json.getValue("parameters") instanceof JsonObject p) {
          value = p.getValue("retry_after");
        }
        if (value instanceof Number n) {
          return seconds(n.doubleValue());
        }
      }
    } catch (RuntimeException e) {
      // Not JSON: the backoff decides.
    }
    return null;
  }

  private static Duration seconds(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      return null;
    }
    return Duration.ofMillis((long) Math.ceil(seconds * 1000));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String describe(Duration d) {
    return d.equals(Duration.ofMinutes(1)) ? "minute" : d.toMillis() + " ms";
  }
}
