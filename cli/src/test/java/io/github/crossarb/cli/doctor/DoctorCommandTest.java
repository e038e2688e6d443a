package io.github.crossarb.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command around the checks, without any venue: every venue URL is loopback and no venue is
 * configured, so the venue checks are skipped or refused on 127.0.0.1.
 */
@Timeout(60)
class DoctorCommandTest {
  @TempDir Path dir;

  private Map<String, String> env(String... keyValues) {
    Map<String, String> env = CliRunner.environment(dir, keyValues);
    env.put("KALSHI_API_URL", "http://127.0.0.1:9/trade-api/v2");
    env.put("POLY_CLOB_URL", "http://127.0.0.1:9");
    env.put("POLY_GEOBLOCK_URL", "http://127.0.0.1:9/api/geoblock");
    return env;
  }

  @Test
  void anInvalidSettingIsOneFailNamingItAndItsSource() {
    CliRunner.Result result = CliRunner.controller(env("ARB_MAX_SIZE", "lots"), "doctor");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out().lines().toList()).singleElement().satisfies(line -> assertThat(line)
        .startsWith("FAIL  configuration").contains("ARB_MAX_SIZE", "(from env)", "-> fix:"));
  }

  @Test
  void anInvalidSecretIsNamedButNotPrinted() {
    String badKey = "0x" + "zz".repeat(32);
    CliRunner.Result result = CliRunner.controller(env("POLY_PRIVATE_KEY", badKey), "doctor", "--json");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("POLY_PRIVATE_KEY").doesNotContain("zzzz");
  }

  @Test
  void brokenCombinationsFail() {
    CliRunner.Result result = CliRunner.controller(env("ARB_EXECUTE_REMOTE", "polymarket"), "doctor");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("FAIL  configuration", "TRADER_LINK_LISTEN");
  }

  @Test
  void withNoVenueConfiguredTheVenueChecksWarnAndNothingFails() throws Exception {
    CliRunner.Result result = CliRunner.controller(env(), "doctor", "--json");

    assertThat(result.exitCode()).isZero();
    JsonNode array = new ObjectMapper().readTree(result.out());
    assertThat(array).hasSize(9);
    for (JsonNode node : array) {
      String check = node.get("check").asText();
      String status = node.get("status").asText();
      if (check.equals("configuration") || check.equals("data dir") || check.equals("daemon")
          || check.equals("trader link")) {
        assertThat(status).as(check).isEqualTo("OK");
        assertThat(node.get("hint").isNull()).isTrue();
      } else {
        assertThat(status).as(check).isEqualTo("WARN");
        assertThat(node.get("found").asText()).as(check).contains("not configured");
        assertThat(node.get("hint").asText()).as(check).isNotBlank();
      }
    }
  }

  @Test
  void aFailingCheckMakesTheExitCodeOne() throws Exception {
    // Polymarket configured but its CLOB unreachable on loopback: the key and clock checks fail.
    CliRunner.Result result = CliRunner.controller(env("POLY_PRIVATE_KEY", TestKeys.POLY_KEY), "doctor");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("FAIL  clock polymarket").doesNotContain(TestKeys.POLY_KEY.substring(2));
    assertThat(result.out().lines()).allSatisfy(line -> assertThat(line).matches("(OK  |WARN|FAIL)  .*"));
  }

  @Test
  void helpDocumentsTheExitCodes() {
    CliRunner.Result result = CliRunner.controller(env(), "doctor", "--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Exits 0 when no check FAILs", "1   at least one check failed");
  }

  @Test
  void theDataDirectoryIsNotCreated() {
    Path missing = dir.resolve("not-yet");
    Map<String, String> env = env();
    env.put("ARB_DATA_DIR", missing.toString());
    CliRunner.controller(env, "doctor");
    assertThat(Files.exists(missing)).isFalse();
  }
}
