package io.github.crossarb.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {
  @Test
  void nearestRankOverOneToThousand() {
    long[] samples = LongStream.rangeClosed(1, 1000).map(i -> 1001 - i).toArray(); // unsorted on purpose
    LatencyStats s = LatencyStats.of(samples);
    assertThat(s.count()).isEqualTo(1000);
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.p50()).isEqualTo(500);
    assertThat(s.p99()).isEqualTo(990);
    assertThat(s.p999()).isEqualTo(999);
    assertThat(s.max()).isEqualTo(1000);
    assertThat(s.mean()).isEqualTo(500); // 500.5 rounded down
    assertThat(samples[0]).as("input left as it was").isEqualTo(1000);
  }

  @Test
  void smallSetsTakeTheTopSampleForHighPercentiles() {
    LatencyStats s = LatencyStats.of(new long[] {30, 10, 20});
    assertThat(s.p50()).isEqualTo(20);
    assertThat(s.p99()).isEqualTo(30);
    assertThat(s.p999()).isEqualTo(30);
    assertThat(LatencyStats.of(new long[] {7}).p50()).isEqualTo(7);
  }

  @Test
  void emptyIsAllZero() {
    assertThat(LatencyStats.of(new long[0])).isEqualTo(LatencyStats.EMPTY);
  }

  @Test
  void microsHaveOneDecimal() {
    assertThat(LatencyStats.micros(87_349)).isEqualTo("87.3");
  }
}
