package io.github.crossarb.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.simulator.Simulation;
import io.github.crossarb.simulator.SimulationOptions;
import io.github.crossarb.simulator.exchange.ManualClock;
import io.github.crossarb.simulator.scenario.ScenarioLoader;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code controller doctor} end to end against the in-process simulator (loopback only) with the
 * simulated credentials: all OK; with a broken Kalshi key file: one FAIL with its hint, exit 1.
 * The output never carries a secret.
 */
@Timeout(120)
class DoctorSimulatorIT {
  @TempDir static Path root;

  private static Vertx vertx;
  private static Simulation sim;
  private static Path dataDir;
  private static Map<String, String> env;

  @BeforeAll
  static void startSimulator() throws Exception {
    vertx = Vertx.vertx();
    sim = Simulation.start(vertx, root.resolve("sim")).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    dataDir = root.resolve("data");
    env = new HashMap<>(sim.environment());
    env.put("ARB_DATA_DIR", dataDir.toString());
    assertThat(env.values()).allSatisfy(value -> assertThat(value).doesNotContain("kalshi.com", "polymarket.com"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (sim != null) {
      sim.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void allChecksPassWithTheSimulatedCredentials() throws Exception {
    CliRunner.Result result = CliRunner.controller(env, "doctor");

    assertThat(result.err()).isEmpty();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(9).allSatisfy(line -> assertThat(line).startsWith("OK "));
    assertThat(lines.stream().map(l -> l.substring(6).split("  ")[0].strip()).toList()).containsExactly(
        "configuration", "kalshi key", "polymarket key", "clock kalshi", "clock polymarket", "geoblock", "data dir",
        "daemon", "trader link");
    assertThat(result.out())
        .containsPattern("signer 0x[0-9a-fA-F]{40}, signature type 0")
        .contains("not running (no ")
        .contains("not configured (TRADER_LINK_LISTEN unset)");
    assertThat(result.exitCode()).isZero();
    assertNoSecret(result.out() + result.err());
  }

  @Test
  void jsonGivesTheSameChecks() throws Exception {
    CliRunner.Result result = CliRunner.controller(env, "doctor", "--json");

    assertThat(result.exitCode()).isZero();
    JsonNode array = new ObjectMapper().readTree(result.out());
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(9);
    List<String> checks = new ArrayList<>();
    for (JsonNode node : array) {
      assertThat(node.get("status").asText()).isEqualTo("OK");
      assertThat(node.get("hint").isNull()).isTrue();
      checks.add(node.get("check").asText());
    }
    assertThat(checks).startsWith("configuration", "kalshi key").endsWith("trader link");
    assertNoSecret(result.out());
  }

  @Test
  void aBrokenKeyFileIsOneFailWithItsHint() throws Exception {
    Path broken = root.resolve("broken.pem");
    // Armoured like a key (so the configuration accepts it), but not one inside.
    Files.writeString(broken, "-----BEGIN RSA PRIVATE KEY-----\nTm90IGEga2V5IGF0IGFsbA==\n-----END RSA PRIVATE KEY-----\n",
        StandardCharsets.US_ASCII);
    Map<String, String> brokenEnv = new HashMap<>(env);
    brokenEnv.put("KALSHI_KEY_FILE", broken.toString());

    CliRunner.Result result = CliRunner.controller(brokenEnv, "doctor");

    assertThat(result.exitCode()).isEqualTo(1);
    List<String> fails = result.out().lines().filter(line -> line.startsWith("FAIL")).toList();
    assertThat(fails).hasSize(1);
    assertThat(fails.get(0)).contains("kalshi key").contains(broken.toString())
        .contains("-> fix:").contains("KALSHI_KEY_FILE");
    assertThat(result.out().lines().filter(line -> line.startsWith("WARN"))).isEmpty();
    assertNoSecret(result.out() + result.err());
  }

  @Test
  void aVenueClockTwentySecondsAheadFailsBothClockChecks() throws Exception {
    ManualClock ahead = new ManualClock(Instant.now().plusSeconds(20));
    Simulation skewed = Simulation.start(vertx, ScenarioLoader.defaultScenario(),
            SimulationOptions.defaults(root.resolve("sim-skewed")).withClock(ahead, false))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    try {
      Map<String, String> skewedEnv = new HashMap<>(skewed.environment());
      skewedEnv.put("ARB_DATA_DIR", root.resolve("data-skewed").toString());

      CliRunner.Result result = CliRunner.controller(skewedEnv, "doctor");

      assertThat(result.exitCode()).isEqualTo(1);
      List<String> fails = result.out().lines().filter(line -> line.startsWith("FAIL")).toList();
      assertThat(fails).hasSize(2);
      assertThat(fails.get(0)).contains("clock kalshi", "ms behind the venue", "-> fix:", "NTP");
      assertThat(fails.get(1)).contains("clock polymarket", "ms behind the venue");
    } finally {
      skewed.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static void assertNoSecret(String output) throws Exception {
    List<String> secrets = new ArrayList<>();
    String poly = sim.environment().get("POLY_PRIVATE_KEY");
    secrets.add(poly);
    secrets.add(poly.replaceFirst("^0x", ""));
    secrets.add(sim.environment().get("POLY_API_KEY"));
    secrets.add(sim.environment().get("POLY_API_SECRET"));
    secrets.add(sim.environment().get("POLY_API_PASSPHRASE"));
    // Every line of the Kalshi key's body (the armour lines are not secret).
    Files.readAllLines(sim.kalshiKeyFile()).stream().filter(line -> !line.startsWith("-----") && line.length() > 16)
        .forEach(secrets::add);
    assertThat(secrets).hasSizeGreaterThan(6);
    for (String secret : secrets) {
      assertThat(output).doesNotContainIgnoringCase(secret);
    }
  }
}
