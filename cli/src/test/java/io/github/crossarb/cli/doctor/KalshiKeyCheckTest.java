package io.github.crossarb.cli.doctor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.crossarb.cli.TestKeys;
import io.github.crossarb.cli.doctor.CheckResult.Status;
import io.github.crossarb.cli.venue.StandardVenues;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class KalshiKeyCheckTest {
  @RegisterExtension
  static WireMockExtension kalshi = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path dir;
  private static String pem;

  @BeforeAll
  static void key() throws Exception {
    pem = DoctorTestSupport.rsaPem();
  }

  private String api() {
    return "http://127.0.0.1:" + kalshi.getPort() + "/trade-api/v2";
  }

  private CheckResult run(String... keyValues) {
    return new KalshiKeyCheck(DoctorTestSupport.config(dir, keyValues), StandardVenues::open).run();
  }

  @Test
  void notConfiguredIsAWarning() {
    CheckResult result = run();
    assertThat(result.status()).isEqualTo(Status.WARN);
    assertThat(result.found()).contains("not configured");
    assertThat(result.hint()).contains("KALSHI_API_KEY_ID", "ARB_EXECUTE_REMOTE=kalshi");
  }

  @Test
  void notNeededWhenATraderExecutesKalshi() {
    CheckResult result = run("ARB_EXECUTE_REMOTE", "kalshi", "TRADER_LINK_LISTEN", "127.0.0.1:0",
        "TRADER_LINK_SECRET", "s".repeat(32));
    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.found()).contains("executes on the trader");
  }

  @Test
  void aKeyIdWithoutAKeyFails() {
    CheckResult result = run("KALSHI_API_KEY_ID", TestKeys.KALSHI_KEY_ID);
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.hint()).contains("KALSHI_KEY_FILE");
  }

  @Test
  void aKeyThatIsNotRsaFailsWithoutQuotingIt() throws Exception {
    Path file = dir.resolve("k.pem");
    Files.writeString(file, TestKeys.KALSHI_PEM);
    CheckResult result = run("KALSHI_API_KEY_ID", TestKeys.KALSHI_KEY_ID, "KALSHI_KEY_FILE", file.toString());
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.found()).contains(file.toString());
    assertThat(result.hint()).contains("KALSHI_KEY_FILE");
    assertThat(result.toString()).doesNotContain("TESTKEYBODY");
    assertThat(kalshi.getAllServeEvents()).isEmpty();
  }

  @Test
  void anAcceptedKeyReadsTheBalanceSigned() {
    kalshi.stubFor(get(urlEqualTo("/trade-api/v2/portfolio/balance")).willReturn(okJson(
        "{\"balance\":12345,\"balance_dollars\":\"123.45\",\"portfolio_value\":0,\"updated_ts\":1}")));
    String b64 = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));

    CheckResult result = run("KALSHI_API_KEY_ID", TestKeys.KALSHI_KEY_ID, "KALSHI_KEY_B64", b64, "KALSHI_API_URL", api());

    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.found()).contains(TestKeys.KALSHI_KEY_ID, "KALSHI_KEY_B64", "$123.45");
    assertThat(result.hint()).isNull();
    kalshi.verify(getRequestedFor(urlEqualTo("/trade-api/v2/portfolio/balance"))
        .withHeader("KALSHI-ACCESS-KEY", matching(TestKeys.KALSHI_KEY_ID))
        .withHeader("KALSHI-ACCESS-SIGNATURE", matching(".{300,}")));
    assertThat(result.toString()).doesNotContain(b64.substring(0, 40), pem.split("\n")[1]);
  }

  @Test
  void aKeyFileOthersMayReadIsAWarning() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    kalshi.stubFor(get(urlEqualTo("/trade-api/v2/portfolio/balance")).willReturn(okJson(
        "{\"balance\":100,\"balance_dollars\":\"1.00\",\"portfolio_value\":0,\"updated_ts\":1}")));
    Path file = dir.resolve("k.pem");
    Files.writeString(file, pem);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    CheckResult exposed = run("KALSHI_API_KEY_ID", TestKeys.KALSHI_KEY_ID, "KALSHI_KEY_FILE", file.toString(),
        "KALSHI_API_URL", api());
    assertThat(exposed.status()).isEqualTo(Status.WARN);
    assertThat(exposed.found()).contains("accepted", "readable by others");
    assertThat(exposed.hint()).isEqualTo("chmod 600 " + file);

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(run("KALSHI_API_KEY_ID", TestKeys.KALSHI_KEY_ID, "KALSHI_KEY_FILE", file.toString(),
        "KALSHI_API_URL", api()).status()).isEqualTo(Status.OK);
  }

  @Test
  void aRefusedKeyFailsWithTheVenuesError() throws Exception {
    kalshi.stubFor(get(urlEqualTo("/trade-api/v2/portfolio/balance")).willReturn(aResponse().withStatus(401)
        .withHeader("content-type", "application/json")
        .withBody("{\"code\":\"authentication_error\",\"message\":\"invalid signature\"}")));
    Path file = dir.resolve("k.pem");
    Files.writeString(file, pem);

    CheckResult result = run("KALSHI_API_KEY_ID", TestKeys.KALSHI_KEY_ID, "KALSHI_KEY_FILE", file.toString(),
        "KALSHI_API_URL", api());

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.found()).contains("refused", "401", "invalid signature");
    assertThat(result.hint()).contains("KALSHI_API_KEY_ID", "KALSHI_API_URL http://127.0.0.1:", "prod or demo");
    assertThat(result.toString()).doesNotContain(pem.split("\n")[1]);
  }
}
