package io.github.crossarb.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On a log written by HotSpot 17 with {@code -Xlog:gc*:file=F:uptime,timenanos,level,tags} (G1). */
class GcLogTest {
  static String sample() throws Exception {
    try (InputStream in = GcLogTest.class.getResourceAsStream("gc-sample.log")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void findsEveryPauseSummaryAndNothingElse() throws Exception {
    List<GcLog.Pause> pauses = GcLog.parse(sample());
    assertThat(pauses).extracting(GcLog.Pause::gcId).containsExactly(0L, 86L, 87L, 88L, 89L);
    GcLog.Pause first = pauses.get(0);
    assertThat(first.kind()).isEqualTo(GcLog.Kind.YOUNG);
    assertThat(first.description()).isEqualTo("Young (Normal) (G1 Evacuation Pause)");
    assertThat(first.endNanos()).isEqualTo(34484090226388L);
    assertThat(first.durationNanos()).isEqualTo(8_000_000L);
    assertThat(first.startNanos()).isEqualTo(34484090226388L - 8_000_000L);
    assertThat(first.allocationDriven()).isTrue();
    assertThat(pauses.get(1).kind()).isEqualTo(GcLog.Kind.FULL);
    assertThat(pauses.get(1).allocationDriven()).as("System.gc()").isFalse();
    assertThat(pauses.get(2).kind()).isEqualTo(GcLog.Kind.OTHER);
    assertThat(pauses.get(4).allocationDriven()).as("metadata threshold").isFalse();
  }

  @Test
  void summaryCountsKindsMaxAndTotal() throws Exception {
    GcLog.Summary s = GcLog.Summary.of(GcLog.parse(sample()));
    assertThat(s.count()).isEqualTo(5);
    assertThat(s.young()).isEqualTo(2);
    assertThat(s.full()).isEqualTo(1);
    assertThat(s.other()).isEqualTo(2);
    assertThat(s.allocationDriven()).isEqualTo(1);
    assertThat(s.maxNanos()).isEqualTo(8_000_000L);
    assertThat(s.totalNanos()).isEqualTo(8_000_000L + 7_331_000L + 1_250_000L + 100_000L + 3_000_000L);
    assertThat(GcLog.Summary.of(List.of()).count()).isZero();
  }

  @Test
  void windowsArePlacedAgainstPauses() throws Exception {
    List<GcLog.Pause> pauses = GcLog.parse(sample());
    long end = 34484090226388L;
    long start = end - 8_000_000L;
    // one window inside the first pause, one touching its start, one well before, one between pauses
    long[] starts = {start + 1, start - 1000, start - 1_000_000, end + 1};
    long[] ends = {start + 2, start, start - 500_000, end + 2};
    assertThat(GcLog.overlapping(pauses, starts, ends)).isEqualTo(2);
    assertThat(GcLog.between(pauses, start - 10, end + 10)).hasSize(1);
    assertThat(GcLog.between(pauses, 0, Long.MAX_VALUE)).hasSize(5);
  }
}
