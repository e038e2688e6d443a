package io.github.crossarb.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.CliRunner.Result;
import io.github.crossarb.cli.ExitCodes;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class SimCommandTest {
  @TempDir Path dataDir;

  private Map<String, String> env() {
    return CliRunner.environment(dataDir);
  }

  private static Map<String, String> exports(String out) {
    Map<String, String> vars = new LinkedHashMap<>();
    out.lines().forEach(line -> {
      assertThat(line).startsWith("export ");
      String assignment = line.substring("export ".length());
      int eq = assignment.indexOf('=');
      vars.put(assignment.substring(0, eq), assignment.substring(eq + 1));
    });
    return vars;
  }

  @Test
  void printsExportLinesThatPointAtTheRunningSimulatorAndWritesOwnerOnlyKeys() throws Exception {
    Result result = CliRunner.controller(env(), "sim", "--check");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    Map<String, String> vars = exports(result.out());
    assertThat(vars).containsKeys("KALSHI_API_URL", "KALSHI_WS_URL", "KALSHI_API_KEY_ID", "KALSHI_KEY_FILE");
    assertThat(vars.get("KALSHI_API_URL")).matches("http://127\\.0\\.0\\.1:\\d+/trade-api/v2");
    assertThat(vars.get("KALSHI_WS_URL")).matches("ws://127\\.0\\.0\\.1:\\d+/trade-api/ws/v2");
    Path key = Path.of(vars.get("KALSHI_KEY_FILE"));
    assertThat(key).startsWith(dataDir.resolve("sim"));
    assertThat(Files.readString(key)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("sim"))))
        .isEqualTo("rwx------");
    assertThat(result.out()).doesNotContain("PRIVATE KEY");

    // A second run reuses the key and its id, so an exported environment stays valid.
    Map<String, String> again = exports(CliRunner.controller(env(), "sim", "--check").out());
    assertThat(again.get("KALSHI_API_KEY_ID")).isEqualTo(vars.get("KALSHI_API_KEY_ID"));
  }

  @Test
  void printsThePolymarketEnvironmentToo() throws Exception {
    Result result = CliRunner.controller(env(), "sim", "--check");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    Map<String, String> vars = exports(result.out());
    String clob = vars.get("POLY_CLOB_URL");
    assertThat(clob).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(vars.get("POLY_WS_URL")).isEqualTo(clob.replace("http://", "ws://") + "/ws");
    assertThat(vars.get("POLY_GAMMA_URL")).isEqualTo(clob + "/gamma");
    assertThat(vars.get("POLY_DATA_URL")).isEqualTo(clob + "/data-api");
    assertThat(vars.get("POLY_GEOBLOCK_URL")).isEqualTo(clob + "/api/geoblock");
    assertThat(vars.get("POLY_PRIVATE_KEY")).matches("0x[0-9a-f]{64}");
    assertThat(vars.get("POLY_SIGNATURE_TYPE")).isEqualTo("0");
    assertThat(vars).containsKeys("POLY_API_KEY", "POLY_API_SECRET", "POLY_API_PASSPHRASE");
    Path key = dataDir.resolve("sim").resolve("polymarket-sim-key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");

    Map<String, String> again = exports(CliRunner.controller(env(), "sim", "--check").out());
    assertThat(again.get("POLY_API_KEY")).isEqualTo(vars.get("POLY_API_KEY"));
    assertThat(again.get("POLY_PRIVATE_KEY")).isEqualTo(vars.get("POLY_PRIVATE_KEY"));

    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Result busy = CliRunner.controller(env(), "sim", "--check", "--poly-port", Integer.toString(taken.getLocalPort()));
      assertThat(busy.exitCode()).isEqualTo(ExitCodes.CONFIG);
      assertThat(busy.errLines()).singleElement().asString().contains("cannot listen");
    }
  }

  @Test
  void jsonPrintsOneObject() throws Exception {
    Result result = CliRunner.controller(env(), "sim", "--check", "--json");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    JsonNode node = new ObjectMapper().readTree(result.out());
    assertThat(node.get("KALSHI_API_KEY_ID").asText()).matches("[0-9a-f-]{36}");
  }

  @Test
  void badScenarioIsAOneLineConfigError() throws Exception {
    Path file = dataDir.resolve("bad.yaml");
    Files.writeString(file, "pairs:\n  - id: p\n    fairYes: \"2\"\n");
    Result result = CliRunner.controller(env(), "sim", "--check", "--scenario", file.toString());
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.errLines()).singleElement().asString()
        .startsWith("controller: scenario ").contains("pair 'p'.fairYes");
    assertThat(result.out()).isEmpty();

    Result missing = CliRunner.controller(env(), "sim", "--check", "--scenario", dataDir.resolve("nope.json").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(missing.errLines()).singleElement().asString().contains("no such file");
  }

  @Test
  void busyPortIsAOneLineError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Result result = CliRunner.controller(env(), "sim", "--check", "--kalshi-port",
          Integer.toString(taken.getLocalPort()));
      assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
      assertThat(result.errLines()).singleElement().asString().contains("cannot listen");
    }
  }

  @Test
  void shellQuotingKeepsValuesOneWord() {
    assertThat(SimCommand.shellQuote("http://127.0.0.1:1/trade-api/v2")).isEqualTo("http://127.0.0.1:1/trade-api/v2");
    assertThat(SimCommand.shellQuote("/tmp/a b/it's")).isEqualTo("'/tmp/a b/it'\\''s'");
  }
}
