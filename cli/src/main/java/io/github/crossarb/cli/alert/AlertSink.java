package io.github.crossarb.cli.alert;

import io.github.crossarb.cli.config.Secret;
import io.github.crossarb.core.event.EngineEvent.Severity;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where alerts go, and how a message is written for it. Every sink's address is a secret (a webhook
 * URL, a bot token in the path): only {@link WebhookRequest#url} holds it, and nothing prints it.
 */
public sealed interface AlertSink permits AlertSink.Slack, AlertSink.Discord, AlertSink.Telegram, AlertSink.Ntfy {
  /** The sink's name in logs and alerts (never its address). */
  String name();

  /** The HTTP POST that delivers {@code alert}. */
  WebhookRequest format(OperatorAlert alert);

  /**
   * One POST: to {@code url}, with {@code headers} and {@code body}. Its {@code toString} hides the
   * URL and the headers (an Authorization header is a secret too).
   */
  record WebhookRequest(Secret url, Map<String, String> headers, String body) {
    public WebhookRequest {
      Objects.requireNonNull(url, "url");
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
      return "WebhookRequest[url=***, headers=" + headers.keySet() + ", body=" + body + "]";
    }
  }

  /** Slack incoming webhook: {@code POST url} with {@code {"text": ...}}. */
  record Slack(Secret url) implements AlertSink {
    public Slack {
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String name() {
      return "slack";
    }

    @Override
    public WebhookRequest format(OperatorAlert alert) {
      return new WebhookRequest(url, json(), new JsonObject().put("text", alert.message()).encode());
    }
  }

  /** Discord webhook: {@code POST url} with {@code {"content": ...}} (at most 2000 characters). */
  record Discord(Secret url) implements AlertSink {
    public Discord {
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String name() {
      return "discord";
    }

    @Override
    public WebhookRequest format(OperatorAlert alert) {
      return new WebhookRequest(url, json(), new JsonObject().put("content", alert.message()).encode());
    }
  }

  /**
   * Telegram Bot API: {@code POST {api}/bot{token}/sendMessage} with {@code {"chat_id": ..., "text": ...}};
   * a numeric chat id is sent as a number, a {@code @channel} as a string.
   */
  record Telegram(String api, Secret token, String chatId) implements AlertSink {
    public Telegram {
      Objects.requireNonNull(api, "api");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(chatId, "chatId");
    }

    @Override
    public String name() {
      return "telegram";
    }

    @Override
    public WebhookRequest format(OperatorAlert alert) {
      String base = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
      Secret url = Secret.of(base + "/bot" + token.reveal() + "/sendMessage");
      JsonObject body = new JsonObject();
      if (chatId.matches("-?[0-9]+")) {
        body.put("chat_id", Long.parseLong(chatId));
      } else {
        body.put("chat_id", chatId);
      }
      return new WebhookRequest(url, json(), body.put("text", alert.message()).encode());
    }
  }

  /**
   * ntfy: {@code POST} to the topic URL, the message as the body, and the headers {@code Title},
   * {@code Priority} (urgent, high or default by severity) and {@code Tags}; a bearer token when the
   * topic is protected.
   */
  record Ntfy(Secret url, Secret token) implements AlertSink {
    public Ntfy {
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String name() {
      return "ntfy";
    }

    @Override
    public WebhookRequest format(OperatorAlert alert) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "text/plain; charset=utf-8");
      headers.put("Title", "crossarb: " + alert.kind().title());
      headers.put("Priority", priority(alert.severity()));
      headers.put("Tags", tag(alert.severity()) + "," + alert.kind().name().toLowerCase(Locale.ROOT));
      if (token != null) {
        headers.put("Authorization", "Bearer " + token.reveal());
      }
      String body = (alert.pairId() == null ? "" : alert.pairId() + ": ") + alert.text();
      return new WebhookRequest(url, headers, body);
    }

    static String priority(Severity severity) {
      return switch (severity) {
        case CRITICAL -> "urgent";
        case WARNING -> "high";
        case INFO -> "default";
      };
    }

    /** ntfy shows tags that are emoji short codes as emojis. */
    static String tag(Severity severity) {
      return switch (severity) {
        case CRITICAL -> "rotating_light";
        case WARNING -> "warning";
        case INFO -> "information_source";
      };
    }
  }

  private static Map<String, String> json() {
    return Map.of("Content-Type", "application/json");
  }
}
