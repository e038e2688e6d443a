package io.github.crossarb.cli.alert;

import io.github.crossarb.core.event.EngineEvent.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * One alert for the operator's webhooks.
 *
 * @param pairId the pair concerned, or null
 * @param text one line, never a secret
 * @param dedupKey alerts with the same key within the dedup window are sent once
 * @param resolves for a recovery notice: the key of the problem alert it ends (sent only if that
 *     one was), else null
 */
public record OperatorAlert(Instant time, AlertKind kind, Severity severity, String pairId, String text,
    String dedupKey, String resolves) {
  /** Longest text sent (Discord takes 2000 characters, the others more). */
  static final int MAX_TEXT = 1500;

  public OperatorAlert {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(dedupKey, "dedupKey");
    text = oneLine(Objects.requireNonNull(text, "text"));
  }

  static OperatorAlert of(Instant time, AlertKind kind, Severity severity, String pairId, String text, String dedupKey) {
    return new OperatorAlert(time, kind, severity, pairId, text, dedupKey, null);
  }

  /** The message as the chat sinks show it: {@code [SEVERITY] Title (pair): text}. */
  public String message() {
    return "[" + severity + "] " + kind.title() + (pairId == null ? "" : " (" + pairId + ")") + ": " + text;
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
    return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT - 1) + "…";
  }
}
