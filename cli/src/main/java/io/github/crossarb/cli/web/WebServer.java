package io.github.crossarb.cli.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Secret;
import io.github.crossarb.cli.daemon.ControlJson;
import io.github.crossarb.cli.daemon.ControlServer;
import io.github.crossarb.cli.tui.DashboardAction;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The controller's web server: the dashboard (static files from the jar's {@code web/}), its JSON
 * API and live stream, {@code /health}, {@code /ready} and {@code /metrics}.
 *
 * <ul>
 *   <li>{@code GET /health} (no token): 200 {@code {"status":"ok"}} when a no-op runs on the
 *       engine's context within {@link Options#healthTimeout}, else 503
 *   <li>{@code GET /ready}: 200 or 503 with {@code {"ready",checks:[{"name","ok","detail"}]}}
 *   <li>{@code GET /metrics}: Prometheus text
 *   <li>{@code GET /api/snapshot}: the engine snapshot ({@link ControlJson})
 *   <li>{@code GET /api/stream}: Server-Sent Events, {@code snapshot} (on change, coalesced) and
 *       {@code event} ({@code {"seq","time","text"}}) events, a comment every heartbeat
 *   <li>{@code POST /api/commands/{pause,resume,kill}}: as the control endpoint's (kill needs a reason)
 *   <li>{@code POST /api/session {"token"}}: logs a browser in (an HttpOnly, SameSite=Strict cookie
 *       with a random session id); {@code GET} tells whether the session is valid; {@code DELETE}
 *       logs out
 * </ul>
 *
 * <p>Everything but {@code /health} and the static files needs {@code Authorization: Bearer TOKEN}
 * or a session cookie; POSTs must be JSON (a cross-site form cannot send that). It runs on a Vert.x
 * of its own with one event loop: the health check must keep answering (with 503) while the
 * engine's event loop is stuck, which it could not if both shared a thread.
 */
public final class WebServer implements AutoCloseable {
  static final String SESSION_COOKIE = "arb_session";
  static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private static final Set<String> WEB_COMMANDS = Set.of("pause", "resume", "kill");
  private static final String PAUSE_REASON = "operator (web)";
  private static final int MAX_BODY = 16 * 1024;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  /**
   * How the server runs.
   *
   * @param sessionTtl how long a browser login lasts
   * @param maxStreams at most this many {@code /api/stream} clients at once (more get 503)
   * @param streamInterval how often a stream looks for a new snapshot and events (coalescing)
   * @param heartbeat how often an idle stream sends a comment (proxies and browsers keep it open)
   * @param healthTimeout how long {@code /health} waits for the engine's event loop
   */
  public record Options(String host, int port, Secret token, Clock clock, Duration sessionTtl, int maxStreams,
      Duration streamInterval, Duration heartbeat, Duration healthTimeout) {
    public Options {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(clock, "clock");
      if (token.reveal().length() < 32) {
        throw new IllegalArgumentException("the web token must have at least 32 characters");
      }
    }

    /** The production defaults: 12 h sessions, 16 streams, 4 snapshots/s at most, 15 s heartbeat, 1 s health. */
    public static Options defaults(String host, int port, Secret token) {
      return new Options(host, port, token, Clock.systemUTC(), Duration.ofHours(12), 16, Duration.ofMillis(250),
          Duration.ofSeconds(15), Duration.ofSeconds(1));
    }
  }

  private final Vertx vertx;
  private final HttpServer server;
  private final Options options;
  private final WebTarget target;
  private final Supplier<String> metrics;
  private final byte[] tokenDigest;
  private final Sessions sessions;
  private final StreamHub streams;

