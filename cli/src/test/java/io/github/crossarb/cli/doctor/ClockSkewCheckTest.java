package io.github.crossarb.cli.doctor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.crossarb.cli.doctor.CheckResult.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ClockSkewCheckTest {
  @RegisterExtension
  static WireMockExtension venue = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
      .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  /** The venue's clock in these tests; the host's is set relative to it. */
  private static final Instant VENUE_NOW = Instant.parse("2026-11-27T10:00:00Z");

  @TempDir Path dir;

  private ClockSkewCheck kalshi(InstantSource host) {
    return ClockSkewCheck.kalshi(DoctorTestSupport.config(dir,
        "KALSHI_API_URL", "http://127.0.0.1:" + venue.getPort() + "/trade-api/v2"), host);
  }

  private ClockSkewCheck polymarket(InstantSource host) {
    return ClockSkewCheck.polymarket(DoctorTestSupport.config(dir,
        "POLY_CLOB_URL", "http://127.0.0.1:" + venue.getPort()), host);
  }

  private void kalshiSays(Instant time) {
    venue.stubFor(get(urlEqualTo("/trade-api/v2/exchange/status")).willReturn(okJson(
        "{\"exchange_active\":true,\"trading_active\":true}").withHeader("Date", HTTP_DATE.format(time))));
  }

  private void polymarketSays(Instant time) {
    venue.stubFor(get(urlEqualTo("/time")).willReturn(okJson(Long.toString(time.getEpochSecond()))));
  }

  @Test
  void kalshiInStepIsOk() throws Exception {
    kalshiSays(VENUE_NOW);
    CheckResult result = kalshi(InstantSource.fixed(VENUE_NOW.plusMillis(400))).run();
    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.check()).isEqualTo("clock kalshi");
    assertThat(result.found()).contains("within 1 s");
  }

  @Test
  void kalshiTwoSecondsAheadWarns() throws Exception {
    kalshiSays(VENUE_NOW);
    CheckResult result = kalshi(InstantSource.fixed(VENUE_NOW.plusMillis(3500))).run();
    assertThat(result.status()).isEqualTo(Status.WARN);
    assertThat(result.found()).contains("2500 ms ahead");
    assertThat(result.hint()).contains("NTP");
  }

  @Test
  void polymarketSevenSecondsBehindFails() throws Exception {
    polymarketSays(VENUE_NOW);
    CheckResult result = polymarket(InstantSource.fixed(VENUE_NOW.minusSeconds(7))).run();
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.check()).isEqualTo("clock polymarket");
    assertThat(result.found()).contains("7000 ms behind");
  }

  @Test
  void polymarketInStepIsOk() throws Exception {
    polymarketSays(VENUE_NOW);
    assertThat(polymarket(InstantSource.fixed(VENUE_NOW.plusMillis(999))).run().status()).isEqualTo(Status.OK);
  }

  @Test
  void theBoundsAreOneAndFiveSeconds() {
    ClockSkewCheck check = kalshi(InstantSource.system());
    Instant s = VENUE_NOW;
    // Host received the answer at s - 1 s exactly: at least 1000 ms behind, not above 1 s.
    assertThat(check.judge(s.minusSeconds(1), s.minusSeconds(1), s).status()).isEqualTo(Status.OK);
    assertThat(check.judge(s.minusMillis(1001), s.minusMillis(1001), s).status()).isEqualTo(Status.WARN);
    assertThat(check.judge(s.plusSeconds(6), s.plusSeconds(6), s).status()).isEqualTo(Status.WARN);
    assertThat(check.judge(s.plusMillis(6001), s.plusMillis(6001), s).status()).isEqualTo(Status.FAIL);
    // A long round trip that spans the venue's second proves nothing: OK.
    assertThat(check.judge(s.minusSeconds(8), s.plusSeconds(8), s).status()).isEqualTo(Status.OK);
    assertThat(Duration.ofSeconds(5)).isEqualTo(ClockSkewCheck.FAIL_ABOVE);
  }

  @Test
  void aMissingDateHeaderFails() throws Exception {
    venue.stubFor(get(urlEqualTo("/trade-api/v2/exchange/status")).willReturn(okJson("{}")));
    CheckResult result = kalshi(InstantSource.system()).run();
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.found()).contains("without a Date header");
    assertThat(result.hint()).contains("KALSHI_API_URL");
  }

  @Test
  void aTimeThatIsNotANumberFails() throws Exception {
    venue.stubFor(get(urlEqualTo("/time")).willReturn(aResponse().withStatus(200).withBody("<html>hello</html>")));
    CheckResult result = polymarket(InstantSource.system()).run();
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.found()).contains("not unix seconds");
    assertThat(result.hint()).contains("POLY_CLOB_URL");
  }

  @Test
  void anUnreachableVenueFails() throws Exception {
    CheckResult result = ClockSkewCheck.polymarket(DoctorTestSupport.config(dir, "POLY_CLOB_URL", "http://127.0.0.1:9"),
        InstantSource.system()).run();
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.found()).contains("GET http://127.0.0.1:9/time failed");
  }
}
