package io.github.crossarb.cli.doctor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.crossarb.cli.TestKeys;
import io.github.crossarb.cli.doctor.CheckResult.Status;
import io.github.crossarb.cli.venue.StandardVenues;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class GeoblockCheckTest {
  @RegisterExtension
  static WireMockExtension geo = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path dir;

  private CheckResult run(String... extra) {
    String[] keyValues = new String[extra.length + 4];
    keyValues[0] = "POLY_GEOBLOCK_URL";
    keyValues[1] = "http://127.0.0.1:" + geo.getPort() + "/api/geoblock";
    keyValues[2] = "POLY_PRIVATE_KEY";
    keyValues[3] = TestKeys.POLY_KEY;
    System.arraycopy(extra, 0, keyValues, 4, extra.length);
    return new GeoblockCheck(DoctorTestSupport.config(dir, keyValues), StandardVenues::open).run();
  }

  @Test
  void blockedFailsAndSaysToRouteThroughATrader() {
    geo.stubFor(get(urlEqualTo("/api/geoblock")).willReturn(okJson(
        "{\"blocked\":true,\"ip\":\"127.0.0.1\",\"country\":\"US\",\"region\":\"NY\"}")));
    CheckResult result = run();
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.hint()).isEqualTo("this host may watch markets but not place Polymarket orders; route"
        + " Polymarket through a trader (ARB_EXECUTE_REMOTE=polymarket)");
  }

  @Test
  void notBlockedIsOk() {
    geo.stubFor(get(urlEqualTo("/api/geoblock")).willReturn(okJson("{\"blocked\":false,\"country\":\"PT\"}")));
    CheckResult result = run();
    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.found()).startsWith("not blocked");
  }

  @Test
  void anUnansweredCheckFails() {
    geo.stubFor(get(urlEqualTo("/api/geoblock")).willReturn(aResponse().withStatus(503)));
    CheckResult result = run();
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.hint()).contains("POLY_GEOBLOCK_URL");
  }

  @Test
  void aTraderExecutingPolymarketMakesItIrrelevant() {
    CheckResult result = run("ARB_EXECUTE_REMOTE", "polymarket", "TRADER_LINK_LISTEN", "127.0.0.1:0",
        "TRADER_LINK_SECRET", "s".repeat(32));
    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.found()).contains("execute on the trader");
    assertThat(geo.getAllServeEvents()).isEmpty();
  }
}
