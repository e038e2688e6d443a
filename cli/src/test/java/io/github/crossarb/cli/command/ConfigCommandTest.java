package io.github.crossarb.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.CliRunner.Result;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.TestKeys;
import io.github.crossarb.cli.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
  @TempDir Path dataDir;

  private Map<String, String> env(String... keyValues) {
    return CliRunner.environment(dataDir, keyValues);
  }

  /** Every credential set, from every layer a secret can come from. */
  private Map<String, String> fullyConfigured() throws IOException {
    Files.writeString(dataDir.resolve("config.properties"),
        "POLY_FUNDER=" + TestKeys.FUNDER + "\nARB_MAX_UNHEDGED=33\n");
    return env("KALSHI_API_KEY_ID", TestKeys.KALSHI_KEY_ID, "KALSHI_KEY_B64", TestKeys.KALSHI_PEM_B64);
  }

  private static void assertNoSecretIn(String output) {
    assertThat(output).doesNotContain(TestKeys.KALSHI_PEM_B64, TestKeys.KALSHI_PEM_B64.substring(0, 24),
        "TESTKEYBODY", TestKeys.POLY_KEY.substring(2, 30), "BEGIN PRIVATE");
  }

  @Test
  void printsEverySettingWithValueAndSource() throws IOException {
    Result result = CliRunner.controller(fullyConfigured(), "config", "--set", "POLY_PRIVATE_KEY=" + TestKeys.POLY_KEY,
        "--set", "ARB_MAX_SIZE=12");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.err()).isEmpty();
    Path file = dataDir.resolve("config.properties");
    assertThat(result.out().lines())
        .hasSize(Settings.all().size() + 1)
        .first().asString().matches("KEY +VALUE +SOURCE");
    assertThat(result.out().lines().map(line -> line.split(" {2,}")).map(cells -> String.join("|", cells)))
        .contains(
            "ARB_DATA_DIR|" + dataDir + "|env",
            "KALSHI_API_KEY_ID|" + TestKeys.KALSHI_KEY_ID + "|env",
            "KALSHI_KEY_B64|***|env",
            "KALSHI_KEY_FILE|(unset)|-",
            "POLY_PRIVATE_KEY|***|flag",
            "POLY_FUNDER|" + TestKeys.FUNDER + "|file " + file,
            "ARB_MAX_UNHEDGED|33|file " + file,
            "ARB_MAX_SIZE|12|flag",
            "ARB_SILENCE_MS|10000|default");
    assertNoSecretIn(result.out());
  }

  @Test
  void jsonHasTheSameContent() throws IOException {
    Result result = CliRunner.controller(fullyConfigured(), "config", "--json", "--set",
        "POLY_PRIVATE_KEY=" + TestKeys.POLY_KEY);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.size()).isEqualTo(Settings.all().size());
    assertThat(json.at("/KALSHI_KEY_B64/value").asText()).isEqualTo("***");
    assertThat(json.at("/KALSHI_KEY_B64/source").asText()).isEqualTo("env");
    assertThat(json.at("/POLY_PRIVATE_KEY/value").asText()).isEqualTo("***");
    assertThat(json.at("/KALSHI_KEY_FILE/value").isNull()).isTrue();
    assertThat(json.at("/KALSHI_KEY_FILE/source").isNull()).isTrue();
    assertThat(json.at("/POLY_FUNDER/source").asText()).isEqualTo("file " + dataDir.resolve("config.properties"));
    assertThat(json.at("/ARB_MIN_EDGE_REL/value").asText()).isEqualTo("0.005");
    assertThat(json.at("/ARB_MIN_EDGE_REL/source").asText()).isEqualTo("default");
    assertNoSecretIn(result.out());
  }

  @Test
  void invalidConfigurationIsOneLineAndExits3() {
    Result result = CliRunner.controller(env("ARB_MAX_SIZE", "many"), "config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).containsExactly(
        "controller: invalid ARB_MAX_SIZE (from env): not a decimal number: \"many\"");
  }

  @Test
  void badSecretExits3WithoutEchoingIt() {
    String bad = "SECRETMARKER" + TestKeys.POLY_KEY.substring(12);

    // --debug adds a stack trace, which must not carry the value either.
    for (String option : new String[] {"--json", "--debug"}) {
      Result result = CliRunner.controller(env("POLY_PRIVATE_KEY", bad), "config", option);

      assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
      assertThat(result.errLines().get(0))
          .startsWith("controller: invalid POLY_PRIVATE_KEY (from env): must be 64 hex digits");
      assertThat(result.out() + result.err()).doesNotContain("SECRETMARKER", bad.substring(12));
    }
    assertThat(CliRunner.controller(env("POLY_PRIVATE_KEY", bad), "config").errLines()).hasSize(1);
  }

  @Test
  void bothKalshiKeySourcesExits3() throws IOException {
    Path pem = Files.writeString(dataDir.resolve("kalshi.pem"), TestKeys.KALSHI_PEM);

    Result result = CliRunner.controller(env("KALSHI_KEY_B64", TestKeys.KALSHI_PEM_B64), "config",
        "--set", "KALSHI_KEY_FILE=" + pem);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.errLines()).containsExactly(
        "controller: set only one of KALSHI_KEY_B64 (from env) and KALSHI_KEY_FILE (from flag)");
    assertNoSecretIn(result.err());
  }

  @Test
  void unreadableConfigFileExits3() throws IOException {
    Files.createDirectory(dataDir.resolve("config.properties"));

    Result result = CliRunner.controller(env(), "config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.errLines()).singleElement().asString()
        .startsWith("controller: cannot read config file " + dataDir.resolve("config.properties"));
  }

  @Test
  void malformedConfigFileExits3() throws IOException {
    Files.writeString(dataDir.resolve("config.properties"), "ARB_MIN_EDGE=\\uZZZZ\n");

    Result result = CliRunner.trader(env(), "config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.errLines()).singleElement().asString().startsWith("trader: cannot read config file ");
  }

  @Test
  void referencePrintsTheMarkdownTableEvenWhenTheConfigurationIsBroken() {
    Result result = CliRunner.controller(env("ARB_MAX_SIZE", "many"), "config", "--reference");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).isEqualTo(Settings.markdownTable());
  }

  @Test
  void jsonAndReferenceDoNotCombine() {
    Result result = CliRunner.controller(env(), "config", "--json", "--reference");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).containsExactly(
        "controller: --json and --reference cannot be combined; try 'controller config --help'");
  }
}
