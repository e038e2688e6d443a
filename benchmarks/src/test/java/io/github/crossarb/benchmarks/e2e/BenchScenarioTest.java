package io.github.crossarb.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.simulator.scenario.PairSpec;
import io.github.crossarb.simulator.scenario.Scenario;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchScenarioTest {
  @Test
  void pairsAreDistinctValidAndWindowFree() {
    Scenario s = BenchScenario.of(300);
    assertThat(s.pairs()).hasSize(300);
    Set<String> ids = new HashSet<>();
    for (PairSpec p : s.pairs()) {
      ids.add(p.id());
      ids.add(p.kalshi().ticker());
      ids.add(p.polymarket().conditionId());
      ids.add(p.polymarket().yesTokenId());
      ids.add(p.polymarket().noTokenId());
      assertThat(p.fairYes()).matches("0\\.[3-7][0-9]");
    }
    assertThat(ids).as("no id shared by two pairs or two roles").hasSize(300 * 5);
    assertThat(s.process().windowChancePermille()).isZero();
    assertThat(s.accounts().kalshiBalance()).isEqualTo("1000000000");
  }
}
