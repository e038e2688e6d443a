package io.github.crossarb.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.engine.internal.ClientOrderIds;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientOrderIdsTest {
  @Test
  void idsAreShortAndUniqueWithinAndAcrossRuns() {
    Set<String> seen = new HashSet<>();
    long start = 1_795_000_000_000L;
    for (ClientOrderIds run : new ClientOrderIds[] {new ClientOrderIds(start), new ClientOrderIds(start + 1)}) {
      for (int i = 0; i < 5000; i++) {
        String id = run.nextOrder().value();
        assertThat(id).matches("arb-[0-9a-z]+-[0-9a-z]+").hasSizeLessThanOrEqualTo(32);
        assertThat(seen.add(id)).as("duplicate %s", id).isTrue();
      }
      assertThat(run.nextExecution()).startsWith("x-").isNotEqualTo(run.nextExecution());
    }
  }
}
