package io.github.crossarb.cli.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.engine.EngineSettings;
import io.github.crossarb.cli.tui.DashboardAction;
import io.github.crossarb.core.engine.EngineMode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's control endpoint: HTTP on 127.0.0.1 (a port the OS picks), every request
 * authenticated by the bearer token of {@code control.token}; JSON in and out, versioned under
 * {@code /v1}:
 *
 * <ul>
 *   <li>{@code GET /v1/health}: {@code {"status":"ok","pid":N,"mode":"dry-run|paper|live"}}
 *   <li>{@code GET /v1/snapshot}: the engine snapshot ({@link ControlJson})
 *   <li>{@code GET /v1/link}: {@code {"lines":[...]}}, the trader link's state
 *   <li>{@code GET /v1/events?since=N}: {@code {"next":M,"events":[{"seq","time","text"}...]}}
 *   <li>{@code POST /v1/commands/NAME} with a JSON object: {@code pause {"reason"?}},
 *       {@code resume}, {@code kill {"reason"}}, {@code approve {"id"}},
 *       {@code reject {"id","blacklist"?}}, {@code mode {"mode","confirm":"LIVE" for live}},
 *       {@code stop}; answers {@code {"ok":true,"command":NAME}}
 * </ul>
 *
 * <p>A missing or wrong token gets 401 before anything else is looked at; a bad request 400; an
 * unknown path 404; a wrong method 405; a command the engine refuses 409 with {@code {"error"}}.
 */
public final class ControlServer implements AutoCloseable {
  static final String PAUSE_REASON = "operator (control)";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_BODY = 16 * 1024;
  private static final int MAX_EVENTS = 500;

  private final Vertx vertx;
  private final HttpServer server;
  private final ControlTarget target;
  private final byte[] token;
  private final long pid;

  private ControlServer(Vertx vertx, ControlTarget target, String token, long pid) {
    this.vertx = vertx;
    this.target = target;
    this.token = ("Bearer " + token).getBytes(StandardCharsets.US_ASCII);
    this.pid = pid;
    this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
  }

  /** Starts the endpoint on its own Vert.x, on 127.0.0.1 and a free port. */
  public static ControlServer start(ControlTarget target, String token, long pid) throws Exception {
    Objects.requireNonNull(target, "target");
    if (token == null || token.length() < 32) {
      throw new IllegalArgumentException("the control token must have at least 32 characters");
    }
    Vertx vertx = Vertx.vertx();
    ControlServer control = new ControlServer(vertx, target, token, pid);
    try {
      control.server.requestHandler(control::handle).listen().toCompletionStage().toCompletableFuture()
          .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      control.close();
      throw e;
    }
    return control;
  }

