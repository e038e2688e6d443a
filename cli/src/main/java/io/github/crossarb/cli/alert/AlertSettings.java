package io.github.crossarb.cli.alert;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Secret;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.core.event.EngineEvent.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code ARB_ALERT_*} settings: the configured sinks and how alerts are filtered. Its
 * {@code toString} shows which sinks are set, never their addresses ({@link Secret} prints
 * {@code ***}).
 */
public record AlertSettings(List<AlertSink> sinks, Severity minSeverity, Duration dedupWindow, int ratePerMinute,
    Duration feedUntrustedAfter) {
  public AlertSettings {
    sinks = List.copyOf(sinks);
    Objects.requireNonNull(minSeverity, "minSeverity");
    Objects.requireNonNull(dedupWindow, "dedupWindow");
    Objects.requireNonNull(feedUntrustedAfter, "feedUntrustedAfter");
    if (ratePerMinute < 1) {
      throw new IllegalArgumentException("rate per minute must be at least 1, was " + ratePerMinute);
    }
  }

  public static AlertSettings from(Configuration config) {
    List<AlertSink> sinks = new ArrayList<>();
    config.get(Settings.ARB_ALERT_SLACK_URL).ifPresent(url -> sinks.add(new AlertSink.Slack(url)));
    config.get(Settings.ARB_ALERT_DISCORD_URL).ifPresent(url -> sinks.add(new AlertSink.Discord(url)));
    config.get(Settings.ARB_ALERT_TELEGRAM_TOKEN).ifPresent(token -> sinks.add(new AlertSink.Telegram(
        config.require(Settings.ARB_ALERT_TELEGRAM_API), token, config.require(Settings.ARB_ALERT_TELEGRAM_CHAT_ID))));
    config.get(Settings.ARB_ALERT_NTFY_URL).ifPresent(url -> sinks.add(
        new AlertSink.Ntfy(url, config.get(Settings.ARB_ALERT_NTFY_TOKEN).orElse(null))));
    return new AlertSettings(sinks,
        Severity.valueOf(config.require(Settings.ARB_ALERT_MIN_SEVERITY).toUpperCase(Locale.ROOT)),
        config.require(Settings.ARB_ALERT_DEDUP_MS), config.require(Settings.ARB_ALERT_RATE_PER_MIN),
        config.require(Settings.ARB_ALERT_FEED_UNTRUSTED_MS));
  }

  /** Whether any sink is configured (the notifier runs only then). */
  public boolean enabled() {
    return !sinks.isEmpty();
  }

  @Override
  public String toString() {
    return "AlertSettings[sinks=" + sinks.stream().map(AlertSink::name).toList() + ", minSeverity=" + minSeverity
        + ", dedupWindow=" + dedupWindow + ", ratePerMinute=" + ratePerMinute + ", feedUntrustedAfter="
        + feedUntrustedAfter + "]";
  }
}
