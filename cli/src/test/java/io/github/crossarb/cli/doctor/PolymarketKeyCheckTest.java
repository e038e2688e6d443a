package io.github.crossarb.cli.doctor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.crossarb.cli.TestKeys;
import io.github.crossarb.cli.doctor.CheckResult.Status;
import io.github.crossarb.cli.venue.StandardVenues;
import io.github.crossarb.polymarket.auth.PolymarketWallet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PolymarketKeyCheckTest {
  @RegisterExtension
  static WireMockExtension clob = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private static final String API_KEY = "11111111-2222-3333-4444-555555555555";
  private static final String API_SECRET = "c2VjcmV0LWRvbnQtbGVhay1tZS1wbGVhc2UtMTIzNDU2Nzg=";
  private static final String PASSPHRASE = "passphrase-dont-leak-me";

  @TempDir Path dir;

  private CheckResult run(String... keyValues) throws Exception {
    List<String> all = new ArrayList<>(List.of("POLY_CLOB_URL", "http://127.0.0.1:" + clob.getPort()));
    all.addAll(List.of(keyValues));
    return new PolymarketKeyCheck(DoctorTestSupport.config(dir, all.toArray(String[]::new)), StandardVenues::open).run();
  }

  private static String signer() {
    return PolymarketWallet.fromHex(TestKeys.POLY_KEY).address();
  }

  @Test
  void notConfiguredIsAWarningAndRemoteIsFine() throws Exception {
    assertThat(run().status()).isEqualTo(Status.WARN);
    CheckResult remote = run("ARB_EXECUTE_REMOTE", "polymarket", "TRADER_LINK_LISTEN", "127.0.0.1:0",
        "TRADER_LINK_SECRET", "s".repeat(32));
    assertThat(remote.status()).isEqualTo(Status.OK);
    assertThat(remote.found()).contains("executes on the trader");
  }

  @Test
  void configuredCredentialsReadTheBalance() throws Exception {
    clob.stubFor(get(urlPathEqualTo("/balance-allowance")).willReturn(okJson(
        "{\"balance\":\"25500000\",\"allowances\":{\"0xE111180000d2663C0091e4f400237545B87B996B\":\"1000000000000\"}}")));

    CheckResult result = run("POLY_PRIVATE_KEY", TestKeys.POLY_KEY, "POLY_FUNDER", TestKeys.FUNDER,
        "POLY_API_KEY", API_KEY, "POLY_API_SECRET", API_SECRET, "POLY_API_PASSPHRASE", PASSPHRASE);

    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.found()).contains("signer " + signer(), "signature type 2", "funder " + TestKeys.FUNDER,
        "POLY_API_KEY", "$25.50");
    clob.verify(getRequestedFor(urlPathEqualTo("/balance-allowance"))
        .withHeader("POLY_API_KEY", matching(API_KEY)).withHeader("POLY_ADDRESS", matching(signer())));
    assertNoSecret(result);
  }

  @Test
  void withoutCredentialsTheKeyIsDerivedNeverCreated() throws Exception {
    clob.stubFor(get(urlPathEqualTo("/auth/derive-api-key")).willReturn(okJson(
        "{\"apiKey\":\"" + API_KEY + "\",\"secret\":\"" + API_SECRET + "\",\"passphrase\":\"" + PASSPHRASE + "\"}")));
    clob.stubFor(get(urlPathEqualTo("/balance-allowance")).willReturn(okJson("{\"balance\":\"0\",\"allowances\":{}}")));

    CheckResult result = run("POLY_PRIVATE_KEY", TestKeys.POLY_KEY);

    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.found()).contains("signature type 0", "derived from the key (not cached)", "$0.00");
    clob.verify(0, postRequestedFor(urlMatching(".*")));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("polymarket-api-"));
    }
    assertNoSecret(result);
  }

  @Test
  void noKeyToDeriveFailsWithTheDeriveKeysHint() throws Exception {
    clob.stubFor(get(urlPathEqualTo("/auth/derive-api-key")).willReturn(aResponse().withStatus(400)
        .withHeader("content-type", "application/json").withBody("{\"error\":\"Could not derive api key!\"}")));

    CheckResult result = run("POLY_PRIVATE_KEY", TestKeys.POLY_KEY);

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.found()).contains("signer " + signer());
    assertThat(result.hint()).contains("controller polymarket derive-keys");
    assertNoSecret(result);
  }

  @Test
  void anUnreachableClobFailsWithTheNetworkHint() throws Exception {
    CheckResult result = run("POLY_PRIVATE_KEY", TestKeys.POLY_KEY, "POLY_CLOB_URL", "http://127.0.0.1:9");
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.found()).contains("did not answer");
    assertThat(result.hint()).contains("POLY_CLOB_URL", "127.0.0.1:9").doesNotContain("derive-keys");
  }

  @Test
  void refusedCredentialsFail() throws Exception {
    clob.stubFor(get(urlPathEqualTo("/balance-allowance")).willReturn(aResponse().withStatus(401)
        .withHeader("content-type", "application/json").withBody("{\"error\":\"Unauthorized/Invalid api key\"}")));

    CheckResult result = run("POLY_PRIVATE_KEY", TestKeys.POLY_KEY,
        "POLY_API_KEY", API_KEY, "POLY_API_SECRET", API_SECRET, "POLY_API_PASSPHRASE", PASSPHRASE);

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.found()).contains("refused", "401");
    assertThat(result.hint()).contains("POLY_API_KEY");
    assertNoSecret(result);
  }

  @Test
  void contradictorySettingsFailNamingThem() throws Exception {
    CheckResult result = run("POLY_PRIVATE_KEY", TestKeys.POLY_KEY, "POLY_SIGNATURE_TYPE", "1");
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.found()).contains("POLY_SIGNATURE_TYPE");
    assertThat(clob.getAllServeEvents()).isEmpty();
  }

  private static void assertNoSecret(CheckResult result) {
    assertThat(result.toString()).doesNotContain(TestKeys.POLY_KEY.substring(2), API_KEY, API_SECRET, PASSPHRASE);
  }
}
