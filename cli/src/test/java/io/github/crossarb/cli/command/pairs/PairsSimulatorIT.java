package io.github.crossarb.cli.command.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.CliRunner.Result;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairFingerprint;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.store.MarketCache;
import io.github.crossarb.core.store.PairsFile;
import io.github.crossarb.simulator.Simulation;
import io.github.crossarb.simulator.scenario.PairSpec;
import io.github.crossarb.simulator.scenario.ScenarioLoader;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pair registry commands against the simulator in-process (real venue clients, loopback
 * sockets): suggest finds the default scenario's five pairs, approve records a fingerprint equal
 * to one computed here from the scenario's own rules texts and close times.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PairsSimulatorIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;

  private static Vertx vertx;
  private static Simulation simulation;
  private static Map<String, String> env;
  private static final List<PairSpec> PAIRS = ScenarioLoader.defaultScenario().pairs();

  @BeforeAll
  static void startSimulators() throws Exception {
    vertx = Vertx.vertx();
    simulation = Simulation.start(vertx, dataDir.resolve("sim"))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    env = new HashMap<>(CliRunner.environment(dataDir));
    env.putAll(simulation.environment());
  }

  @AfterAll
  static void stopSimulators() throws Exception {
    if (simulation != null) {
      simulation.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static Result run(String... args) {
    Result result = CliRunner.controller(env, args);
    assertThat(result.exitCode()).as("%s: %s", String.join(" ", args), result.err()).isZero();
    return result;
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The fingerprint of a scenario pair, from the scenario file alone (not through any venue client).
   */
  private static PairFingerprint expectedFingerprint(PairSpec pair) throws Exception {
    String kalshiRules = pair.kalshi().rulesSecondary() == null || pair.kalshi().rulesSecondary().isBlank()
        ? pair.kalshi().rulesPrimary() : pair.kalshi().rulesPrimary() + "\n\n" + pair.kalshi().rulesSecondary();
    return new PairFingerprint(sha256(kalshiRules), Instant.parse(pair.kalshi().closeTime()),
        sha256(pair.polymarket().description()), Instant.parse(pair.polymarket().endDate()));
  }

  @Test
  void suggestFindsTheFivePairsAndApproveRecordsTheirFingerprints() throws Exception {
    assertThat(PAIRS).hasSize(5);
    JsonNode suggestions = JSON.readTree(run("pairs", "suggest", "--json").out());
    Map<String, String> best = new LinkedHashMap<>();
    for (JsonNode s : suggestions) {
      best.putIfAbsent(s.get("kalshi").get("market").asText(), s.get("polymarket").get("market").asText());
    }
    Map<String, String> expected = new LinkedHashMap<>();
    PAIRS.forEach(p -> expected.put(p.kalshi().ticker(), p.polymarket().conditionId()));
    assertThat(best).containsExactlyInAnyOrderEntriesOf(expected);
    for (int i = 0; i < 5; i++) {
      JsonNode s = suggestions.get(i);
      assertThat(expected.get(s.get("kalshi").get("market").asText())).as("suggestion #%d", i + 1)
          .isEqualTo(s.get("polymarket").get("market").asText());
      assertThat(s.get("relation").asText()).isEqualTo("same");
      assertThat(s.get("kalshi").get("rules").isTextual()).isTrue();
      assertThat(s.get("polymarket").get("rules").asText()).isEqualTo(PAIRS.stream()
          .filter(p -> p.polymarket().conditionId().equals(s.get("polymarket").get("market").asText()))
          .findFirst().orElseThrow().polymarket().description());
    }

    String text = run("pairs", "suggest", "--query", "bitcoin").out();
    assertThat(text).contains("score", "KALSHI RULES", "POLYMARKET RULES", "CF Benchmarks Bitcoin Real Time Index",
        "controller pairs approve --id", "nothing was approved");
    assertThat(PairsFile.read(dataDir).isEmpty()).as("suggest never approves").isTrue();

    for (PairSpec pair : PAIRS) {
      Result approved = run("pairs", "approve", "--id", pair.id(), "--kalshi", pair.kalshi().ticker(),
          "--polymarket", pair.polymarket().conditionId(), "--by", "tester");
      assertThat(approved.out()).contains("KALSHI RULES", pair.kalshi().rulesPrimary().substring(0, 30),
          pair.polymarket().yesTokenId(), "approved " + pair.id() + " by tester");
    }
    PairRegistry registry = PairsFile.read(dataDir);
    assertThat(registry.approved()).hasSize(5);
    for (PairSpec pair : PAIRS) {
      PairEntry entry = registry.require(pair.id());
      assertThat(entry.kalshiTicker()).isEqualTo(pair.kalshi().ticker());
      assertThat(entry.polymarket().conditionId()).isEqualTo(pair.polymarket().conditionId());
      assertThat(entry.polymarket().yesTokenId()).isEqualTo(pair.polymarket().yesTokenId());
      assertThat(entry.polymarket().noTokenId()).isEqualTo(pair.polymarket().noTokenId());
      assertThat(entry.relation()).isEqualTo(PairRelation.SAME);
      assertThat(entry.approvedBy()).isEqualTo("tester");
      assertThat(entry.fingerprint()).isEqualTo(expectedFingerprint(pair));
    }

    // The approval seeded the engine's market cache with both descriptions of every pair.
    MarketCache cache = MarketCache.read(dataDir);
    for (PairSpec pair : PAIRS) {
      assertThat(cache.fresh(InstrumentId.kalshi(pair.kalshi().ticker()), Instant.now())).isPresent();
      assertThat(cache.fresh(InstrumentId.polymarket(pair.polymarket().noTokenId()), Instant.now()))
          .hasValueSatisfying(m -> assertThat(m.venue()).isEqualTo(VenueId.POLYMARKET));
    }

    // show --check: the venues still describe what was approved.
    assertThat(run("pairs", "show", "fed-dec", "--check").out()).contains("both markets unchanged since approval");

    // suspend, list, re-approve, remove
    run("pairs", "suspend", "fed-dec", "--reason", "operator review");
    JsonNode list = JSON.readTree(run("pairs", "list", "--json").out());
    assertThat(list).hasSize(5);
    assertThat(list.get(0).get("status").asText()).isEqualTo("suspended");
    assertThat(list.get(0).get("statusReason").asText()).isEqualTo("operator review");
    assertThat(run("pairs", "approve", "--id", "fed-dec", "--kalshi", PAIRS.get(0).kalshi().ticker(), "--polymarket",
        PAIRS.get(0).polymarket().conditionId(), "--by", "second").out())
        .contains("unchanged since the previous approval (suspended)", "re-approved fed-dec by second");
    assertThat(PairsFile.read(dataDir).require("fed-dec").isApproved()).isTrue();
    run("pairs", "remove", "nba-champ");
    assertThat(PairsFile.read(dataDir).find("nba-champ")).isEmpty();
  }

  @Test
  void approvingAnUnknownMarketFailsAsAVenueErrorAndRecordsNothing() throws Exception {
    Path empty = dataDir.resolve("other");
    java.nio.file.Files.createDirectories(empty);
    Map<String, String> otherEnv = new HashMap<>(env);
    otherEnv.put("ARB_DATA_DIR", empty.toString());
    Result result = CliRunner.controller(otherEnv, "pairs", "approve", "--id", "x", "--kalshi", "KXNOPE-1",
        "--polymarket", PAIRS.get(0).polymarket().conditionId());
    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.errLines()).hasSize(1);
    Result poly = CliRunner.controller(otherEnv, "pairs", "approve", "--id", "x", "--kalshi",
        PAIRS.get(0).kalshi().ticker(), "--polymarket", "0x" + "0".repeat(64));
    assertThat(poly.exitCode()).isEqualTo(4);
    assertThat(poly.err()).contains("no Polymarket market with condition id");
    assertThat(PairsFile.read(empty).isEmpty()).isTrue();
  }
}
