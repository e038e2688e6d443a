package io.github.crossarb.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.simulator.exchange.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
  @TempDir
  Path dir;

  @Test
  void defaultScenarioHasFivePairsWithBothVenues() {
    Scenario s = ScenarioLoader.defaultScenario();
    assertThat(s.pairs()).hasSize(5);
    assertThat(s.pairs()).allSatisfy(p -> {
      assertThat(p.kalshi().ticker()).isNotBlank();
      assertThat(p.polymarket().yesTokenId()).isNotEqualTo(p.polymarket().noTokenId());
    });
    ManualClock clock = new ManualClock(Instant.parse("2026-11-27T00:00:00Z"));
    assertThat(ScenarioExchanges.kalshi(s, clock).markets()).hasSize(5);
    assertThat(ScenarioExchanges.polymarket(s, clock).markets()).hasSize(10);
  }

  @Test
  void loadsJsonAndDefaultsTheOptionalParts() throws Exception {
    Path file = dir.resolve("s.json");
    Files.writeString(file, """
        {"name":"tiny","seed":5,"pairs":[{"id":"p","fairYes":"0.5",
          "kalshi":{"ticker":"KX-1","eventTicker":"KX","title":"t","series":{"ticker":"KX","feeType":"quadratic","feeMultiplier":"1"}},
          "polymarket":{"conditionId":"0xabc","question":"q","yesTokenId":"1","noTokenId":"2","tickSize":"0.01",
            "feeRate":"0.03","feeExponent":"1","minOrderSize":"5"}}]}
        """);
    Scenario s = ScenarioLoader.load(file);
    assertThat(s.seed()).isEqualTo(5);
    assertThat(s.process()).isEqualTo(ProcessSpec.defaults());
    assertThat(s.faults().kalshi()).isEmpty();
  }

  @Test
  void errorsAreOneLineAndNameTheField() throws Exception {
    assertError("s.yaml", "pairs: []\n", "pairs: at least one pair is needed");
    assertError("s.yaml", "pairz: []\n", "Unrecognized field \"pairz\"");
    assertError("s.json", "{\"pairs\": [", "s.json");
    String pair = ScenarioLoaderTest.class.getSimpleName(); // keeps the text blocks below short
    assertThat(pair).isNotEmpty();
    assertError("s.yaml", """
        pairs:
          - id: p
            fairYes: "1.5"
        """, "pair 'p'.fairYes: price out of [0, 1]");
    assertError("s.yaml", """
        pairs:
          - id: p
            fairYes: "0.5"
            kalshi: {ticker: K, eventTicker: E, title: t, series: {ticker: S, feeType: flat, feeMultiplier: "1"}}
        """, "pair 'p'.kalshi.series: unsupported Kalshi fee type \"flat\"");
    assertError("s.yaml", """
        pairs:
          - id: p
            fairYes: "0.5"
            kalshi: {ticker: K, eventTicker: E, title: t, series: {ticker: S, feeType: quadratic, feeMultiplier: "1"}}
            polymarket: {conditionId: c, question: q, yesTokenId: "1", noTokenId: "2", tickSize: "0.02",
                         feeRate: "0.03", feeExponent: "1", minOrderSize: "5"}
        """, "pair 'p'.polymarket.tickSize: must be one of");
    assertError("s.yaml", """
        pairs:
          - id: p
            fairYes: "0.5"
            kalshi: {ticker: K, eventTicker: E, title: t, series: {ticker: S, feeType: quadratic, feeMultiplier: "1"}}
            polymarket: {conditionId: c, question: q, yesTokenId: "1", noTokenId: "2", tickSize: "0.01",
                         feeRate: "0.03", feeExponent: "1", minOrderSize: "5"}
            initialBooks:
              kalshi: {bids: [["0.50", "10"]], asks: [["0.49", "10"]]}
        """, "crossed book");
    assertThatThrownBy(() -> ScenarioLoader.load(dir.resolve("missing.yaml")))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("no such file");
  }

  private void assertError(String name, String text, String expected) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").startsWith("scenario "));
  }
  @Test
  void faultScriptsParseWithDefaults() throws Exception {
    String base = new String(ScenarioLoaderTest.class.getResourceAsStream("/scenarios/two-pairs.yaml").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    String withFaults = base + """
        faults:
          kalshi:
            - {kind: http_429, target: "POST /trade-api/v2/portfolio/*", times: 2}
            - {kind: seq_gap, target: KXFED-26DEC-T4.25, chancePermille: 100, times: -1}
            - {kind: tick_size_change, target: KXFED-26DEC-T4.25, atStep: 5, params: {step: "0.02"}}
          polymarket:
            - {kind: trade_failed_after_matched, target: "101"}
        """;
    Scenario s = ScenarioLoader.parse(withFaults, true, "inline");
    assertThat(s.faults().kalshi()).hasSize(3);
    var first = s.faults().kalshi().get(0);
    assertThat(first.times()).isEqualTo(2);
    assertThat(first.chancePermille()).isEqualTo(1000);
    assertThat(first.status()).isEqualTo(503);
    assertThat(first.atStep()).isEqualTo(-1);
    assertThat(s.faults().kalshi().get(2).params()).containsEntry("step", "0.02");
    assertThat(s.faults().polymarket().get(0).kind()).isEqualTo("trade_failed_after_matched");

    assertThatThrownBy(() -> ScenarioLoader.parse(base + """
        faults:
          kalshi:
            - {kind: tick_size_change, target: KXNOPE, atStep: 5, params: {step: "0.02"}}
        """, true, "inline")).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("faults.kalshi[0]: tick_size_change target must be a market");
    assertThatThrownBy(() -> ScenarioLoader.parse(base + """
        faults:
          kalshi:
            - {kind: http_429, chancePermille: 2000}
        """, true, "inline")).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("chancePermille must be in [0, 1000]")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