  private WebServer(Vertx vertx, Options options, WebTarget target, Supplier<String> metrics) {
    this.vertx = vertx;
    this.options = options;
    this.target = target;
    this.metrics = metrics;
    this.tokenDigest = sha256(options.token().reveal());
    this.sessions = new Sessions(options.clock(), options.sessionTtl(), 256);
    this.streams = new StreamHub(vertx, target, options.maxStreams(), options.streamInterval(), options.heartbeat());
    this.server = vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port()));
  }

  /**
   * Starts the server; returns once it listens.
   *
   * @throws ConfigException when the address cannot be bound (one line, for exit code 3)
   */
  public static WebServer start(Options options, WebTarget target, Supplier<String> metrics) throws Exception {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(metrics, "metrics");
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    WebServer web = new WebServer(vertx, options, target, metrics);
    try {
      web.server.requestHandler(web.router()).listen().toCompletionStage().toCompletableFuture()
          .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      web.close();
      Throwable cause = e.getCause();
      String why = cause instanceof BindException || cause != null && cause.getMessage() != null
          ? ControlServer.oneLine(cause) : "unknown error";
      throw new ConfigException("the web server cannot listen on " + options.host() + ":" + options.port()
          + " (ARB_WEB_LISTEN): " + why + "; set ARB_WEB_LISTEN to a free HOST:PORT, or off");
    } catch (TimeoutException | InterruptedException e) {
      web.close();
      throw e;
    }
    return web;
  }

  /** The bound port. */
  public int port() {
    return server.actualPort();
  }

  /** {@code HOST:PORT} with the port bound. */
  public String address() {
    return options.host() + ":" + port();
  }

  /** How many {@code /api/stream} clients are connected now. */
  public int openStreams() {
    return streams.open();
  }

  /** Runs {@code listener} after each live stream is closed and forgotten. */
  void onStreamClosed(Runnable listener) {
    streams.onClose(listener);
  }

  private Router router() {
    Router router = Router.router(vertx);
    router.route().handler(this::securityHeaders);
    router.get("/health").handler(this::health);
    router.post("/api/session").handler(BodyHandler.create().setBodyLimit(MAX_BODY)).handler(this::requireJson)
        .handler(this::login);
    router.route("/api/*").handler(this::authenticate);
    router.route("/ready").handler(this::authenticate);
    router.route("/metrics").handler(this::authenticate);
    router.get("/ready").handler(this::ready);
    router.get("/metrics").handler(this::metrics);
    router.get("/api/session").handler(this::session);
    router.delete("/api/session").handler(this::logout);
    router.get("/api/snapshot").handler(this::snapshot);
    router.get("/api/stream").handler(ctx -> streams.open(ctx.request(), ctx.response()));
    router.post("/api/commands/:name").handler(BodyHandler.create().setBodyLimit(MAX_BODY))
        .handler(this::requireJson).handler(this::command);
    router.route("/api/*").handler(ctx -> error(ctx, 404, "no such endpoint: " + ctx.request().method() + " "
        + ctx.request().path()));
    router.route().handler(StaticHandler.create("web").setCachingEnabled(false).setDirectoryListing(false)
        .setIncludeHidden(false));
    router.route().failureHandler(ctx -> {
      int status = ctx.statusCode() < 400 ? 500 : ctx.statusCode();
      if (!ctx.response().ended()) {
        error(ctx, status, status == 413 ? "body too large"
            : ctx.failure() == null ? "request failed" : ControlServer.oneLine(ctx.failure()));
      }
    });
    return router;
  }

  private void securityHeaders(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    response.putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Cross-Origin-Opener-Policy", "same-origin");
    String path = ctx.request().path();
    if (path.startsWith("/api/") || path.equals("/ready") || path.equals("/metrics") || path.equals("/health")) {
      response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
    ctx.next();
  }

  private void health(RoutingContext ctx) {
    Promise<Boolean> answered = Promise.promise();
    long timer = vertx.setTimer(options.healthTimeout().toMillis(), id -> answered.tryComplete(false));
    Future<Void> ping;
    try {
      ping = target.ping();
    } catch (RuntimeException e) {
      ping = Future.failedFuture(e);
    }
    ping.onComplete(ar -> answered.tryComplete(ar.succeeded()));
    answered.future().onComplete(ar -> {
      vertx.cancelTimer(timer);
      ObjectNode json = ControlJson.MAPPER.createObjectNode();
      if (ar.result()) {
        json.put("status", "ok");
        reply(ctx, 200, json);
      } else {
        json.put("status", "unavailable");
        json.put("detail", "the engine's event loop did not answer within " + options.healthTimeout().toMillis()
            + " ms");
        reply(ctx, 503, json);
      }
    });
  }

  private void ready(RoutingContext ctx) {
    Promise<Optional<io.github.crossarb.link.controller.LinkStatus>> link = Promise.promise();
    // The link's state comes from the engine's context: a stuck engine must not hang /ready.
    long timer = vertx.setTimer(options.healthTimeout().multipliedBy(2).toMillis(), id -> link.tryFail(
        "no answer within " + options.healthTimeout().multipliedBy(2).toMillis() + " ms"));
    try {
      target.remoteLink().onComplete(ar -> {
        if (ar.succeeded()) {
          link.tryComplete(ar.result());
        } else {
          link.tryFail(ar.cause());
        }
      });
    } catch (RuntimeException e) {
      link.tryFail(e);
    }
    link.future().onComplete(ar -> {
      vertx.cancelTimer(timer);
      Readiness readiness;
      if (ar.failed()) {
        Readiness base = Readiness.of(target.published(), Optional.empty());
        java.util.List<Readiness.Check> checks = new java.util.ArrayList<>(base.checks());
        checks.replaceAll(c -> c.name().equals("trader link")
            ? new Readiness.Check("trader link", false, "no link status: " + ControlServer.oneLine(ar.cause())) : c);
        readiness = new Readiness(false, checks);
      } else {
        readiness = Readiness.of(target.published(), ar.result());
      }
      ObjectNode json = ControlJson.MAPPER.createObjectNode();
      json.put("ready", readiness.ready());
      ArrayNode checks = json.putArray("checks");
      for (Readiness.Check check : readiness.checks()) {
        ObjectNode c = checks.addObject();
        c.put("name", check.name());
        c.put("ok", check.ok());
        c.put("detail", check.detail());
      }
      reply(ctx, readiness.ready() ? 200 : 503, json);
    });
  }

  private void metrics(RoutingContext ctx) {
    // Scraping walks every meter: off the event loop, on this server's own worker.
    vertx.executeBlocking(metrics::get).onComplete(ar -> {
      if (ar.failed()) {
        error(ctx, 500, "metrics: " + ControlServer.oneLine(ar.cause()));
      } else {
        ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, METRICS_CONTENT_TYPE).end(ar.result());
      }
    });
  }

  private void snapshot(RoutingContext ctx) {
    target.snapshot().onComplete(ar -> {
      if (ar.failed()) {
        error(ctx, 503, "no snapshot from the engine: " + ControlServer.oneLine(ar.cause()));
      } else {
        ControlJson.reply(ctx.response(), 200, ControlJson.write(ar.result()));
      }
    });
  }

  private void command(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (!WEB_COMMANDS.contains(name)) {
      error(ctx, 404, "no such command here: " + name + " (the web dashboard can pause, resume and kill)");
      return;
    }
    JsonNode args = jsonBody(ctx);
    if (args == null) {
      return;
    }
    DashboardAction action;
    try {
      action = ControlServer.action(name, args, PAUSE_REASON);
    } catch (ControlServer.BadCommand e) {
      error(ctx, e.status(), e.getMessage());
      return;
    }
    Future<?> result;
    try {
      result = target.perform(action);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(ar -> {
      if (ar.failed()) {
        error(ctx, 409, ControlServer.oneLine(ar.cause()));
      } else {
        ObjectNode json = ControlJson.MAPPER.createObjectNode();
        json.put("ok", true);
        json.put("command", name);
        reply(ctx, 200, json);
      }
    });
  }

  private void login(RoutingContext ctx) {
    JsonNode args = jsonBody(ctx);
    if (args == null) {
      return;
    }
    JsonNode token = args.get("token");
    if (token == null || !token.isTextual() || !tokenMatches(token.asText().strip())) {
      error(ctx, 401, "wrong token (ARB_WEB_TOKEN, or the web.token file in ARB_DATA_DIR)");
      return;
    }
    sessions.remove(sessionId(ctx)); // a fresh id on every login: no fixation
    String id = sessions.create();
    ctx.response().addCookie(Cookie.cookie(SESSION_COOKIE, id).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
        .setPath("/").setMaxAge(sessions.ttl().toSeconds()));
    ObjectNode json = ControlJson.MAPPER.createObjectNode();
    json.put("ok", true);
    json.put("expiresAt", sessions.expiry(id).map(Object::toString).orElse(null));
    reply(ctx, 200, json);
  }

  private void session(RoutingContext ctx) {
    ObjectNode json = ControlJson.MAPPER.createObjectNode();
    json.put("ok", true);
    sessions.expiry(sessionId(ctx)).ifPresent(expiry -> json.put("expiresAt", expiry.toString()));
    reply(ctx, 200, json);
  }

  private void logout(RoutingContext ctx) {
    sessions.remove(sessionId(ctx));
    ctx.response().addCookie(Cookie.cookie(SESSION_COOKIE, "").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
        .setPath("/").setMaxAge(0));
    ObjectNode json = ControlJson.MAPPER.createObjectNode();
    json.put("ok", true);
    reply(ctx, 200, json);
  }

  private void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null) {
      if (header.regionMatches(true, 0, "Bearer ", 0, 7) && tokenMatches(header.substring(7).strip())) {
        ctx.next();
        return;
      }
    } else if (sessions.expiry(sessionId(ctx)).isPresent()) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("WWW-Authenticate", "Bearer");
    error(ctx, 401, header == null ? "log in, or send Authorization: Bearer TOKEN" : "wrong bearer token");
  }

  private void requireJson(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
      error(ctx, 415, "send the body as application/json");
      return;
    }
    ctx.next();
  }

  /** The body as a JSON object (empty body: {}), or null after answering 400. */
  private static JsonNode jsonBody(RoutingContext ctx) {
    try {
      String body = ctx.body().asString();
      JsonNode args = body == null || body.isBlank() ? ControlJson.MAPPER.createObjectNode()
          : ControlJson.MAPPER.readTree(body);
      if (args == null || !args.isObject()) {
        error(ctx, 400, "the body must be a JSON object");
        return null;
      }
      return args;
    } catch (IOException e) {
      error(ctx, 400, "the body is not JSON");
      return null;
    }
  }

  private static String sessionId(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
    return cookie == null ? null : cookie.getValue();
  }

  /** Constant time: both sides are hashed first, so neither the length nor a matching prefix shows. */
  private boolean tokenMatches(String candidate) {
    return MessageDigest.isEqual(tokenDigest, sha256(candidate));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void reply(RoutingContext ctx, int status, JsonNode json) {
    ControlJson.reply(ctx.response(), status, ControlJson.write(json));
  }

  private static void error(RoutingContext ctx, int status, String message) {
    ControlJson.error(ctx.response(), status, message);
  }

  @Override
  public String toString() {
    return "WebServer[" + options.host() + ":" + (server.actualPort() > 0 ? server.actualPort() : options.port())
        + "]";
  }

  @Override
  public void close() {
    streams.closeAll();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Best effort: the sockets close with the process.
    }
  }
}
