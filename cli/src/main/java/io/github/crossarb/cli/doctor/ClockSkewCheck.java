package io.github.crossarb.cli.doctor;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.kalshi.KalshiConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * This host's clock against a venue's. Kalshi has no time endpoint, so its clock is the HTTP
 * {@code Date} header of {@code GET /exchange/status} (public, cheap); Polymarket's is the CLOB's
 * {@code GET /time} (unix seconds). Both are whole seconds, so the venue's time lies in
 * {@code [s, s+1)} and ours in {@code [sent, received]}: the skew reported and judged is the
 * smallest one consistent with both, never an artefact of the rounding or the round trip.
 * WARN above 1 s, FAIL above 5 s (Kalshi request signatures are time-bound, and so are
 * Polymarket's L1/L2 headers).
 */
public final class ClockSkewCheck implements DoctorCheck {
  static final Duration WARN_ABOVE = Duration.ofSeconds(1);
  static final Duration FAIL_ABOVE = Duration.ofSeconds(5);

  /** Which venue, and how its time is read. */
  public enum Venue { KALSHI, POLYMARKET }

  private final Venue venue;
  private final URI url;
  private final String urlSetting;
  private final InstantSource clock;

  ClockSkewCheck(Venue venue, URI url, String urlSetting, InstantSource clock) {
    this.venue = venue;
    this.url = url;
    this.urlSetting = urlSetting;
    this.clock = clock;
  }

  /** Kalshi's clock, from the REST base URL in effect ({@code KALSHI_API_URL} or {@code KALSHI_ENV}). */
  public static ClockSkewCheck kalshi(Configuration config, InstantSource clock) {
    String base = config.get(Settings.KALSHI_API_URL).orElseGet(() ->
        KalshiConfig.Environment.parse(config.get(Settings.KALSHI_ENV).orElse("prod"))
            .restBaseUrl().toString());
    return new ClockSkewCheck(Venue.KALSHI, Checks.join(base, "/exchange/status"), "KALSHI_API_URL / KALSHI_ENV", clock);
  }

  /** Polymarket's clock, from {@code POLY_CLOB_URL}. */
  public static ClockSkewCheck polymarket(Configuration config, InstantSource clock) {
    return new ClockSkewCheck(Venue.POLYMARKET, Checks.join(config.require(Settings.POLY_CLOB_URL), "/time"),
        "POLY_CLOB_URL", clock);
  }

  @Override
  public String name() {
    return "clock " + venue.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public CheckResult run() throws InterruptedException {
    HttpClient http = Checks.httpClient();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Checks.HTTP_TIMEOUT).GET().build();
    Instant sent = clock.instant();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return CheckResult.fail(name(), "GET " + url + " failed: " + Checks.describe(e),
          "check " + urlSetting + " and the network");
    }
    Instant received = clock.instant();
    Instant serverSecond;
    try {
      serverSecond = venue == Venue.KALSHI ? fromDateHeader(response) : fromTimeBody(response);
    } catch (IllegalArgumentException e) {
      return CheckResult.fail(name(), "GET " + url + ": " + e.getMessage(), "check that " + urlSetting
          + " points at the venue's REST API");
    }
    return judge(sent, received, serverSecond);
  }

  /** The verdict for a venue second {@code serverSecond} observed between {@code sent} and {@code received}. */
  CheckResult judge(Instant sent, Instant received, Instant serverSecond) {
    // Ours minus theirs lies in [sent - (s + 1 s), received - s].
    long lowMs = Duration.between(serverSecond.plusSeconds(1), sent).toMillis();
    long highMs = Duration.between(serverSecond, received).toMillis();
    long skewMs = lowMs > 0 ? lowMs : highMs < 0 ? highMs : 0;
    long size = Math.abs(skewMs);
    String found = skewMs == 0
        ? "within 1 s of the venue (whole-second resolution, round trip " + Duration.between(sent, received).toMillis() + " ms)"
        : "this host is " + size + " ms " + (skewMs > 0 ? "ahead of" : "behind") + " the venue (at least)";
    String hint = "synchronise the host clock (NTP: timedatectl set-ntp true / chrony); "
        + (venue == Venue.KALSHI ? "Kalshi rejects request signatures with a stale timestamp"
            : "Polymarket's signed headers carry the time");
    if (size > FAIL_ABOVE.toMillis()) {
      return CheckResult.fail(name(), found, hint);
    }
    if (size > WARN_ABOVE.toMillis()) {
      return CheckResult.warn(name(), found, hint);
    }
    return CheckResult.ok(name(), found);
  }

  private static Instant fromDateHeader(HttpResponse<String> response) {
    String date = response.headers().firstValue("date")
        .orElseThrow(() -> new IllegalArgumentException("HTTP " + response.statusCode() + " without a Date header"));
    try {
      return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("unreadable Date header \"" + date + "\"");
    }
  }

  private static Instant fromTimeBody(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body().strip();
    if (response.statusCode() != 200) {
      throw new IllegalArgumentException("HTTP " + response.statusCode());
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(body));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the answer is not unix seconds ("
          + (body.length() > 40 ? body.substring(0, 40) + "…" : body) + ")");
    }
  }
}
