package io.github.crossarb.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {
  @Test
  void skipsThenFiresTheGivenNumberOfTimesOnMatchingSubjectsOnly() {
    FaultInjector f = new FaultInjector(1, List.of(
        FaultRule.once(FaultKinds.HTTP_429, "POST /trade-api/v2/portfolio/*").withTimes(2).withSkip(1)));
    assertThat(f.take(FaultKinds.HTTP_429, "GET /trade-api/v2/markets")).isEmpty();
    assertThat(f.take(FaultKinds.HTTP_5XX, "POST /trade-api/v2/portfolio/events/orders")).isEmpty();
    assertThat(f.take(FaultKinds.HTTP_429, "POST /trade-api/v2/portfolio/events/orders")).isEmpty(); // skipped
    assertThat(f.take(FaultKinds.HTTP_429, "POST /trade-api/v2/portfolio/events/orders")).isPresent();
    assertThat(f.take(FaultKinds.HTTP_429, "POST /trade-api/v2/portfolio/events/orders")).isPresent();
    assertThat(f.take(FaultKinds.HTTP_429, "POST /trade-api/v2/portfolio/events/orders")).isEmpty();
    assertThat(f.armedCount()).isZero();
  }

  @Test
  void chancesAreReproducibleFromTheSeed() {
    FaultRule rule = FaultRule.always(FaultKinds.SEQ_GAP, "*").withChancePermille(300);
    List<Boolean> a = rolls(new FaultInjector(9, List.of(rule)));
    List<Boolean> b = rolls(new FaultInjector(9, List.of(rule)));
    List<Boolean> c = rolls(new FaultInjector(10, List.of(rule)));
    assertThat(a).isEqualTo(b).isNotEqualTo(c).contains(true, false);
  }

  @Test
  void scheduledRulesComeDueOnceAndNeverFireAsReactions() {
    FaultInjector f = new FaultInjector(1, List.of(
        FaultRule.once(FaultKinds.TICK_SIZE_CHANGE, "KX").atStep(3, Map.of("step", "0.02"))));
    assertThat(f.take(FaultKinds.TICK_SIZE_CHANGE, "KX")).isEmpty();
    assertThat(f.scheduled(2)).isEmpty();
    assertThat(f.scheduled(3)).singleElement().satisfies(r -> assertThat(r.params()).containsEntry("step", "0.02"));
    assertThat(f.scheduled(4)).isEmpty();
  }

  private static List<Boolean> rolls(FaultInjector f) {
    List<Boolean> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      out.add(f.take(FaultKinds.SEQ_GAP, "KX").isPresent());
    }
    return out;
  }
}
