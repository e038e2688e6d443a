package io.github.crossarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.cli.CliRunner.Result;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControllerCommandTest {
  private static final Map<String, String> NO_ENV = Map.of();

  @TempDir Path dataDir;

  @Test
  void helpPrintsUsageWithSubcommandsAndExitCodesToStdout() {
    Result result = CliRunner.controller(NO_ENV, "--help");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .startsWith("Usage: controller")
        .contains("--version", "--set=KEY=VALUE", "--data-dir=DIR", "--debug", "config", "Exit codes:")
        .contains("3   configuration error");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void versionComesFromTheFilteredResource() {
    Result result = CliRunner.controller(NO_ENV, "--version");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out().strip()).matches("crossarb controller \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void subcommandsInheritHelpAndVersion() {
    assertThat(CliRunner.controller(NO_ENV, "config", "--help").out()).startsWith("Usage: controller config");
    assertThat(CliRunner.controller(NO_ENV, "config", "--version").out()).startsWith("crossarb controller ");
  }

  @Test
  void noSubcommandPrintsUsageToStderrAndExits2() {
    Result result = CliRunner.controller(NO_ENV);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("Usage: controller");
  }

  @Test
  void unknownSubcommandIsOneLineWithAHintAndNoStackTrace() {
    Result result = CliRunner.controller(NO_ENV, "xyzzy");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).containsExactly(
        "controller: unknown command 'xyzzy'; try 'controller --help'");
  }

  @Test
  void aMisspelledSubcommandGetsASuggestion() {
    Result result = CliRunner.controller(NO_ENV, "confg");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString().contains("did you mean 'config'");
  }

  @Test
  void badFlagIsAUsageError() {
    Result result = CliRunner.controller(NO_ENV, "--bogus");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).containsExactly(
        "controller: unknown option: '--bogus'; try 'controller --help'");
  }

  @Test
  void badFlagOnASubcommandPointsAtThatSubcommandsHelp() {
    Result result = CliRunner.controller(NO_ENV, "config", "--jsn");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString()
        .startsWith("controller: unknown option: '--jsn'")
        .endsWith("try 'controller config --help'");
  }

  @Test
  void setWithoutEqualsDoesNotEchoTheArgument() {
    // Someone forgetting '=' may be passing a credential.
    Result result = CliRunner.controller(NO_ENV, "--set", "POLY_PRIVATE_KEY" + TestKeys.POLY_KEY, "config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).containsExactly("controller: --set expects KEY=VALUE; try 'controller --help'");
  }

  @Test
  void setWithAnUnknownKeyIsAUsageError() {
    Result result = CliRunner.controller(NO_ENV, "--set", "ARB_MAX_SIZ=3", "config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).singleElement().asString().contains("unknown setting 'ARB_MAX_SIZ'");
  }

  @Test
  void globalOptionsWorkBeforeAndAfterTheSubcommandAndMerge() throws Exception {
    Result result = CliRunner.controller(NO_ENV,
        "--set", "ARB_MAX_SIZE=7", "--set", "ARB_MIN_EDGE=0.05",
        "config", "--json", "--data-dir", dataDir.toString(), "--set", "ARB_MIN_EDGE=0.04");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.at("/ARB_MAX_SIZE/value").asText()).isEqualTo("7");
    assertThat(json.at("/ARB_MAX_SIZE/source").asText()).isEqualTo("flag");
    assertThat(json.at("/ARB_MIN_EDGE/value").asText()).isEqualTo("0.04");
    assertThat(json.at("/ARB_DATA_DIR/value").asText()).isEqualTo(dataDir.toString());
  }

  @Test
  void traderHasTheSameShape() {
    Result help = CliRunner.trader(NO_ENV, "--help");
    Result version = CliRunner.trader(NO_ENV, "--version");
    Result unknown = CliRunner.trader(NO_ENV, "nope");

    assertThat(help.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(help.out()).startsWith("Usage: trader").contains("config");
    assertThat(version.out().strip()).startsWith("crossarb trader ");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.errLines()).containsExactly("trader: unknown command 'nope'; try 'trader --help'");
  }
}