  /** The port bound on 127.0.0.1. */
  public int port() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest req) {
    if (!authorized(req.getHeader(HttpHeaders.AUTHORIZATION))) {
      req.response().putHeader("WWW-Authenticate", "Bearer");
      error(req, 401, "missing or wrong bearer token (see control.token)");
      return;
    }
    String path = req.path();
    try {
      if (path.startsWith("/v1/commands/")) {
        if (req.method() != HttpMethod.POST) {
          error(req, 405, "use POST for commands");
          return;
        }
        String name = path.substring("/v1/commands/".length());
        req.body().onComplete(ar -> {
          if (ar.failed()) {
            error(req, 400, "unreadable body: " + ar.cause().getMessage());
          } else {
            command(req, name, ar.result());
          }
        });
        return;
      }
      if (!path.equals("/v1/health") && !path.equals("/v1/snapshot") && !path.equals("/v1/link")
          && !path.equals("/v1/events")) {
        error(req, 404, "no such endpoint: " + path);
        return;
      }
      if (req.method() != HttpMethod.GET) {
        error(req, 405, "use GET for " + path);
        return;
      }
      switch (path) {
        case "/v1/health" -> {
          ObjectNode json = ControlJson.MAPPER.createObjectNode();
          json.put("status", "ok");
          json.put("pid", pid);
          json.put("mode", EngineSettings.name(target.published().mode()));
          reply(req, 200, json);
        }
        case "/v1/snapshot" -> target.snapshot().onComplete(ar -> {
          if (ar.failed()) {
            error(req, 503, "no snapshot from the engine: " + oneLine(ar.cause()));
            return;
          }
          try {
            ControlJson.reply(req.response(), 200, ControlJson.write(ar.result()));
          } catch (RuntimeException e) {
            error(req, 500, oneLine(e));
          }
        });
        case "/v1/link" -> {
          ObjectNode json = ControlJson.MAPPER.createObjectNode();
          ArrayNode lines = json.putArray("lines");
          target.linkLines().forEach(lines::add);
          reply(req, 200, json);
        }
        default -> events(req);
      }
    } catch (RuntimeException e) {
      error(req, 500, oneLine(e));
    }
  }

  private void events(HttpServerRequest req) {
    long since;
    String param = req.getParam("since");
    try {
      since = param == null ? 0 : Long.parseLong(param);
    } catch (NumberFormatException e) {
      error(req, 400, "since must be a number, was '" + param + "'");
      return;
    }
    ControlJson.reply(req.response(), 200, ControlJson.write(target.events().since(since, MAX_EVENTS)));
  }

  private void command(HttpServerRequest req, String name, Buffer body) {
    JsonNode args;
    try {
      if (body.length() > MAX_BODY) {
        error(req, 400, "body too large");
        return;
      }
      args = body.length() == 0 ? ControlJson.MAPPER.createObjectNode() : ControlJson.MAPPER.readTree(body.getBytes());
      if (args == null || !args.isObject()) {
        error(req, 400, "the body must be a JSON object");
        return;
      }
    } catch (java.io.IOException e) {
      error(req, 400, "the body is not JSON");
      return;
    }
    if (name.equals("stop")) {
      ObjectNode json = ControlJson.MAPPER.createObjectNode();
      json.put("ok", true);
      json.put("command", "stop");
      reply(req, 202, json);
      target.stop();
      return;
    }
    DashboardAction action;
    try {
      action = action(name, args, PAUSE_REASON);
    } catch (BadCommand e) {
      error(req, e.status(), e.getMessage());
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
        error(req, 409, oneLine(ar.cause()));
      } else {
        ObjectNode json = ControlJson.MAPPER.createObjectNode();
        json.put("ok", true);
        json.put("command", name);
        reply(req, 200, json);
      }
    });
  }

  /** A command the endpoint cannot run as asked: {@code status} 400 (bad arguments) or 404 (no such command). */
  public static final class BadCommand extends Exception {
    private final int status;

    BadCommand(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /**
   * The operator action of command {@code name} with its JSON arguments (shared by this endpoint
   * and the web dashboard): {@code pause {"reason"?}}, {@code resume}, {@code kill {"reason"}},
   * {@code approve {"id"}}, {@code reject {"id","blacklist"?}}, {@code mode {"mode","confirm"}}.
   */
  public static DashboardAction action(String name, JsonNode args, String defaultPauseReason) throws BadCommand {
    switch (name) {
      case "pause" -> {
        return new DashboardAction.Pause(text(args, "reason", defaultPauseReason));
      }
      case "resume" -> {
        return new DashboardAction.Resume();
      }
      case "kill" -> {
        String reason = text(args, "reason", null);
        if (reason == null) {
          throw new BadCommand(400, "kill needs a reason");
        }
        return new DashboardAction.Kill(reason);
      }
      case "approve", "reject" -> {
        String id = text(args, "id", null);
        if (id == null) {
          throw new BadCommand(400, name + " needs an id (the execution id)");
        }
        return name.equals("approve") ? new DashboardAction.Approve(id)
            : new DashboardAction.Reject(id, args.path("blacklist").asBoolean(false));
      }
      case "mode" -> {
        String mode = text(args, "mode", "");
        EngineMode engineMode;
        switch (mode.toLowerCase(Locale.ROOT)) {
          case "dry-run" -> engineMode = EngineMode.DRY_RUN;
          case "paper" -> engineMode = EngineMode.PAPER;
          case "live" -> engineMode = EngineMode.LIVE;
          default -> throw new BadCommand(400, "mode must be dry-run, paper or live, was '" + mode + "'");
        }
        if (engineMode == EngineMode.LIVE && !"LIVE".equals(text(args, "confirm", ""))) {
          throw new BadCommand(400, "live mode needs \"confirm\":\"LIVE\"");
        }
        return new DashboardAction.SetMode(engineMode);
      }
      default -> throw new BadCommand(404, "no such command: " + name);
    }
  }

  private static String text(JsonNode args, String field, String fallback) {
    JsonNode value = args.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : fallback;
  }

  private boolean authorized(String header) {
    // Constant time: the token is compared without revealing how much of it matched.
    return header != null && MessageDigest.isEqual(token, header.getBytes(StandardCharsets.US_ASCII));
  }

  private static void reply(HttpServerRequest req, int status, JsonNode json) {
    ControlJson.reply(req.response(), status, ControlJson.write(json));
  }

  private static void error(HttpServerRequest req, int status, String message) {
    ControlJson.error(req.response(), status, message);
  }

  public static String oneLine(Throwable e) {
    String m = e == null ? null : e.getMessage();
    String text = m == null || m.isBlank() ? (e == null ? "unknown error" : e.getClass().getSimpleName()) : m;
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // Best effort: the sockets close with the process.
    }
  }
}
